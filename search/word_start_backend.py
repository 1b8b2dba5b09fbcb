"""Wagtail's database search backend, matching each search word as the start of a word.

``chemo`` finds “chemotherapy” and ``oncolog`` finds “oncologist”: the
backend's own autocomplete matching (``"word"*`` in SQLite FTS5, ``word:*`` in
PostgreSQL), applied to the full text instead of titles only. Stemming stays
the database's (PostgreSQL's ``english`` configuration; Porter on SQLite, see
migration ``site_search.0003``). :mod:`search.query_expansion` gives each word
its own term, so every word is matched this way.

On PostgreSQL a word is asked for as ``'word':* | 'word'``: the same matches as ``'word':*``,
but PostgreSQL estimates how many entries a prefix matches from no statistics (a fixed 1,000),
and how many a whole word matches from its statistics. With a common word (every article says
“treatment”) the fixed guess made it hash every match before ranking a thousand of them
(150 ms at 50,000 articles); told the truth, it looks the candidates up one by one (35 ms).
"""

from functools import cache

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database import SearchBackend as database_search_backend
from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler
from modelsearch.backends.database.postgres.query import Lexeme
from wagtail.search.query import PlainText


class _WholeWordEstimated:
    """PostgreSQL compiler mixin: a one-word term is also asked for as the whole word (see the module)."""

    def build_tsquery_content(self, query, config=None, invert=False):
        content = super().build_tsquery_content(query, config=config, invert=invert)
        # The backend's own reading of the words decides what one word is (it splits at spaces and hyphens);
        # only a lone word start, not negated, is widened.
        term = content.get_source_expressions()[-1] if isinstance(query, PlainText) and content is not None else None
        if not (isinstance(term, Lexeme) and term.prefix and not term.invert):
            return content
        return SearchQuery(term | Lexeme(term.value), search_type="raw", config=config)


@cache
def _word_start(compiler_class: type) -> type:
    is_postgresql = issubclass(compiler_class, PostgresSearchQueryCompiler)
    bases = (_WholeWordEstimated, compiler_class) if is_postgresql else (compiler_class,)
    return type(f"WordStart{compiler_class.__name__}", bases, {"LAST_TERM_IS_PREFIX": True})


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """The database backend for the current database, its full-text queries matching word starts."""
    backend = database_search_backend(params)
    backend.query_compiler_class = _word_start(backend.query_compiler_class)
    return backend
