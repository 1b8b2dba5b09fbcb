"""Request and response schemas of the article cards API (``/api/v3/articles/``)."""

from typing import Literal

from ninja import Field, Schema
from pydantic import field_validator

from home.api_shapes import CategoryRef
from images.renditions import ResponsiveImage

# The largest page of cards a client may ask for (documented in the OpenAPI schema).
MAX_LIMIT = 100
MAX_QUERY_LENGTH = 200


class ArticleAuthor(Schema):
    """The article's author as shown on a card."""

    id: int
    name: str = Field(description="Display name with honorific, e.g. “Dr. Amit Pandey”.")
    path: str | None = Field(description="Path of the doctor's profile; null when it is not published.")


class ArticleCard(Schema):
    """One article in a listing. Never carries the body: fetch the page for that."""

    id: int
    title: str
    path: str = Field(description="The article's path on the site, e.g. /articles/my-article/.")
    summary: str
    hero_image: ResponsiveImage | None
    published_date: str = Field(description="ISO date (YYYY-MM-DD).")
    last_reviewed_date: str | None = Field(description="ISO date the medical content was last checked.")
    reading_time: int = Field(description="Minutes.")
    categories: list[CategoryRef]
    tags: list[str]
    author: ArticleAuthor | None


class ArticleCardPage(Schema):
    """A page of article cards and the total number matching the filters."""

    count: int
    limit: int
    offset: int
    items: list[ArticleCard]


class ArticleFilters(Schema):
    """Filters, ordering and pagination of the article cards."""

    category: str | None = Field(None, max_length=80, description="A category slug.")
    tag: str | None = Field(None, max_length=100, description="A tag slug.")
    doctor: int | None = Field(None, gt=0, description="A doctor page id: articles they wrote or reviewed.")
    q: str | None = Field(None, max_length=MAX_QUERY_LENGTH, description="Full-text search words.")
    ordering: Literal["newest", "oldest", "last_reviewed"] = Field(
        "newest", description="newest/oldest by published date; last_reviewed: most recently reviewed first."
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"Cards per page, at most {MAX_LIMIT}.")
    offset: int = Field(0, ge=0, le=1_000_000)

    @field_validator("q")
    @classmethod
    def strip_query(cls, value: str | None) -> str | None:
        value = (value or "").strip()
        return value or None
