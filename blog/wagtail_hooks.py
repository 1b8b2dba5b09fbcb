"""Admin wiring for articles: the superuser's publish-without-review action, its history labels, the categories."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ArticlePage, Category
from .review_gate import NOT_PUBLISHED_AFTER_REVIEW, PUBLISHED_WITHOUT_REVIEW
from .views import publish_without_review_view


@hooks.register("register_admin_urls")
def register_publish_without_review_url():
    return [
        path(
            "articles/<int:page_id>/publish-without-review/",
            publish_without_review_view,
            name="blog_publish_without_review",
        )
    ]


class PublishWithoutReviewMenuItem(ActionMenuItem):
    """A link in a superuser's action menu of an existing article, to the reason form."""

    label = "Publish without medical review…"
    name = "action-publish-without-review"
    icon_name = "warning"

    def is_shown(self, context):
        return (
            context["view"] == "edit"
            and isinstance(context["page"].specific_deferred, ArticlePage)
            and context["request"].user.is_superuser
            and not context["locked_for_user"]
        )

    def get_url(self, parent_context):
        return reverse("blog_publish_without_review", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_publish_without_review_menu_item():
    return PublishWithoutReviewMenuItem(order=900)


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    @actions.register_action(PUBLISHED_WITHOUT_REVIEW)
    class PublishedWithoutReview(LogFormatter):
        label = "Publish without medical review"

        def format_message(self, log_entry):
            return f"Published without medical review: {(log_entry.data or {}).get('reason', '')}"

    @actions.register_action(NOT_PUBLISHED_AFTER_REVIEW)
    class NotPublishedAfterReview(LogFormatter):
        label = "Not published after review"

        def format_message(self, log_entry):
            return f"Approved but not published: {(log_entry.data or {}).get('reasons', '')}"


class CategoryViewSet(SnippetViewSet):
    """Snippets → Categories: the name and web address of each, found by name or description."""

    model = Category
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug", "description"]
    # A site with several languages filters by locale (Wagtail adds that filter to translatable snippets).


register_snippet(CategoryViewSet)
