"""Reading the seed article (plain text) into a title, an author and body blocks.

The seed's format: the author's name on the first line, the title on the
second, then paragraphs separated by blank lines. A short line without final
punctuation is a section title. Everything from the call-to-action marker on
("Book An Appointment", "call button whatsapp button") is the site's booking
call-to-action, not article text, and is left out.
"""

import html
from dataclasses import dataclass, field
from pathlib import Path

HEADING_MAX_LENGTH = 80


@dataclass
class SeedArticle:
    """An article read from a seed file."""

    author_name: str
    title: str
    blocks: list[dict] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """The first paragraph's first sentence, as the article's summary."""
        for block in self.blocks:
            if block["type"] == "paragraph":
                text = html.unescape(block["value"].removeprefix("<p>").removesuffix("</p>"))
                first_sentence = text.split(". ")[0].rstrip(".")
                return f"{first_sentence}."[:300]
        return ""


def _is_heading(paragraph: str) -> bool:
    return len(paragraph) <= HEADING_MAX_LENGTH and not paragraph.endswith((".", "?", "!", ":", ";", ","))


def read_seed_article(path: Path, call_to_action_marker: str) -> SeedArticle:
    """Parse ``path``; stop at the paragraph equal to ``call_to_action_marker``."""
    paragraphs = [" ".join(chunk.split()) for chunk in path.read_text(encoding="utf-8").split("\n\n") if chunk.strip()]
    if len(paragraphs) < 3:
        raise ValueError(f"{path} needs an author line, a title line and at least one paragraph.")
    author_name, title, *rest = paragraphs
    blocks = []
    for paragraph in rest:
        if paragraph.casefold() == call_to_action_marker.casefold():
            break
        if _is_heading(paragraph):
            blocks.append({"type": "heading", "value": {"text": paragraph, "level": "h2"}})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{html.escape(paragraph, quote=False)}</p>"})
    return SeedArticle(author_name=author_name, title=title, blocks=blocks)
