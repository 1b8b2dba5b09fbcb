"""Every image field offers each format under its own type: AVIF files in the AVIF ``<source>``,
WebP files in the WebP one, and an ``<img>`` fallback every browser reads (JPEG or PNG).

The library image here is a WebP original 1,700 pixels wide: wider than the largest card and
page widths (so a width could be listed twice) and in a format an old browser cannot show
in a plain ``<img>``.
"""

import io
import re

import pytest
from django.core.files.images import ImageFile

from images.models import CustomRendition
from tests.factories import image_bytes

pytestmark = pytest.mark.django_db

EXTENSIONS = {"image/avif": ".avif", "image/webp": ".webp"}


def _webp_original(image) -> None:
    CustomRendition.objects.filter(image=image).delete()
    image.file = ImageFile(io.BytesIO(image_bytes((1700, 900), "WEBP")), name="ward.webp")
    image.file_hash = ""
    image.save()


def _images_in(data) -> list[dict]:
    """Every responsive image (a dict with ``src`` and ``sources``) anywhere in an API answer."""
    if isinstance(data, dict):
        found = [data] if {"src", "sources"} <= data.keys() else []
        return found + [image for value in data.values() for image in _images_in(value)]
    if isinstance(data, list):
        return [image for item in data for image in _images_in(item)]
    return []


def _problems(image: dict) -> list[str]:
    problems = []
    if not re.search(r"\.(jpg|png)$", image["src"]):
        problems.append(f"fallback {image['src']} is not JPEG or PNG")
    for source in image["sources"]:
        candidates = [candidate.split() for candidate in source["srcset"].split(", ")]
        for url, _ in candidates:
            if not url.endswith(EXTENSIONS[source["type"]]):
                problems.append(f"{url} listed under {source['type']}")
        widths = [width for _, width in candidates]
        if len(widths) != len(set(widths)):
            problems.append(f"{source['type']} lists a width twice: {widths}")
    if image["srcset"] != next(s["srcset"] for s in image["sources"] if s["type"] == "image/webp"):
        problems.append("srcset is not the WebP set")
    return problems


def test_every_image_field_groups_its_renditions_by_format(client, site_tree):
    _webp_original(site_tree.image)
    answers = {
        "article cards": client.get("/api/v3/articles/"),
        "article hero and body image": client.get(f"/api/v3/pages/{site_tree.article.pk}/"),
        "doctor photo": client.get(f"/api/v3/pages/{site_tree.doctor.pk}/"),
        "home hero and doctors": client.get(f"/api/v3/pages/{site_tree.home.pk}/"),
        "image detail": client.get(f"/api/v3/images/{site_tree.image.pk}/"),
        "API v2 article": client.get(f"/api/v2/pages/{site_tree.article.pk}/"),
    }
    found = {name: _images_in(response.json()) for name, response in answers.items()}
    # Each answer really carries images (the article: hero and body block; cards: both articles' heroes).
    assert {name: len(images) >= 1 for name, images in found.items()} == dict.fromkeys(answers, True)
    assert len(found["article hero and body image"]) >= 2
    problems = {name: [p for image in images for p in _problems(image)] for name, images in found.items()}
    assert problems == {name: [] for name in answers}
    # Both modern formats are offered, best first.
    card = found["article cards"][0]
    assert [source["type"] for source in card["sources"]] == ["image/avif", "image/webp"]


def test_the_share_image_is_a_jpeg_whatever_the_original(client, site_tree):
    _webp_original(site_tree.image)
    head = client.get(f"/api/v3/pages/{site_tree.article.pk}/").json()["head"]
    share_urls = re.findall(r"https?://\S+?\.(?:jpg|png|webp|avif)", str(head))
    assert share_urls
    assert all(url.endswith((".jpg", ".png")) for url in share_urls)


def test_a_png_original_keeps_a_png_fallback(client, site_tree):
    rendition = client.get(f"/api/v3/images/{site_tree.image.pk}/").json()["renditions"]
    assert rendition["src"].endswith(".png")
    assert _problems(rendition) == []
