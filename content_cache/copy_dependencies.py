"""What each shared copy showed, and which content changes make it stale (per-page invalidation).

The API cache (``content_cache/store.py``) and the page cache
(``content_cache/page_cache.py``) keep one copy of an answer for everybody (who may
be given one is decided by ``content_cache/shared_copies.py`` before anything here
runs). Each copy is valid for:

- the **site generation** it was made in (part of its key): any change this
  module cannot place starts a new one and every copy is stale at once —
  a snippet, image, document, redirect, site, setting, category or tag saved
  or deleted; a page moved or deleted; any page other than an article
  published or unpublished (menus, the home page, doctors' names and
  contacts show on many answers);
- and the **groups** it was stamped with while it was made, each with its own
  generation, compared on every read:

  - ``page:<id>`` — every page object built while answering (``post_init``:
    the page itself, cards, related articles, authors, menu entries, linked
    pages). Recorded automatically, so nothing a copy shows can be forgotten;
  - ``article-lists`` — *every* answer, unless the view declared that the
    answer is one page's own content (:func:`answer_is_one_page`: an article
    or a standard page, in the route API and the HTML page) or lists no articles
    (:func:`answer_lists_no_articles`: the site shell): lists, filters,
    search, feeds, sitemap files, the home page, doctors' pages, API listings
    and anything not declared. Forgetting to declare costs a cold copy, never
    a stale one;
  - ``related:<category id>`` — an answer that chose related articles from
    a category (the newest articles of it).

Publishing an article bumps ``page:<its id>``, ``article-lists`` and
``related:<c>`` for each of its categories where it is among the newest
``RELATED_ARTICLES + 1`` (only there can it enter another article's related
articles); unpublishing it bumps ``page:<its id>`` and ``article-lists``
(the answers it left showed it). Nothing else. So after a publish, the
article, every list and feed, the sitemap, search, the home page, the
doctors' pages and the articles that show it (or whose related articles may
now name it) are made again on their next request, in every worker sharing
the cache; the other articles and standard pages are still served from the
cache.

A change that lands while an answer is being made is never stamped onto it:
a bump writes the change marker first and the groups' generations after, and a
copy is kept only if the marker read before making it is unchanged after its
generations were read. A group generation missing from the cache (evicted)
makes a copy stale. Losing the cache loses nothing.
"""

import contextlib
import logging
import uuid
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import post_init

logger = logging.getLogger(__name__)

ARTICLE_LISTS = "article-lists"
CHANGE_KEY = "copy-groups:change"
GROUP_KEY_PREFIX = "copy-groups:"
# Page types whose answer (route API, HTML page) is the page's own content: no list of articles.
ONE_PAGE_TYPES = ("blog.ArticlePage", "home.StandardPage")


@dataclass
class Shown:
    """What one answer showed while it was made."""

    change_before: str | None
    pages: set[int] = field(default_factory=set)
    related_categories: set[int] = field(default_factory=set)
    lists_articles: bool = True
    # A shared part the answer includes lists articles (``content_cache/shared_parts.py``), whatever it declares.
    parts_list_articles: bool = False

    def groups(self) -> list[str]:
        groups = [f"page:{pk}" for pk in sorted(self.pages)]
        groups += [f"related:{pk}" for pk in sorted(self.related_categories)]
        if self.lists_articles or self.parts_list_articles:
            groups.append(ARTICLE_LISTS)
        return groups


_shown: ContextVar[Shown | None] = ContextVar("copy_dependencies_shown", default=None)


def _group_key(group: str) -> str:
    return GROUP_KEY_PREFIX + group


@contextlib.contextmanager
def recording() -> Iterator[Shown]:
    """Record what the answer made inside the block shows (see :func:`stamp` to keep it)."""
    try:
        change_before = cache.get(CHANGE_KEY)
        if change_before is None:
            cache.add(CHANGE_KEY, uuid.uuid4().hex, timeout=None)
            change_before = cache.get(CHANGE_KEY)
    except Exception:
        change_before = None  # the copy is not kept
    shown = Shown(change_before=change_before)
    token = _shown.set(shown)
    try:
        yield shown
    finally:
        _shown.reset(token)


def record_page(sender, instance, **kwargs) -> None:
    """``post_init`` receiver: the page being built is shown by the answer being made."""
    shown = _shown.get()
    if shown is not None and instance.pk is not None:
        shown.pages.add(instance.pk)


def record_related_categories(category_ids: Iterable[int]) -> None:
    """The answer chose related articles among the newest of these categories."""
    shown = _shown.get()
    if shown is not None:
        shown.related_categories.update(category_ids)


def answer_is_one_page(page) -> None:
    """Declare that the answer being made is ``page``'s own content (lists no articles, if its type never does)."""
    if page._meta.label in ONE_PAGE_TYPES:
        answer_lists_no_articles()


def answer_lists_no_articles() -> None:
    """Declare that the answer (or shared part) being made lists no articles: an article's publish leaves it current.

    The pages it shows are still recorded one by one; an article it names keeps it stamped with that page.
    """
    shown = _shown.get()
    if shown is not None:
        shown.lists_articles = False


def show_too(part: Shown) -> None:
    """The answer being made includes a shared part that showed ``part``: it goes stale with it."""
    shown = _shown.get()
    if shown is not None:
        shown.pages |= part.pages
        shown.related_categories |= part.related_categories
        shown.parts_list_articles = shown.parts_list_articles or part.lists_articles or part.parts_list_articles


def stamp(shown: Shown) -> dict[str, str] | None:
    """The groups' current generations to keep with the copy; ``None`` when a change landed meanwhile."""
    if shown.change_before is None:
        return None
    keys = [_group_key(group) for group in shown.groups()]
    current = cache.get_many(keys)
    for key in keys:
        if key not in current:
            cache.add(key, uuid.uuid4().hex, timeout=None)
    if len(current) < len(keys):
        current = cache.get_many(keys)
    if len(current) < len(keys) or cache.get(CHANGE_KEY) != shown.change_before:
        return None
    return current


def group_generation(group: str) -> str | None:
    """The current generation of ``group``, started if the cache holds none (``None`` if the cache cannot keep one).

    For a value derived from the group's content and kept under a key naming this generation (the search
    vocabulary, the article counts): a generation once lost (evicted) is never given again, so such a
    value is never read after a change it missed.
    """
    key = _group_key(group)
    generation = cache.get(key)
    if generation is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        generation = cache.get(key)
    return generation


def is_current(stamped: dict[str, str]) -> bool:
    """Whether no group the copy showed has changed since it was kept."""
    return cache.get_many(list(stamped)) == stamped


def bump(groups: Iterable[str]) -> bool:
    """Make every copy stamped with one of ``groups`` stale; whether the cache took the change."""
    previous = cache.get(CHANGE_KEY)
    cache.set(CHANGE_KEY, uuid.uuid4().hex, timeout=None)
    not_taken = cache.set_many({_group_key(group): uuid.uuid4().hex for group in groups}, timeout=None)
    # The resilient Redis cache swallows errors: read back to know the writes landed
    # (another change's marker is as good: it was written after ours began).
    current = cache.get(CHANGE_KEY)
    return not not_taken and current is not None and current != previous


def connect() -> None:
    """Record every page object built while an answer is made."""
    page_model = apps.get_model("wagtailcore", "Page")
    for model in apps.get_models():
        if issubclass(model, page_model):
            post_init.connect(record_page, sender=model, dispatch_uid=f"copy-dependencies-{model._meta.label}")
