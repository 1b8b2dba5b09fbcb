"""How many renditions one web request may render: at most ``SYNC_RENDITIONS_PER_REQUEST``.

Renditions are made when an image is uploaded (``discovery.rendition_tasks``), so
a visitor's request normally finds them all. When some are missing (an image
from before that step, a failed task, a new size), a request renders the
image's fallback — every ``<img>`` needs a ``src`` — and at most
``SYNC_RENDITIONS_PER_REQUEST`` renditions in all; the rest of the ``srcset``
fills in over the following requests. So one large image, or a page of new
ones, never holds a worker for long. Outside requests (management commands,
tasks) there is no limit.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from wagtail.images.models import Filter

SYNC_RENDITIONS_PER_REQUEST = 2

_remaining: ContextVar[int | None] = ContextVar("renditions_remaining", default=None)


def start_request_budget(**kwargs) -> None:
    """Give the request that is starting its rendition budget (connected to ``request_started``)."""
    _remaining.set(SYNC_RENDITIONS_PER_REQUEST)


def end_request_budget(**kwargs) -> None:
    """Lift the limit once the request is answered (connected to ``request_finished``)."""
    _remaining.set(None)


request_started.connect(start_request_budget, dispatch_uid="images.rendition_budget")
request_finished.connect(end_request_budget, dispatch_uid="images.rendition_budget_end")


def _take(count: int) -> int:
    remaining = _remaining.get()
    if remaining is None:
        return count
    granted = min(count, remaining)
    _remaining.set(max(0, remaining - count))
    return granted


def available_renditions(image, specs: list[str], required: str) -> dict[str, object]:
    """The renditions of ``image`` for ``specs`` that exist or that the budget allows making now, by spec.

    ``required`` (the fallback) is always made if missing, and counts against the budget.
    """
    filters = {spec: Filter(spec=spec) for spec in specs}
    found = {flt.spec: rendition for flt, rendition in image.find_existing_renditions(*filters.values()).items()}
    missing = [spec for spec in specs if spec not in found]
    if not missing:
        return found
    optional = [spec for spec in missing if spec != required]
    to_make = [spec for spec in missing if spec == required]
    to_make += optional[: max(0, _take(len(to_make) + len(optional)) - len(to_make))]
    # One at a time: Wagtail's create_renditions() decodes the original in three threads at once,
    # three copies of a large image in the worker's memory.
    for spec in to_make:
        found[spec] = image.get_rendition(filters[spec])
    return found
