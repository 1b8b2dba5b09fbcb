"""What a reader's search words mean: each word, its synonyms, and a suggestion when nothing matches.

One rule for every search surface (``/api/v3/search/`` and ``/api/v3/articles/?q=``):

- every word counts, as the start of a word (``chemo`` finds “chemotherapy”,
  see :mod:`search.word_start_backend`), stemmed by the database;
- a word in the synonym list staff keep in the admin (:class:`~search.models.SearchSynonym`)
  also finds its synonyms (``tumour`` finds “tumor”), and so does its plural;
- small words that say nothing (“what is”, “the”) are left out, so both databases
  agree (PostgreSQL drops them; SQLite would require them);
- when nothing matches, :func:`did_you_mean` offers the closest words the
  visible pages use.
"""

import difflib

from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail.search import index
from wagtail.search.query import And, Or, PlainText, SearchQuery

from content_cache.copy_dependencies import ARTICLE_LISTS, group_generation
from content_cache.store import current_generation

from .models import WORD, SearchSynonym, synonym_words

STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "in",
        "is",
        "it",
        "my",
        "of",
        "on",
        "or",
        "the",
        "to",
        "what",
        "when",
        "which",
        "who",
        "why",
        "with",
    }
)
# A suggestion is offered for a word at least this close (difflib's ratio) to a word the pages use.
SUGGESTION_CUTOFF = 0.75
VOCABULARY_MIN_LENGTH = 3


def search_words(text: str) -> list[str]:
    """The words of ``text`` that are searched for, lower-cased (all of them when every word is a stop word)."""
    words = WORD.findall(text.lower())
    meaningful = [word for word in words if word not in STOP_WORDS]
    return meaningful or words


def synonym_table() -> dict[str, list[str]]:
    """Each word of the synonym list → the words of its group (itself included)."""
    table: dict[str, list[str]] = {}
    for row in SearchSynonym.objects.values_list("words", flat=True):
        group = synonym_words(row)
        for word in group:
            table.setdefault(word, [])
            table[word].extend(other for other in group if other not in table[word])
    return table


def alternatives(word: str, table: dict[str, list[str]]) -> list[str]:
    """``word`` and its synonyms (those of its singular too: “tumours” → tumour, tumor)."""
    found = [word]
    for key in (word, word.removesuffix("s")):
        found.extend(other for other in table.get(key, ()) if other not in found)
    return found


def expanded_words(text: str, synonyms: dict[str, list[str]] | None = None) -> list[list[str]]:
    """For each searched word of ``text``, the words that may stand for it.

    ``synonyms`` is a :func:`synonym_table` already read for this request (read here when not given),
    so that one search reads the synonym list once however many times it expands words.
    """
    table = synonym_table() if synonyms is None else synonyms
    return [alternatives(word, table) for word in search_words(text)]


def search_query(text: str, synonyms: dict[str, list[str]] | None = None) -> SearchQuery | str:
    """The search backend's query for ``text``: every word (or one of its synonyms) must match."""
    terms = [
        Or([PlainText(word) for word in group]) if len(group) > 1 else PlainText(group[0])
        for group in expanded_words(text, synonyms)
    ]
    if not terms:
        return text
    return terms[0] if len(terms) == 1 else And(terms)


def highlighted_words(text: str, synonyms: dict[str, list[str]] | None = None) -> str:
    """Every word a hit for ``text`` may contain, for marking in its snippet."""
    return " ".join(word for group in expanded_words(text, synonyms) for word in group)


def _text_fields(model) -> list[str]:
    """The model's searched fields holding plain text (StreamFields and relations left out)."""
    names = []
    for field in model.get_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        try:
            model_field = model._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            continue
        if isinstance(model_field, models.CharField | models.TextField):
            names.append(field.field_name)
    return names


def _vocabulary(pages, page_models, site_key) -> frozenset[str]:
    """The words of the plain-text search fields (titles, summaries…) of ``pages``, until the next content change.

    A published or unpublished article changes the article lists (``content_cache/copy_dependencies.py``),
    and so the words.
    """
    key = f"search-vocabulary:{current_generation()}:{group_generation(ARTICLE_LISTS)}:{site_key}"
    words = cache.get(key)
    if words is None:
        found: set[str] = set()
        for model in page_models:
            for row in model.objects.filter(pk__in=pages.values("pk")).values_list(*_text_fields(model)):
                for value in row:
                    found.update(word for word in WORD.findall((value or "").lower()) if not word.isdigit())
        found.update(
            word for row in SearchSynonym.objects.values_list("words", flat=True) for word in synonym_words(row)
        )
        words = frozenset(word for word in found if len(word) >= VOCABULARY_MIN_LENGTH)
        cache.set(key, words, timeout=None)
    return words


def did_you_mean(text: str, pages, page_models, site_key) -> str | None:
    """``text`` with each word ``pages`` never use replaced by the closest one they do; ``None`` if none is close.

    ``page_models`` are the page types of ``pages`` whose plain-text search fields are read (not the bodies).
    """
    vocabulary = _vocabulary(pages, page_models, site_key)
    corrected, changed = [], False
    for word in WORD.findall(text.lower()):
        if word in vocabulary or word in STOP_WORDS or len(word) < VOCABULARY_MIN_LENGTH:
            corrected.append(word)
            continue
        near = [known for known in vocabulary if abs(len(known) - len(word)) <= 2]
        match = difflib.get_close_matches(word, near, n=1, cutoff=SUGGESTION_CUTOFF)
        corrected.append(match[0] if match else word)
        changed = changed or bool(match)
    return " ".join(corrected) if changed else None
