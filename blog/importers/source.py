"""What a reader hands the importer: one article as the old site had it."""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path


@dataclass
class SourceArticle:
    """One article read from an export, before conversion.

    ``source_key`` identifies it across runs (a WordPress post id, a file's
    path); ``old_urls`` are the addresses it had, which become redirects and
    the targets of internal links; ``base_dir`` is where relative image paths
    are looked up.
    """

    source_key: str
    title: str
    html: str
    slug: str = ""
    published: date | None = None
    author_name: str = ""
    summary: str = ""
    categories: list[tuple[str, str]] = field(default_factory=list)  # (name, slug)
    tags: list[str] = field(default_factory=list)
    old_urls: list[str] = field(default_factory=list)
    hero_image: str = ""  # address or path of the featured image, if the source names one
    base_dir: Path | None = None
    # A WordPress post password: the page is imported behind the same password, never open to all.
    password: str = ""
    notes: list[str] = field(default_factory=list)  # things noticed while reading, e.g. the encoding

    @property
    def label(self) -> str:
        """How the report names the item."""
        return f"{self.source_key} “{self.title}”" if self.title else self.source_key

    def fingerprint(self) -> str:
        """A hash of everything the page is made from; unchanged sources are skipped."""
        data = asdict(self)
        data.pop("notes")
        data["base_dir"] = str(self.base_dir or "")
        data["published"] = self.published.isoformat() if self.published else ""
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


@dataclass
class Problem:
    """Something the importer could not convert, with the reason (shown in the final report)."""

    item: str
    reason: str
    fatal: bool = False  # True when the whole item was not imported

    def __str__(self) -> str:
        return f"{'NOT IMPORTED' if self.fatal else 'warning'}: {self.item}: {self.reason}"


@dataclass
class SourceImage:
    """An image file the export describes (a WordPress attachment)."""

    path: str  # relative to the media folder given on the command line
    alt: str = ""
    title: str = ""


@dataclass
class SourceExport:
    """Everything a reader found: the articles, the images it knows of, and what it skipped."""

    articles: list[SourceArticle] = field(default_factory=list)
    # Known image addresses (WordPress attachments) → where the file is in the media folder.
    attachments: dict[str, SourceImage] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
