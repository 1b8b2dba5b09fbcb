"""Reading time of a StreamField body."""

import math
import re

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

# Adults read health information on a screen at roughly this pace.
WORDS_PER_MINUTE = 200

_WORD = re.compile(r"\w+", re.UNICODE)


def _texts(block, value):
    """The reader-visible strings of one block value, guided by its definition.

    Choice values (a heading's level, a callout's style) are settings, not
    words the reader reads, so they are skipped.
    """
    if value is None or isinstance(block, blocks.ChoiceBlock):
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _texts(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _texts(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _texts(block.child_block, item)
    elif isinstance(block, blocks.RichTextBlock):
        yield strip_tags(value.source)
    elif isinstance(block, TableBlock):
        for row in value.get("data") or []:
            yield from (str(cell) for cell in row if cell)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock):
        yield value


def word_count(body) -> int:
    """The number of words a reader reads in ``body`` (a StreamField value)."""
    return sum(len(_WORD.findall(text)) for text in _texts(body.stream_block, body))


def reading_time_minutes(body) -> int:
    """Whole minutes to read ``body``, at least one."""
    return max(1, math.ceil(word_count(body) / WORDS_PER_MINUTE))
