"""The site root: a hero, an introduction, featured doctors and articles."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail_headless_preview.models import HeadlessPreviewMixin

from images.renditions import ResponsiveImageField

from ..serializer_fields import FeaturedArticlesField, FeaturedDoctorsField, PageHeadField

BIO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HomePage(HeadlessPreviewMixin, Page):
    """The site root: a hero, an introduction, featured doctors and articles."""

    hero_heading = models.CharField(max_length=120, help_text="The large line at the top of the home page.")
    hero_text = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the heading.",
    )
    hero_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide image (at least 1600 px wide) shown behind or beside the heading.",
    )
    introduction = RichTextField(features=BIO_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")], heading="Hero"
        ),
        FieldPanel("introduction"),
        InlinePanel("featured_doctors", heading="Featured doctors", label="Doctor"),
        InlinePanel("featured_articles", heading="Featured articles", label="Article"),
    ]

    api_fields = [
        "hero_heading",
        "hero_text",
        APIField("hero_image", serializer=ResponsiveImageField()),
        "introduction",
        APIField("featured_doctors", serializer=FeaturedDoctorsField()),
        APIField("featured_articles", serializer=FeaturedArticlesField()),
        APIField("head", serializer=PageHeadField()),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.DoctorPage", "home.StandardPage", "blog.BlogIndexPage"]

    class Meta:
        verbose_name = "home page"


class HomePageFeaturedDoctor(Orderable):
    """A doctor shown on the home page, in order."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_doctors")
    doctor = models.ForeignKey("home.DoctorPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("doctor", "home.DoctorPage")]


class HomePageFeaturedArticle(Orderable):
    """An article shown on the home page, in order."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_articles")
    article = models.ForeignKey("blog.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("article", "blog.ArticlePage")]
