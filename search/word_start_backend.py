"""Wagtail's database search backend, matching each search word as the start of a word.

``chemo`` finds “chemotherapy” and ``oncolog`` finds “oncologist”: the
backend's own autocomplete matching (``"word"*`` in SQLite FTS5, ``word:*`` in
PostgreSQL), applied to the full text instead of titles only. Stemming stays
the database's (PostgreSQL's ``english`` configuration; Porter on SQLite, see
migration ``site_search.0003``). :mod:`search.query_expansion` gives each word
its own term, so every word is matched this way.
"""

from functools import cache

from modelsearch.backends.database import SearchBackend as database_search_backend


@cache
def _word_start(compiler_class: type) -> type:
    return type(f"WordStart{compiler_class.__name__}", (compiler_class,), {"LAST_TERM_IS_PREFIX": True})


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """The database backend for the current database, its full-text queries matching word starts."""
    backend = database_search_backend(params)
    backend.query_compiler_class = _word_start(backend.query_compiler_class)
    return backend
