"""Turning read articles into draft pages, redirects and a report.

Runs in two passes so internal links can point at any imported article: the
first finds or creates every page (new ones as placeholders), the second
converts each body with the complete map of old addresses → pages.
"""

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import Truncator, slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from blog.models import ArticlePage, BlogIndexPage, Category, ImportedArticle
from home.models import DoctorPage

from .html_to_blocks import html_to_blocks
from .images import DRY_RUN_IMAGE, ImageImporter
from .source import Problem, SourceArticle, SourceExport

SUMMARY_MAX = 300  # ArticlePage.summary
HONORIFICS = re.compile(r"^(dr|prof|professor|mr|mrs|ms|miss)\.?\s+", re.IGNORECASE)


@dataclass
class ImportReport:
    """What a run did (or, in a dry run, would do), for the command's summary."""

    dry_run: bool = False
    created: list[str] = field(default_factory=list)
    password_protected: list[str] = field(default_factory=list)  # pages given their old post password
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # changed by staff since the import: left alone
    problems: list[Problem] = field(default_factory=list)
    categories_created: list[str] = field(default_factory=list)
    redirects_created: int = 0
    images_created: int = 0
    images_reused: int = 0

    @property
    def failed(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.fatal]


@dataclass
class _Plan:
    article: SourceArticle
    page: ArticlePage
    action: str  # "create" | "update"
    record: ImportedArticle | None


class ArticleImporter:
    """Imports a :class:`SourceExport` under one articles index."""

    def __init__(
        self,
        index: BlogIndexPage,
        images: ImageImporter,
        *,
        dry_run: bool = False,
        progress: Callable[[Iterable], Iterable] = iter,
    ):
        self.index = index
        self.images = images
        self.dry_run = dry_run
        self.progress = progress
        self.site = index.get_site()
        self.report = ImportReport(dry_run=dry_run)
        self.link_map: dict[str, int] = {}
        self.old_hosts: set[str] = set()
        self.doctors = {
            _name_key(name): doctor for doctor in DoctorPage.objects.all() for name in _doctor_names(doctor)
        }

    def run(self, export: SourceExport) -> ImportReport:
        """Import everything; in a dry run, do it all and roll it back, so the report is exact."""
        self.report.problems += export.problems
        with transaction.atomic():
            plans = [plan for plan in map(self._plan, export.articles) if plan is not None]
            for plan in self.progress(plans):
                try:
                    with transaction.atomic():
                        self._fill(plan)
                except Exception as error:  # one article the converter trips on must not stop the others
                    # Images stored for it were rolled back with it: look them up afresh.
                    self.images.found.clear()
                    self._discard(plan, f"could not be converted ({type(error).__name__}: {error})")
            if self.dry_run:
                transaction.set_rollback(True)
        self.report.images_created = self.images.created
        self.report.images_reused = self.images.reused
        return self.report

    # -- pass 1: find or place every page --------------------------------------------
    def _plan(self, article: SourceArticle) -> _Plan | None:
        record = ImportedArticle.objects.filter(source_key=article.source_key).first()
        if record is not None:
            page = ArticlePage.objects.filter(pk=record.page_id).first()
            if page is None:
                self._fail(article, "the page made from it by an earlier import was deleted; not re-created")
                return None
            self._remember_urls(article, page)
            if page.live or page.first_published_at or page.latest_revision_id != record.imported_revision_id:
                self.report.kept.append(f"{article.label} → {_path(page)} (changed by staff since the import)")
                return None
            if record.content_hash == article.fingerprint():
                self.report.unchanged.append(article.label)
                return None
            return _Plan(article, page, "update", record)

        if not BeautifulSoup(article.html, "html.parser").get_text(strip=True) and "<img" not in article.html:
            self._fail(article, "the article has no text")
            return None
        slug = self._free_slug(article)
        placeholder = ArticlePage(
            title=article.title[:255],
            slug=slug,
            summary=article.title[:SUMMARY_MAX],
            body=json.dumps([{"type": "paragraph", "value": "<p>Importing…</p>"}]),
            live=False,
        )
        page = self.index.add_child(instance=placeholder)
        self._remember_urls(article, page)
        return _Plan(article, page, "create", None)

    def _free_slug(self, article: SourceArticle) -> str:
        base = slugify(unquote(article.slug or article.title), allow_unicode=True)[:240] or "article"
        taken = set(self.index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        if slug != base:
            self._warn(article, f"the address name “{base}” is already used; this article is at “{slug}”")
        return slug

    def _remember_urls(self, article: SourceArticle, page: ArticlePage) -> None:
        for url in article.old_urls:
            self.link_map[Redirect.normalise_path(url)] = page.pk
            if urlsplit(url).netloc:
                self.old_hosts.add(urlsplit(url).netloc.lower())

    # -- pass 2: content -----------------------------------------------------------------
    def _fill(self, plan: _Plan) -> None:
        article, page = plan.article, plan.page
        warnings: list[str] = []
        conversion = html_to_blocks(
            article.html,
            find_image=lambda src, alt, caption: self.images.find(src, alt, warnings, article.base_dir),
            find_page=lambda href: self._page_for_link(article, href),
        )
        warnings += conversion.warnings
        blocks = [
            block
            for block in conversion.blocks
            if not (block["type"] == "image" and block["value"]["image"] == DRY_RUN_IMAGE)
        ]
        if not blocks and not (self.dry_run and conversion.blocks):
            self._discard(plan, "nothing in the article could be converted to blocks")
            return

        page.title = article.title[:255]
        page.summary = _summary(article, blocks)
        page.body = json.dumps(blocks or [{"type": "paragraph", "value": "<p>(images)</p>"}])
        published = article.published or date.today()
        if published > date.today():
            warnings.append(f"published date {published} is in the future; set to today (schedule it in Wagtail)")
            published = date.today()
        page.published_date = published
        page.hero_image_id = None
        if article.hero_image:
            hero = self.images.find(article.hero_image, "", warnings, article.base_dir)
            page.hero_image_id = hero if hero and hero != DRY_RUN_IMAGE else None
        page.author = self._doctor(article, warnings)
        page.categories.set(self._categories(article))
        page.tags.set(article.tags)
        try:
            with transaction.atomic():
                page.save()
                revision = page.save_revision(log_action=True)
        except ValidationError as error:
            self._discard(plan, "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items()))
            return

        ImportedArticle.objects.update_or_create(
            source_key=article.source_key,
            defaults={
                "source_url": (article.old_urls or [""])[0][:500],
                "page": page,
                "imported_revision": revision,
                "content_hash": article.fingerprint(),
            },
        )
        if article.password:
            self._protect_with_password(article, page)
        self._redirects(article, page, warnings)
        for warning in warnings:
            self._warn(article, warning)
        notes = f" ({'; '.join(article.notes)})" if article.notes else ""
        line = f"{article.label} → {_path(page)}{notes}"
        (self.report.created if plan.action == "create" else self.report.updated).append(line)

    def _protect_with_password(self, article: SourceArticle, page: ArticlePage) -> None:
        """Put the page behind the post's WordPress password, as readers of the old site knew it."""
        PageViewRestriction.objects.update_or_create(
            page=page,
            defaults={"restriction_type": PageViewRestriction.PASSWORD, "password": article.password},
        )
        self.report.password_protected.append(f"{article.label} → {_path(page)}")

    def _discard(self, plan: _Plan, reason: str) -> None:
        if plan.action == "create":
            plan.page.delete()
        self._fail(plan.article, reason)

    def _page_for_link(self, article: SourceArticle, href: str) -> int | None:
        if href.startswith(("#", "mailto:", "tel:")):
            return None
        absolute = urljoin(article.old_urls[0], href) if article.old_urls else href
        host = urlsplit(absolute).netloc.lower()
        if host and host not in self.old_hosts:
            return None
        return self.link_map.get(Redirect.normalise_path(urlsplit(absolute)._replace(fragment="").geturl()))

    def _doctor(self, article: SourceArticle, warnings: list[str]) -> DoctorPage | None:
        if not article.author_name:
            warnings.append("no author given; left for staff to choose")
            return None
        doctor = self.doctors.get(_name_key(article.author_name))
        if doctor is None:
            warnings.append(f"author “{article.author_name}” matches no doctor's page; left for staff to choose")
        return doctor

    def _categories(self, article: SourceArticle) -> list[Category]:
        categories = []
        for name, slug in article.categories:
            slug = slugify(slug or name)[:80]
            category = Category.objects.filter(slug=slug, locale_id=self.index.locale_id).first()
            if category is None:
                category = Category.objects.create(name=name[:80], slug=slug, locale_id=self.index.locale_id)
                self.report.categories_created.append(name)
            categories.append(category)
        return categories

    def _redirects(self, article: SourceArticle, page: ArticlePage, warnings: list[str]) -> None:
        new_path = Redirect.normalise_path(_path(page))
        for url in article.old_urls:
            old_path = Redirect.normalise_path(url)
            if old_path in ("/", new_path):
                continue
            existing = Redirect.objects.filter(old_path=old_path, site=self.site).first()
            if existing is None:
                Redirect.objects.create(old_path=old_path, site=self.site, redirect_page=page, is_permanent=True)
                self.report.redirects_created += 1
            elif existing.redirect_page_id != page.pk:
                warnings.append(f"a redirect from {old_path} already exists and points elsewhere; left as it is")

    def _warn(self, article: SourceArticle, reason: str) -> None:
        self.report.problems.append(Problem(article.label, reason))

    def _fail(self, article: SourceArticle, reason: str) -> None:
        self.report.problems.append(Problem(article.label, reason, fatal=True))


def _path(page: ArticlePage) -> str:
    """The page's address on its site (what readers see), e.g. ``/articles/my-article/``."""
    parts = page.get_url_parts()
    return parts[2] if parts else page.url_path


def _summary(article: SourceArticle, blocks: list[dict]) -> str:
    text = BeautifulSoup(article.summary, "html.parser").get_text(" ", strip=True) if article.summary else ""
    if not text:
        for block in blocks:
            if block["type"] == "paragraph":
                text = BeautifulSoup(block["value"], "html.parser").get_text(" ", strip=True)
                if text:
                    break
    return Truncator(text or article.title).chars(SUMMARY_MAX)


def _name_key(name: str) -> str:
    name = re.sub(r"[^\w\s]", " ", HONORIFICS.sub("", name.strip())).lower()
    return " ".join(HONORIFICS.sub("", name).split())


def _doctor_names(doctor: DoctorPage) -> set[str]:
    return {name for name in (doctor.name, doctor.title, doctor.display_name) if name}
