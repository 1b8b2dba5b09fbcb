"""Staff uploads are limited to real images and documents of sensible size."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from images.models import CustomImage
from tests.factories import image_bytes


def upload(admin_client, name: str, content: bytes, content_type: str):
    return admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content, content_type=content_type)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


@pytest.mark.django_db
def test_a_real_image_is_accepted(admin_client):
    response = upload(admin_client, "portrait.png", image_bytes(), "image/png")
    assert response.json()["success"] is True
    assert CustomImage.objects.count() == 1


@pytest.mark.django_db
def test_a_script_disguised_as_an_image_is_refused(admin_client):
    response = upload(admin_client, "evil.png", b"<script>alert(1)</script>", "image/png")
    assert response.json()["success"] is False
    assert not CustomImage.objects.exists()


@pytest.mark.django_db
def test_a_file_type_outside_the_list_is_refused(admin_client):
    response = upload(admin_client, "page.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml")
    assert response.json()["success"] is False
    assert "svg" in response.json()["error_message"].lower() or "format" in response.json()["error_message"].lower()


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
def test_an_oversized_image_is_refused(admin_client):
    response = upload(admin_client, "huge.png", image_bytes((800, 800)) + b"\0" * 2048, "image/png")
    assert response.json()["success"] is False
    assert "too big" in response.json()["error_message"].lower()
    assert not CustomImage.objects.exists()
