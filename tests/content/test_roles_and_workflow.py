"""Editors write, medical reviewers approve, and only then is an article public."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from blog.models import ArticlePage, BlogIndexPage
from tests.factories import draft_article


@pytest.mark.django_db
def test_staff_roles_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Medical reviewers"} <= names


def test_articles_index_uses_the_medical_review_workflow(articles_index, seed_article):
    assert articles_index.get_workflow().name == "Medical review"
    assert seed_article.get_workflow().name == "Medical review"


def test_a_new_articles_index_gets_the_workflow_too(home_page):
    index = BlogIndexPage(title="News", slug="news")
    home_page.add_child(instance=index)
    assert index.get_workflow().name == "Medical review"


def test_editor_cannot_publish_an_article_directly(articles_index, make_staff):
    editor = make_staff("editor", "Editors")
    article = draft_article(articles_index, editor)
    permissions = article.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_medical_reviewer_approval_publishes_the_article(articles_index, doctor, make_staff):
    editor = make_staff("editor", "Editors")
    reviewer = make_staff("reviewer", "Medical reviewers")
    article = draft_article(articles_index, editor, author=doctor)

    workflow_state = article.get_workflow().start(article, editor)
    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    assert task.name == "Medical review"
    assert "approve" not in [action for action, *_ in task.get_actions(article, editor)]
    assert "approve" in [action for action, *_ in task.get_actions(article, reviewer)]
    assert not ArticlePage.objects.get(pk=article.pk).live

    task.on_action(task_state, reviewer, "approve")

    article.refresh_from_db()
    assert article.live
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED


def test_medical_reviewer_can_ask_for_changes(articles_index, make_staff):
    editor = make_staff("editor", "Editors")
    reviewer = make_staff("reviewer", "Medical reviewers")
    article = draft_article(articles_index, editor)
    workflow_state = article.get_workflow().start(article, editor)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "reject")
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_medical_reviewer_sees_the_review_in_the_admin(client, articles_index, make_staff):
    editor = make_staff("editor", "Editors")
    reviewer = make_staff("reviewer", "Medical reviewers")
    article = draft_article(articles_index, editor)
    article.get_workflow().start(article, editor)
    client.force_login(reviewer)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert b"Understanding chemotherapy" in dashboard.content


def test_scheduled_publishing_waits_for_the_go_live_time(articles_index, doctor, make_staff):
    editor = make_staff("editor", "Editors")
    reviewer = make_staff("reviewer", "Medical reviewers")
    article = draft_article(articles_index, editor, author=doctor)
    article.go_live_at = timezone.now() + timedelta(seconds=2)
    revision = article.save_revision(user=editor)
    workflow_state = article.get_workflow().start(article, editor)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is not None

    time.sleep(2.5)
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert article.live
