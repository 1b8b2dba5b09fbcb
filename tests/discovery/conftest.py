"""A small published clinic site for the sitemap, robots, feed, share-image and redirect tests.

Two doctors, two categories, live articles, a draft and a private article,
built with the models directly (no demo content), images generated in memory.
"""

import io
import json
from dataclasses import dataclass
from datetime import date
from itertools import count

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.models import Page, PageViewRestriction, Site

from blog.models import ArticlePage, BlogIndexPage, Category
from home.models import DoctorPage, HomePage, StandardPage
from images.models import CustomImage

_numbers = count(1)


def make_image(description: str = "A consultation room", size=(400, 300)) -> CustomImage:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (30, 110, 170)).save(buffer, format="PNG")
    image = CustomImage(title=description, description=description)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"discovery-{next(_numbers)}.png")
    image.save()
    return image


def make_article(index: BlogIndexPage, title: str, *, categories=(), live: bool = True, **fields) -> ArticlePage:
    body = fields.pop("body", [{"type": "paragraph", "value": "<p>Plain words about cancer care.</p>"}])
    page = ArticlePage(
        title=title,
        summary=fields.pop("summary", f"What “{title}” explains."),
        body=json.dumps(body),
        live=live,
        **fields,
    )
    index.add_child(instance=page)
    if categories:
        page.categories.set(categories)
    revision = page.save_revision()
    if live:
        revision.publish()
    return ArticlePage.objects.get(pk=page.pk)


@dataclass
class Clinic:
    site: Site
    home: HomePage
    doctor: DoctorPage
    reviewer: DoctorPage
    about: StandardPage
    index: BlogIndexPage
    medical: Category
    surgical: Category
    hero: CustomImage
    body_image: CustomImage
    reviewed: ArticlePage  # by doctor, reviewed by reviewer, medical, hero + body image
    surgical_article: ArticlePage  # by reviewer, surgical, no image
    draft: ArticlePage
    private: ArticlePage


@pytest.fixture
def clinic(db) -> Clinic:
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for page in root.get_children():
        page.delete()
    home = root.add_child(instance=HomePage(title="Home", slug="home", hero_heading="Cancer care, explained"))
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="City Cancer Clinic"
    )
    photo = make_image("Portrait of Dr. Amit Pandey")
    doctor = home.add_child(
        instance=DoctorPage(title="Dr. Amit Pandey", slug="dr-amit-pandey", name="Amit Pandey", photo=photo)
    )
    reviewer = home.add_child(instance=DoctorPage(title="Dr. Neha Rao", slug="dr-neha-rao", name="Neha Rao"))
    about = home.add_child(instance=StandardPage(title="About", slug="about"))
    index = home.add_child(instance=BlogIndexPage(title="Articles", slug="articles"))
    medical = Category.objects.create(name="Medical oncology", slug="medical-oncology")
    surgical = Category.objects.create(name="Surgical oncology", slug="surgical-oncology")
    hero = make_image("A doctor explaining a scan", size=(1600, 900))
    body_image = make_image("A chemotherapy day unit")
    reviewed = make_article(
        index,
        "Medical and surgical oncologists",
        categories=[medical],
        slug="oncologists",
        author=doctor,
        reviewer=reviewer,
        hero_image=hero,
        published_date=date(2024, 3, 1),
        last_reviewed_date=date(2025, 6, 15),
        body=[
            {"type": "paragraph", "value": "<p>Two kinds of cancer doctor.</p>"},
            {"type": "image", "value": {"image": body_image.pk, "alt_text": "", "caption": "The day unit"}},
        ],
    )
    surgical_article = make_article(
        index,
        "Before your operation",
        categories=[surgical],
        slug="before-surgery",
        author=reviewer,
        published_date=date(2024, 5, 10),
    )
    draft = make_article(index, "An unfinished draft", slug="draft", author=doctor, live=False)
    private = make_article(index, "Staff-only notes", slug="private", author=doctor, categories=[medical])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return Clinic(
        site, home, doctor, reviewer, about, index, medical, surgical, hero, body_image,
        reviewed, surgical_article, draft, private,
    )  # fmt: skip
