"""Oncology articles: the articles index, article pages, categories and tags."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin

from blog.forms import ArticlePageForm
from home.blocks import BodyBlock
from home.body_api import BodyField
from home.serializer_fields import CategoriesField, DoctorField, PageHeadField, PageLinksField, TagsField
from images.renditions import ResponsiveImageField

from .reading_time import reading_time_minutes
from .related_articles import related_articles_by_source


class Category(TranslatableMixin, models.Model):
    """A subject area articles are filed under, e.g. “Medical oncology”."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(
        max_length=80,
        blank=True,
        help_text="Used in web addresses; filled in from the name when left empty.",
    )
    description = models.TextField(max_length=500, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    api_fields = ["name", "slug", "description"]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_category_slug_per_locale"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.slug = self.slug or slugify(self.name)
        if not self.slug:
            raise ValidationError({"slug": "Enter a web address name using letters, numbers or hyphens."})
        clash = Category.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and clash.exists():
            raise ValidationError({"slug": f"Another category already uses “{self.slug}”. Choose another."})


class BlogIndexPage(HeadlessPreviewMixin, Page):
    """The articles section; its children are the articles."""

    introduction = models.TextField(max_length=400, blank=True, help_text="A short line under the title.")

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    api_fields = [
        "introduction",
        APIField("categories", serializer=CategoriesField()),
        APIField("head", serializer=PageHeadField()),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.ArticlePage"]

    @property
    def categories(self):
        """The categories of this page's language, so the list names the one it is filtered by (not its slug)."""
        return Category.objects.filter(locale_id=self.locale_id)

    class Meta:
        verbose_name = "articles index"

    def permissions_for_user(self, user):
        """Wagtail's permissions, but new articles here are sent for medical review, not published on creation."""
        from .review_gate import ArticlesIndexPermissionTester  # review_gate imports these models: a cycle

        return ArticlesIndexPermissionTester(user, self)


class ArticlePageTag(TaggedItemBase):
    """The link between an article and one of its free-form tags."""

    content_object = ParentalKey("blog.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(HeadlessPreviewMixin, Page):
    """An article written by a doctor and checked by a medical reviewer."""

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences saying what the reader will learn; shown in lists, "
        "search results and link previews.",
    )
    hero_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide image shown above the article (at least 1200 px wide).",
    )
    hero_alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text="What the image shows, for people who cannot see it. Leave empty to use the image's own description.",
    )
    body = StreamField(BodyBlock(required=True))
    author = models.ForeignKey(
        "home.DoctorPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authored_articles",
        help_text="The doctor who wrote the article.",
    )
    reviewer = models.ForeignKey(
        "home.DoctorPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        verbose_name="medical reviewer",
        help_text="The doctor who checked the article's medical content.",
    )
    published_date = models.DateField(
        default=date.today,
        help_text="The date shown as “Published”.",
    )
    last_reviewed_date = models.DateField(
        null=True,
        blank=True,
        help_text="When the medical content was last checked; shown as “Last reviewed”.",
    )
    categories = ParentalManyToManyField(Category, blank=True, related_name="articles")
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    reading_time = models.PositiveSmallIntegerField(
        default=1,
        editable=False,
        help_text="Minutes, computed from the body when the article is saved.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt_text")], heading="Hero image"),
        FieldPanel("body"),
        InlinePanel("references", heading="References", label="Reference"),
    ]
    review_panels = [
        FieldRowPanel([PageChooserPanel("author", "home.DoctorPage"), PageChooserPanel("reviewer", "home.DoctorPage")]),
        FieldRowPanel([FieldPanel("published_date"), FieldPanel("last_reviewed_date")]),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(review_panels, heading="Authors and filing"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("published_date"),
        index.FilterField("last_reviewed_date"),
        index.FilterField("author"),
        index.FilterField("reviewer"),
    ]

    api_fields = [
        "summary",
        APIField("hero_image", serializer=ResponsiveImageField(alt_attribute="hero_alt_text")),
        APIField("body", serializer=BodyField()),
        APIField("author", serializer=DoctorField()),
        APIField("reviewer", serializer=DoctorField()),
        "published_date",
        "last_reviewed_date",
        "reading_time",
        APIField("categories", serializer=CategoriesField()),
        APIField("tags", serializer=TagsField()),
        "references",
        APIField("related_articles", serializer=PageLinksField()),
        APIField("head", serializer=PageHeadField()),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types: list[str] = []
    base_form_class = ArticlePageForm

    class Meta:
        verbose_name = "article"
        indexes = [
            # Lists, feeds and related articles, newest or oldest first: PostgreSQL reads this index
            # in order and stops at the page asked for, instead of sorting the archive.
            # (The list's "last reviewed" ordering has its index in migration 0006, PostgreSQL only:
            # SQLite cannot index NULLS LAST.)
            models.Index(fields=["published_date", "page_ptr"], name="article_published_idx"),
        ]

    def permissions_for_user(self, user):
        """Wagtail's permissions, but only the medical review workflow publishes an article."""
        from .review_gate import ArticlePermissionTester  # review_gate imports these models: a cycle

        return ArticlePermissionTester(user, self)

    @property
    def related_articles(self) -> list:
        """Up to three visible articles sharing a category, newest first (blog/related_articles.py)."""
        prefetched = getattr(self, "prefetched_related_articles", None)
        if prefetched is None:
            prefetched = related_articles_by_source([self])[self.pk]
        return prefetched

    @property
    def hero_image_alt(self) -> str:
        """The hero's alt text: the article's override, else the image's description."""
        if self.hero_alt_text:
            return self.hero_alt_text
        return self.hero_image.alt_text if self.hero_image else ""

    def clean(self):
        super().clean()
        errors = {}
        if self.published_date and self.published_date > date.today() and not self.go_live_at:
            errors["published_date"] = (
                "The published date is in the future. To publish later, set "
                "“Go-live date/time” in the Publishing panel instead."
            )
        if self.last_reviewed_date:
            if self.published_date and self.last_reviewed_date < self.published_date:
                errors["last_reviewed_date"] = "The last-reviewed date cannot be before the published date."
            elif self.last_reviewed_date > date.today():
                errors["last_reviewed_date"] = "The last-reviewed date cannot be in the future."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.reading_time = reading_time_minutes(self.body)
        super().save(*args, **kwargs)


class ArticleReference(Orderable):
    """A source the article cites."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="references")
    title = models.CharField(max_length=300)
    url = models.URLField(blank=True, max_length=500)
    publisher = models.CharField(max_length=200, blank=True, help_text="Journal, organisation or publisher.")

    panels = [FieldPanel("title"), FieldRowPanel([FieldPanel("publisher"), FieldPanel("url")])]
    api_fields = ["title", "url", "publisher"]

    def __str__(self) -> str:
        return self.title


class ImportedArticle(models.Model):
    """Where an imported article came from, so ``import_articles`` can run again safely.

    The source key (a WordPress post id or a file's path) finds the page made
    from it on the next run, so nothing is duplicated; the revision made by the
    import tells whether staff have changed the page since (then it is left alone).
    """

    source_key = models.CharField(max_length=255, unique=True)
    source_url = models.CharField(max_length=500, blank=True, help_text="The article's address on the old site.")
    page = models.ForeignKey(ArticlePage, null=True, on_delete=models.SET_NULL, related_name="+")
    imported_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_hash = models.CharField(max_length=64, help_text="Fingerprint of the source, to skip unchanged items.")
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "imported article"

    def __str__(self) -> str:
        return self.source_key
