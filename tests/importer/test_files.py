"""Importing a folder of HTML and Markdown files, including legacy encodings and broken markup."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

from blog.importers import importer
from blog.importers.html_to_blocks import html_to_blocks
from blog.models import ArticlePage
from images.models import CustomImage

from .conftest import DATA


@pytest.fixture
def output(import_site) -> str:
    out = StringIO()
    call_command("import_articles", str(DATA / "articles"), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_every_html_and_markdown_file_becomes_a_draft(output):
    assert set(ArticlePage.objects.values_list("title", flat=True)) == {
        "Your first visit to the oncology clinic",
        "Blood tests during treatment",
        "Café “support” groups – what to expect",
        "First visit checklist",
        "Managing side effects at home",
    }
    assert "NOT IMPORTED: notes.txt: not an .html or .md file; ignored" in output


def test_windows_1252_text_is_decoded(output):
    page = ArticlePage.objects.get(slug="legacy-cp1252")
    assert "Support groups meet every Thursday at the café. “You are not alone”" in page.body[0].value.source
    assert page.published_date == date(2022, 8, 15)
    assert "(decoded from windows-1252)" in output


def test_html_metadata_and_body(import_site, output):
    page = ArticlePage.objects.get(slug="first-visit")
    assert page.author_id == import_site.doctor.pk
    assert page.published_date == date(2023, 11, 2)
    assert page.summary == "What happens at a first oncology consultation, and what to bring."
    assert [c.name for c in page.categories.all()] == ["Patient guides"]
    assert set(page.tags.names()) == {"first visit", "consultation"}
    # The <h1> repeating the title, the header navigation and footer are not body content.
    assert [block.block_type for block in page.body] == ["paragraph", "image", "heading", "paragraph"]
    assert page.body[1].value["image"].description == "The clinic's reception desk"
    assert "<ol><li>History</li>" in page.body[3].value.source
    assert Redirect.objects.get(old_path="/guides/first-visit.html").redirect_page_id == page.pk


def test_markdown_front_matter_table_quote_image_and_links(import_site, output):
    page = ArticlePage.objects.get(slug="side-effects")
    first_visit = ArticlePage.objects.get(slug="first-visit")
    assert page.author_id == import_site.doctor.pk  # "Dr Amit Pandey" without the dot
    assert sorted(c.name for c in page.categories.all()) == ["Medical oncology", "Patient guides"]
    assert page.summary == "Simple steps for common side effects, and when to call the clinic."
    assert [block.block_type for block in page.body] == [
        "paragraph", "heading", "paragraph", "quote", "image", "table",
    ]  # fmt: skip
    assert f'<a id="{first_visit.pk}" linktype="page">your first visit</a>' in page.body[0].value.source
    assert page.body.raw_data[5]["value"]["data"][1] == ["Fever", "Call the clinic at once"]
    # The front matter's image is the hero: the same library image as the body's, with its alt text.
    assert page.hero_image == page.body[4].value["image"]
    assert page.hero_image.description == "A nurse checking a drip"
    # ...and the HTML file's link to the Markdown article's old address was rewritten too.
    assert f'id="{page.pk}" linktype="page"' in first_visit.body[0].value.source
    assert Redirect.objects.get(old_path="/guides/side-effects").redirect_page_id == page.pk


def test_broken_markup_keeps_the_text_and_reports_what_was_lost(output):
    page = ArticlePage.objects.get(slug="broken")
    text = str(page.body.raw_data)
    assert "Blood counts are checked" in text and "Unclosed paragraph" in text
    table = next(block for block in page.body.raw_data if block["type"] == "table")["value"]
    assert table["data"] == [["Test", "Why", ""], ["CBC", "", ""], ["LFT", "Liver", "extra"]]
    assert "a table with uneven rows was padded with empty cells" in output
    assert "image images/not-there.png not found" in output


def test_duplicate_slug_from_another_folder(output):
    assert ArticlePage.objects.get(title="First visit checklist").slug == "first-visit-2"
    assert "NOT IMPORTED" not in output.replace("NOT IMPORTED: notes.txt", "")


def test_same_image_used_twice_is_stored_once(output):
    assert CustomImage.objects.count() == 2  # clinic.png, drip.png (hero and body)


def test_an_article_the_converter_trips_on_is_reported_and_the_rest_imported(import_site, monkeypatch):
    def failing_for_one(html, **kwargs):
        if "Support groups" in html:
            raise ValueError("unexpected markup")
        return html_to_blocks(html, **kwargs)

    monkeypatch.setattr(importer, "html_to_blocks", failing_for_one)
    out = StringIO()
    call_command("import_articles", str(DATA / "articles"), stdout=out, stderr=StringIO())
    assert ArticlePage.objects.count() == 4
    assert not ArticlePage.objects.filter(slug="legacy-cp1252").exists()
    assert "NOT IMPORTED: file:legacy-cp1252.html" in out.getvalue()
    assert "could not be converted (ValueError: unexpected markup)" in out.getvalue()
