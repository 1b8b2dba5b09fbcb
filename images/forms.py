"""The image library's admin form: every image is described for people who cannot see it, or marked decorative."""

from django.core.exceptions import ValidationError
from wagtail.images.forms import BaseImageForm

DESCRIPTION_REQUIRED = (
    "Describe what the image shows, for people who cannot see it (this is its alt text), "
    "or tick “Decorative” if it adds nothing a reader needs."
)


class CustomImageForm(BaseImageForm):
    """Wagtail's image form, requiring a description unless the image is marked decorative.

    The rule applies to every form that shows the description (add, edit, and
    each image's details in the multiple uploader); the uploader's first step
    sends only the file and title, and asks for the description next.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].label = "Description (alt text)"
            self.fields["description"].help_text = DESCRIPTION_REQUIRED

    def clean(self):
        cleaned_data = super().clean()
        shows_description = "description" in self.fields and self.add_prefix("description") in self.data
        if shows_description and not cleaned_data.get("description", "").strip() and not cleaned_data.get("decorative"):
            self.add_error("description", ValidationError(DESCRIPTION_REQUIRED, code="required"))
        return cleaned_data
