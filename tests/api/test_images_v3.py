"""Images on v3 carry the same renditions as everywhere else."""

import pytest

pytestmark = pytest.mark.django_db


def test_v3_image_detail_has_renditions(client, site_tree):
    response = client.get(f"/api/v3/images/{site_tree.image.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["credit"] == "Clinic photo"
    assert data["renditions"]["alt"] == "A doctor at a desk"
    assert [source["type"] for source in data["renditions"]["sources"]] == ["image/avif", "image/webp"]


def test_v3_image_listing_is_public_and_bad_ids_are_4xx(client, site_tree):
    assert client.get("/api/v3/images/").json()["count"] == 1
    assert client.get("/api/v3/images/999999/").status_code == 404
    assert client.get("/api/v3/images/abc/").status_code in (404, 422)
    assert client.get("/api/v3/pages/abc/").status_code in (404, 422)
    assert client.get("/api/v3/pages/", {"limit": 1000}).status_code == 400
    assert client.get("/api/v3/pages/", {"limit": -1}).status_code == 422
    assert client.get("/api/v2/pages/", {"limit": 1000}).status_code == 400
    assert client.get("/api/v2/pages/", {"type": "nope.Nothing"}).status_code == 400
