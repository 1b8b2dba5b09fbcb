"""Every rendition the site shows of an image, made when the image is saved rather than by a visitor.

They live here, above images, because the specs are the sitemap's, the feeds' and the
share image's as well as the pages'. A Wagtail/Django task (django-tasks, as Wagtail's own image tasks): with the
default backend it runs at once, in the staff member's upload request; with a
task worker configured (``TASKS``) it runs in the background. Visitors' requests
then only read renditions (see ``images.rendition_budget`` for when one is missing).
"""

from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images.models import Filter

from home.share_image import RENDITION_SPEC as SHARE_SPEC
from images.models import CustomImage
from images.renditions import CARD_WIDTHS, DETAIL_WIDTHS, rendition_specs

from .feeds import FEED_IMAGE_SPEC
from .sitemap import SITEMAP_IMAGE_SPEC


def site_rendition_specs(image) -> list[str]:
    """The filter specs the frontend, the APIs, share cards, the sitemap and feeds ask for."""
    specs = [*rendition_specs(image, DETAIL_WIDTHS), *rendition_specs(image, CARD_WIDTHS)]
    return list(dict.fromkeys([*specs, SHARE_SPEC, SITEMAP_IMAGE_SPEC, FEED_IMAGE_SPEC]))


@task()
def prepare_renditions(image_id: int) -> None:
    """Make every rendition in :func:`site_rendition_specs` that ``image_id`` does not have yet."""
    image = CustomImage.objects.filter(pk=image_id).first()
    if image is None:
        return
    # One at a time, so only one decoded copy of the original is in memory (see rendition_budget).
    existing = image.find_existing_renditions(*(Filter(spec=spec) for spec in site_rendition_specs(image)))
    made = {flt.spec for flt in existing}
    for spec in site_rendition_specs(image):
        if spec not in made:
            image.get_rendition(spec)


def enqueue_renditions(sender, instance, raw=False, **kwargs) -> None:
    """After an image is saved (uploaded, replaced, its focal point moved), prepare its renditions."""
    if not raw:
        prepare_renditions.enqueue(instance.pk)


def connect() -> None:
    """Prepare renditions whenever an image is saved."""
    post_save.connect(enqueue_renditions, sender=CustomImage, dispatch_uid="images.prepare_renditions")
