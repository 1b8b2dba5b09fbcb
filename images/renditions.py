"""Responsive renditions of an image, as every API response delivers them.

A consumer never receives a bare image id: it gets a ``srcset`` of several
widths in modern formats (AVIF, WebP), a fallback URL in a format every
browser reads, the fallback's width and height (so the layout reserves the
right space before the image loads) and the alt text.

The same shape is used by API v2 (through the DRF field below), API v3 (the
v3 schema generator reads the field's typed return value) and the project's
own routers (through :func:`responsive_image`).
"""

from collections.abc import Sequence
from pathlib import Path

from rest_framework.fields import Field
from typing_extensions import TypedDict
from wagtail.images.models import SourceImageIOError

from .missing_files import log_missing_file
from .rendition_budget import available_renditions

# Widths a phone, a tablet and a desktop typically ask for; an image is never
# upscaled, so widths above the original's are dropped.
DETAIL_WIDTHS: tuple[int, ...] = (400, 800, 1200, 1600)
CARD_WIDTHS: tuple[int, ...] = (320, 640, 960)
# AVIF first: browsers take the first <source> they support.
SOURCE_FORMATS: tuple[tuple[str, str], ...] = (("avif", "image/avif"), ("webp", "image/webp"))
FALLBACK_WIDTH = 800
# Formats every browser shows in a plain <img>; any other original (WebP, AVIF, HEIC)
# gets a JPEG fallback, so no <img> offers a format some browser cannot read.
UNIVERSAL_FORMATS = frozenset({"jpg", "jpeg", "png", "gif"})


class ImageSource(TypedDict):
    """One ``<source>`` of a ``<picture>``: a MIME type and its ``srcset``."""

    type: str
    srcset: str


class ResponsiveImage(TypedDict):
    """An image ready for ``<picture>``/``<img srcset>``.

    ``src``, ``width`` and ``height`` describe the fallback rendition;
    ``srcset`` is the WebP set (for a plain ``<img srcset>``); ``sources``
    lists every modern format, best first.
    """

    id: int
    src: str
    width: int
    height: int
    alt: str
    srcset: str
    sources: list[ImageSource]
    credit: str


def rendition_widths(original_width: int, widths: Sequence[int]) -> list[int]:
    """The widths worth generating for an image ``original_width`` pixels wide."""
    smaller = [width for width in widths if width < original_width]
    largest = min(original_width, max(widths))
    # Each width once: a srcset naming one width twice leaves the browser no right choice.
    return [*smaller, largest] if largest not in smaller else smaller


def fallback_spec(image) -> str:
    """The filter spec of the ``<img>`` fallback: at most ``FALLBACK_WIDTH`` wide, in a universal format."""
    spec = f"width-{min(image.width, FALLBACK_WIDTH)}"
    extension = Path(image.file.name).suffix.lower().lstrip(".")
    return spec if extension in UNIVERSAL_FORMATS else f"{spec}|format-jpeg"


def rendition_specs(image, widths: Sequence[int] = DETAIL_WIDTHS) -> list[str]:
    """Every filter spec :func:`responsive_image` needs, fallback last."""
    specs = [
        f"width-{width}|format-{fmt}" for fmt, _ in SOURCE_FORMATS for width in rendition_widths(image.width, widths)
    ]
    specs.append(fallback_spec(image))
    return specs


def responsive_image(image, alt: str = "", widths: Sequence[int] = DETAIL_WIDTHS) -> ResponsiveImage | None:
    """The :class:`ResponsiveImage` of ``image``, or ``None`` when its file is missing.

    ``alt`` overrides the image's own description (e.g. an article's hero alt text).
    """
    if image is None:
        return None
    specs = rendition_specs(image, widths)
    try:
        # Only what exists, or the few this request may render (images/rendition_budget.py).
        renditions = available_renditions(image, specs, required=specs[-1])
    except SourceImageIOError:
        # A missing original file must not break the page that shows it (images/missing_files.py).
        log_missing_file(image)
        return None
    fallback = renditions[specs[-1]]
    sources: list[ImageSource] = []
    for fmt, mime in SOURCE_FORMATS:
        made = [renditions.get(f"width-{width}|format-{fmt}") for width in rendition_widths(image.width, widths)]
        if any(made):
            sources.append(ImageSource(type=mime, srcset=", ".join(f"{r.url} {r.width}w" for r in made if r)))
    webp = next((source["srcset"] for source in sources if source["type"] == "image/webp"), "")
    return ResponsiveImage(
        id=image.pk,
        src=fallback.url,
        width=fallback.width,
        height=fallback.height,
        alt=alt or image.alt_text,
        srcset=webp,
        sources=sources,
        credit=image.credit,
    )


class ResponsiveImageField(Field):
    """A DRF field (read by API v2 and, through ``api_fields``, API v3) giving a :class:`ResponsiveImage`."""

    def __init__(self, *args, widths: Sequence[int] = DETAIL_WIDTHS, alt_attribute: str | None = None, **kwargs):
        self.widths = widths
        self.alt_attribute = alt_attribute
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def get_attribute(self, instance):
        image = super().get_attribute(instance)
        # The alt text override lives on the parent object (e.g. ArticlePage.hero_alt_text);
        # it travels with the value, as the field instance is shared between requests.
        alt = getattr(instance, self.alt_attribute, "") if self.alt_attribute else ""
        return (image, alt) if image is not None else None

    def to_representation(self, value) -> ResponsiveImage | None:
        image, alt = value if isinstance(value, tuple) else (value, "")
        return responsive_image(image, alt=alt, widths=self.widths)
