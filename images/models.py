"""The image library's model.

A custom image model (rather than patching Wagtail's ``Image``) so the alt
text and credit live on the image itself and the API can declare its own
fields.
"""

from django.db import models
from wagtail.api import APIField
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from upstream_internals import is_uncommitted

from .renditions import ResponsiveImageField


class CustomImage(AbstractImage):
    """An image in the library. Its ``description`` is the alt text used everywhere, unless it is decorative."""

    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text="Photographer or source to credit, if the licence asks for it.",
    )

    decorative = models.BooleanField(
        default=False,
        help_text="Tick only if the image adds nothing a reader needs (pure decoration): "
        "screen readers then skip it, and no description is needed.",
    )

    admin_form_fields = (*Image.admin_form_fields, "decorative", "credit")

    api_fields = [
        "credit",
        APIField("renditions", serializer=ResponsiveImageField(source="*")),
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"

    @property
    def alt_text(self) -> str:
        """The text a screen reader announces: the description; empty for a decorative image (never the title)."""
        return "" if self.decorative else self.description

    def generate_rendition_instance(self, filter, source):
        """Wagtail's unsaved rendition (made several at a time), with its size from the bytes just made."""
        rendition = super().generate_rendition_instance(filter, source)
        rendition.file_size = rendition.file.size
        return rendition


class CustomRendition(AbstractRendition):
    """A resized copy of a :class:`CustomImage`."""

    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")
    # Stored when the rendition is made, so feeds (enclosure length) never ask the storage for it.
    file_size = models.PositiveIntegerField(null=True, editable=False)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def save(self, *args, **kwargs):
        """Store the file's size with a new rendition (read from the bytes just made, before they are uploaded)."""
        if self.file_size is None and self.file and is_uncommitted(self.file):
            self.file_size = self.file.size
        super().save(*args, **kwargs)
