"""Staff get clear messages for bad input, and nothing invalid is stored."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from blog.models import ArticlePage, Category
from home.models import Clinic, ClinicOpeningHours, DoctorPage, DoctorQualification, SiteSettings


def error_messages(error: ValidationError, field: str) -> str:
    return " ".join(error.message_dict.get(field, []))


@pytest.mark.parametrize("number", ["12345", "not a number", "+91 12", "+1 555 0100 9999 999"])
def test_impossible_phone_numbers_are_rejected(demo_site, number):
    settings = SiteSettings.for_site(demo_site)
    settings.appointment_phone = number
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "phone number" in error_messages(error.value, "appointment_phone").lower()


def test_phone_numbers_are_stored_in_e164_with_the_practice_country_as_default(demo_site):
    settings = SiteSettings.for_site(demo_site)
    settings.appointment_phone = "098765 43210"
    settings.whatsapp_number = "+44 20 7946 0958"
    settings.full_clean()
    settings.save()
    settings.refresh_from_db()
    assert settings.appointment_phone.as_e164 == "+919876543210"
    assert settings.whatsapp_number.as_e164 == "+442079460958"


def test_an_article_needs_a_title_summary_and_body(admin_client, articles_index):
    data = nested_form_data(
        {
            "title": "",
            "slug": "empty-article",
            "summary": "",
            "body": streamfield([]),
            "references": inline_formset([]),
            "published_date": date.today().isoformat(),
            "comments": inline_formset([]),
            # Articles are sent for medical review, not published (blog/review_gate.py).
            "action-submit": "action-submit",
        }
    )
    response = admin_client.post(f"/admin/pages/add/blog/articlepage/{articles_index.pk}/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert {"title", "summary", "body"} <= set(form.errors)
    assert "This field is required." in form.errors["summary"]
    assert not ArticlePage.objects.filter(slug="empty-article").exists()


def test_last_reviewed_before_published_is_rejected(articles_index):
    article = ArticlePage(
        title="Reviewed too early",
        slug="reviewed-too-early",
        summary="A summary.",
        body=[{"type": "paragraph", "value": "<p>Text.</p>"}],
        published_date=date(2024, 5, 10),
        last_reviewed_date=date(2024, 5, 1),
    )
    with pytest.raises(ValidationError) as error:
        articles_index.add_child(instance=article)
    assert "cannot be before the published date" in error_messages(error.value, "last_reviewed_date")
    assert not ArticlePage.objects.filter(slug="reviewed-too-early").exists()


def test_last_reviewed_in_the_future_is_rejected(articles_index):
    article = ArticlePage(
        title="Reviewed tomorrow",
        slug="reviewed-tomorrow",
        summary="A summary.",
        body=[{"type": "paragraph", "value": "<p>Text.</p>"}],
        published_date=date.today(),
        last_reviewed_date=date.today() + timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "future" in error_messages(error.value, "last_reviewed_date")


def test_registration_number_needs_its_council(home_page):
    doctor = DoctorPage(title="Dr. Test", slug="dr-test", name="Test Person", registration_number="12345")
    with pytest.raises(ValidationError) as error:
        doctor.full_clean()
    assert "council" in error_messages(error.value, "registration_council")


def test_qualification_year_cannot_be_in_the_future(doctor):
    qualification = DoctorQualification(page=doctor, degree="MBBS", year=date.today().year + 1)
    with pytest.raises(ValidationError) as error:
        qualification.full_clean()
    assert "in the future" in error_messages(error.value, "year")


def test_opening_hours_must_close_after_they_open(demo_site):
    clinic = Clinic.objects.get()
    hours = ClinicOpeningHours(clinic=clinic, weekday=0, opens_at=time(17, 0), closes_at=time(9, 0))
    with pytest.raises(ValidationError) as error:
        hours.full_clean()
    assert "later than the opening time" in error_messages(error.value, "closes_at")


def test_clinic_country_must_be_a_two_letter_code(demo_site):
    clinic = Clinic.objects.get()
    clinic.country = "India"
    with pytest.raises(ValidationError) as error:
        clinic.full_clean()
    assert "two-letter" in error_messages(error.value, "country")


def test_category_slug_is_filled_from_the_name_and_must_be_unique(demo_site):
    category = Category(name="Radiation oncology", locale=Category.objects.first().locale)
    category.full_clean()
    assert category.slug == "radiation-oncology"
    clash = Category(name="Medical oncology again", slug="medical-oncology", locale=category.locale)
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "already uses" in error_messages(error.value, "slug")
