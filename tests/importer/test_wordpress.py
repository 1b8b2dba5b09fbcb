"""Importing a WordPress export: pages, metadata, body blocks, images, links, redirects, the report."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from blog.models import ArticlePage, Category, ImportedArticle
from images.models import CustomImage

from .conftest import DATA


def run_import(*args) -> str:
    out = StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def imported(import_site):
    output = run_import(DATA / "wordpress-export.xml", "--media-dir", DATA / "wp-media")
    return import_site, output


def article(title: str) -> ArticlePage:
    return ArticlePage.objects.get(title=title)


def test_posts_become_draft_articles_under_the_index(imported):
    site, _ = imported
    titles = set(ArticlePage.objects.child_of(site.index).values_list("title", flat=True))
    assert titles == {
        "What is a medical oncologist?",
        "Preparing for your first chemotherapy session",
        "What is a medical oncologist? (2019 version)",
    }
    assert not ArticlePage.objects.live().exists()
    assert all(page.latest_revision_id for page in ArticlePage.objects.all())


def test_metadata_title_date_author_categories_tags_summary(imported):
    site, _ = imported
    page = article("What is a medical oncologist?")
    assert page.published_date == date(2024, 5, 1)
    assert page.author_id == site.doctor.pk  # "Dr. Amit Pandey" matched by name
    assert [c.name for c in page.categories.all()] == ["Medical oncology"]
    assert set(page.tags.names()) == {"chemotherapy", "cancer care"}
    assert page.summary == "How a medical oncologist differs from other cancer doctors."
    assert set(Category.objects.values_list("slug", flat=True)) == {"medical-oncology", "patient-guides"}


def test_unmatched_author_is_left_empty_and_reported(imported):
    _, output = imported
    page = article("Preparing for your first chemotherapy session")
    assert page.author is None
    assert "author “Guest Writer” matches no doctor's page" in output


def test_body_becomes_headings_paragraphs_image_quote_list_table(imported):
    page = article("What is a medical oncologist?")
    types = [block.block_type for block in page.body]
    assert types == ["heading", "paragraph", "image", "quote", "heading", "paragraph", "table"]
    heading, _, image, quote, sub_heading, bullet_list, _ = page.body
    assert heading.value["text"] == "Who they are" and heading.value["level"] == "h2"
    assert sub_heading.value["level"] == "h3"
    assert image.value["caption"] == "The scanning room at the clinic"
    assert quote.value["text"] == "Treatment is planned around the person, not only the tumour."
    assert quote.value["attribution"] == "Dr. Amit Pandey"
    assert "<ul><li>Breast cancer</li><li>Lung cancer</li></ul>" in bullet_list.value.source
    raw_table = page.body.raw_data[6]["value"]
    assert raw_table["data"][0] == ["Treatment", "Given by"] and raw_table["first_row_is_table_header"]
    assert "tracking" not in str(page.body.raw_data)


def test_images_go_to_the_library_with_alt_text(imported):
    page = article("What is a medical oncologist?")
    body_image = page.body[2].value["image"]
    # The post used WordPress's resized copy; the original attachment file was imported.
    assert body_image.description == "A CT scanner in a bright room"
    assert body_image.width == 60
    assert page.hero_image.description == "An empty infusion chair beside a window"
    assert CustomImage.objects.count() == 2


def test_internal_links_point_to_the_new_pages_external_links_stay(imported):
    page = article("What is a medical oncologist?")
    target = article("Preparing for your first chemotherapy session")
    paragraph = page.body[1].value.source
    assert paragraph.count(f'<a id="{target.pk}" linktype="page">') == 2  # permalink and ?p=11 form
    assert '<a href="https://www.who.int/cancer">' in paragraph
    back = target.body.raw_data
    assert f'id="{page.pk}" linktype="page"' in str(back)


def test_a_redirect_from_each_old_address(imported):
    site, _ = imported
    page = article("What is a medical oncologist?")
    for old_path in ("/2024/05/what-is-a-medical-oncologist", "/?p=10"):
        redirect = Redirect.objects.get(old_path=old_path)
        assert redirect.redirect_page_id == page.pk and redirect.is_permanent and redirect.site == site.site


def test_duplicate_slug_gets_a_free_address_and_is_reported(imported):
    _, output = imported
    assert article("What is a medical oncologist?").slug == "what-is-a-medical-oncologist"
    assert article("What is a medical oncologist? (2019 version)").slug == "what-is-a-medical-oncologist-2"
    assert "“what-is-a-medical-oncologist” is already used" in output


def test_broken_markup_and_missing_image_are_not_fatal(imported):
    _, output = imported
    page = article("Preparing for your first chemotherapy session")
    text = str(page.body.raw_data)
    assert "Eat a light meal before you come." in text
    assert "so the nurse can reach a vein" in text
    assert [block.block_type for block in page.body].count("image") == 0
    assert "missing-photo.jpg not found" in output
    # wpautop: classic-editor text without <p> became paragraphs.
    assert page.body[0].block_type == "paragraph"


def test_report_names_every_item_not_converted(imported):
    _, output = imported
    assert "Could not convert (2 items not imported)" in output
    assert "NOT IMPORTED: wp:13 “Deleted post”: status “trash” in WordPress" in output
    assert "NOT IMPORTED: wp:20 “About us”: a WordPress “page”, not a blog post" in output
    assert "<iframe> https://www.youtube.com/embed/abc123 has no equivalent block; dropped" in output
    assert "shortcode [gallery" in output
    assert "Menu" not in output  # WordPress machinery is not noise in the report


def test_second_run_duplicates_nothing(imported):
    counts = (Page.objects.count(), CustomImage.objects.count(), Redirect.objects.count(), Category.objects.count())
    tags = Tag.objects.count()
    output = run_import(DATA / "wordpress-export.xml", "--media-dir", DATA / "wp-media")
    assert (Page.objects.count(), CustomImage.objects.count(), Redirect.objects.count(), Category.objects.count()) == (
        counts
    )
    assert Tag.objects.count() == tags
    assert "Unchanged since the last import: 3" in output
    assert ImportedArticle.objects.count() == 3


def test_rerun_updates_untouched_drafts_but_not_pages_staff_changed(imported, data_copy):
    edited = article("What is a medical oncologist?")
    edited.summary = "Staff's own summary."
    edited.save_revision()
    untouched = article("Preparing for your first chemotherapy session")

    export = data_copy / "wordpress-export.xml"
    text = export.read_text()
    text = text.replace("A <strong>medical oncologist</strong> treats", "A <strong>medical oncologist</strong> heals")
    text = text.replace("Eat a light meal before you come.", "Eat a light breakfast before you come.")
    export.write_text(text)
    output = run_import(export, "--media-dir", data_copy / "wp-media")

    edited = ArticlePage.objects.get(pk=edited.pk).get_latest_revision_as_object()
    assert edited.summary == "Staff's own summary."
    assert "heals" not in str(edited.body.raw_data)
    assert "Left alone (changed by staff since the import): 1" in output
    untouched = ArticlePage.objects.get(pk=untouched.pk)
    assert "light breakfast" in str(untouched.body.raw_data)
    assert "Drafts updated: 1" in output


def test_published_pages_are_never_overwritten(imported, data_copy):
    page = article("Preparing for your first chemotherapy session")
    page.save_revision().publish()
    export = data_copy / "wordpress-export.xml"
    export.write_text(export.read_text().replace("Eat a light meal", "Eat a big meal"))
    run_import(export, "--media-dir", data_copy / "wp-media")
    assert "Eat a light meal" in str(ArticlePage.objects.get(pk=page.pk).body.raw_data)


def test_dry_run_changes_nothing_and_says_what_it_would_do(import_site):
    before = (Page.objects.count(), CustomImage.objects.count(), Redirect.objects.count(), Category.objects.count())
    output = run_import(DATA / "wordpress-export.xml", "--media-dir", DATA / "wp-media", "--dry-run")
    after = (Page.objects.count(), CustomImage.objects.count(), Redirect.objects.count(), Category.objects.count())
    assert after == before
    assert not ImportedArticle.objects.exists()
    assert "Dry run: nothing was changed." in output
    assert "Drafts would be created: 3" in output
    assert "Images would be imported: 2" in output
    assert "redirects would be created: 6" in output
    assert "missing-photo.jpg not found" in output


def test_without_a_media_folder_images_are_reported_not_fatal(import_site):
    output = run_import(DATA / "wordpress-export.xml")
    assert ArticlePage.objects.count() == 3
    assert not CustomImage.objects.exists()
    assert "scan-room-300x200.png not found (give --media-dir, or --fetch-images to download it)" in output


def test_named_index_and_bad_input_give_clear_errors(import_site, tmp_path):
    with pytest.raises(CommandError, match="No articles index"):
        run_import(DATA / "wordpress-export.xml", "--index", "nowhere")
    bad = tmp_path / "bad.xml"
    bad.write_text("<rss><channel><item>")
    with pytest.raises(CommandError, match="not well-formed XML"):
        run_import(bad)
    run_import(DATA / "wordpress-export.xml", "--index", "articles")
    assert ArticlePage.objects.child_of(import_site.index).count() == 3
