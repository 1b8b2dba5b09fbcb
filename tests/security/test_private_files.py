"""Documents and images of private collections reach only the people their collection allows."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.http import Http404
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from cms.media_files import serve_public_media
from images.models import CustomImage
from tests.factories import image_bytes

Document = get_document_model()


@pytest.fixture
def private_collection(db) -> Collection:
    collection = Collection.get_first_root_node().add_child(name="Patients' letters")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


@pytest.fixture
def password_collection(db) -> Collection:
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="s3cret-board"
    )
    return collection


def make_document(collection: Collection, name: str = "letter.pdf") -> Document:
    document = Document(title="Letter", collection=collection)
    document.file.save(name, ContentFile(b"%PDF-1.4 private letter"), save=False)
    document.save()
    return document


def test_a_document_for_signed_in_users_sends_a_visitor_to_a_sign_in_page_that_works(client, private_collection):
    document = make_document(private_collection)
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/?next=")
    sign_in = client.get(response["Location"])
    assert sign_in.status_code == 200
    assert b'name="password"' in sign_in.content


def test_a_signed_in_user_gets_the_private_document(client, private_collection, django_user_model):
    document = make_document(private_collection)
    django_user_model.objects.create_user("nurse", "nurse@example.com", "long-enough-pass-42")
    response = client.get(document.url)
    signed_in = client.post(
        response["Location"], {"username": "nurse", "password": "long-enough-pass-42", "next": document.url}
    )
    assert signed_in.status_code == 302
    assert signed_in["Location"] == document.url
    served = client.get(document.url)
    assert served.status_code == 200
    assert b"private letter" in b"".join(served.streaming_content)


def test_a_password_protected_document_asks_for_its_password(client, password_collection):
    document = make_document(password_collection)
    asked = client.get(document.url)
    assert asked.status_code == 200
    assert b'name="password"' in asked.content
    restriction = CollectionViewRestriction.objects.get(collection=password_collection)
    wrong = client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/", {"password": "guess", "return_url": document.url}
    )
    assert wrong.status_code == 200
    right = client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": "s3cret-board", "return_url": document.url},
    )
    assert right.status_code == 302
    assert client.get(document.url).status_code == 200


def test_document_links_always_go_through_the_privacy_check(settings, private_collection):
    # S3's default would be a redirect to the bucket's own address, which checks nothing.
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert make_document(private_collection).url.startswith("/documents/")


def test_wagtails_page_password_form_is_mounted_for_the_frontend(client):
    from django.urls import reverse

    assert reverse("wagtailcore_authenticate_with_password", args=[1, 2]) == "/_util/authenticate_with_password/1/2/"


@pytest.mark.parametrize("folder", ["documents", "original_images", "./documents", "images/../documents"])
def test_served_media_never_includes_documents_or_original_images(folder, private_collection, settings):
    document = make_document(private_collection, "scan.pdf")
    image = CustomImage(title="X-ray", collection=private_collection)
    image.file = ImageFile(io.BytesIO(image_bytes((30, 20))), name="xray.png")
    image.save()
    files = {"documents": document.file.name, "original_images": image.file.name}
    name = files[folder.rsplit("/", 1)[-1]]
    path = folder + name.removeprefix(name.split("/", 1)[0])
    request = RequestFactory().get(f"/media/{path}")
    with pytest.raises(Http404):
        serve_public_media(request, path)


def test_served_media_still_includes_renditions(db, settings):
    image = CustomImage(title="Clinic")
    image.file = ImageFile(io.BytesIO(image_bytes((30, 20))), name="clinic.png")
    image.save()
    rendition = image.get_rendition("width-20")
    path = rendition.file.name
    response = serve_public_media(RequestFactory().get(f"/media/{path}"), path)
    assert response.status_code == 200
