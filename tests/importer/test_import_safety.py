"""An export cannot make the importer reach inside the network, fill the disk or publish what was private."""

import socket
import time
from http.server import BaseHTTPRequestHandler
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from blog.importers.safe_fetch import FetchRefused, fetch_image
from blog.models import ArticlePage
from images.models import CustomImage
from tests.factories import image_bytes

from .conftest import local_http_server


class OldSite(BaseHTTPRequestHandler):
    """/photo.png, /page.html, /big.png, /slow.png, /to-metadata (a redirect to the cloud metadata address)."""

    def do_GET(self):
        if self.path == "/to-metadata":
            self._answer(302, "text/plain", b"", {"Location": "http://169.254.169.254/latest/meta-data/"})
        elif self.path == "/to-photo":
            self._answer(301, "text/plain", b"", {"Location": "/photo.png"})
        elif self.path == "/page.html":
            self._answer(200, "text/html", b"<html>not an image</html>")
        elif self.path == "/big.png":
            self._answer(200, "image/png", image_bytes((60, 40)) + b"\0" * 200_000, {"Content-Length": None})
        elif self.path == "/slow.png":
            self._answer(200, "image/png", b"", {"Content-Length": "100"})
            for _ in range(20):
                time.sleep(0.1)
                self.wfile.write(b"\0")
        elif self.path == "/photo.png":
            self._answer(200, "image/png", image_bytes((60, 40)))
        else:
            self._answer(404, "text/plain", b"gone")

    def _answer(self, status, content_type, body, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        headers = {"Content-Length": str(len(body)), **(headers or {})}
        for name, value in headers.items():
            if value is not None:
                self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def old_site():
    with local_http_server(OldSite) as url:
        yield url


@pytest.fixture
def local_old_site_allowed(settings):
    """The test's old site runs on this machine: let the importer reach 127.0.0.1, and nothing else local."""
    settings.IMPORT_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/secret.png",
        "http://localhost:5432/",
        "http://169.254.169.254/latest/meta-data/iam/",
        "http://10.1.2.3/router.png",
        "http://[::1]/x.png",
        "http://[::ffff:127.0.0.1]/x.png",
        "http://0.0.0.0/x.png",
        "file:///etc/passwd",
        "gopher://old-clinic.example/",
    ],
)
def test_addresses_inside_the_network_are_refused(url):
    with pytest.raises(FetchRefused):
        fetch_image(url, max_bytes=10_000_000, timeout=5)


def test_a_public_name_that_resolves_to_a_private_address_is_refused():
    private = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.1.10", 80))]
    with mock.patch("socket.getaddrinfo", return_value=private) as resolve, pytest.raises(FetchRefused) as refusal:
        fetch_image("http://images.old-clinic.example/a.png", max_bytes=10_000_000, timeout=5)
    resolve.assert_called()
    assert "non-public address" in str(refusal.value)


def test_the_same_old_site_on_this_machine_is_refused_unless_allowed(old_site):
    with pytest.raises(FetchRefused, match="non-public"):
        fetch_image(f"{old_site}/photo.png", max_bytes=10_000_000, timeout=5)


def test_a_redirect_to_the_metadata_service_is_refused(old_site, local_old_site_allowed):
    with pytest.raises(FetchRefused, match=r"169\.254\.169\.254"):
        fetch_image(f"{old_site}/to-metadata", max_bytes=10_000_000, timeout=5)


def test_a_redirect_within_the_allowed_site_is_followed(old_site, local_old_site_allowed):
    fetched = fetch_image(f"{old_site}/to-photo", max_bytes=10_000_000, timeout=5)
    assert fetched.content_type == "image/png"
    assert fetched.url.endswith("/photo.png")


def test_only_images_are_accepted(old_site, local_old_site_allowed):
    with pytest.raises(FetchRefused, match="not an image"):
        fetch_image(f"{old_site}/page.html", max_bytes=10_000_000, timeout=5)


def test_size_is_capped_even_without_a_content_length(old_site, local_old_site_allowed):
    with pytest.raises(FetchRefused, match="larger than"):
        fetch_image(f"{old_site}/big.png", max_bytes=100_000, timeout=5)


def test_time_is_capped_for_the_whole_download(old_site, local_old_site_allowed):
    started = time.monotonic()
    with pytest.raises(FetchRefused, match=r"too long|timed out"):
        fetch_image(f"{old_site}/slow.png", max_bytes=10_000_000, timeout=0.5)
    assert time.monotonic() - started < 1.5


def run_import(*args) -> str:
    out = StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_downloaded_images_go_to_a_private_collection_not_the_public_image_api(
    import_site, old_site, local_old_site_allowed, tmp_path, client
):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "scan.html").write_text(
        f'<title>Scans</title><p>Our scanner.</p><img src="{old_site}/photo.png" alt="The scanner">', encoding="utf-8"
    )
    run_import(folder, "--fetch-images")
    image = CustomImage.objects.get()
    assert image.collection.name == "Imported images"
    assert CollectionViewRestriction.objects.filter(collection=image.collection).exists()
    assert client.get("/api/v2/images/").json()["meta"]["total_count"] == 0
    assert client.get("/api/v3/images/").json()["count"] == 0


def test_staff_choose_the_collection(import_site, old_site, local_old_site_allowed, tmp_path):
    Collection.get_first_root_node().add_child(name="Articles 2024")
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "scan.html").write_text(
        f'<title>Scans</title><p>Text.</p><img src="{old_site}/photo.png" alt="The scanner">', encoding="utf-8"
    )
    run_import(folder, "--fetch-images", "--collection", "Articles 2024")
    assert CustomImage.objects.get().collection.name == "Articles 2024"


WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <item>
    <title>Results for our support group</title>
    <link>https://old-clinic.example/2024/07/support-group/</link>
    <dc:creator>admin</dc:creator>
    <content:encoded><![CDATA[<p>Only for members of the group.</p>]]></content:encoded>
    <wp:post_id>40</wp:post_id>
    <wp:post_date>2024-07-01 10:00:00</wp:post_date>
    <wp:post_name>support-group</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <wp:post_password>members-only-2024</wp:post_password>
  </item>
</channel>
</rss>
"""


def test_a_post_with_a_password_becomes_a_password_protected_page(import_site, tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(WXR, encoding="utf-8")
    output = run_import(export)
    page = ArticlePage.objects.get(title="Results for our support group")
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == "members-only-2024"
    assert "Protected by their WordPress post password" in output
    # Published later, it is still not readable by anyone.
    page.save_revision().publish()
    assert not ArticlePage.objects.public().filter(pk=page.pk).exists()
