"""The article's admin form: medical review needs a named author, and the author never reviews their own article."""

from wagtail.admin.forms import WagtailAdminPageForm

# The edit view's POST keys for "Submit to Medical review" and a workflow action (approve, reject…).
SUBMIT_FOR_REVIEW = "action-submit"
WORKFLOW_ACTION = "workflow-action-name"


class ArticlePageForm(WagtailAdminPageForm):
    """Wagtail's page form, requiring the author for medical review and a reviewer other than the author."""

    def clean(self):
        cleaned_data = super().clean()
        sending = SUBMIT_FOR_REVIEW in self.data or self.data.get(WORKFLOW_ACTION) == "approve"
        author, reviewer = cleaned_data.get("author"), cleaned_data.get("reviewer")
        if sending and not author:
            self.add_error("author", "Name the doctor who wrote the article before it goes to medical review.")
        if author and author == reviewer:
            self.add_error("reviewer", "The medical reviewer must be another doctor than the author.")
        return cleaned_data
