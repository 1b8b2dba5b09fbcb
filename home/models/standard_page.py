"""A plain page: about, privacy notice, disclaimer."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin

from ..blocks import BodyBlock
from ..body_api import BodyField
from ..serializer_fields import PageHeadField


class StandardPage(HeadlessPreviewMixin, Page):
    """A plain page: about, privacy notice, disclaimer."""

    introduction = models.TextField(max_length=400, blank=True, help_text="A short summary shown under the title.")
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    api_fields = [
        "introduction",
        APIField("body", serializer=BodyField()),
        APIField("head", serializer=PageHeadField()),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "standard page"
