"""Parts that many answers repeat (the site shell), kept once for everybody until content they showed changes.

Every frontend page inlines the site shell (menu, booking contacts, clinics, the heads of the app's own
pages: ``home/api.py``). After an article's publish the pages that show the article are made again
(``content_cache/copy_dependencies.py``), but the shell they repeat has not changed, so it is read from
here instead of being made again on each of them.

A part follows the rules of a shared copy (``content_cache/shared_copies.py``, ``content_cache/store.py``):
it is made from, and served to, anonymous requests only; its key holds the part's name, the scheme and
the host (the site, and the absolute addresses it writes); it belongs to the site generation and is
stamped with the groups of content it showed. The answer that includes it is stamped with those groups
too (:func:`content_cache.copy_dependencies.show_too`), so a copy of the answer goes stale with the part.
"""

from collections.abc import Callable
from typing import TypeVar

from django.http import HttpRequest

from . import copy_dependencies
from .shared_copies import carries_identity
from .store import cached_copy, keep_copy

Value = TypeVar("Value")


def shared_part(request: HttpRequest, name: str, make: Callable[[], Value]) -> Value:
    """The part ``name`` of the answer to ``request``: kept for anonymous visitors, else ``make()``.

    ``make`` must read nothing of the request but its scheme and host (and the site they name).
    """
    key = None
    if not carries_identity(request):
        key, kept = cached_copy("shared-part", f"{name} {request.scheme}://{request.get_host()}")
        if kept is not None:
            part, value = kept
            copy_dependencies.show_too(part)
            return value
    # Recorded on its own (also when it is not kept), so that what it declares is said of the part alone.
    with copy_dependencies.recording() as part:
        value = make()
    copy_dependencies.show_too(part)
    if key is not None:
        keep_copy(key, (part, value), part)
    return value
