"""Page detail content on v3 and v2: api_fields, rich text, renditions, chooser expansion, head data."""

import re

import pytest

from home.models import Clinic, DoctorClinicHours

pytestmark = pytest.mark.django_db


def _no_db_html(text: str) -> None:
    assert "linktype" not in text
    assert "<embed" not in text


def test_article_detail_v3_delivers_display_html_renditions_and_expanded_people(client, site_tree):
    response = client.get(f"/api/v3/pages/{site_tree.article.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == "blog.ArticlePage"
    _no_db_html(response.content.decode())

    body = {block["type"]: block["value"] for block in data["body"]}
    assert '<a href="/dr-amit-pandey/">the doctor</a>' in body["paragraph"]
    # Rich text nested inside a StructBlock is resolved too.
    assert '<a href="/about/">about</a>' in body["callout"]["body"]
    # The image chooser inside the image block is expanded, with the block's alt text.
    image = body["image"]["image"]
    assert image["alt"] == "A clinic room"
    assert image["width"] == 500 and image["height"] == 300
    assert body["image"]["caption"] == "The clinic"

    assert body["quote"] == {"text": "Ask questions.", "attribution": "A nurse"}
    assert body["faq"]["answer"] == "<p>Usually <i>not</i>.</p>"
    assert body["table"]["data"][1] == ["Medical", "Drugs"]
    assert body["embed"] == "https://www.youtube.com/watch?v=abc123"

    hero = data["hero_image"]
    assert hero["alt"] == "Two doctors discussing a scan"  # the article's override
    assert hero["src"].endswith(".png")
    assert {source["type"] for source in hero["sources"]} == {"image/avif", "image/webp"}
    widths = re.findall(r" (\d+)w", hero["srcset"])
    assert widths == ["400", "500"]  # several widths, never upscaled past the 500px original
    assert all(".webp" in part for part in hero["srcset"].split(", "))

    assert data["author"]["display_name"] == "Dr. Amit Pandey"
    assert data["author"]["path"] == "/dr-amit-pandey/"
    assert data["author"]["photo"]["alt"] == "A doctor at a desk"
    assert data["categories"] == [{"id": site_tree.category.pk, "name": "Medical oncology", "slug": "medical-oncology"}]
    assert data["tags"] == [{"name": "chemotherapy", "slug": "chemotherapy"}, {"name": "surgery", "slug": "surgery"}]
    assert data["references"][0]["title"] == "NCI: Types of oncologists"
    assert [a["id"] for a in data["related_articles"]] == [site_tree.other_article.pk]
    assert data["reading_time"] >= 1


def test_page_detail_carries_head_data(client, site_tree):
    article = site_tree.article
    article.seo_title = "Medical vs surgical oncologist"
    article.save()
    head = client.get(f"/api/v3/pages/{article.pk}/").json()["head"]
    assert head["title"] == "Medical vs surgical oncologist"
    assert head["description"] == "How the two specialists share cancer care."
    assert head["canonical_url"] == "http://testserver/articles/medical-vs-surgical-oncologist/"
    assert head["path"] == "/articles/medical-vs-surgical-oncologist/"
    assert [crumb["path"] for crumb in head["breadcrumbs"]] == ["/", "/articles/", head["path"]]
    social = head["social_image"]
    assert social["url"].startswith("http://testserver/media/") and social["url"].endswith(".jpg")
    assert social["alt"] == "Two doctors discussing a scan"


def test_page_without_image_falls_back_to_default_social_image(client, site_tree):
    head = client.get(f"/api/v3/pages/{site_tree.about.pk}/").json()["head"]
    assert head["social_image"]["url"].startswith("http://testserver/media/")
    assert head["description"] == "How the practice works."


def test_doctor_detail_has_credentials_and_booking_links(client, site_tree):
    data = client.get(f"/api/v3/pages/{site_tree.doctor.pk}/").json()
    assert data["registration_number"] == "12345"
    assert data["registration_council"] == "National Medical Commission"
    assert data["display_name"] == "Dr. Amit Pandey"
    assert data["years_of_practice"] >= 14
    assert [s["text"] for s in data["specialties"]] == ["Medical oncology"]
    assert '<a href="/">our clinic</a>' in data["biography"]
    # No own contacts: the site's are used, as ready links.
    assert data["contacts"]["phone_url"] == "tel:+919876543210"
    assert data["contacts"]["whatsapp_url"].startswith("https://wa.me/919876543211?text=Hello")
    # Where requests are e-mailed is not published.
    assert "booking_email" not in data
    assert "bookings@example.com" not in str(data)


def test_a_doctors_own_number_replaces_the_sites_one_contact_at_a_time_as_on_the_booking_bar(client, site_tree):
    type(site_tree.doctor).objects.filter(pk=site_tree.doctor.pk).update(appointment_phone="+912222222222")
    contacts = client.get(f"/api/v3/pages/{site_tree.doctor.pk}/").json()["contacts"]
    assert contacts["phone_url"] == "tel:+912222222222"
    # The doctor has no WhatsApp number of their own: the practice's is used.
    assert contacts["whatsapp_url"].startswith("https://wa.me/919876543211?text=Hello")
    booking = client.get("/api/v3/route/", {"path": site_tree.doctor.url}).json()["booking"]
    assert booking["tel_url"] == contacts["phone_url"]


def test_doctor_detail_lists_consultation_hours_clinic_by_clinic_with_day_names(client, site_tree):
    other = Clinic.objects.create(name="Hill Clinic", street_address="2 Mall Road", locality="Nainital")
    for clinic, weekday, opens_at in [
        (site_tree.clinic, 0, "09:30"),
        (other, 2, "10:00"),
        (site_tree.clinic, 4, "14:00"),
    ]:
        DoctorClinicHours.objects.create(
            page=site_tree.doctor, clinic=clinic, weekday=weekday, opens_at=opens_at, closes_at="17:00"
        )
    site_tree.doctor.save_revision().publish()

    for url in (f"/api/v3/pages/{site_tree.doctor.pk}/", f"/api/v2/pages/{site_tree.doctor.pk}/"):
        clinics = client.get(url).json()["clinics"]
        assert [group["clinic"] for group in clinics] == [
            {"id": site_tree.clinic.pk, "name": "City Cancer Centre", "locality": "Lucknow"},
            {"id": other.pk, "name": "Hill Clinic", "locality": "Nainital"},
        ]
        assert clinics[0]["hours"] == [
            {"weekday": 0, "weekday_name": "Monday", "opens_at": "09:30:00", "closes_at": "17:00:00"},
            {"weekday": 4, "weekday_name": "Friday", "opens_at": "14:00:00", "closes_at": "17:00:00"},
        ]
        assert [hours["weekday_name"] for hours in clinics[1]["hours"]] == ["Wednesday"]


def test_home_detail_lists_featured_content(client, site_tree):
    home = site_tree.home
    home.featured_doctors.create(doctor=site_tree.doctor)
    home.featured_articles.create(article=site_tree.article)
    home.save()
    data = client.get(f"/api/v3/pages/{home.pk}/").json()
    assert data["hero_image"]["alt"] == "A doctor at a desk"
    assert [d["display_name"] for d in data["featured_doctors"]] == ["Dr. Amit Pandey"]
    assert [a["path"] for a in data["featured_articles"]] == ["/articles/medical-vs-surgical-oncologist/"]


def test_find_by_html_path_redirects_to_detail(client, site_tree):
    response = client.get("/api/v3/pages/find/", {"html_path": "/articles/medical-vs-surgical-oncologist/"})
    assert response.status_code == 302
    assert client.get(response["Location"]).json()["id"] == site_tree.article.pk


def test_v2_uses_the_same_api_fields(client, site_tree):
    data = client.get(f"/api/v2/pages/{site_tree.article.pk}/").json()
    assert data["hero_image"]["alt"] == "Two doctors discussing a scan"
    assert data["author"]["display_name"] == "Dr. Amit Pandey"
    assert data["head"]["path"] == "/articles/medical-vs-surgical-oncologist/"
    image_block = next(block for block in data["body"] if block["type"] == "image")
    assert image_block["value"]["image"]["srcset"]
    _no_db_html(str(data))


def test_v2_images_documents_and_redirects_are_mounted(client, site_tree):
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.create(old_path="/old-article", redirect_page=site_tree.article, site=site_tree.site)
    images = client.get("/api/v2/images/", {"fields": "credit,renditions"}).json()
    assert images["items"][0]["renditions"]["alt"] == "A doctor at a desk"
    assert images["items"][0]["credit"] == "Clinic photo"
    assert client.get("/api/v2/documents/").status_code == 200
    redirects = client.get("/api/v2/redirects/").json()
    assert redirects["items"][0]["location"] == "/articles/medical-vs-surgical-oncologist/"
