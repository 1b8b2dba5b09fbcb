"""Test data for the API suite: a small clinic site built with the builders of tests/factories.py.

The tree mirrors the design: Root → HomePage → DoctorPage, StandardPage,
BlogIndexPage → ArticlePage. Images are generated in memory (small, so
renditions are quick); nothing depends on the demo content command.
"""

import json
from dataclasses import dataclass
from datetime import date

import pytest
from wagtail.models import Site

from blog.models import ArticlePage, BlogIndexPage, Category
from home.models import Clinic, ClinicOpeningHours, DoctorPage, HomePage, SiteSettings, StandardPage
from images.models import CustomImage
from tests.factories import make_article, make_doctor, make_home_site, make_image, paragraph


@dataclass
class SiteTree:
    site: Site
    home: HomePage
    doctor: DoctorPage
    about: StandardPage
    blog: BlogIndexPage
    article: ArticlePage
    other_article: ArticlePage
    category: Category
    other_category: Category
    image: CustomImage
    clinic: Clinic
    settings: SiteSettings


@pytest.fixture
def site_tree(db) -> SiteTree:
    """A published clinic site on the default ``localhost``/``testserver`` site."""
    image = make_image(description="A doctor at a desk", credit="Clinic photo")
    home = make_home_site(
        site_name="Clinic",
        hero_text="Consultations in Lucknow.",
        hero_image=image,
        introduction="<p>Welcome.</p>",
    )
    site = Site.objects.get(is_default_site=True)
    doctor = make_doctor(
        home,
        "Amit Pandey",
        job_title="Consultant Oncologist",
        photo=image,
        summary="Medical oncologist.",
        registration_number="12345",
        registration_council="National Medical Commission",
        practising_since=2010,
        biography=f'<p>Trained at <a linktype="page" id="{home.pk}">our clinic</a>.</p>',
        show_in_menus=True,
    )
    doctor.specialties.create(text="Medical oncology")
    doctor.save()  # child relations of a cluster are written when the page is saved
    about = home.add_child(
        instance=StandardPage(
            title="About the practice",
            slug="about",
            introduction="How the practice works.",
            body=json.dumps([paragraph("<p>We explain treatment options plainly.</p>")]),
            show_in_menus=True,
        )
    )
    blog = home.add_child(instance=BlogIndexPage(title="Articles", slug="articles", show_in_menus=True))
    category = Category.objects.create(name="Medical oncology")
    other_category = Category.objects.create(name="Surgical oncology")
    body = [
        {"type": "heading", "value": {"text": "Medical oncologist", "level": "h2"}},
        paragraph(
            f'<p>See <a linktype="page" id="{doctor.pk}">the doctor</a> about '
            f"<b>chemotherapy</b> and oncologist care.</p>"
        ),
        {"type": "image", "value": {"image": image.pk, "alt_text": "A clinic room", "caption": "The clinic"}},
        {
            "type": "callout",
            "value": {
                "style": "note",
                "title": "Note",
                "body": f'<p>Read <a linktype="page" id="{about.pk}">about</a>.</p>',
            },
        },
        {"type": "quote", "value": {"text": "Ask questions.", "attribution": "A nurse"}},
        {"type": "faq", "value": {"question": "Is it painful?", "answer": "<p>Usually <i>not</i>.</p>"}},
        {
            "type": "table",
            "value": {
                "data": [["Role", "Treats with"], ["Medical", "Drugs"], ["Surgical", None]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Who does what",
            },
        },
        {"type": "embed", "value": "https://www.youtube.com/watch?v=abc123"},
    ]
    article = make_article(
        blog,
        title="Difference Between Medical Oncologist and Surgical Oncologist",
        slug="medical-vs-surgical-oncologist",
        summary="How the two specialists share cancer care.",
        body=body,
        hero_image=image,
        hero_alt_text="Two doctors discussing a scan",
        author=doctor,
        reviewer=doctor,
        published_date=date(2025, 3, 1),
        last_reviewed_date=date(2025, 6, 1),
        categories=[category],
        tags=["chemotherapy", "surgery"],
    )
    article.references.create(title="NCI: Types of oncologists", url="https://www.cancer.gov/")
    article.save()
    other_article = make_article(
        blog,
        title="Chemotherapy side effects",
        slug="chemotherapy-side-effects",
        published_date=date(2024, 5, 1),
        categories=[category],
        tags=["chemotherapy"],
    )
    clinic = Clinic.objects.create(
        name="City Cancer Centre", street_address="1 Hospital Road", locality="Lucknow", phone="+919876543210"
    )
    ClinicOpeningHours.objects.create(clinic=clinic, weekday=0, opens_at="09:30", closes_at="17:00")
    settings = SiteSettings.objects.create(
        site=site,
        appointment_phone="+919876543210",
        whatsapp_number="+919876543211",
        whatsapp_message="Hello, I would like to book an appointment.",
        booking_email="bookings@example.com",
        footer_disclaimer="Articles are general information.",
        default_social_image=image,
        privacy_page=about,
    )
    return SiteTree(
        site=site,
        home=home,
        doctor=doctor,
        about=about,
        blog=blog,
        article=article,
        other_article=other_article,
        category=category,
        other_category=other_category,
        image=image,
        clinic=clinic,
        settings=settings,
    )
