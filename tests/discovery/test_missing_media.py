"""An image whose file is missing from storage never fails an answer: what shows it goes without it, and it is logged.

The case of a database restored without its media, or one lost file: the
hero image's original is gone and none of its renditions was made yet, so
each would have to be made from a file that is not there.
"""

import logging

import feedparser
import pytest
from django.core.files.storage import default_storage

from home.share_image import share_image

from .test_sitemap_robots import sitemap_entries

ARTICLE = "/articles/oncologists/"


@pytest.fixture
def lost_hero(clinic, caplog):
    """The hero image's file deleted from storage, its renditions never made."""
    image = clinic.hero
    for rendition in image.renditions.all():
        default_storage.delete(rendition.file.name)
    image.renditions.all().delete()
    default_storage.delete(image.file.name)
    caplog.set_level(logging.WARNING, logger="images.missing_files")
    return image


def assert_logged_without_file_name(caplog, image) -> None:
    messages = [record.getMessage() for record in caplog.records if record.name == "images.missing_files"]
    assert f"Image {image.pk}: its file is missing from storage; shown without it" in messages
    assert not any(image.file.name in message or image.title in message for message in messages)


def test_the_api_answers_cards_detail_route_and_v2_without_the_image(client, clinic, lost_hero, caplog):
    cards = client.get("/api/v3/articles/")
    assert cards.status_code == 200
    card = next(item for item in cards.json()["items"] if item["id"] == clinic.reviewed.pk)
    assert card["hero_image"] is None
    detail = client.get(f"/api/v3/pages/{clinic.reviewed.pk}/")
    assert detail.status_code == 200
    assert detail.json()["hero_image"] is None
    route = client.get("/api/v3/route/", {"path": ARTICLE})
    assert route.status_code == 200
    assert route.json()["page"]["hero_image"] is None
    assert route.json()["head"]["social_image"]["url"]  # the share image falls back to the next choice
    v2 = client.get(f"/api/v2/pages/{clinic.reviewed.pk}/")
    assert v2.status_code == 200
    assert v2.json()["hero_image"] is None
    assert_logged_without_file_name(caplog, lost_hero)


def test_the_page_is_served_without_the_image(client, lost_hero, caplog):
    response = client.get(ARTICLE)
    assert response.status_code == 200
    assert "Medical and surgical oncologists" in response.content.decode()
    assert_logged_without_file_name(caplog, lost_hero)


@pytest.mark.parametrize("url", ["/feeds/articles.rss", "/feeds/articles.atom"])
def test_feeds_leave_out_the_enclosure(client, lost_hero, caplog, url):
    response = client.get(url)
    assert response.status_code == 200
    entry = next(e for e in feedparser.parse(response.content).entries if e.link.endswith(ARTICLE))
    assert entry.enclosures == []
    assert_logged_without_file_name(caplog, lost_hero)


def test_a_feed_enclosure_is_sized_from_the_stored_size_without_the_file(client, clinic):
    rendition = clinic.hero.get_rendition("width-1200|format-jpeg")
    size = rendition.file_size
    assert size == rendition.file.size  # stored when the rendition was made
    default_storage.delete(rendition.file.name)  # the file is gone, its record stays
    response = client.get("/feeds/articles.rss")
    assert response.status_code == 200
    entry = next(e for e in feedparser.parse(response.content).entries if e.link.endswith(ARTICLE))
    assert [int(enclosure.length) for enclosure in entry.enclosures] == [size]


def test_the_sitemap_lists_the_page_without_the_image(client, clinic, lost_hero, caplog):
    images = sitemap_entries(client)[f"http://testserver{ARTICLE}"]["images"]
    assert len(images) == 1  # the body's image only
    assert_logged_without_file_name(caplog, lost_hero)


def test_the_share_image_falls_back_to_the_next_choice(clinic, lost_hero, caplog):
    shared = share_image(clinic.reviewed)
    assert shared["url"] and lost_hero.file.name.rsplit("/", 1)[-1].split(".")[0] not in shared["url"]
    assert_logged_without_file_name(caplog, lost_hero)
