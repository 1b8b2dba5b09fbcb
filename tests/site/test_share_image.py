"""Every page has a share image: its own, else its hero or photo, else one drawn on the server."""

import io
import re
import uuid
from pathlib import Path

from django.core.files.storage import default_storage
from PIL import Image

from home import share_image as share
from home.share_image import generated_share_image, share_image, site_share_image
from tests.factories import make_image

STYLES = Path(__file__).resolve().parents[2] / "frontend" / "src" / "styles.css"


def stored_file(url: str) -> Image.Image:
    name = url.split("/media/", 1)[1]
    with default_storage.open(name) as file:
        return Image.open(io.BytesIO(file.read()))


def test_a_page_social_image_comes_first(clinic):
    article = clinic.reviewed
    article.social_image = make_image("Chosen for sharing", size=(1300, 700))  # a page type's social_image field
    result = share_image(article)
    assert result["alt"] == "Chosen for sharing"
    assert (result["width"], result["height"]) == (1200, 630)
    assert result["url"].startswith("http://testserver/media/images/") and ".fill-1200x630" in result["url"]


def test_then_the_hero_image_with_the_articles_alt_text(clinic):
    article = clinic.reviewed
    result = share_image(article)
    assert clinic.hero.get_rendition(share.RENDITION_SPEC).full_url == result["url"]
    assert result["alt"] == "A doctor explaining a scan"
    article.hero_alt_text = "Dr. Pandey pointing at a CT scan"
    assert share_image(article)["alt"] == "Dr. Pandey pointing at a CT scan"


def test_a_doctor_page_uses_the_photo(clinic):
    result = share_image(clinic.doctor)
    assert result["alt"] == "Portrait of Dr. Amit Pandey"
    assert ".fill-1200x630" in result["url"]


def test_without_a_page_image_the_sites_default_social_image_is_used(clinic):
    from home.models import SiteSettings

    settings = SiteSettings.for_site(clinic.surgical_article.get_site())
    settings.default_social_image = make_image("The clinic's entrance", size=(1300, 700))
    settings.save()
    result = share_image(clinic.surgical_article)
    assert result["alt"] == "The clinic's entrance"
    assert ".fill-1200x630" in result["url"]


def test_pages_without_an_image_of_their_own_share_the_sites_default_else_the_home_pages(clinic):
    from home.models import SiteSettings

    site = clinic.surgical_article.get_site()
    settings = SiteSettings.for_site(site)
    assert site_share_image(site.root_page, settings) == share_image(site.root_page)
    settings.default_social_image = make_image("The clinic's entrance", size=(1300, 700))
    settings.save()
    result = site_share_image(site.root_page, settings)
    assert result["alt"] == "The clinic's entrance"
    assert ".fill-1200x630" in result["url"] and result["url"].startswith("http")


def test_otherwise_a_card_is_drawn_with_title_and_doctor(clinic):
    result = share_image(clinic.surgical_article)  # no hero image; written by Dr. Neha Rao
    assert result["alt"] == "Before your operation – Dr. Neha Rao"
    assert re.fullmatch(r"http://testserver/media/share-images/\d+-[0-9a-f]{16}\.jpg", result["url"])
    card = stored_file(result["url"])
    assert card.format == "JPEG" and card.size == (1200, 630)
    # The site's brand colour fills the card; the title is drawn in white on it.
    assert _close(card.convert("RGB").getpixel((5, 5)), (11, 95, 90))
    assert any(_close(pixel, (255, 255, 255)) for pixel in card.crop((80, 120, 1120, 200)).get_flattened_data())


def test_standard_pages_name_the_sites_first_doctor(clinic):
    assert share_image(clinic.about)["alt"] == "About – Dr. Amit Pandey"


def test_the_drawn_card_is_stored_once_and_redrawn_when_the_title_changes(clinic, monkeypatch):
    drawn = []
    real_draw = share.draw_card
    monkeypatch.setattr(share, "draw_card", lambda *args: drawn.append(args) or real_draw(*args))
    # Media storage outlives a test: a title of its own makes a name no other test stored.
    clinic.about.title = f"About us {uuid.uuid4()}"
    first = generated_share_image(clinic.about)
    assert generated_share_image(clinic.about) == first
    assert len(drawn) == 1
    clinic.about.title += " (renamed)"
    renamed = generated_share_image(clinic.about)
    assert renamed["url"] != first["url"] and len(drawn) == 2


def test_drawing_works_without_the_dejavu_fonts(clinic, monkeypatch, tmp_path):
    monkeypatch.setattr(share, "FONT_DIR", tmp_path / "no-fonts")
    share._font.cache_clear()
    try:
        card = Image.open(io.BytesIO(share.draw_card("A very long title " * 8, "Dr. Amit Pandey", "Clinic")))
        assert card.size == (1200, 630)
    finally:
        share._font.cache_clear()


def test_colours_match_the_frontend(clinic):
    css = STYLES.read_text()
    for variable, colour in (("--brand", share.BRAND), ("--brand-dark", share.BRAND_DARK), ("--tint", share.TINT)):
        assert f"{variable}: {colour};" in css


def _close(pixel, expected, tolerance=12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], expected, strict=True))
