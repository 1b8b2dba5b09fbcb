"""The whole product on one origin: admin, APIs, crawler files, the frontend."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from staff_two_factor.forms import TwoFactorLoginForm

from .api.v2 import api_router as api_v2_router
from .api.wiring import api as api_v3
from .errors import api_not_found
from .health import healthz
from .media_files import serve_public_media

handler500 = "cms.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The API's root names no operation: a problem document, not ninja's HTML 404 (which it keeps for `api-root`).
    path("api/v3/", api_not_found),
    path("api/v3/", api_v3.urls),
    path("api/v2/", api_v2_router.urls),
    re_path(r"^api/", api_not_found),
    # Wagtail's own visitor sign-in and password forms (the names Wagtail reverses): a document in a
    # collection restricted to signed-in users redirects to `wagtailcore_login`, a password-protected
    # page posts to `wagtailcore_authenticate_with_password`. Mounted one by one, because
    # `wagtail.urls` ends in its own page catch-all, which the frontend replaces.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        wagtail_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        # The admin's form: people with two-step verification need their code here too.
        auth_views.LoginView.as_view(
            template_name=settings.WAGTAIL_FRONTEND_LOGIN_TEMPLATE, authentication_form=TwoFactorLoginForm
        ),
        name="wagtailcore_login",
    ),
    # /sitemap.xml, /robots.txt, /feeds/… (before the frontend's catch-all).
    path("", include("discovery.urls")),
]

if settings.SERVE_MEDIA:
    # Uploaded media from this process: development, and a small server
    # without a separate web server or object storage for media.
    urlpatterns += [
        # Never documents or original images: see cms/media_files.py.
        re_path(r"^media/(?P<path>.*)$", serve_public_media),
    ]

urlpatterns += [
    # Every other path is the frontend: the single-page app with a server-rendered head.
    path("", include("frontend.urls")),
]
