"""The content-generation store: server-side copies of public answers, valid until content they showed changes.

The API cache (``cms/api/cache.py``) and the page cache
(``content_cache/page_cache.py``: pages, feeds, sitemap files) keep their copies
here, in Django's default cache (Redis when ``REDIS_URL`` is set, local memory
otherwise), under a key that includes the *site generation* and stamped with
the groups of content they showed (``content_cache/copy_dependencies.py``).
Publishing or unpublishing an article makes stale only the copies that showed
it or may list it (its groups, :func:`invalidate_groups`); any other content
change starts a new site generation (:func:`invalidate_api_cache`), so no reader
ever gets an answer older than the last content change.

Losing the cache loses nothing: every cache error is logged and the request
is answered from the database.
"""

import hashlib
import logging
import uuid
from typing import Any

from django.core.cache import cache
from django.db import transaction

from . import copy_dependencies

logger = logging.getLogger(__name__)

GENERATION_KEY = "api-cache:generation"


def current_generation() -> str:
    """The content generation cached responses belong to (created on first use)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


# Set in a process whose invalidation did not reach the cache (Redis unreachable at
# the moment of a publish); its next API request retries, so once Redis answers again
# it cannot go on serving the answers cached before the change.
_invalidation_pending = False


def start_new_generation() -> None:
    """Make every cached API response stale, now (or, if the cache is unreachable, on this process's next request)."""
    global _invalidation_pending
    try:
        previous = cache.get(GENERATION_KEY)
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        # The resilient Redis cache swallows errors: read back to know the write landed
        # (any generation other than the previous one will do: a concurrent publish's is as good).
        current = cache.get(GENERATION_KEY)
        invalidated = current is not None and current != previous
    except Exception:
        invalidated = False
    if invalidated:
        _invalidation_pending = False
    elif not _invalidation_pending:
        _invalidation_pending = True
        logger.error("Could not invalidate the API cache; retrying on this process's next API request")


def live_generation() -> str:
    """The current generation, once an invalidation this process could not deliver has been retried.

    Every server-side copy of published content (API answers here, rendered pages
    in ``content_cache/page_cache.py``) is keyed by it.
    """
    if _invalidation_pending:
        start_new_generation()
    return current_generation()


def invalidate_api_cache(**kwargs) -> None:
    """Start a new content generation once the change is committed (any signal can call this).

    After the commit, because a reader between the change and the commit would
    otherwise cache the old content again under the new generation; and
    outside the transaction, because a database cache failing inside it would
    abort the editor's change.
    """
    transaction.on_commit(start_new_generation, robust=True)


def invalidate_groups(groups: list[str]) -> None:
    """Make stale the copies that showed one of ``groups``, after the commit, as :func:`invalidate_api_cache` does.

    If the cache does not take the change, this process starts a new site generation on its next request.
    """

    def deliver() -> None:
        global _invalidation_pending
        try:
            delivered = copy_dependencies.bump(groups)
        except Exception:
            delivered = False
        if not delivered and not _invalidation_pending:
            _invalidation_pending = True
            logger.error("Could not invalidate the API cache; retrying on this process's next API request")

    transaction.on_commit(deliver, robust=True)


def cached_copy(kind: str, identity: str) -> tuple[str | None, Any]:
    """The current copy of ``identity`` (a response, or a shared part's value), and the key to keep a new one under.

    A copy is current when it was kept in this site generation and no group of
    content it showed changed since (``content_cache/copy_dependencies.py``).
    ``(None, None)`` when the cache cannot be reached: the caller answers from the database.
    """
    try:
        key = f"{kind}:{live_generation()}:{hashlib.sha256(identity.encode()).hexdigest()}"
        kept = cache.get(key)
        if not isinstance(kept, tuple):
            return key, None  # none, or kept by an older release without its stamp
        stamped, response = kept
        return key, response if copy_dependencies.is_current(stamped) else None
    except Exception:
        logger.exception("%s unavailable; answering from the database", kind)
        return None, None


def keep_copy(key: str | None, response: Any, shown: copy_dependencies.Shown) -> None:
    """Keep ``response`` (or a shared part's value) under a key from :func:`cached_copy`, stamped with ``shown``.

    Nothing is kept when the cache was unreachable or content changed while the answer was made.
    """
    if key is None:
        return
    try:
        stamped = copy_dependencies.stamp(shown)
        if stamped is not None:
            cache.set(key, (stamped, response))
    except Exception:
        logger.exception("Could not keep a copy in the cache under %s", key.split(":", 1)[0])
