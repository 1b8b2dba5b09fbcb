"""Request and response schemas of the site search API (``/api/v3/search/``)."""

from typing import Literal

from ninja import Field, Schema
from pydantic import field_validator

MAX_QUERY_LENGTH = 200
MAX_LIMIT = 50


class SearchQuery(Schema):
    """The words to search for, and which page of hits."""

    q: str = Field(..., min_length=1, max_length=MAX_QUERY_LENGTH, description="The search words.")
    limit: int = Field(10, ge=1, le=MAX_LIMIT, description=f"Hits per page, at most {MAX_LIMIT}.")
    offset: int = Field(0, ge=0, le=10_000)

    @field_validator("q")
    @classmethod
    def not_blank(cls, value: str) -> str:
        # Quotes mean nothing to this plain-words search, and an unbalanced one is an FTS5 syntax error on SQLite.
        value = " ".join(value.replace('"', " ").split())
        if not value:
            raise ValueError("Enter at least one word to search for.")
        return value


class SearchHit(Schema):
    """One result. Promoted results (chosen by editors for this query) come first."""

    kind: Literal["doctor", "article", "page", "external"]
    page_id: int | None = Field(description="The page's id; null for an external promoted link.")
    title: str
    url: str = Field(description="A path on this site, or an absolute URL for an external promoted link.")
    snippet: str = Field(description="HTML: an excerpt with the query words wrapped in <mark>.")
    promoted: bool


class SearchResults(Schema):
    """Promoted hits first, then the search hits of the requested page."""

    query: str
    count: int = Field(
        description="How many (non-promoted) pages match, at most 1,000 (1,000 of them are ranked when more match)."
    )
    limit: int
    offset: int
    items: list[SearchHit]
    suggestion: str | None = Field(
        None, description="When nothing matches: the closest words that would find pages (“did you mean”)."
    )
