"""An offset past every row a database can count gives an empty page, never a database error.

Wagtail's list endpoints (pages, images, documents, snippets…) paginate with
django-ninja's limit/offset pagination, which accepts any integer ``offset``
from 0 and hands it to SQL. PostgreSQL and SQLite both refuse integers past
2⁶³ − 1, and any such offset is past the end of every list, so it is lowered
to the largest one the databases accept: the answer is what the schema
promises, a page with no items. The project's own list endpoints bound their
offsets themselves.
"""

from functools import wraps

from ninja import NinjaAPI

from upstream_internals import is_paginated

# PostgreSQL's and SQLite's OFFSET is a signed 64-bit integer.
LARGEST_OFFSET = 2**63 - 1
# The keyword argument django-ninja's ``@paginate`` passes the validated limit and offset in.
PAGINATION_ARGUMENT = "ninja_pagination"


def bound_offset(view):
    """Lower the ``offset`` of a paginated operation to ``LARGEST_OFFSET``; any other ``view`` is returned as it is."""
    if not is_paginated(view):
        return view

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        pagination = kwargs.get(PAGINATION_ARGUMENT)
        if pagination is not None and getattr(pagination, "offset", 0) > LARGEST_OFFSET:
            kwargs[PAGINATION_ARGUMENT] = pagination.model_copy(update={"offset": LARGEST_OFFSET})
        return view(request, *args, **kwargs)

    return wrapper


def install(api: NinjaAPI) -> None:
    """Apply :func:`bound_offset` to the paginated operations of ``api``."""
    api.add_decorator(bound_offset, mode="operation")
