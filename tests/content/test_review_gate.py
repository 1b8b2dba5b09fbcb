"""Medical review gates publishing: an article goes live only with a named author and an independent approval."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import ArticlePage
from tests.factories import draft_article


def approve(article, requester, approver):
    """``requester`` sends the article for medical review and ``approver`` approves it."""
    workflow_state = article.get_workflow().start(article, requester)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, approver, "approve")


def edit_form_data(article, action: str) -> dict:
    """What the article's edit form posts when ``action`` (e.g. ``action-publish``) is clicked."""
    return nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "summary": article.summary,
            "body": streamfield([("paragraph", rich_text("<p>Chemotherapy uses medicines.</p>"))]),
            "references": inline_formset([]),
            "comments": inline_formset([]),
            "published_date": article.published_date.isoformat(),
            "author": article.author_id or "",
            action: action,
        }
    )


def is_live(article) -> bool:
    return ArticlePage.objects.get(pk=article.pk).live


@pytest.mark.parametrize("group", ["Medical reviewers", "Moderators"])
def test_admin_menu_offers_no_plain_publish_for_an_article(client, seed_article, make_staff, admin_user, group):
    staff = make_staff("staff", group)
    for user in (staff, admin_user):
        client.force_login(user)
        response = client.get(f"/admin/pages/{seed_article.pk}/edit/")
        assert response.status_code == 200
        assert b'name="action-publish"' not in response.content
        assert b'name="action-submit"' in response.content


def test_a_posted_publish_does_not_put_an_article_live(client, articles_index, doctor, make_staff):
    reviewer = make_staff("reviewer", "Medical reviewers")
    article = draft_article(articles_index, reviewer, author=doctor)
    client.force_login(reviewer)
    response = client.post(f"/admin/pages/{article.pk}/edit/", edit_form_data(article, "action-publish"))
    assert response.status_code == 302  # saved as a draft
    assert not is_live(article)


def test_an_article_is_not_scheduled_without_review(articles_index, doctor, make_staff):
    moderator = make_staff("moderator", "Moderators")
    article = draft_article(articles_index, moderator, author=doctor)
    article.go_live_at = timezone.now() + timedelta(hours=1)
    assert not article.permissions_for_user(moderator).can_publish()
    assert not Revision.objects.filter(object_id=str(article.pk), approved_go_live_at__isnull=False).exists()


def test_approval_publishes_only_with_a_named_author(articles_index, make_staff):
    editor = make_staff("editor", "Editors")
    reviewer = make_staff("reviewer", "Medical reviewers")
    article = draft_article(articles_index, editor)
    approve(article, editor, reviewer)
    assert not is_live(article)
    entry = PageLogEntry.objects.filter(page=article, action="blog.not_published_after_review").get()
    assert "names no author" in entry.message


def test_a_reviewer_cannot_approve_their_own_submission(articles_index, doctor, make_staff):
    reviewer = make_staff("reviewer", "Medical reviewers")
    article = draft_article(articles_index, reviewer, author=doctor)
    approve(article, reviewer, reviewer)
    assert not is_live(article)
    assert PageLogEntry.objects.filter(page=article, action="blog.not_published_after_review").exists()


def test_a_superusers_approval_is_not_a_medical_review(articles_index, doctor, make_staff, admin_user):
    editor = make_staff("editor", "Editors")
    article = draft_article(articles_index, editor, author=doctor)
    approve(article, editor, admin_user)
    assert not is_live(article)


def test_another_reviewers_approval_publishes(articles_index, doctor, make_staff):
    editor = make_staff("editor", "Editors")
    reviewer = make_staff("reviewer", "Medical reviewers")
    article = draft_article(articles_index, editor, author=doctor)
    approve(article, editor, reviewer)
    assert is_live(article)


def test_sending_for_review_needs_an_author(client, articles_index, make_staff):
    editor = make_staff("editor", "Editors")
    article = draft_article(articles_index, editor)
    client.force_login(editor)
    response = client.post(f"/admin/pages/{article.pk}/edit/", edit_form_data(article, "action-submit"))
    assert response.status_code == 200
    assert "Name the doctor who wrote the article" in " ".join(response.context["form"].errors.get("author", []))
    assert not ArticlePage.objects.get(pk=article.pk).workflow_in_progress


def test_the_author_cannot_be_the_medical_reviewer(client, articles_index, doctor, make_staff):
    editor = make_staff("editor", "Editors")
    article = draft_article(articles_index, editor, author=doctor)
    client.force_login(editor)
    data = {**edit_form_data(article, "action-submit"), "reviewer": doctor.pk}
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert "another doctor than the author" in " ".join(response.context["form"].errors.get("reviewer", []))
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().reviewer_id is None


def test_a_superuser_publishes_without_review_only_with_a_reason_shown_in_history(
    client, articles_index, doctor, admin_user, make_staff
):
    editor = make_staff("editor", "Editors")
    article = draft_article(articles_index, editor, author=doctor)
    url = f"/admin/articles/{article.pk}/publish-without-review/"

    client.force_login(editor)
    refused = client.post(url, {"reason": "Urgent"})
    assert refused.status_code in (302, 403) and not is_live(article)  # Wagtail's admin redirects a refusal home
    client.force_login(admin_user)
    assert url.encode() in client.get(f"/admin/pages/{article.pk}/edit/").content
    empty = client.post(url, {"reason": "  "})
    assert empty.status_code == 200 and empty.context["form"].errors["reason"]
    assert not is_live(article)

    response = client.post(url, {"reason": "Correcting a dangerous dosage error tonight"})
    assert response.status_code == 302
    assert is_live(article)
    history = client.get(f"/admin/pages/{article.pk}/history/")
    assert b"Published without medical review: Correcting a dangerous dosage error tonight" in history.content
