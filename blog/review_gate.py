"""Medical review gates publishing: an article goes live only through the "Medical review" workflow.

The rules:

* Nobody gets a plain "Publish" for an article (nor bulk publish, nor publish on
  creation under an articles index): the article is sent for medical review.
* When the review is approved, the article is published only if it names its
  author and the approving user is a medical reviewer other than the person who
  sent it for review. Otherwise it stays unpublished and the page's history
  says why.
* A superuser may publish without review, giving a reason; the reason is
  logged and shown in the page's history (``blog/views.py``).
"""

import logging

from django.contrib.auth.models import AbstractBaseUser
from wagtail.log_actions import log
from wagtail.models import PagePermissionTester, TaskState
from wagtail.workflows import publish_workflow_state

from .models import ArticlePage
from .signals import MEDICAL_REVIEWERS_GROUP

logger = logging.getLogger(__name__)

# Page history actions (registered in blog/wagtail_hooks.py).
PUBLISHED_WITHOUT_REVIEW = "blog.published_without_review"
NOT_PUBLISHED_AFTER_REVIEW = "blog.not_published_after_review"


class ArticlePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, except that no one publishes an article directly."""

    def can_publish(self):
        """Articles are published by the medical review workflow, never by a "Publish" button."""
        return False

    def can_unschedule(self):
        """Cancelling a scheduled publication needs no review: Wagtail's rule."""
        return super().can_publish()

    def can_set_view_restrictions(self):
        """Privacy settings are not content: Wagtail's rule."""
        return super().can_publish()


class ArticlesIndexPermissionTester(PagePermissionTester):
    """An articles index's permissions, except that a new article cannot be published as it is created."""

    def can_publish_subpage(self):
        """New articles are saved as drafts and sent for medical review."""
        return False


def reasons_not_to_publish(article, approver: AbstractBaseUser | None, requester: AbstractBaseUser | None) -> list[str]:
    """Why an approved review may not publish ``article`` (its latest revision); empty when it may."""
    reasons = []
    latest = article.get_latest_revision_as_object()
    if not latest.author_id:
        reasons.append("the article names no author")
    if approver is None or not approver.groups.filter(name=MEDICAL_REVIEWERS_GROUP).exists():
        reasons.append("it was not approved by a medical reviewer")
    elif requester is not None and approver.pk == requester.pk:
        reasons.append("it was approved by the person who sent it for review")
    return reasons


def publish_approved(workflow_state, user=None):
    """Publish what a finished workflow approved; an article only when :func:`reasons_not_to_publish` finds none."""
    page = workflow_state.content_object.specific
    if not isinstance(page, ArticlePage):
        return publish_workflow_state(workflow_state, user=user)
    approval = (
        TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    approver = approval.finished_by if approval else user
    reasons = reasons_not_to_publish(page, approver, workflow_state.requested_by)
    if reasons:
        why = "; ".join(reasons)
        log(instance=page, action=NOT_PUBLISHED_AFTER_REVIEW, user=user, data={"reasons": why})
        logger.warning("Article %s approved but not published: %s", page.pk, why)
        return None
    return page.get_latest_revision().publish(user=user, skip_permission_checks=True)


def publish_without_review(article, user, reason: str):
    """Publish ``article``'s latest revision bypassing review (superusers only); the reason goes to its history."""
    if not user.is_superuser:
        raise PermissionError("Only a superuser may publish an article without medical review.")
    if not reason.strip():
        raise ValueError("Say why the article is published without medical review.")
    log(instance=article, action=PUBLISHED_WITHOUT_REVIEW, user=user, data={"reason": reason.strip()})
    logger.warning("Article %s published without medical review by user %s: %s", article.pk, user.pk, reason.strip())
    return article.get_latest_revision().publish(user=user, skip_permission_checks=True)
