"""Headless preview: ``GET /api/v3/preview/?content_type=<app.model>&token=<token>``.

wagtail-headless-preview sends the editor from the admin's preview (and live
preview panel) to the frontend at ``/__preview__/?content_type=...&token=...``
(``WAGTAIL_HEADLESS_PREVIEW``); the frontend calls this endpoint with the same
two values and renders the draft.

A preview is for the clinic's staff, never a link to pass around: drafts of
medical articles are unreviewed. So it needs both a signed, time-limited token
(``PREVIEW_TOKEN_MAX_AGE``) and the admin session of someone who may edit the
page (or, for a page never saved, add pages). Without a session it answers
403 before the token is even looked at; a tampered, expired or foreign token,
or a page the user may not edit, answers 404 and says nothing about why.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from wagtail.api.v3.errors import ProblemDetail, problem_response
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from routing.route import RoutedPage, routed_page_data

router = Router(tags=["preview"])

NOT_FOUND = "No preview matches this link. Open the preview again from the editor."
SIGN_IN = "Previews are for signed-in staff: sign in to the admin, then open the preview again from the editor."


class PreviewQuery(Schema):
    """The two values wagtail-headless-preview put in the frontend's preview URL."""

    content_type: str = Field(
        ..., max_length=100, pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$", description="e.g. blog.articlepage"
    )
    token: str = Field(..., max_length=255)


def may_preview(user, page: Page) -> bool:
    """Whether ``user`` may see the draft of ``page``: edit or publish it, or for a new page, add pages."""
    if not (user.is_active and user.has_perm("wagtailadmin.access_admin")):
        return False
    if page.pk:
        permissions = Page.objects.get(pk=page.pk).permissions_for_user(user)
        return permissions.can_edit() or permissions.can_publish()
    return PagePermissionPolicy().user_has_permission(user, "add")


def preview_page(content_type: str, token: str):
    """The draft page a valid ``token`` stands for, or ``Http404``."""
    try:
        model = apps.get_model(content_type)
    except (LookupError, ValueError):
        raise Http404(NOT_FOUND) from None
    if not (issubclass(model, Page) and issubclass(model, HeadlessPreviewMixin)):
        raise Http404(NOT_FOUND)
    try:
        model.get_preview_signer().unsign(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except BadSignature:  # includes SignatureExpired
        raise Http404(NOT_FOUND) from None
    preview = PagePreview.objects.filter(content_type=ContentType.objects.get_for_model(model), token=token).first()
    if preview is None:
        raise Http404(NOT_FOUND)
    page = preview.as_page()
    if page.pk is None:
        # A page never saved has no id yet; 0 keeps the page schema's integer id.
        page.pk = page.id = 0
    return page


@router.get(
    "/",
    response={200: RoutedPage, 403: ProblemDetail, 404: ProblemDetail, 422: ProblemDetail},
    url_name="preview",
    summary="Preview a draft page",
    operation_id="preview_detail",
    # No credential scheme: the signed preview token in the query is the permission.
    openapi_extra={"security": []},
)
def get_preview(request: HttpRequest, response: HttpResponse, query: PreviewQuery = Query(...)):  # ty: ignore[call-non-callable]
    """The draft behind a preview link, in the shape of ``GET /api/v3/route/``'s page answer; never cached.

    Needs the admin session of someone who may edit the page (403 without a
    session, 404 otherwise). A page that was never saved has ``id`` 0.
    """
    response["Cache-Control"] = "no-store"
    if not request.user.is_authenticated:
        refused = problem_response(status=403, detail=SIGN_IN)
        refused["Cache-Control"] = "no-store"
        return refused
    page = preview_page(query.content_type, query.token)
    if not may_preview(request.user, page):
        raise Http404(NOT_FOUND)
    return routed_page_data(request, page)
