"""The superuser's override: publish an article without medical review, saying why."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages

from .models import ArticlePage
from .review_gate import publish_without_review


class OverrideReasonForm(forms.Form):
    """Why this article is published without the medical review (kept in the page's history)."""

    reason = forms.CharField(
        label="Why is this article published without medical review?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the page's history and the server log, with your name.",
    )


def publish_without_review_view(request, page_id: int):
    """GET: the reason form; POST: publish the article's latest revision (superusers only)."""
    if not request.user.is_superuser:
        raise PermissionDenied
    article = get_object_or_404(ArticlePage, pk=page_id)
    form = OverrideReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        publish_without_review(article, request.user, form.cleaned_data["reason"])
        messages.success(request, f"“{article.title}” was published without medical review.")
        return redirect(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    return TemplateResponse(request, "blog/publish_without_review.html", {"page": article, "form": form})
