"""Test data for the API suite: a small clinic site built with factories.

The tree mirrors the design: Root → HomePage → DoctorPage, StandardPage,
BlogIndexPage → ArticlePage. Images are generated in memory (small, so
renditions are quick); nothing depends on the demo content command.
"""

import io
import json
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import count

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.models import Page, Site

from blog.models import ArticlePage, BlogIndexPage, Category
from home.models import Clinic, ClinicOpeningHours, DoctorPage, HomePage, SiteSettings, StandardPage
from images.models import CustomImage

_sequence = count(1)


def make_image(title: str = "Portrait", size=(500, 300), description: str = "A doctor at a desk") -> CustomImage:
    """A stored PNG image of ``size`` with its alt text."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (40, 120, 180)).save(buffer, format="PNG")
    image = CustomImage(title=title, description=description, credit="Clinic photo")
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"image-{next(_sequence)}.png")
    image.save()
    return image


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def make_article(index_page: BlogIndexPage, title: str | None = None, **fields) -> ArticlePage:
    """A live article under ``index_page``; ``fields`` override the defaults."""
    number = next(_sequence)
    title = title or f"Article {number}"
    categories = fields.pop("categories", [])
    tags = fields.pop("tags", [])
    defaults = {
        "title": title,
        "slug": f"article-{number}",
        "summary": f"What {title} is about.",
        "body": json.dumps([paragraph("<p>Plain words about cancer care.</p>")]),
        "published_date": date(2024, 1, 1) + timedelta(days=number),
    }
    defaults.update(fields)
    article = index_page.add_child(instance=ArticlePage(**defaults))
    if categories or tags:
        article.categories.set(categories)
        article.tags.add(*tags)
        article.save()
    return article


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
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for page in root.get_children():
        page.delete()
    image = make_image()
    home = root.add_child(
        instance=HomePage(
            title="Home",
            slug="home",
            hero_heading="Cancer care, explained",
            hero_text="Consultations in Lucknow.",
            hero_image=image,
            introduction="<p>Welcome.</p>",
        )
    )
    site = Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Clinic")
    doctor = home.add_child(
        instance=DoctorPage(
            title="Dr. Amit Pandey",
            slug="dr-amit-pandey",
            name="Amit Pandey",
            job_title="Consultant Oncologist",
            photo=image,
            summary="Medical oncologist.",
            registration_number="12345",
            registration_council="National Medical Commission",
            practising_since=2010,
            biography=f'<p>Trained at <a linktype="page" id="{home.pk}">our clinic</a>.</p>',
            show_in_menus=True,
        )
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
        body=json.dumps(body),
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
