"""Every new articles index gets the "Medical review" workflow and its reviewers."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from .models import BlogIndexPage

MEDICAL_REVIEW_WORKFLOW = "Medical review"
MEDICAL_REVIEWERS_GROUP = "Medical reviewers"


@receiver(post_save, sender=BlogIndexPage)
def assign_medical_review_workflow(sender, instance, created, raw=False, **kwargs):
    """Articles under a new index need a medical reviewer's approval to publish.

    Reviewers may edit the articles they review (to correct wording during
    review) and hold publish permission there, because Wagtail publishes an
    approved article as the approving reviewer.
    """
    if not created or raw:
        return
    workflow = Workflow.objects.filter(name=MEDICAL_REVIEW_WORKFLOW, active=True).first()
    if workflow:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})
    reviewers = Group.objects.filter(name=MEDICAL_REVIEWERS_GROUP).first()
    if reviewers:
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=["change_page", "view_page", "publish_page"]
        ):
            GroupPagePermission.objects.get_or_create(group=reviewers, page=instance, permission=permission)
