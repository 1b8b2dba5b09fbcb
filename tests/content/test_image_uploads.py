"""Uploading to the image library: iPhone photos are accepted, and every image is described or marked decorative."""

import pillow_heif
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from images.models import CustomImage
from tests.factories import image_bytes

pytestmark = pytest.mark.django_db


def photo(image_format: str, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes((640, 480), image_format))


def upload(client, file, **fields):
    data = {"title": "Waiting room", "description": "", "collection": "1", "tags": "", **fields}
    return client.post("/admin/images/add/", {**data, "file": file})


def test_an_iphone_photo_is_accepted_and_served_as_jpeg(admin_client):
    pillow_heif.register_heif_opener()
    response = upload(admin_client, photo("HEIF", "IMG_2034.HEIC"), description="The clinic's waiting room")
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    image = CustomImage.objects.get(title="Waiting room")
    assert image.get_rendition("max-400x400").url.endswith(".jpg")


def test_an_image_without_a_description_is_refused(admin_client):
    response = upload(admin_client, photo("PNG", "room.png"))
    assert response.status_code == 200
    assert "alt text" in " ".join(response.context["form"].errors["description"])
    assert not CustomImage.objects.exists()


def test_a_decorative_image_needs_no_description_and_has_empty_alt_text(admin_client):
    response = upload(admin_client, photo("PNG", "swirl.png"), decorative="on")
    assert response.status_code == 302
    image = CustomImage.objects.get()
    assert image.alt_text == ""


def test_the_title_is_never_the_alt_text(admin_client):
    image = CustomImage.objects.create(title="IMG_2034", file=photo("PNG", "IMG_2034.png"))
    assert image.alt_text == ""


def test_the_admin_asks_no_outside_service_for_avatars(admin_client):
    assert b"gravatar" not in admin_client.get("/admin/").content.lower()
