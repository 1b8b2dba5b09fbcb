"""Reading a folder of HTML or Markdown files, one article per file.

Metadata comes from the file itself: for HTML the ``<title>`` (or first
``<h1>``), ``<meta name="author|date|description|keywords|category">`` and the
canonical link; for Markdown a front-matter block of ``key: value`` lines
between ``---`` lines (title, date, author, summary, categories, tags, url,
slug, image). Text that is not UTF-8 (old sites often saved Windows-1252) is
detected and decoded.
"""

import re
from datetime import date, datetime
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from bs4.dammit import EncodingDetector
from django.utils.text import slugify

from .source import Problem, SourceArticle, SourceExport

HTML_SUFFIXES = {".html", ".htm"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y", "%d %B %Y", "%B %d, %Y")


def read_folder(folder: Path) -> SourceExport:
    """Every .html/.htm/.md file under ``folder`` (sorted, so runs are repeatable)."""
    export = SourceExport()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        suffix = path.suffix.lower()
        if suffix not in HTML_SUFFIXES | MARKDOWN_SUFFIXES:
            if suffix not in {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"}:
                export.problems.append(Problem(relative, "not an .html or .md file; ignored", fatal=True))
            continue
        text, encoding = _decode(path.read_bytes(), is_html=suffix in HTML_SUFFIXES)
        if text is None:
            export.problems.append(Problem(relative, "the text encoding could not be recognised", fatal=True))
            continue
        article = _from_html(relative, text) if suffix in HTML_SUFFIXES else _from_markdown(relative, text)
        article.base_dir = path.parent
        if encoding not in ("utf-8", "ascii"):
            article.notes.append(f"decoded from {encoding}")
        if not article.title:
            export.problems.append(Problem(relative, "no title found (no <title>, <h1> or title:)", fatal=True))
            continue
        export.articles.append(article)
    return export


def _decode(data: bytes, is_html: bool) -> tuple[str | None, str]:
    """UTF-8 if it is; else the encoding the file declares; else Windows-1252.

    Statistical guessing is avoided on purpose: on short texts it picks
    look-alike code pages, while Windows-1252 is what old Western sites used.
    """
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = (EncodingDetector.find_declared_encoding(data, is_html=is_html) or "").lower()
    if declared in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "utf-8", "utf8"}:
        # Browsers read these labels as Windows-1252 when the bytes are not what they claim.
        declared = "windows-1252"
    for encoding in (declared, "windows-1252"):
        if not encoding:
            continue
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            continue
    return None, ""


def _from_html(relative: str, text: str) -> SourceArticle:
    soup = BeautifulSoup(text, "html.parser")

    def meta(*names: str) -> str:
        for name in names:
            tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", attrs={"property": name})
            if tag and tag.get("content"):
                return tag["content"].strip()
        return ""

    h1 = soup.find("h1")
    title = (soup.title.get_text(" ", strip=True) if soup.title else "") or (h1.get_text(" ", strip=True) if h1 else "")
    body = soup.find("article") or soup.body or soup
    if h1 is not None and h1.get_text(" ", strip=True) == title:
        h1.decompose()  # the title is the page's title, not a heading in its body
    for tag in body.find_all(["header", "nav", "footer", "script", "style"]):
        tag.decompose()
    canonical = soup.find("link", rel="canonical")
    return SourceArticle(
        source_key=f"file:{relative}",
        title=title,
        html=body.decode_contents() if hasattr(body, "decode_contents") else str(body),
        slug=slugify(Path(relative).stem),
        published=_parse_date(meta("date", "article:published_time", "dc.date")),
        author_name=meta("author", "article:author"),
        summary=meta("description", "og:description"),
        categories=[(name, slugify(name)) for name in _split(meta("category", "article:section"))],
        tags=_split(meta("keywords", "article:tag")),
        old_urls=[canonical["href"]] if canonical and canonical.get("href") else ["/" + relative],
        hero_image=meta("og:image"),
    )


FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


def _from_markdown(relative: str, text: str) -> SourceArticle:
    text = text.lstrip("\ufeff")
    fields: dict[str, str] = {}
    match = FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                fields[key.strip().lower()] = value.strip().strip("\"'")
        text = text[match.end() :]
    title = fields.get("title", "")
    heading = re.match(r"\s*#\s+(.+)\n", text)
    if heading and (not title or heading.group(1).strip() == title):
        title = title or heading.group(1).strip()
        text = text[heading.end() :]
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    return SourceArticle(
        source_key=f"file:{relative}",
        title=title,
        html=html,
        slug=fields.get("slug") or slugify(Path(relative).stem),
        published=_parse_date(fields.get("date", "")),
        author_name=fields.get("author", ""),
        summary=fields.get("summary") or fields.get("description", ""),
        categories=[(name, slugify(name)) for name in _split(fields.get("categories") or fields.get("category", ""))],
        tags=_split(fields.get("tags", "")),
        old_urls=[fields.get("url") or fields.get("permalink") or "/" + relative],
        hero_image=fields.get("image", ""),
    )


def _split(value: str) -> list[str]:
    # "[a, b]" (YAML flow list) or "a, b"
    return [part.strip().strip("\"'") for part in value.strip("[]").split(",") if part.strip()]


def _parse_date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None
