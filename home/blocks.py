"""StreamField blocks for page bodies (articles and standard pages).

One block per kind of content an editor writes; each has a matching frontend
component. Rich text features are limited to what reads well on a phone.
"""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from images.renditions import responsive_image

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]
SHORT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 for sections, 3 for sub-sections."""

    text = blocks.CharBlock(max_length=120, help_text="The section title, e.g. “Medical oncologist”.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (H2)"), ("h3", "Sub-section (H3)")],
        default="h2",
        help_text="Use H2 for main sections and H3 only inside a section.",
    )

    class Meta:
        icon = "title"
        label = "Heading"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with an optional caption and an alt text override."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="What the image shows, for people who cannot see it. Leave empty to use the image's own description.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image"

    def get_api_representation(self, value, context=None):
        """The image as renditions (srcset, fallback, size, alt), never a bare id."""
        return {
            "image": responsive_image(value.get("image"), alt=value.get("alt_text") or ""),
            "caption": value.get("caption") or "",
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source."""

    text = blocks.TextBlock(max_length=800)
    attribution = blocks.CharBlock(required=False, max_length=120, help_text="Who said or wrote it.")

    class Meta:
        icon = "openquote"
        label = "Quote"


class CalloutBlock(blocks.StructBlock):
    """A highlighted box: key points, a note, or a warning."""

    style = blocks.ChoiceBlock(
        choices=[("key-points", "Key points"), ("note", "Note"), ("warning", "Important")],
        default="key-points",
    )
    title = blocks.CharBlock(required=False, max_length=120)
    body = blocks.RichTextBlock(features=SHORT_FEATURES)

    class Meta:
        icon = "pick"
        label = "Callout / key points"


class FAQItemBlock(blocks.StructBlock):
    """One frequently asked question and its answer."""

    question = blocks.CharBlock(max_length=250)
    answer = blocks.RichTextBlock(features=SHORT_FEATURES)

    class Meta:
        icon = "help"
        label = "FAQ item"


class BodyBlock(blocks.StreamBlock):
    """The blocks an editor can use in an article or standard page body."""

    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, icon="pilcrow")
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    faq = FAQItemBlock()
    table = TableBlock(
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right", "remove_row", "remove_col"]}
    )
    embed = EmbedBlock(help_text="A video or post URL, e.g. from YouTube.", icon="media")
