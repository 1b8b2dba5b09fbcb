"""Old-site HTML → the body blocks of :class:`home.blocks.BodyBlock`.

Headings, paragraphs (with bold, italic, links, lists, super/subscript),
images with captions, quotes and tables become their blocks. What has no
block (scripts, forms, embedded players, WordPress gallery shortcodes) is
dropped and named in the warnings, so staff know what to redo by hand.
Rich text is cleaned by Wagtail's own whitelister for the paragraph
features, as the admin editor would; links to imported articles become
Wagtail page links, so they follow the page when it moves.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from django.utils.html import escape
from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

from home.blocks import PARAGRAPH_FEATURES

# (address, alt text, caption) → image id in the library, or None (the image importer says why).
FindImage = Callable[[str, str, str], "int | None"]
# An href → the id of the page it now points to, or None to keep the link as it is.
FindPage = Callable[[str], "int | None"]

HEADING_MAX = 120  # HeadingBlock.text
QUOTE_MAX = 800  # QuoteBlock.text
CAPTION_MAX = 250  # CaptionedImageBlock.caption / alt_text

INLINE_TAGS = {
    "a", "abbr", "b", "bdi", "br", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark",
    "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "u", "var", "wbr",
}  # fmt: skip
DROPPED_TAGS = {"audio", "button", "canvas", "embed", "form", "iframe", "input", "map", "noscript", "object",
                "select", "svg", "textarea", "video"}  # fmt: skip
BLOCK_TAGS = ["blockquote", "div", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "p", "table", "ul"]
SILENT_DROPS = {"script", "style", "link", "meta", "head", "title", "hr", "nav", "template"}

WP_CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.DOTALL | re.IGNORECASE)
WP_SHORTCODE = re.compile(r"\[/?(gallery|embed|audio|video|playlist)\b[^\]]*\]", re.IGNORECASE)


@dataclass
class Conversion:
    """The converted body as raw StreamField data, and what could not be carried over."""

    blocks: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def html_to_blocks(html: str, find_image: FindImage, find_page: FindPage) -> Conversion:
    """Convert ``html`` (possibly broken, as old sites have it) to body blocks."""
    converter = _Converter(find_image, find_page)
    converter.run(_expand_shortcodes(html, converter.conversion.warnings))
    return converter.conversion


def _expand_shortcodes(html: str, warnings: list[str]) -> str:
    def caption(match: re.Match) -> str:
        inner = match.group(1)
        image_end = max(inner.rfind("/>"), inner.rfind("</a>") + 3, inner.rfind(">"))
        return f"<figure>{inner[: image_end + 1]}<figcaption>{inner[image_end + 1 :].strip()}</figcaption></figure>"

    html = WP_CAPTION.sub(caption, html)
    for match in WP_SHORTCODE.finditer(html):
        if not match.group(0).startswith("[/"):
            warnings.append(f"WordPress shortcode {match.group(0)[:60]} dropped")
    return WP_SHORTCODE.sub("", html)


class _Converter:
    def __init__(self, find_image: FindImage, find_page: FindPage):
        self.find_image = find_image
        self.find_page = find_page
        self.conversion = Conversion()
        self.inline: list[str] = []
        self.rich_text = DbHTMLConverter(features=PARAGRAPH_FEATURES)

    def run(self, html: str) -> None:
        soup = BeautifulSoup(html, "html.parser")
        for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
            comment.extract()
        self.walk(soup)
        self.flush()

    def warn(self, message: str) -> None:
        self.conversion.warnings.append(message)

    def add(self, block_type: str, value) -> None:
        self.conversion.blocks.append({"type": block_type, "value": value})

    # -- walking -------------------------------------------------------------------
    def walk(self, container: Tag) -> None:
        for node in list(container.children):
            if isinstance(node, NavigableString):
                if str(node).strip():
                    self.inline.append(escape(str(node)))
                elif self.inline:
                    self.inline.append(" ")
                continue
            if not isinstance(node, Tag):
                continue
            name = node.name.lower()
            if name in INLINE_TAGS:
                if node.find("img"):
                    self.flush()
                    self.images_in(node)
                else:
                    self.inline.append(str(node))
            elif name == "p" and node.find(BLOCK_TAGS):
                # Broken markup (an unclosed <p>) can swallow tables and lists: treat it as a wrapper.
                self.flush()
                self.walk(node)
                self.flush()
            elif name == "p":
                self.flush()
                self.paragraph_with_images(node)
            elif name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                self.flush()
                self.heading(node, "h2" if name in {"h1", "h2"} else "h3")
            elif name in {"ul", "ol"}:
                self.flush()
                self.paragraph(str(node))
            elif name == "blockquote":
                self.flush()
                self.quote(node)
            elif name == "figure":
                self.flush()
                self.figure(node)
            elif name == "img":
                self.flush()
                self.image(node, "")
            elif name == "table":
                self.flush()
                self.table(node)
            elif name == "pre":
                self.flush()
                self.paragraph("<p>" + escape(node.get_text()).replace("\n", "<br/>") + "</p>")
            elif name in DROPPED_TAGS:
                self.flush()
                source = node.get("src") or node.get("data") or node.get("action") or ""
                self.warn(f"<{name}>{' ' + source[:80] if source else ''} has no equivalent block; dropped")
            elif name in SILENT_DROPS:
                self.flush()
            elif name in {"dl"}:
                self.flush()
                items = [f"<li>{escape(item.get_text(' ', strip=True))}</li>" for item in node.find_all(["dt", "dd"])]
                self.paragraph("<ul>" + "".join(items) + "</ul>")
            else:
                # Wrappers (div, section, …) and unknown tags: their content counts, the tag does not.
                self.flush()
                self.walk(node)
                self.flush()

    def flush(self) -> None:
        if self.inline:
            html, self.inline = "".join(self.inline), []
            self.paragraph(f"<p>{html}</p>")

    # -- blocks ----------------------------------------------------------------------
    def paragraph(self, html: str) -> None:
        soup = BeautifulSoup(html, "html.parser")
        for link in soup.find_all("a"):
            href = (link.get("href") or "").strip()
            page_id = self.find_page(href) if href else None
            if page_id:
                link.attrs = {"linktype": "page", "id": str(page_id)}
            elif href.lower().startswith("javascript:") or not href:
                link.unwrap()
            else:
                link.attrs = {"href": href}
        cleaned, removals = self.rich_text.clean(str(soup))
        for removal in removals:
            if removal.action == "removed":
                self.warn(f"<{removal.tag}> removed from a paragraph ({removal.reason})")
        if BeautifulSoup(cleaned, "html.parser").get_text(strip=True):
            self.add("paragraph", cleaned)

    def paragraph_with_images(self, node: Tag) -> None:
        images = node.find_all("img")
        for image in images:
            image.extract()
        self.paragraph(f"<p>{node.decode_contents()}</p>")
        for image in images:
            self.image(image, "")

    def images_in(self, node: Tag) -> None:
        for image in node.find_all("img"):
            self.image(image, "")

    def heading(self, node: Tag, level: str) -> None:
        text = node.get_text(" ", strip=True)
        if not text:
            return
        if len(text) > HEADING_MAX:
            self.warn(f"heading longer than {HEADING_MAX} characters kept as a bold paragraph: {text[:60]}…")
            self.paragraph(f"<p><b>{escape(text)}</b></p>")
            return
        self.add("heading", {"text": text, "level": level})

    def quote(self, node: Tag) -> None:
        attribution = ""
        source = node.find(["cite", "footer"])
        if source is not None:
            attribution = source.get_text(" ", strip=True)[:120]
            source.extract()
        paragraphs = [p.get_text(" ", strip=True) for p in node.find_all("p")] or [node.get_text(" ", strip=True)]
        text = "\n\n".join(p for p in paragraphs if p)
        if not text:
            return
        if len(text) > QUOTE_MAX:
            self.warn(f"quotation longer than {QUOTE_MAX} characters kept as paragraphs")
            self.walk(node)
            self.flush()
            return
        self.add("quote", {"text": text, "attribution": attribution})

    def figure(self, node: Tag) -> None:
        caption_tag = node.find("figcaption")
        caption = caption_tag.get_text(" ", strip=True) if caption_tag else ""
        if caption_tag is not None:
            caption_tag.extract()
        table = node.find("table")
        if table is not None:
            self.table(table, caption)
            return
        images = node.find_all("img")
        if not images:
            self.walk(node)
            self.flush()
            return
        for position, image in enumerate(images):
            self.image(image, caption if position == len(images) - 1 else "")

    def image(self, node: Tag, caption: str) -> None:
        # Lazy-loading themes keep the real address in data-src.
        src = (node.get("data-src") or node.get("src") or "").strip()
        alt = (node.get("alt") or "").strip()
        if not src:
            self.warn("an <img> without an address was dropped")
            return
        if len(caption) > CAPTION_MAX or len(alt) > CAPTION_MAX:
            self.warn(f"caption or alt text of {src[:80]} shortened to {CAPTION_MAX} characters")
        image_id = self.find_image(src, alt[:CAPTION_MAX], caption[:CAPTION_MAX])
        if image_id is None:
            return  # the image importer has reported why
        # The alt text lives on the image (its description); an override only if this use differs.
        self.add("image", {"image": image_id, "alt_text": "", "caption": caption[:CAPTION_MAX]})

    def table(self, node: Tag, caption: str = "") -> None:
        caption_tag = node.find("caption")
        if caption_tag is not None:
            caption = caption or caption_tag.get_text(" ", strip=True)
            caption_tag.extract()
        rows = []
        header_row = False
        for index, row in enumerate(node.find_all("tr")):
            cells = row.find_all(["th", "td"])
            if index == 0:
                header_row = bool(row.find_parent("thead")) or all(cell.name == "th" for cell in cells)
            rows.append([cell.get_text(" ", strip=True) for cell in cells])
        # Images a broken table holds outside its cells are kept, after the table.
        stray_images = [image for image in node.find_all("img") if image.find_parent(["td", "th"]) is None]
        if not rows:
            self.warn("an empty table was dropped")
            for image in stray_images:
                self.image(image, "")
            return
        width = max(len(row) for row in rows)
        if any(len(row) != width for row in rows):
            self.warn("a table with uneven rows was padded with empty cells")
        data = [row + [""] * (width - len(row)) for row in rows]
        self.add(
            "table",
            {
                "data": data,
                "first_row_is_table_header": header_row,
                "first_col_is_header": False,
                "table_caption": caption[:CAPTION_MAX],
                "cell": [],
                "mergeCells": [],
            },
        )
        for image in stray_images:
            self.image(image, "")
