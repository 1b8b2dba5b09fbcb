"""The article's admin form: an article is sent for, or approved in, medical review only with a named author."""

from wagtail.admin.forms import WagtailAdminPageForm

# The edit view's POST keys for "Submit to Medical review" and a workflow action (approve, reject…).
SUBMIT_FOR_REVIEW = "action-submit"
WORKFLOW_ACTION = "workflow-action-name"


class ArticlePageForm(WagtailAdminPageForm):
    """Wagtail's page form, requiring the author when the article goes to or through medical review."""

    def clean(self):
        cleaned_data = super().clean()
        sending = SUBMIT_FOR_REVIEW in self.data or self.data.get(WORKFLOW_ACTION) == "approve"
        if sending and not cleaned_data.get("author"):
            self.add_error("author", "Name the doctor who wrote the article before it goes to medical review.")
        return cleaned_data
