"""One image cannot stall a worker: too many pixels are refused; a visitor's request renders two renditions at most."""

import io

import pytest
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile

from images.models import CustomImage, CustomRendition
from tests.factories import image_bytes

pytestmark = pytest.mark.django_db


def upload(admin_client, name: str, content: bytes):
    return admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content, content_type="image/png")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def test_an_image_of_more_than_25_megapixels_is_refused_with_a_clear_message(admin_client):
    # 6,000 x 4,500 = 27 MP: a few hundred KB as a PNG, under Wagtail's default 128 MP limit.
    response = upload(admin_client, "poster.png", image_bytes((6000, 4500)))
    assert response.json()["success"] is False
    assert "too many pixels" in response.json()["error_message"]
    assert "25000000" in response.json()["error_message"].replace(",", "")
    assert not CustomImage.objects.exists()


def test_renditions_are_made_when_the_image_is_uploaded(admin_client):
    response = upload(admin_client, "clinic.png", image_bytes((1700, 1000)))
    assert response.json()["success"] is True
    image = CustomImage.objects.get()
    specs = set(image.renditions.values_list("filter_spec", flat=True))
    # Every width and format the pages and cards use, the share card, the feed and sitemap images.
    assert {"width-1600|format-avif", "width-320|format-webp", "width-800", "fill-1200x630|format-jpeg"} <= specs


def test_a_visitors_request_renders_at_most_two_missing_renditions(client, settings):
    image = CustomImage(title="Ward", description="The ward")
    image.file = ImageFile(io.BytesIO(image_bytes((1700, 1000))), name="ward.png")
    image.save()
    CustomRendition.objects.all().delete()  # as for an image uploaded before renditions were prepared
    image = CustomImage.objects.get()

    first = client.get(f"/api/v3/images/{image.pk}/")
    assert first.status_code == 200
    assert CustomRendition.objects.count() <= 2
    # The fallback is always there; the srcset fills in over the following requests.
    assert first.json()["renditions"]["src"].endswith(".png")
    for _ in range(10):
        client.get(f"/api/v3/images/{image.pk}/", {"request": _})
    assert CustomRendition.objects.count() == 9  # 4 widths x 2 formats + the fallback
