"""The whole product on one origin: admin, APIs, crawler files, the frontend."""

from django.conf import settings
from django.contrib.auth.views import LoginView
from django.urls import include, path, re_path
from django.views.static import serve as serve_media
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .api import api as api_v3
from .api_v2 import api_router as api_v2_router
from .errors import api_not_found
from .health import healthz

handler500 = "cms.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Wagtail's frontend sign-in and page-password views (private pages and documents).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        wagtail_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("_util/login/", LoginView.as_view(template_name="wagtailcore/login.html"), name="wagtailcore_login"),
    path("api/v3/", api_v3.urls),
    path("api/v2/", api_v2_router.urls),
    re_path(r"^api/", api_not_found),
    # /sitemap.xml, /robots.txt, /feeds/… (before the frontend's catch-all).
    path("", include("discovery.urls")),
]

if settings.SERVE_MEDIA:
    # Uploaded media from this process: development, and a small server
    # without a separate web server or object storage for media.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    # Every other path is the frontend: the single-page app with a server-rendered head.
    path("", include("frontend.urls")),
]
