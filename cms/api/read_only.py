"""The API changes no content: Wagtail 8's editing operations are left out of ``/api/v3/``.

Wagtail 8 mounts, beside its read operations, a preview of an editing API on
the same ``NinjaAPI``: create, update and delete pages, images, documents,
snippets, sites, locales and redirects, and page actions (publish, move,
copy…), for anyone holding an API token, which any staff member can make in
the admin. This project edits content in the admin only (the design's
``/api/v3/`` is the public read API), and its models declare no writable API
fields, so those operations would bypass the admin's validation. They are
taken off before the URLs are built: their paths answer ``404`` (or ``405``
where a read shares the path) and the OpenAPI document does not list them.
Reads keep their optional or required token (drafts, revisions, snippets,
sites for staff tools), and the project's own public writes (appointment
requests, call-to-action events) stay.

Offering editing through the API later means declaring writable
``APIField``\\s on every model first, so the API binds the same validation as
the admin, and removing this module.
"""

from ninja import NinjaAPI, Router

from upstream_internals import mounted_routers

EDITING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def is_wagtail_editing_operation(operation) -> bool:
    """An operation of Wagtail's own routers that writes (the project's routers live outside ``wagtail``)."""
    module = getattr(operation.view_func, "__module__", "")
    return module.startswith("wagtail.") and bool(EDITING_METHODS & set(operation.methods))


def remove_editing_operations(router: Router) -> None:
    """Drop the editing operations of ``router`` and of the routers mounted in it, and paths left empty."""
    for path, path_view in list(router.path_operations.items()):
        path_view.operations = [op for op in path_view.operations if not is_wagtail_editing_operation(op)]
        if not path_view.operations:
            del router.path_operations[path]
    for _prefix, child in mounted_routers(router):
        remove_editing_operations(child)


def install(api: NinjaAPI) -> None:
    """Remove Wagtail's editing operations from ``api``; call it after every router is added, before ``api.urls``."""
    for _prefix, router in mounted_routers(api):
        remove_editing_operations(router)
