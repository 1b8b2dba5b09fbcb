"""Which content changes start a new API cache generation (see :mod:`cms.api_cache`).

Pages: publish, unpublish, move and delete (a saved draft changes nothing a
reader sees). Everything else a public response can show: saves and deletes.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .api_cache import invalidate_api_cache

# Models whose rows appear in public API responses, besides pages.
CONTENT_MODELS = (
    "home.Clinic",
    "home.ClinicOpeningHours",
    "home.SiteSettings",
    "blog.Category",
    # Not renditions: they are created while answering reads and change no content.
    "images.CustomImage",
    "wagtaildocs.Document",
    "wagtailredirects.Redirect",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailsearchpromotions.SearchPromotion",
    "site_search.SearchSynonym",
    "taggit.Tag",
)

DISPATCH_UID = "api-cache-invalidation"


def connect() -> None:
    """Connect :func:`invalidate_api_cache` to every change readers can see."""
    page_published.connect(invalidate_api_cache, dispatch_uid=f"{DISPATCH_UID}-published")
    page_unpublished.connect(invalidate_api_cache, dispatch_uid=f"{DISPATCH_UID}-unpublished")
    post_page_move.connect(invalidate_api_cache, dispatch_uid=f"{DISPATCH_UID}-moved")
    page_model = apps.get_model("wagtailcore", "Page")
    for model in apps.get_models():
        if issubclass(model, page_model):
            post_delete.connect(
                invalidate_api_cache, sender=model, dispatch_uid=f"{DISPATCH_UID}-del-{model._meta.label}"
            )
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(invalidate_api_cache, sender=model, dispatch_uid=f"{DISPATCH_UID}-save-{label}")
        post_delete.connect(invalidate_api_cache, sender=model, dispatch_uid=f"{DISPATCH_UID}-del-{label}")
