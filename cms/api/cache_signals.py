"""Which content changes make cached copies stale (:mod:`content_cache.store`, :mod:`content_cache.copy_dependencies`).

An article published or unpublished: the copies that showed or may list it
(its groups). Any other page published or unpublished, any page moved or
deleted (a saved draft changes nothing a reader sees), and everything else a
public response can show saved or deleted: a new site generation, every copy.
Either way the article lists' stored counts are stale, and are counted again
at once (:mod:`blog.article_counts`), so no reader counts them.
"""

from contextvars import ContextVar

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from blog.article_counts import count_every_list
from blog.cache_groups import groups_changed_by_article
from content_cache import copy_dependencies
from content_cache.store import invalidate_api_cache, invalidate_groups

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


# The last recount asked for in this thread: the one a commit runs when its transaction published several articles.
_last_recount_asked: ContextVar[object | None] = ContextVar("last_article_lists_recount_asked", default=None)


def recount_article_lists_after_commit() -> None:
    """Once the change is committed, count the article lists again (:func:`blog.article_counts.count_every_list`).

    After the invalidation (on-commit callbacks run in order), so the counts are stale when counted. A
    transaction making several changes (Wagtail's bulk publish, a page saved with its new tags) asks once per
    change; only its last request counts, after every invalidation of the transaction. One rolled back is
    forgotten with its callbacks.
    """
    asked = object()
    _last_recount_asked.set(asked)

    def recount() -> None:
        if _last_recount_asked.get() is asked:
            count_every_list.enqueue()

    transaction.on_commit(recount, robust=True)


def invalidate_everything(**kwargs) -> None:
    """A new site generation once the change is committed, then the article lists counted again (any signal)."""
    invalidate_api_cache()
    recount_article_lists_after_commit()


def invalidate_published_or_unpublished(sender, instance, **kwargs) -> None:
    """An article's groups for an article (``page_published``, ``page_unpublished``); every copy for other pages."""
    if instance._meta.label == "blog.ArticlePage":
        published = kwargs.get("signal") is page_published
        invalidate_groups(groups_changed_by_article(instance, published=published))
        recount_article_lists_after_commit()
    else:
        invalidate_everything()


def connect() -> None:
    """Connect the invalidations to every change readers can see, and record the pages each answer builds."""
    copy_dependencies.connect()
    page_published.connect(invalidate_published_or_unpublished, dispatch_uid=f"{DISPATCH_UID}-published")
    page_unpublished.connect(invalidate_published_or_unpublished, dispatch_uid=f"{DISPATCH_UID}-unpublished")
    post_page_move.connect(invalidate_everything, dispatch_uid=f"{DISPATCH_UID}-moved")
    page_model = apps.get_model("wagtailcore", "Page")
    for model in apps.get_models():
        if issubclass(model, page_model):
            post_delete.connect(
                invalidate_everything, sender=model, dispatch_uid=f"{DISPATCH_UID}-del-{model._meta.label}"
            )
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(invalidate_everything, sender=model, dispatch_uid=f"{DISPATCH_UID}-save-{label}")
        post_delete.connect(invalidate_everything, sender=model, dispatch_uid=f"{DISPATCH_UID}-del-{label}")
