"""Django's database cache, checking its size on one write in a hundred instead of on every write.

Production keeps its shared copies in the database when no Redis is configured
(``cms/settings/production.py``), up to a quarter of a million entries. Django counts the whole
table before every write to know whether to cull; on a full cache that count reads every entry
(about 15 ms for 200,000), and every cold answer and rendition writes at least once. Checking on
a sample of writes keeps the table bounded: at most ``SIZE_CHECK_EVERY`` entries per thread past
``MAX_ENTRIES`` (of a few hundred or more) before the next check culls a part, and no scan on the others.
"""

import contextlib
import itertools

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache

from upstream_internals import database_cache_size_unchecked

SIZE_CHECK_EVERY = 100


class DatabaseCache(DjangoDatabaseCache):
    """``django.core.cache.backends.db.DatabaseCache`` whose writes count the table one time in ``SIZE_CHECK_EVERY``."""

    def __init__(self, table, params):
        super().__init__(table, params)
        # Django makes one cache object per thread: the numbering is the thread's own.
        self._writes = itertools.count()

    def _size_check(self):
        """Django's own size check on one write in ``SIZE_CHECK_EVERY``; none on the others."""
        if next(self._writes) % SIZE_CHECK_EVERY == 0:
            return contextlib.nullcontext()
        return database_cache_size_unchecked(self)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._size_check():
            super().set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._size_check():
            return super().add(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        with self._size_check():
            return super().touch(key, timeout, version)
