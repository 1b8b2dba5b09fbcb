"""A media file missing from storage degrades what shows it and never fails the answer; the miss is logged.

After a database restore without the media, or a lost file, an image's
original can be gone. Making a rendition from it then raises Wagtail's
``SourceImageIOError``; every surface that shows images (API cards and detail,
HTML pages, feeds, the sitemap, share images) asks for renditions through
here and shows nothing for that image instead. The log line names the image
by id only (file names can carry a person's name).
"""

import logging

from wagtail.images.models import SourceImageIOError

logger = logging.getLogger(__name__)


def log_missing_file(image) -> None:
    """Record that ``image``'s original is missing from storage (by id only)."""
    logger.warning("Image %s: its file is missing from storage; shown without it", image.pk)


def rendition_or_none(image, spec: str):
    """``image``'s rendition for ``spec``; ``None`` (logged) when it cannot be made because the file is missing."""
    try:
        # Not get_rendition(): it writes the rendition back to the cache on every call, a database write
        # per answer with the database cache, even when it was prefetched with the image.
        return image.get_renditions(spec)[spec]
    except SourceImageIOError:
        log_missing_file(image)
        return None
