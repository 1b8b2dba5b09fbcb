"""``load_demo_content`` builds the site from the seed, and is safe to re-run."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, Revision

from blog.models import ArticlePage
from home.models import DoctorPage, SiteSettings, StandardPage

SEED = Path(__file__).resolve().parents[2] / "demo" / "seed_article.txt"


def run_command(**settings) -> str:
    out = io.StringIO()
    with override_settings(**settings):
        call_command("load_demo_content", stdout=out)
    return out.getvalue()


def snapshot():
    return (
        sorted(Page.objects.values_list("url_path", "latest_revision_id", "live")),
        Revision.objects.count(),
    )


@pytest.mark.django_db
def test_builds_the_doctor_the_seed_article_and_the_standard_pages():
    run_command()
    doctor = DoctorPage.objects.get()
    assert doctor.display_name == "Dr. Amit Pandey"
    assert "example values" in doctor.biography
    article = ArticlePage.objects.get()
    assert article.title == "Difference Between Medical Oncologist and Surgical Oncologist"
    assert article.author == doctor
    # The seed was never medically reviewed: the demo names no reviewer and no review date.
    assert article.reviewer is None and article.last_reviewed_date is None
    assert sorted(article.categories.values_list("name", flat=True)) == ["Medical oncology", "Surgical oncology"]
    assert article.live and article.hero_image is not None
    assert {page.slug for page in StandardPage.objects.all()} == {"about", "privacy", "disclaimer"}
    settings = SiteSettings.objects.get()
    assert settings.appointment_phone.as_e164.startswith("+91")
    assert settings.privacy_page.slug == "privacy"
    assert "180 days" in str(StandardPage.objects.get(slug="privacy").body)


@pytest.mark.django_db
def test_seed_article_body_is_the_seed_word_for_word_without_the_call_to_action():
    run_command()
    article = ArticlePage.objects.get()
    headings = [block.value["text"] for block in article.body if block.block_type == "heading"]
    assert headings == [
        "Medical Oncologist",
        "Surgical Oncologist",
        "Collaboration and Holistic Care",
        "Patient-Centered Approach",
        "In Conclusion",
    ]
    body_text = " ".join(
        block.value.source if block.block_type == "paragraph" else block.value["text"] for block in article.body
    )
    seed_paragraphs = [" ".join(p.split()) for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for paragraph in seed_paragraphs[2:-2]:  # after author and title, before the call-to-action
        assert paragraph in body_text
    assert "Book An Appointment" not in body_text
    assert "whatsapp button" not in body_text.lower()


@pytest.mark.django_db
def test_running_twice_changes_nothing():
    first_output = run_command()
    assert "created" in first_output
    before = snapshot()
    second_output = run_command()
    assert snapshot() == before
    assert "nothing changed" in second_output


@pytest.mark.django_db
def test_a_page_edited_by_staff_survives_a_rerun():
    run_command()
    article = ArticlePage.objects.get()
    article.title = "Medical and surgical oncologists: who does what"
    article.save_revision().publish()
    settings = SiteSettings.objects.get()
    settings.appointment_phone = "+91 91234 56789"
    settings.save()
    run_command()
    assert ArticlePage.objects.get().title == "Medical and surgical oncologists: who does what"
    assert SiteSettings.objects.get().appointment_phone.as_e164 == "+919123456789"


@pytest.mark.django_db
def test_admin_user_is_created_only_under_development_settings(django_user_model, tmp_path):
    run_command(DEMO_CREATE_ADMIN_USER=False)
    assert not django_user_model.objects.exists()
    output = run_command(DEMO_CREATE_ADMIN_USER=True, BASE_DIR=tmp_path)
    user = django_user_model.objects.get(username="admin")
    password = re.search(r"password: (\S+)", output).group(1)
    assert user.is_superuser and user.check_password(password)
    again = run_command(DEMO_CREATE_ADMIN_USER=True, BASE_DIR=tmp_path)
    assert django_user_model.objects.count() == 1
    assert password in again  # the local password is shown again on every `make run`


@pytest.mark.django_db
def test_admin_shows_the_page_tree_with_the_doctor_and_the_seed_article(admin_client):
    run_command()
    home = DoctorPage.objects.get().get_parent()
    listing = admin_client.get(f"/admin/pages/{home.pk}/")
    assert listing.status_code == 200
    assert b"Dr. Amit Pandey" in listing.content
    index = ArticlePage.objects.get().get_parent()
    assert b"Difference Between Medical Oncologist" in admin_client.get(f"/admin/pages/{index.pk}/").content


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["home.HomePage", "home.DoctorPage", "home.StandardPage", "blog.ArticlePage"])
def test_every_page_type_opens_in_the_editor(admin_client, model):
    run_command()
    app_label, model_name = model.split(".")
    page = Page.objects.filter(content_type__app_label=app_label, content_type__model=model_name.lower()).first()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
