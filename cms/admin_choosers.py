"""The admin's choosers and its internal API are open only to staff who can use what they list.

Wagtail lets anyone who can sign in to the admin open its page chooser
(``/admin/choose-page/…``), which lists every page with its title — drafts and
private pages included — and likewise its image, document and embed choosers
and the admin's own API. Staff with a narrow role (the Front desk group: the
appointment inbox only) have no use for them, so they answer 403 to anyone
without a permission on the pages (or images, or documents) they list.
"""

from django.core.exceptions import PermissionDenied
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

PAGE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}
MEDIA_ACTIONS = {"add", "change", "choose"}
PAGE_VIEWS = {
    "wagtailadmin_choose_page",
    "wagtailadmin_choose_page_child",
    "wagtailadmin_choose_page_search",
    "wagtailadmin_choose_page_chosen_multiple",
}


def _may_list_pages(user) -> bool:
    return PagePermissionPolicy().user_has_any_permission(user, PAGE_ACTIONS)


def _may_list_images(user) -> bool:
    return policy_registry.get_by_type(get_image_model()).user_has_any_permission(user, MEDIA_ACTIONS)


def _may_list_documents(user) -> bool:
    return policy_registry.get_by_type(get_document_model()).user_has_any_permission(user, MEDIA_ACTIONS)


# (namespace, URL names or None for the whole namespace) → who may open them.
GATES = [
    ("", PAGE_VIEWS, _may_list_pages),
    ("wagtailembeds", None, _may_list_pages),
    ("wagtailadmin_api:pages", None, _may_list_pages),
    ("wagtailimages_chooser", None, _may_list_images),
    ("wagtailadmin_api:images", None, _may_list_images),
    ("wagtaildocs_chooser", None, _may_list_documents),
    ("wagtailadmin_api:documents", None, _may_list_documents),
]


def may_open(user, namespace: str, url_name: str) -> bool:
    """Whether ``user`` may open the admin view ``namespace:url_name`` (True for views no gate covers)."""
    for gate_namespace, names, allowed in GATES:
        if namespace == gate_namespace and (names is None or url_name in names):
            return allowed(user)
    return True


class AdminChooserPermissionMiddleware:
    """Answers 403 when a signed-in user opens a chooser or admin API listing of things they have no permission on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Refuse the view before it runs, so it never queries what it would list."""
        match = request.resolver_match
        if match is None or not request.user.is_authenticated:
            return None
        if not may_open(request.user, match.namespace, match.url_name):
            raise PermissionDenied
        return None
