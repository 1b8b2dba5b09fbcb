"""Builders for test content: one way to make each image, page and site the tests need.

Plain functions rather than ``wagtail-factories`` (whose releases do not name
Wagtail 8 among the versions they support). Each builder saves what it makes
the way the admin would: pages are added under their parent, and an article
is published through a revision, so first/last published times, revisions and
the publish signals are what an editor's action leaves. Images are drawn in
memory, small, so renditions are quick. Nothing here depends on the demo
content command (``demo_site`` in tests/conftest.py builds that site).
"""

import io
import json
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import count

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.models import Page, PageViewRestriction, Site

from blog.models import ArticlePage, BlogIndexPage, Category
from home.models import DoctorPage, HomePage, StandardPage
from images.models import CustomImage

# Numbers file names, slugs and default publication dates: unique within a test (tests/conftest.py
# restarts it for each), so default dates stay a few days apart in mid-2024 however many tests ran before.
_numbers = count(1)


def restart_numbering() -> None:
    """Number the next article, image and slug from 1 again (each test starts afresh)."""
    global _numbers
    _numbers = count(1)


def image_bytes(size: tuple[int, int] = (40, 30), image_format: str = "PNG") -> bytes:
    """An image file of ``size`` pixels in ``image_format`` (any format Pillow writes), one flat colour."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (30, 110, 170)).save(buffer, format=image_format)
    return buffer.getvalue()


def paragraph(html: str) -> dict:
    """A paragraph block of a page body."""
    return {"type": "paragraph", "value": html}


def make_image(
    title: str = "Portrait", *, description: str | None = None, size: tuple[int, int] = (500, 300), credit: str = ""
) -> CustomImage:
    """A stored PNG image in the library; its alt text (``description``) is its title unless given."""
    image = CustomImage(title=title, description=title if description is None else description, credit=credit)
    image.file = ImageFile(io.BytesIO(image_bytes(size)), name=f"image-{next(_numbers)}.png")
    image.save()
    return image


def make_home_site(*, hostname: str = "testserver", site_name: str = "", **home_fields) -> HomePage:
    """A home page as the root of the one, default site; the page tree and sites the migrations made go."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for page in root.get_children():
        page.delete()
    fields = {"title": "Home", "slug": "home", "hero_heading": "Cancer care, explained", **home_fields}
    home = root.add_child(instance=HomePage(**fields))
    Site.objects.create(hostname=hostname, port=80, root_page=home, is_default_site=True, site_name=site_name)
    return home


def make_doctor(parent: Page, name: str, **fields) -> DoctorPage:
    """A doctor's page titled "Dr. <name>" under ``parent``; ``fields`` override the defaults."""
    title = fields.pop("title", f"Dr. {name}")
    slug = fields.pop("slug", slugify(title))
    return parent.add_child(instance=DoctorPage(title=title, slug=slug, name=name, **fields))


def make_article(
    index: Page,
    title: str | None = None,
    *,
    body: list[dict] | None = None,
    categories=(),
    tags=(),
    live: bool = True,
    editor=None,
    **fields,
) -> ArticlePage:
    """An article under ``index``, published through a revision unless ``live`` is false (then a draft).

    ``editor`` is the user the revision is saved by (none: a system change).

    ``fields`` override the defaults: a numbered title and slug, a summary
    naming the title, one paragraph of body, and a publication date in mid-2024 (after the
    fixed dates of the fixtures' articles) that is later for each article the test makes.
    """
    number = next(_numbers)
    title = title or f"Article {number}"
    defaults = {
        "slug": f"article-{number}",
        "summary": f"What “{title}” explains.",
        "published_date": date(2024, 6, 1) + timedelta(days=number),
    }
    page = ArticlePage(
        title=title,
        body=json.dumps(body if body is not None else [paragraph("<p>Plain words about cancer care.</p>")]),
        live=live,
        **{**defaults, **fields},
    )
    index.add_child(instance=page)
    if categories or tags:
        page.categories.set(categories)
        page.tags.add(*tags)
        page.save()  # the cluster's relations are written when the page is saved
    revision = page.save_revision(user=editor)
    if live:
        revision.publish()
    return ArticlePage.objects.get(pk=page.pk)


def draft_article(index: Page, editor, author: DoctorPage | None = None) -> ArticlePage:
    """The draft article ``editor`` saved, written by ``author`` (a doctor page) when given."""
    return make_article(
        index,
        "Understanding chemotherapy",
        slug="understanding-chemotherapy",
        summary="What chemotherapy is and how it is given.",
        body=[paragraph("<p>Chemotherapy uses medicines to kill cancer cells.</p>")],
        published_date=date.today(),
        author=author,
        live=False,
        editor=editor,
    )


@dataclass
class ClinicSite:
    """A small published clinic site with the states a crawler or a feed reader meets."""

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


def make_clinic_site() -> ClinicSite:
    """Two doctors, two categories, live articles, a draft and a password-protected article."""
    home = make_home_site(site_name="City Cancer Clinic")
    doctor = make_doctor(home, "Amit Pandey", photo=make_image("Portrait of Dr. Amit Pandey", size=(400, 300)))
    reviewer = make_doctor(home, "Neha Rao")
    about = home.add_child(instance=StandardPage(title="About", slug="about"))
    index = home.add_child(instance=BlogIndexPage(title="Articles", slug="articles"))
    medical = Category.objects.create(name="Medical oncology", slug="medical-oncology")
    surgical = Category.objects.create(name="Surgical oncology", slug="surgical-oncology")
    hero = make_image("A doctor explaining a scan", size=(1600, 900))
    body_image = make_image("A chemotherapy day unit", size=(400, 300))
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
            paragraph("<p>Two kinds of cancer doctor.</p>"),
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
    return ClinicSite(
        site=Site.objects.get(is_default_site=True),
        home=home,
        doctor=doctor,
        reviewer=reviewer,
        about=about,
        index=index,
        medical=medical,
        surgical=surgical,
        hero=hero,
        body_image=body_image,
        reviewed=reviewed,
        surgical_article=surgical_article,
        draft=draft,
        private=private,
    )
