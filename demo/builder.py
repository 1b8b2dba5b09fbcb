"""Builds the demo site from ``demo_site.json`` and the seed article.

Idempotent and respectful of staff: every object is looked up first (pages by
slug under their parent, snippets by name or slug, images by title) and only
created when missing. Nothing that exists is changed, so a page staff edited
survives any number of re-runs.
"""

import json
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from blog.models import ArticlePage, BlogIndexPage, Category
from home.models import (
    Clinic,
    ClinicOpeningHours,
    DoctorClinicHours,
    DoctorPage,
    DoctorSpecialty,
    HomePage,
    HomePageFeaturedArticle,
    HomePageFeaturedDoctor,
    SiteSettings,
    StandardPage,
)
from images.models import CustomImage

from .artwork import abstract_artwork
from .seed import read_seed_article

DEMO_DIR = Path(__file__).resolve().parent
SITE_FILE = DEMO_DIR / "demo_site.json"

HERO_IMAGE_TITLE = "Demo hero artwork"
DECORATIVE_DESCRIPTION = "Abstract teal and mint artwork"


@dataclass
class BuildReport:
    """What a run created and what it found already there."""

    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def note(self, label: str, created: bool) -> None:
        (self.created if created else self.kept).append(label)


class DemoSiteBuilder:
    """Creates whatever part of the demo site is missing."""

    def __init__(self, site_file: Path = SITE_FILE):
        self.data = json.loads(site_file.read_text(encoding="utf-8"))
        self.report = BuildReport()

    @transaction.atomic
    def build(self) -> BuildReport:
        """Create the missing parts of the demo site; return what happened."""
        seed = read_seed_article(
            DEMO_DIR / self.data["seed_article"]["file"], self.data["seed_article"]["call_to_action_marker"]
        )
        self.site_name = seed.author_name
        hero_image = self._image(HERO_IMAGE_TITLE, 1600, 900, seed=1)
        home, home_created = self._home_page(hero_image)
        categories = self._categories()
        clinic = self._clinic()
        doctor = self._doctor(home, seed.author_name, clinic)
        pages = {page["slug"]: self._standard_page(home, page) for page in self.data["standard_pages"]}
        index = self._articles_index(home)
        article = self._seed_article(index, seed, doctor, hero_image, categories)
        self._settings(home, pages.get("privacy"), pages.get("disclaimer"))
        if home_created:
            self._feature_on_home_page(home, doctor, article)
        return self.report

    # -- images -----------------------------------------------------------

    def _image(self, title: str, width: int, height: int, seed: int) -> CustomImage:
        image = CustomImage.objects.filter(title=title).first()
        self.report.note(f"image “{title}”", created=image is None)
        if image is None:
            file_name = f"{slugify(title)}.jpg"
            content = ContentFile(abstract_artwork(width, height, seed=seed), name=file_name)
            image = CustomImage(
                title=title, description=DECORATIVE_DESCRIPTION, file=ImageFile(content, name=file_name)
            )
            image.save()
        return image

    # -- pages ------------------------------------------------------------

    def _publish(self, parent: Page, page: Page) -> Page:
        if isinstance(parent, HomePage):
            page.show_in_menus = page.slug in self.data["home"]["show_in_menus_children"]
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def _existing_child(self, parent: Page, slug: str) -> Page | None:
        child = parent.get_children().filter(slug=slug).first()
        return child.specific if child else None

    def _home_page(self, hero_image: CustomImage) -> tuple[HomePage, bool]:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site and isinstance(site.root_page.specific, HomePage):
            self.report.note("home page", created=False)
            return site.root_page.specific, False

        root = Page.get_first_root_node()
        spec = self.data["home"]
        existing = self._existing_child(root, spec["slug"])
        created = not isinstance(existing, HomePage)
        self.report.note("home page", created=created)
        if not created:
            home = existing
        else:
            if existing is not None and type(existing) is Page and not existing.get_children().exists():
                # Wagtail's "Welcome to your new Wagtail site!" placeholder.
                existing.slug = f"{existing.slug}-placeholder"
                existing.save(update_fields=["slug"], clean=False)
            home = HomePage(
                title=spec["title"],
                slug=spec["slug"],
                hero_heading=spec["hero_heading"],
                hero_text=spec["hero_text"],
                hero_image=hero_image,
                introduction=spec["introduction"],
                locale=Locale.get_default(),
            )
            self._publish(root, home)

        # The demo serves at `make run`'s address, so links and canonical URLs
        # work locally; staff set the real host name in Settings → Sites.
        site_spec = {**self.data["site"], "site_name": self.site_name}
        if site is None:
            Site.objects.create(root_page=home, is_default_site=True, **site_spec)
        else:
            placeholder = site.root_page
            site.root_page = home
            for name, value in site_spec.items():
                setattr(site, name, value)
            site.save()
            if type(placeholder.specific) is Page and not placeholder.get_children().exists():
                placeholder.delete()
        return home, created

    def _doctor(self, home: HomePage, display_name: str, clinic: Clinic) -> DoctorPage:
        spec = self.data["doctor"]
        honorific = spec["honorific"]
        name = display_name.removeprefix(honorific).strip()
        slug = slugify(f"{honorific} {name}")
        doctor = self._existing_child(home, slug)
        if doctor is not None:
            self.report.note(f"doctor “{display_name}”", created=False)
            return doctor
        doctor = DoctorPage(
            title=display_name,
            slug=slug,
            honorific=honorific,
            name=name,
            job_title=spec["job_title"],
            summary=spec["summary"],
            biography=spec["biography"],
            search_description=spec["summary"],
        )
        doctor.specialties = [DoctorSpecialty(text=text) for text in spec["specialties"]]
        doctor.clinic_hours = [
            DoctorClinicHours(clinic=clinic, weekday=h.weekday, opens_at=h.opens_at, closes_at=h.closes_at)
            for h in clinic.opening_hours.all()
        ]
        self._publish(home, doctor)
        self.report.note(f"doctor “{display_name}”", created=True)
        return doctor

    def _standard_page(self, home: HomePage, spec: dict) -> StandardPage:
        page = self._existing_child(home, spec["slug"])
        self.report.note(f"page “{spec['title']}”", created=page is None)
        if page is None:
            page = StandardPage(
                title=spec["title"],
                slug=spec["slug"],
                introduction=spec["introduction"],
                body=spec["body"],
                search_description=spec["introduction"],
            )
            self._publish(home, page)
        return page

    def _articles_index(self, home: HomePage) -> BlogIndexPage:
        spec = self.data["articles_index"]
        index = self._existing_child(home, spec["slug"])
        self.report.note(f"page “{spec['title']}”", created=index is None)
        if index is None:
            index = BlogIndexPage(title=spec["title"], slug=spec["slug"], introduction=spec["introduction"])
            self._publish(home, index)
        return index

    def _seed_article(self, index, seed, doctor, hero_image, categories) -> ArticlePage:
        slug = slugify(seed.title)
        article = self._existing_child(index, slug)
        if article is not None:
            self.report.note(f"article “{seed.title}”", created=False)
            return article
        today = timezone.localdate()
        article = ArticlePage(
            title=seed.title,
            slug=slug,
            summary=seed.summary,
            search_description=seed.summary,
            hero_image=hero_image,
            body=seed.blocks,
            author=doctor,
            # No reviewer and no review date: the seed was not medically reviewed, and the demo does not claim it was.
            published_date=today,
        )
        wanted = set(self.data["seed_article"]["categories"])
        article.categories = [category for category in categories if category.name in wanted]
        article.tags.add(*self.data["seed_article"]["tags"])
        self._publish(index, article)
        self.report.note(f"article “{seed.title}”", created=True)
        return article

    # -- snippets and settings --------------------------------------------

    def _categories(self) -> list[Category]:
        categories = []
        for spec in self.data["categories"]:
            category, created = Category.objects.get_or_create(
                slug=spec["slug"],
                locale=Locale.get_default(),
                defaults={"name": spec["name"], "description": spec["description"]},
            )
            self.report.note(f"category “{category.name}”", created=created)
            categories.append(category)
        return categories

    def _clinic(self) -> Clinic:
        spec = self.data["clinic"]
        clinic = Clinic.objects.filter(name=spec["name"]).first()
        if clinic is not None:
            self.report.note(f"clinic “{clinic.name}”", created=False)
            return clinic
        fields = {key: value for key, value in spec.items() if key != "opening_hours"}
        clinic = Clinic(locale=Locale.get_default(), **fields)
        clinic.opening_hours = [
            ClinicOpeningHours(
                weekday=hours["weekday"],
                opens_at=time.fromisoformat(hours["opens_at"]),
                closes_at=time.fromisoformat(hours["closes_at"]),
            )
            for hours in spec["opening_hours"]
        ]
        clinic.save()
        self.report.note(f"clinic “{clinic.name}”", created=True)
        return clinic

    def _settings(self, home: HomePage, privacy_page: Page | None, disclaimer_page: Page | None) -> None:
        site = Site.objects.get(root_page=home)
        settings = SiteSettings.objects.filter(site=site).first()
        untouched = settings is None or not any(
            getattr(settings, name) for name in self.data["settings"] if name != "whatsapp_message"
        )
        if not untouched:
            self.report.note("site settings", created=False)
            return
        settings = settings or SiteSettings(site=site)
        for name, value in self.data["settings"].items():
            setattr(settings, name, value)
        settings.privacy_page = privacy_page
        settings.disclaimer_page = disclaimer_page
        settings.full_clean()
        settings.save()
        self.report.note("site settings", created=True)

    def _feature_on_home_page(self, home: HomePage, doctor: DoctorPage, article: ArticlePage) -> None:
        """Only on a home page this run created: staff's choice of features is theirs."""
        home.featured_doctors = [HomePageFeaturedDoctor(doctor=doctor)]
        home.featured_articles = [HomePageFeaturedArticle(article=article)]
        home.save_revision().publish()
