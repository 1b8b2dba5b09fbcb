"""The sitemap, by the protocol: an index at ``/sitemap.xml`` naming files of at most ``SITEMAP_PAGE_SIZE`` URLs.

Every page a visitor may see (:mod:`home.visibility`) is listed once, at its
frontend address, in path order, with two additions search engines use:
``lastmod`` is the later of the last publication and, for articles, the last
medical review; and each page lists its images (Google's image sitemap
extension) as the renditions readers are served: its main image, then the
images in its body (Wagtail's reference index, so the body is never read).

Built on Django's sitemaps (``django.contrib.sitemaps``: the index template,
the paginated file view) and Wagtail's (``wagtail.contrib.sitemaps``: the
request's site). Neither page objects nor bodies are loaded: each file reads
the few columns it writes with ``values()``, and the index reads three date
columns. Both are cached like pages (:mod:`frontend.page_cache`).
"""

from collections import defaultdict
from datetime import datetime, time

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps.views import SitemapIndexItem, sitemap, x_robots_tag
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, ReferenceIndex, Site

from frontend.page_cache import cached_answer
from frontend.query_parameters import query_limited_to
from home.visibility import visible_pages
from images.missing_files import rendition_or_none
from images.models import CustomImage

# The image rendition named in the sitemap: large enough for image search, never upscaled.
SITEMAP_IMAGE_SPEC = "max-1200x1200"
# Page fields holding a page's main image, by page type.
PAGE_IMAGE_FIELDS = ("hero_image", "photo")
# Body blocks holding an image, as Wagtail's reference index names them.
BODY_IMAGE_PATHS = ("body.image.image",)
SITEMAP_MEDIA_TYPE = "application/xml"


def _page_models() -> list[type[Page]]:
    page_model = apps.get_model("wagtailcore", "Page")
    return [model for model in apps.get_models() if issubclass(model, page_model) and model is not page_model]


def _subclass_columns(name: str) -> list[str]:
    """``<model>__<name>`` for each page type with a field ``name`` (read through Page's one-to-one joins)."""
    return [
        f"{model._meta.model_name}__{name}"
        for model in _page_models()
        if any(field.name == name for field in model._meta.local_fields)
    ]


def last_modified_at(published_at, revised_at, reviewed) -> datetime | None:
    """The later of a publication (else the last revision) and a medical review date, as a moment."""
    published = published_at or revised_at
    if reviewed is None:
        return published
    reviewed_at = timezone.make_aware(datetime.combine(reviewed, time.min))
    return max(reviewed_at, published) if published else reviewed_at


def last_modified(page) -> datetime | None:
    """When the page's content last changed for a reader: published, or (articles) medically reviewed."""
    return last_modified_at(
        page.last_published_at, page.latest_revision_created_at, getattr(page, "last_reviewed_date", None)
    )


class _PageAddress:
    """What Wagtail's URL building reads of a page (its ``url_path``), without a page object or a query."""

    get_full_url = Page.get_full_url
    get_url_parts = Page.get_url_parts
    _get_relevant_site_root_paths = Page._get_relevant_site_root_paths
    _get_site_root_paths = Page._get_site_root_paths

    def __init__(self, url_path: str):
        self.url_path = url_path


class PageSitemap(Sitemap):
    """The pages a visitor may see, as narrow rows: address, dates and main images."""

    @property
    def limit(self) -> int:
        return settings.SITEMAP_PAGE_SIZE

    def _lastmod_columns(self) -> list[str]:
        return ["last_published_at", "latest_revision_created_at", *_subclass_columns("last_reviewed_date")]

    def _visible(self):
        return visible_pages(self.get_wagtail_site()).order_by("path")

    def items(self):
        image_columns = [column + "_id" for name in PAGE_IMAGE_FIELDS for column in _subclass_columns(name)]
        return self._visible().values("pk", "url_path", *self._lastmod_columns(), *image_columns)

    def lastmod(self, item: dict) -> datetime | None:
        published, revised, *reviewed = (item[column] for column in self._lastmod_columns())
        return last_modified_at(published, revised, next((date for date in reviewed if date), None))

    def file_lastmods(self) -> list[datetime | None]:
        """Each file's latest ``lastmod`` (``None`` when a page in it has none), in file order."""
        rows = self._visible().values_list(*self._lastmod_columns())
        moments = [
            last_modified_at(published, revised, next((date for date in reviewed if date), None))
            for published, revised, *reviewed in rows.iterator(chunk_size=2000)
        ]
        files = [moments[start : start + self.limit] for start in range(0, len(moments), self.limit)] or [[]]
        return [max(moments) if moments and None not in moments else None for moments in files]

    def _urls(self, page, protocol, domain):
        rows = list(self.paginator.page(page).object_list)
        image_ids = _image_ids_by_page(rows)
        images = _images_by_id(image_ids)
        root_paths = Site.get_site_root_paths()
        urls = []
        for row in rows:
            address = _PageAddress(row["url_path"])
            address._wagtail_cached_site_root_paths = root_paths
            location = address.get_full_url(self.request)
            if location is None:
                continue
            urls.append(
                {
                    "location": location,
                    "lastmod": self.lastmod(row),
                    "images": [
                        # Relative media URLs are completed with this request's origin, like the pages'.
                        self.request.build_absolute_uri(images[image_id].url)
                        for image_id in image_ids[row["pk"]]
                        if image_id in images
                    ],
                }
            )
        last_mods = [url["lastmod"] for url in urls]
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def page_image_ids(page, body=None) -> list[int]:
    """The page's main image, then the images in its body, each once, in reading order."""
    ids = [getattr(page, f"{name}_id") for name in PAGE_IMAGE_FIELDS if getattr(page, f"{name}_id", None)]
    for block in body.raw_data if body is not None else []:
        if block.get("type") == "image" and isinstance(block.get("value"), dict) and block["value"].get("image"):
            ids.append(block["value"]["image"])
    return list(dict.fromkeys(ids))


def _image_ids_by_page(rows: list[dict]) -> dict[int, list[int]]:
    """Each row's main image, then its body's images (one query on the reference index), each once."""
    by_page = {row["pk"]: [value for key, value in row.items() if key.endswith("_id") and value] for row in rows}
    if not by_page:
        return by_page
    references = (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in by_page],
            to_content_type=ContentType.objects.get_for_model(CustomImage),
            model_path__in=BODY_IMAGE_PATHS,
        )
        .order_by("object_id", "id")
        .values_list("object_id", "to_object_id")
    )
    body_images = defaultdict(list)
    for page_id, image_id in references:
        if image_id.isdigit():
            body_images[int(page_id)].append(int(image_id))
    return {pk: list(dict.fromkeys([*ids, *body_images[pk]])) for pk, ids in by_page.items()}


def _images_by_id(image_ids: dict[int, list[int]]):
    """The sitemap rendition of each image (one query for the images, one for their renditions).

    An image whose rendition cannot be made (its file is missing) is left out.
    """
    wanted = {image_id for ids in image_ids.values() for image_id in ids}
    if not wanted:
        return {}
    renditions = {}
    for image in CustomImage.objects.filter(pk__in=wanted).prefetch_renditions(SITEMAP_IMAGE_SPEC):
        rendition = rendition_or_none(image, SITEMAP_IMAGE_SPEC)
        if rendition is not None:
            renditions[image.pk] = rendition
    return renditions


def _prepared(request: HttpRequest) -> PageSitemap:
    sitemap = PageSitemap()
    sitemap.request = request
    return sitemap


@require_safe
@x_robots_tag
@cached_answer(SITEMAP_MEDIA_TYPE)
def sitemap_index(request: HttpRequest) -> TemplateResponse:
    """``/sitemap.xml``: the sitemap files, each with the latest ``lastmod`` of its pages."""
    lastmods = _prepared(request).file_lastmods()
    file_url = request.build_absolute_uri(reverse("sitemap_file"))
    files = [
        SitemapIndexItem(file_url if number == 1 else f"{file_url}?p={number}", lastmod)
        for number, lastmod in enumerate(lastmods, start=1)
    ]
    headers = {}
    if None not in lastmods:
        headers["Last-Modified"] = http_date(max(lastmods).timestamp())
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": files}, content_type=SITEMAP_MEDIA_TYPE, headers=headers
    )


@require_safe
@query_limited_to("p")
@cached_answer(SITEMAP_MEDIA_TYPE)
def sitemap_file(request: HttpRequest) -> TemplateResponse:
    """``/sitemap-pages.xml?p=N``: one file of at most ``SITEMAP_PAGE_SIZE`` pages and their images (404 past it)."""
    sitemaps = {"pages": _prepared(request)}
    return sitemap(
        request, sitemaps, section="pages", template_name="discovery/sitemap.xml", content_type=SITEMAP_MEDIA_TYPE
    )
