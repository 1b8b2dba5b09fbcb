"""The typed API representation of a page body (:class:`home.blocks.BodyBlock`).

The body is declared with :class:`BodyField` rather than as a bare StreamField
so both APIs share one representation and the OpenAPI schema names every
block type: the body is a union of block schemas told apart by their ``type``
(an OpenAPI ``discriminator``), so the frontend's generated client narrows a
block by its ``type`` with no hand-written copy of these shapes. Rich
text comes out as display HTML (``WAGTAILAPI_RICH_TEXT_FORMAT``) and images as
:class:`~images.renditions.ResponsiveImage`.
"""

from typing import Annotated, Literal, NotRequired

from pydantic import Field as SchemaField
from rest_framework.fields import Field
from typing_extensions import TypeAliasType, TypedDict

from images.renditions import ResponsiveImage


class HeadingValue(TypedDict):
    text: str
    level: Literal["h2", "h3"]


class ImageValue(TypedDict):
    image: ResponsiveImage | None
    caption: str


class QuoteValue(TypedDict):
    text: str
    attribution: str


class CalloutValue(TypedDict):
    style: Literal["key-points", "note", "warning"]
    title: str
    body: str


class FAQValue(TypedDict):
    question: str
    answer: str


class TableValue(TypedDict):
    data: list[list[str | None]]
    first_row_is_table_header: NotRequired[bool]
    first_col_is_header: NotRequired[bool]
    table_caption: NotRequired[str]


class ParagraphBlock(TypedDict):
    """Display HTML."""

    type: Literal["paragraph"]
    value: str
    id: str


class HeadingBlock(TypedDict):
    type: Literal["heading"]
    value: HeadingValue
    id: str


class ImageBlock(TypedDict):
    type: Literal["image"]
    value: ImageValue
    id: str


class QuoteBlock(TypedDict):
    type: Literal["quote"]
    value: QuoteValue
    id: str


class CalloutBlock(TypedDict):
    """``body`` is display HTML."""

    type: Literal["callout"]
    value: CalloutValue
    id: str


class FAQBlock(TypedDict):
    """``answer`` is display HTML."""

    type: Literal["faq"]
    value: FAQValue
    id: str


class TableBlock(TypedDict):
    type: Literal["table"]
    value: TableValue
    id: str


class EmbedBlock(TypedDict):
    """``value`` is the embedded item's URL (e.g. a YouTube link)."""

    type: Literal["embed"]
    value: str
    id: str


# A named alias, not a bare ``Annotated``: Wagtail's v3 schema generator reads the
# serialiser's return type with ``get_type_hints()``, which drops ``Annotated``
# metadata (the discriminator) but leaves an alias's value alone.
BodyBlockItem = TypeAliasType(
    "BodyBlock",
    Annotated[
        ParagraphBlock | HeadingBlock | ImageBlock | QuoteBlock | CalloutBlock | FAQBlock | TableBlock | EmbedBlock,
        SchemaField(discriminator="type"),
    ],
)


class BodyField(Field):
    """A :class:`~home.blocks.BodyBlock` StreamField as a list of typed blocks."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> list[BodyBlockItem]:
        from .rich_text_links import page_links_of  # imports Wagtail's page model: not at model loading

        # Every internal link of the body in one query (home/rich_text_links.py).
        with page_links_of(value):
            representation = value.stream_block.get_api_representation(value, self.context)
        for block in representation:
            if block["type"] == "embed" and block["value"] is None:
                block["value"] = ""
        return representation
