"""``/sitemap.xml``: every page a visitor may see (:mod:`home.visibility`) at its frontend address, with its images.

Built on Wagtail's sitemap (``wagtail.contrib.sitemaps``), with two additions
search engines use: ``lastmod`` is the later of the last publication and, for
articles, the last medical review; and each page lists its images (Google's
image sitemap extension) as the renditions readers are served.
"""

from collections import defaultdict
from datetime import datetime, time

from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap

from home.visibility import visible_pages
from images.models import CustomImage

# The image rendition named in the sitemap: large enough for image search, never upscaled.
SITEMAP_IMAGE_SPEC = "max-1200x1200"
# Page fields holding a page's main image, by page type.
PAGE_IMAGE_FIELDS = ("hero_image_id", "photo_id")


class PageSitemap(Sitemap):
    """Wagtail's page sitemap with review dates and images, listing the pages a visitor may see."""

    def items(self):
        return visible_pages(self.get_wagtail_site()).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        image_ids = _image_ids_by_page(pages)
        images = _images_by_id(image_ids)
        urls = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["lastmod"] = last_modified(item)
                url_info["images"] = [
                    # Relative media URLs are completed with this request's origin, like the pages'.
                    self.request.build_absolute_uri(images[image_id].get_rendition(SITEMAP_IMAGE_SPEC).url)
                    for image_id in image_ids[item.pk]
                    if image_id in images
                ]
                urls.append(url_info)
        last_mods = [url["lastmod"] for url in urls]
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def last_modified(page) -> datetime | None:
    """When the page's content last changed for a reader: published, or (articles) medically reviewed."""
    published = page.last_published_at or page.latest_revision_created_at
    reviewed = getattr(page, "last_reviewed_date", None)
    if reviewed is None:
        return published
    reviewed_at = timezone.make_aware(datetime.combine(reviewed, time.min))
    return max(reviewed_at, published) if published else reviewed_at


def page_image_ids(page, body=None) -> list[int]:
    """The page's main image, then the images in its body, each once, in reading order."""
    ids = [getattr(page, name) for name in PAGE_IMAGE_FIELDS if getattr(page, name, None)]
    for block in body.raw_data if body is not None else []:
        if block.get("type") == "image" and isinstance(block.get("value"), dict) and block["value"].get("image"):
            ids.append(block["value"]["image"])
    return list(dict.fromkeys(ids))


def _image_ids_by_page(pages) -> dict[int, list[int]]:
    # Wagtail's sitemap defers the bodies; they are read here with one query per page type.
    bodies = {}
    pages_by_model = defaultdict(list)
    for page in pages:
        pages_by_model[type(page)].append(page.pk)
    for model, ids in pages_by_model.items():
        if any(field.name == "body" for field in model._meta.get_fields()):
            bodies.update(model.objects.filter(pk__in=ids).values_list("pk", "body"))
    return {page.pk: page_image_ids(page, bodies.get(page.pk)) for page in pages}


def _images_by_id(image_ids: dict[int, list[int]]) -> dict[int, CustomImage]:
    # One query for the images and one for their renditions, however many pages.
    wanted = {image_id for ids in image_ids.values() for image_id in ids}
    if not wanted:
        return {}
    return {image.pk: image for image in CustomImage.objects.filter(pk__in=wanted).prefetch_renditions()}
