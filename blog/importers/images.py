"""Putting an article's pictures into Wagtail's image library.

An image is looked for on disk first: a WordPress attachment in the media
folder (``--media-dir``, the copy of ``wp-content/uploads``), or a path
relative to the article's file. Only with ``--fetch-images`` is the old
site asked for it over HTTP. An image that cannot be found is reported, and
the article is imported without it. The same file is stored once (Wagtail's
file hash), whatever the number of articles or runs that use it.
"""

import io
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.utils.file import hash_filelike

from images.models import CustomImage

from .safe_fetch import FetchRefused, fetch_image
from .source import SourceImage

# A whole download, redirects included, must finish within this many seconds.
FETCH_TIMEOUT_SECONDS = 20
# WordPress's resized copies are named "photo-300x200.jpg"; the original is "photo.jpg".
WP_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
# Marks an image found in a dry run: it would be imported, but nothing is stored.
DRY_RUN_IMAGE = -1


class ImageImporter:
    """Finds, checks and stores images; counts what it did for the report."""

    def __init__(
        self,
        *,
        media_dir: Path | None,
        attachments: dict[str, SourceImage],
        fetch: bool = False,
        dry_run: bool = False,
        collection=None,
    ):
        self.media_dir = media_dir.resolve() if media_dir else None
        self.attachments = attachments
        self.fetch = fetch
        self.dry_run = dry_run
        # Where new images are stored (see import_articles --collection); None: the root collection.
        self.collection = collection
        self.found: dict[str, int | None] = {}
        self.created = 0
        self.reused = 0

    def find(self, src: str, alt: str, warnings: list[str], base_dir: Path | None = None) -> int | None:
        """The library id of the image at ``src``, importing it if needed; None (with a warning) if unavailable."""
        key = f"{base_dir}|{src}"
        if key not in self.found:
            self.found[key] = self._import(src, alt, warnings, base_dir)
        elif self.found[key] is None:
            warnings.append(f"image {src[:120]} not available (see above)")
        return self.found[key]

    def _import(self, src: str, alt: str, warnings: list[str], base_dir: Path | None) -> int | None:
        if src.startswith("data:"):
            warnings.append("an image embedded as a data: address was dropped")
            return None
        attachment = self._attachment_for(src)
        data, name = self._read_local(src, attachment, base_dir)
        if data is None and self.fetch and src.startswith(("http://", "https://")):
            data, name = self._download(src, warnings)
        if data is None:
            hint = "" if self.fetch else " (give --media-dir, or --fetch-images to download it)"
            warnings.append(f"image {src[:120]} not found{hint}; left out")
            return None

        suffix = PurePosixPath(name).suffix.lower().lstrip(".")
        if suffix not in settings.WAGTAILIMAGES_EXTENSIONS:
            warnings.append(f"image {src[:120]}: “.{suffix}” files are not accepted by the image library; left out")
            return None
        try:
            with PILImage.open(io.BytesIO(data)) as picture:
                picture.verify()
                pixels = picture.width * picture.height
        except (UnidentifiedImageError, OSError, SyntaxError, PILImage.DecompressionBombError):
            warnings.append(f"image {src[:120]} is not a readable image file; left out")
            return None
        if pixels > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            warnings.append(
                f"image {src[:120]} has {pixels:,} pixels, more than the library's "
                f"{settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:,}; left out (resize it and upload it in the admin)"
            )
            return None

        file_hash = hash_filelike(io.BytesIO(data))
        existing = CustomImage.objects.filter(file_hash=file_hash).first()
        if existing is not None:
            self.reused += 1
            return existing.pk
        self.created += 1
        if self.dry_run:
            return DRY_RUN_IMAGE
        description = alt or (attachment.alt if attachment else "")
        title = (attachment.title if attachment and attachment.title else "") or alt or PurePosixPath(name).stem
        # Hash and size as the admin's upload form records them, so later imports find this file.
        image = CustomImage(title=title[:255], description=description[:255], file_hash=file_hash, file_size=len(data))
        if self.collection is not None:
            image.collection = self.collection
        image.file = ImageFile(io.BytesIO(data), name=PurePosixPath(name).name)
        image.save()
        return image.pk

    def _attachment_for(self, src: str) -> SourceImage | None:
        if src in self.attachments:
            return self.attachments[src]
        bare = urlsplit(src)._replace(query="", fragment="").geturl()
        for candidate in (bare, WP_SIZE_SUFFIX.sub("", bare)):
            if candidate in self.attachments:
                return self.attachments[candidate]
        return None

    def _read_local(self, src: str, attachment: SourceImage | None, base_dir: Path | None) -> tuple[bytes | None, str]:
        path = unquote(urlsplit(src).path)
        relative_paths = []
        if attachment is not None:
            relative_paths.append(attachment.path)
        _, uploads, rest = path.partition("/wp-content/uploads/")
        if uploads:
            relative_paths += [rest, WP_SIZE_SUFFIX.sub("", rest)]
        candidates = []
        if self.media_dir:
            candidates += [(self.media_dir, p) for p in relative_paths]
        if not src.startswith(("http://", "https://", "//")):
            if base_dir is not None:
                candidates.append((base_dir.resolve(), path))
            if self.media_dir:
                candidates.append((self.media_dir, path.lstrip("/")))
        for root, relative in candidates:
            file = (root / relative.lstrip("/")).resolve()
            # Only files inside the folders named on the command line are read.
            if file.is_relative_to(root) and file.is_file():
                return file.read_bytes(), file.name
        return None, ""

    def _download(self, url: str, warnings: list[str]) -> tuple[bytes | None, str]:
        try:
            fetched = fetch_image(url, max_bytes=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, timeout=FETCH_TIMEOUT_SECONDS)
        except FetchRefused as refusal:
            warnings.append(f"image {url[:120]} could not be downloaded ({refusal})")
            return None, ""
        name = PurePosixPath(urlsplit(fetched.url).path).name or "image"
        extension = fetched.content_type.removeprefix("image/").replace("jpeg", "jpg")
        if PurePosixPath(name).suffix.lower().lstrip(".") not in settings.WAGTAILIMAGES_EXTENSIONS:
            name = f"{PurePosixPath(name).stem or 'image'}.{extension}"
        return fetched.data, name
