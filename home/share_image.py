"""The image a page shows when it is shared (WhatsApp, social networks): always one.

The chain, first found wins:

1. the page's own social image (a ``social_image`` field, where a page type has one);
2. its hero image (articles, home page) or the doctor's photo (doctor pages);
3. the site settings' default social image, when staff have chosen one;
4. an image drawn on the server: the page's title and the doctor's name in
   the site's colours, 1200×630.

A library image whose file is missing from storage is skipped (the next choice
is used, the miss logged: ``images/missing_files.py``). Library images are
served as a 1200×630 JPEG rendition. A drawn image is
stored once in the media storage, under a name made from everything drawn
on it, so it is redrawn only when the title or name changes — cached like a
rendition, and shared by every server behind the load balancer.
"""

import hashlib
import io
from functools import cache
from pathlib import Path
from typing import TypedDict

from django.conf import settings
from django.core.cache import cache as django_cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont

from home.site_roots import site_name_of, site_root_path, site_settings_of
from home.visibility import visible_beside, visible_reference
from images.missing_files import rendition_or_none

WIDTH, HEIGHT = 1200, 630
# The library image as a share card: the size Open Graph and WhatsApp show best.
RENDITION_SPEC = f"fill-{WIDTH}x{HEIGHT}|format-jpeg"
# Page fields tried, in order, before drawing one.
IMAGE_FIELDS = ("social_image", "hero_image", "photo")

# The site's colours, as in frontend/src/styles.css (--brand, --brand-dark, --tint).
BRAND = "#0b5f5a"
BRAND_DARK = "#073f3c"
TINT = "#eef6f5"

# Debian's fonts-dejavu-core; Pillow's own font when it is not installed.
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
BOLD_FONT = "DejaVuSans-Bold.ttf"
REGULAR_FONT = "DejaVuSans.ttf"
# Bump when the drawing changes, so stored images are redrawn.
LAYOUT_VERSION = "1"
STORAGE_DIR = "share-images"


class ShareImage(TypedDict):
    """An absolute image address with its size and alt text, ready for ``og:image``."""

    url: str
    width: int
    height: int
    alt: str


def share_image(page) -> ShareImage:
    """The share image of ``page`` (any page type), following the chain above."""
    page = page.specific
    for image, alt in _library_choices(page):
        shared = _library_image(page, image, alt)
        if shared is not None:
            return shared
    return generated_share_image(page)


def _library_choices(page) -> list:
    """The library images the chain tries for ``page``, in order, with their alt texts: its own, then the site's."""
    choices = []
    for field in IMAGE_FIELDS:
        image = getattr(page, field, None)
        if image is not None:
            alt = page.hero_image_alt if field == "hero_image" and hasattr(page, "hero_image_alt") else image.alt_text
            choices.append((image, alt))
    settings_of_site = site_settings_of(page)
    site_default = settings_of_site.default_social_image if settings_of_site is not None else None
    if site_default is not None:
        choices.append((site_default, site_default.alt_text))
    return choices


def site_share_image(root_page, settings_of_site) -> ShareImage:
    """The share image of the site's pages that have no image of their own (search, booking form, not found).

    The site's default social image when staff chose one (already loaded with the
    settings) and its file is there, else the home page's share image.
    """
    site_default = settings_of_site.default_social_image if settings_of_site is not None else None
    if site_default is not None:
        return _library_image(root_page, site_default, site_default.alt_text) or share_image(root_page)
    return share_image(root_page)


def _library_image(page, image, alt: str) -> ShareImage | None:
    """The share image made from a library image; ``None`` when its file is missing (the next choice is used)."""
    rendition = rendition_or_none(image, RENDITION_SPEC)
    if rendition is None:
        return None
    return ShareImage(url=_absolute(page, rendition.url), width=rendition.width, height=rendition.height, alt=alt)


def _absolute(page, url: str) -> str:
    # Media on this origin is addressed like the page: at its site's address (remote storage is absolute already).
    if not url.startswith("/"):
        return url
    root = site_root_path(page)  # Wagtail's cached site root paths: no query
    return (root.root_url if root else settings.WAGTAILADMIN_BASE_URL.rstrip("/")) + url


def _card(page) -> tuple[str, str, str, str]:
    """What the drawn card of ``page`` shows (title, doctor, site name) and the name it is stored under.

    Worked out once per page object while the fields it reads stay the same: the doctor's line may be a query.
    """
    reads = (page.seo_title, page.title, getattr(page, "author_id", None))
    worked_out = getattr(page, "_share_card", None)
    if worked_out is not None and worked_out[0] == reads:
        return worked_out[1]
    title = page.seo_title or page.title
    doctor = doctor_line(page)
    settings_of_site = site_settings_of(page)
    site_name = site_name_of(settings_of_site.site if settings_of_site else None)
    key = hashlib.sha256("\x1f".join((LAYOUT_VERSION, title, doctor, site_name)).encode()).hexdigest()[:16]
    card = (title, doctor, site_name, f"{STORAGE_DIR}/{page.pk}-{key}.jpg")
    page._share_card = (reads, card)
    return card


def _stored_key(name: str) -> str:
    # Asking remote storage (S3) whether a file exists is a request: the answer is remembered under this key.
    return f"share-image:{name}"


def note_stored_cards(pages) -> None:
    """Read at once whether the drawn cards of ``pages`` are stored: a listing would ask the cache once per page.

    Asked for the pages with no library image of their own and no site default, which are drawn; the
    others ask, if ever, when their image's file turns out to be missing.
    """
    drawn = {page: _card(page)[3] for page in pages if not _library_choices(page)}
    if drawn:
        stored = django_cache.get_many([_stored_key(name) for name in drawn.values()])
        for page, name in drawn.items():
            if stored.get(_stored_key(name)):
                page._stored_share_card = name  # the card's name, so a changed title is not taken for it


def generated_share_image(page) -> ShareImage:
    """The drawn card for ``page``: stored on first use, then reused until its text changes."""
    title, doctor, site_name, name = _card(page)
    if getattr(page, "_stored_share_card", None) != name and not django_cache.get(_stored_key(name)):
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(draw_card(title, doctor, site_name)))
        django_cache.set(_stored_key(name), True, 24 * 60 * 60)
    url = _absolute(page, default_storage.url(name))
    alt = f"{title} – {doctor}" if doctor else title
    return ShareImage(url=url, width=WIDTH, height=HEIGHT, alt=alt)


def doctor_line(page) -> str:
    """The doctor's name to print: the doctor page's own, an article's author, else the site's first doctor.

    Only a doctor a visitor may see is named (:mod:`home.visibility`).
    """
    # home.models imports this module (through api_fields): imported when called, to break that cycle.
    from home.models import DoctorPage

    if isinstance(page, DoctorPage):
        return " · ".join(part for part in (page.display_name, page.job_title) if part)
    author = visible_reference(getattr(page, "author", None), referrer=page)
    if author is not None:
        return author.display_name
    doctor = visible_beside(page, DoctorPage).order_by("path").first()
    return doctor.display_name if doctor else ""


def draw_card(title: str, doctor: str, site_name: str) -> bytes:
    """A 1200×630 JPEG: the title large on the brand colour, the doctor and site beneath."""
    card = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    draw = ImageDraw.Draw(card)
    margin = 80
    draw.rectangle([0, HEIGHT - 150, WIDTH, HEIGHT], fill=BRAND_DARK)
    draw.rectangle([margin, 70, margin + 120, 80], fill=TINT)

    # The largest size at which the title fits in four lines.
    for size in (72, 64, 56, 48, 42):
        font = _font(BOLD_FONT, size)
        lines = _wrap(draw, title, font, WIDTH - 2 * margin)
        if len(lines) <= 4:
            break
    else:
        lines = [*lines[:3], lines[3].rstrip(" .,;:") + "…"]
    y = 120
    for line in lines[:4]:
        draw.text((margin, y), line, font=font, fill="#ffffff")
        y += int(size * 1.25)

    if doctor:
        doctor_font = _font(BOLD_FONT, 38)
        doctor = _fit(draw, doctor, doctor_font, WIDTH - 2 * margin)
        draw.text((margin, HEIGHT - 125), doctor, font=doctor_font, fill="#ffffff")
    site_font = _font(REGULAR_FONT, 28)
    draw.text((margin, HEIGHT - 65), _fit(draw, site_name, site_font, WIDTH - 2 * margin), font=site_font, fill=TINT)

    output = io.BytesIO()
    card.save(output, format="JPEG", quality=85, optimize=True, progressive=True)
    return output.getvalue()


@cache
def _font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = FONT_DIR / name
    if path.is_file():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    # Wrap by measured width, not character count: fonts differ.
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _fit(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    while text and draw.textlength(text, font=font) > width:
        text = text[:-2] + "…"
    return text
