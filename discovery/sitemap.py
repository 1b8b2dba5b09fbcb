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
columns. Both are cached like pages (:mod:`content_cache.page_cache`).
"""

import functools
import re
from collections import defaultdict
from datetime import UTC, date, datetime, time
from urllib.parse import quote
from xml.sax.saxutils import escape

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps.views import SitemapIndexItem, sitemap, x_robots_tag
from django.db import connection
from django.db.models import DateField, F, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import RFC3986_SUBDELIMS, http_date
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, ReferenceIndex, Site

from content_cache.page_cache import cached_answer
from content_cache.query_parameters import query_limited_to
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


@functools.cache
def _subclass_columns(name: str) -> tuple[str, ...]:
    """``<model>__<name>`` for each page type with a field ``name`` (read through Page's one-to-one joins)."""
    return tuple(
        f"{model._meta.model_name}__{name}"
        for model in _page_models()
        if any(field.name == name for field in model._meta.local_fields)
    )


def last_modified_at(published_at, revised_at, reviewed, zone=None) -> datetime | None:
    """The later of a publication (else the last revision) and a medical review date (its start in ``zone``)."""
    published = published_at or revised_at
    if reviewed is None:
        return published
    reviewed_at = datetime.combine(reviewed, time.min, tzinfo=zone or timezone.get_current_timezone())
    return max(reviewed_at, published) if published else reviewed_at


def last_modified(page) -> datetime | None:
    """When the page's content last changed for a reader: published, or (articles) medically reviewed."""
    return last_modified_at(
        page.last_published_at, page.latest_revision_created_at, getattr(page, "last_reviewed_date", None)
    )


# The frontend's page pattern (``wagtail_serve`` in frontend/urls.py): a page at another path is not routable.
SERVED_PATH = re.compile(r"(?:[\w\-]+/)*")


class _PageAddresses:
    """Full page URLs from ``url_path`` alone, as Wagtail's ``Page.get_full_url`` writes them.

    The same choice of site root and language, but ``wagtail_serve`` is reversed once per root
    (its pattern only adds a prefix and quotes the path): no page object, no reverse per page.
    """

    def __init__(self, request: HttpRequest):
        self.request = request
        self.roots = Site.get_site_root_paths()
        self.prefixes: dict = {}

    def __call__(self, url_path: str) -> str | None:
        relevant = [root for root in self.roots if url_path.startswith(root.root_path)]
        if not relevant:
            return None
        root = relevant[0]
        if len({candidate.site_id for candidate in relevant}) > 1:
            site = Site.find_for_request(self.request)
            root = next((candidate for candidate in relevant if site and candidate.site_id == site.pk), root)
        rest = url_path[len(root.root_path) :]
        if not SERVED_PATH.fullmatch(rest):
            return None
        if root not in self.prefixes:
            self.prefixes[root] = root.root_url + self._served_prefix(root.language_code)
        return self.prefixes[root] + quote(rest, safe=RFC3986_SUBDELIMS + "/~:@")

    @staticmethod
    def _served_prefix(language_code: str) -> str:
        if not settings.WAGTAIL_I18N_ENABLED:
            return reverse("wagtail_serve", args=("",))
        try:
            # The active language when it is a variant of the page's (as Page.get_url_parts).
            if get_supported_content_language_variant(translation.get_language()) == language_code:
                language_code = translation.get_language()
        except LookupError:
            pass
        with translation.override(language_code):
            return reverse("wagtail_serve", args=("",))


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

    def lastmod(self, item: dict, zone=None) -> datetime | None:
        published, revised, *reviewed = (item[column] for column in self._lastmod_columns())
        return last_modified_at(published, revised, next((date for date in reviewed if date), None), zone)

    def file_lastmods(self) -> list[datetime | None]:
        """Each file's latest ``lastmod`` (``None`` when a page in it has none), in file order.

        Added up by the database, file by file (row number over the path order), so the
        index reads one row per file however many pages there are.
        """
        published_at = Coalesce("last_published_at", "latest_revision_created_at")
        reviewed_columns = _subclass_columns("last_reviewed_date")
        reviewed = Value(None, output_field=DateField())
        if reviewed_columns:
            reviewed = Coalesce(*reviewed_columns, reviewed, output_field=DateField())
        positioned = self._visible().annotate(
            place=Window(RowNumber(), order_by=F("path").asc()), published=published_at, reviewed=reviewed
        )
        sql, params = positioned.values_list("place", "published", "reviewed").query.sql_with_params()
        # A file with a page of neither date has no lastmod.
        totals = (
            "SELECT (place - 1) / %s AS file, MAX(published), MAX(reviewed), "  # noqa: S608 - Django's compiled query
            "SUM(CASE WHEN published IS NULL AND reviewed IS NULL THEN 1 ELSE 0 END) "
            f"FROM ({sql}) AS pages GROUP BY file ORDER BY file"
        )
        with connection.cursor() as cursor:
            cursor.execute(totals, (self.limit, *params))
            files = cursor.fetchall()
        zone = timezone.get_current_timezone()
        lastmods = [
            None if undated else last_modified_at(_as_moment(published), None, _as_date(reviewed), zone)
            for _file, published, reviewed, undated in files
        ]
        return lastmods or [None]

    def _urls(self, page, protocol, domain):
        rows = list(self.paginator.page(page).object_list)
        image_ids = _image_ids_by_page(rows)
        images = _images_by_id(image_ids)
        addresses = _PageAddresses(self.request)
        zone = timezone.get_current_timezone()
        urls = []
        for row in rows:
            location = addresses(row["url_path"])
            if location is None:
                continue
            urls.append(
                {
                    "location": location,
                    "lastmod": self.lastmod(row, zone),
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
    return sitemap(request, sitemaps, section="pages", template_name=_URLSET, content_type=SITEMAP_MEDIA_TYPE)


class _UrlsetWriter:
    """Writes Django's sitemap view's ``urlset`` as XML (what ``discovery/sitemap.xml`` says, without a template loop).

    Ten thousand URLs through the template engine cost seconds; escaping and joining strings does not.
    """

    def render(self, context=None, request=None) -> str:
        zone = timezone.get_current_timezone()
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
        ]
        for url in context["urlset"]:
            parts.append(f"<url><loc>{escape(url['location'])}</loc>")
            if url["lastmod"]:
                # As the template's date:"c": ISO 8601 in the practice's time zone.
                parts.append(f"<lastmod>{url['lastmod'].astimezone(zone).isoformat()}</lastmod>")
            parts.extend(f"<image:image><image:loc>{escape(i)}</image:loc></image:image>" for i in url["images"])
            parts.append("</url>")
        parts.append("</urlset>\n")
        return "".join(parts)


_URLSET = _UrlsetWriter()


def _as_moment(value) -> datetime | None:
    """A moment from the database's aggregate (SQLite gives text)."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if "+" not in value else datetime.fromisoformat(value)


def _as_date(value):
    """A date from the database's aggregate (SQLite gives text)."""
    if value is None or not isinstance(value, str):
        return value
    return date.fromisoformat(value)
