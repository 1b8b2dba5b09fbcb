"""Reading a WordPress export (WXR, the XML file of Tools → Export)."""

import re
from datetime import date, datetime
from pathlib import Path

from defusedxml import ElementTree
from django.utils.text import slugify

from .source import Problem, SourceArticle, SourceExport, SourceImage

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
# Items in these states are not articles anyone meant to keep.
DISCARDED_STATUSES = {"trash", "auto-draft", "inherit"}
# Post types that are WordPress machinery rather than content; skipped without a word.
SILENT_POST_TYPES = {"nav_menu_item", "revision", "customize_changeset", "oembed_cache", "wp_global_styles"}


class WXRError(ValueError):
    """The file is not a WordPress export this reader understands."""


def read_wxr(path: Path) -> SourceExport:
    """The posts and attachments of a WXR file (any WXR version, 1.0 to 1.2)."""
    raw = path.read_bytes()
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError as error:
        raise WXRError(f"{path.name} is not well-formed XML: {error}") from error
    # The wp: namespace carries the export format's version, so it is read from the file.
    match = re.search(rb'xmlns:wp="([^"]+)"', raw)
    channel = root.find("channel")
    if match is None or channel is None:
        raise WXRError(f"{path.name} is not a WordPress export (no <channel> or wp: namespace).")
    ns = {"wp": match.group(1).decode(), "content": CONTENT_NS, "dc": DC_NS, "excerpt": _excerpt_ns(raw)}

    authors = {}
    for author in channel.findall("wp:author", ns):
        login = _text(author, "wp:author_login", ns)
        full = " ".join(
            part
            for part in (_text(author, "wp:author_first_name", ns), _text(author, "wp:author_last_name", ns))
            if part
        )
        authors[login] = _text(author, "wp:author_display_name", ns) or full or login

    export = SourceExport()
    attachments_by_id: dict[str, str] = {}
    posts = []
    for item in channel.findall("item"):
        post_type = _text(item, "wp:post_type", ns)
        if post_type == "attachment":
            url = _text(item, "wp:attachment_url", ns) or _text(item, "guid", ns)
            meta = _postmeta(item, ns)
            relative = meta.get("_wp_attached_file") or _uploads_path(url)
            export.attachments[url] = SourceImage(
                path=relative, alt=meta.get("_wp_attachment_image_alt", ""), title=_text(item, "title", ns)
            )
            attachments_by_id[_text(item, "wp:post_id", ns)] = url
        elif post_type == "post":
            posts.append(item)
        elif post_type not in SILENT_POST_TYPES:
            export.problems.append(
                Problem(
                    f"wp:{_text(item, 'wp:post_id', ns)} “{_text(item, 'title', ns)}”",
                    f"a WordPress “{post_type}”, not a blog post; not imported as an article",
                    fatal=True,
                )
            )

    for item in posts:
        post_id = _text(item, "wp:post_id", ns)
        title = _text(item, "title", ns)
        status = _text(item, "wp:status", ns)
        label = f"wp:{post_id} “{title}”"
        if status in DISCARDED_STATUSES:
            export.problems.append(Problem(label, f"status “{status}” in WordPress; skipped", fatal=True))
            continue
        meta = _postmeta(item, ns)
        article = SourceArticle(
            source_key=f"wp:{post_id}",
            title=title,
            html=_wpautop(_text(item, "content:encoded", ns)),
            slug=_text(item, "wp:post_name", ns),
            published=_wp_date(_text(item, "wp:post_date", ns)),
            author_name=authors.get(_text(item, "dc:creator", ns), _text(item, "dc:creator", ns)),
            summary=_text(item, "excerpt:encoded", ns),
            hero_image=attachments_by_id.get(meta.get("_thumbnail_id", ""), ""),
            password=_text(item, "wp:post_password", ns),
        )
        for category in item.findall("category"):
            name = (category.text or "").strip()
            if not name:
                continue
            if category.get("domain") == "category":
                article.categories.append((name, category.get("nicename") or slugify(name)))
            elif category.get("domain") == "post_tag":
                article.tags.append(name)
        # Old addresses: the permalink and WordPress's own ?p=<id> form, both used in links.
        for url in (_text(item, "link", ns), _text(item, "guid", ns)):
            if url and url not in article.old_urls:
                article.old_urls.append(url)
        if status != "publish":
            article.notes.append(f"was “{status}” in WordPress")
        export.articles.append(article)
    return export


def _excerpt_ns(raw: bytes) -> str:
    match = re.search(rb'xmlns:excerpt="([^"]+)"', raw)
    return match.group(1).decode() if match else "http://wordpress.org/export/1.2/excerpt/"


def _text(element, tag: str, ns: dict) -> str:
    found = element.find(tag, ns)
    return (found.text or "").strip() if found is not None else ""


def _postmeta(item, ns: dict) -> dict[str, str]:
    return {
        _text(meta, "wp:meta_key", ns): _text(meta, "wp:meta_value", ns) for meta in item.findall("wp:postmeta", ns)
    }


def _uploads_path(url: str) -> str:
    """``…/wp-content/uploads/2024/05/a.png`` → ``2024/05/a.png`` (WordPress's media folder layout)."""
    _, found, rest = url.partition("/wp-content/uploads/")
    return rest if found else url.rsplit("/", 1)[-1]


def _wp_date(value: str) -> date | None:
    # Drafts carry "0000-00-00 00:00:00".
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").date()
    except ValueError:
        return None


def _wpautop(text: str) -> str:
    """WordPress stores classic-editor posts without <p>: blank lines separate paragraphs.

    A minimal version of WordPress's ``wpautop``: text blocks that are not
    already block-level HTML are wrapped in paragraphs.
    """
    if not text or re.search(r"<p[\s>]", text, re.IGNORECASE):
        return text
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    block_start = re.compile(r"^\s*<(h[1-6]|ul|ol|table|blockquote|figure|div|img|pre|hr|section)\b", re.IGNORECASE)
    return "\n".join(
        chunk if block_start.match(chunk) else "<p>" + chunk.strip().replace("\n", "<br>") + "</p>"
        for chunk in chunks
        if chunk.strip()
    )
