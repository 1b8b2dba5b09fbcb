"""The server-rendered head: title, description, canonical, social tags and JSON-LD."""

import re

import pytest

from home.models import SiteSettings

from .conftest import json_ld, site_url


def by_type(html: str) -> dict[str, dict]:
    return {block["@type"]: block for block in json_ld(html)}


def meta(html: str, attribute: str, name: str) -> str | None:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


@pytest.mark.django_db
class TestHead:
    def test_article_head(self, client, seed_article):
        html = client.get(seed_article.url).content.decode()
        assert f"<title>{seed_article.title} | " in html
        assert meta(html, "name", "description") == seed_article.search_description or seed_article.summary
        canonical = site_url(seed_article.url)
        assert f'<link rel="canonical" href="{canonical}">' in html
        assert meta(html, "property", "og:url") == canonical
        assert meta(html, "property", "og:type") == "article"
        assert meta(html, "property", "og:title") == seed_article.title
        image = meta(html, "property", "og:image")
        assert image and image.startswith("http") and image.endswith(".jpg")
        assert meta(html, "property", "og:image:width") == "1200"
        assert meta(html, "name", "twitter:card") == "summary_large_image"

    def test_home_title_is_the_site_name_alone(self, client, home_page, demo_site):
        html = client.get("/").content.decode()
        assert f"<title>{demo_site.site_name}</title>" in html
        assert by_type(html)["WebSite"]["potentialAction"]["target"].endswith("/search/?q={search_term_string}")

    def test_doctor_page_is_profile_with_an_individual_physician_practising_at_clinics(self, client, doctor):
        type(doctor).objects.filter(pk=doctor.pk).update(
            registration_number="MMC 2011/12345", registration_council="Maharashtra Medical Council"
        )
        doctor.refresh_from_db()
        assert doctor.clinic_hours.exists()
        html = client.get(doctor.url).content.decode()
        assert meta(html, "property", "og:type") == "profile"
        # schema.org's Physician alone is a physician's office; a person is an IndividualPhysician.
        assert "Physician" not in by_type(html)
        physician = by_type(html)["IndividualPhysician"]
        assert physician["name"] == doctor.display_name
        assert physician["url"] == site_url(doctor.url)
        assert physician["identifier"]["value"] == "MMC 2011/12345"
        assert physician["identifier"]["propertyID"] == "Maharashtra Medical Council"
        clinic = physician["practicesAt"][0]
        assert clinic["@type"] == "MedicalClinic"
        assert clinic["address"]["addressLocality"]
        assert clinic["openingHoursSpecification"][0]["dayOfWeek"].startswith("https://schema.org/")
        settings = SiteSettings.for_site(doctor.get_site())
        assert physician["telephone"] == (doctor.appointment_phone or settings.appointment_phone).as_e164

    def test_article_is_a_medical_web_page_with_author_reviewer_and_dates(self, client, seed_article):
        html = client.get(seed_article.url).content.decode()
        web_page = by_type(html)["MedicalWebPage"]
        article = web_page["mainEntity"]
        assert article["@type"] == "Article"
        assert article["headline"] == seed_article.title
        # A DateTime with the time zone's offset, on the published day.
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", article["datePublished"])
        assert article["datePublished"].startswith(seed_article.published_date.isoformat() + "T")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", article["dateModified"])
        assert article["author"]["name"] == seed_article.author.display_name
        assert article["author"]["url"].endswith(seed_article.author.url)
        assert article["image"].startswith("http")
        if seed_article.reviewer:
            assert web_page["reviewedBy"]["name"] == seed_article.reviewer.display_name
        if seed_article.last_reviewed_date:
            assert web_page["lastReviewed"] == seed_article.last_reviewed_date.isoformat()

    def test_every_page_has_a_breadcrumb_list_ending_at_itself(
        self, client, home_page, doctor, articles_index, seed_article
    ):
        for page in (home_page, doctor, articles_index, seed_article):
            html = client.get(page.url).content.decode()
            crumbs = by_type(html)["BreadcrumbList"]["itemListElement"]
            assert crumbs[0]["item"] == site_url("/")
            assert crumbs[-1]["item"] == site_url(page.url)
            assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))

    def test_filtered_and_paged_lists_have_their_own_canonical(self, client, articles_index):
        html = client.get(f"{articles_index.url}?tag=oncologist").content.decode()
        assert f'<link rel="canonical" href="{site_url(articles_index.url)}?tag=oncologist">' in html


@pytest.mark.django_db
class TestShareMetadata:
    def test_every_page_with_an_image_describes_it_for_share_previews(
        self, client, home_page, doctor, articles_index, seed_article
    ):
        urls = (home_page.url, doctor.url, articles_index.url, seed_article.url, "/search/?q=chemo", "/appointment/")
        for url in urls:
            html = client.get(url).content.decode()
            assert meta(html, "name", "twitter:image"), url
            assert meta(html, "name", "twitter:image:alt"), url
            assert meta(html, "property", "og:image:alt") == meta(html, "name", "twitter:image:alt"), url

    def test_search_booking_and_not_found_pages_have_a_description_and_a_share_image(self, client, home_page):
        for url, status in (("/search/?q=chemo", 200), ("/appointment/", 200), ("/no-such-page/", 404)):
            response = client.get(url)
            assert response.status_code == status
            html = response.content.decode()
            assert meta(html, "name", "description"), url
            image = meta(html, "property", "og:image")
            assert image and image.startswith("http") and image.endswith(".jpg"), url
            assert meta(html, "name", "twitter:card") == "summary_large_image", url
