"""The frontend's paths; mounted last in ``cms/urls.py`` as the catch-all.

The page pattern keeps Wagtail's name and shape (``wagtail_serve``) because
Wagtail reverses it to build every page URL (``page.url``, sitemaps, the
admin's "view live" links).
"""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("search/", views.search_view, name="frontend_search"),
    path("appointment/", views.appointment_view, name="frontend_appointment"),
    path("__preview__/", views.preview_view, name="frontend_preview"),
    re_path(r"^(search|appointment)$", views.append_slash_view),
    re_path(r"^((?:[\w\-]+/)*)$", views.page_view, name="wagtail_serve"),
    # Anything else: a missing trailing slash is added where a page is, the rest is a 404 (or an editor's redirect).
    re_path(r"^(.*)$", views.page_view, name="frontend_other"),
]
