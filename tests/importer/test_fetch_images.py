"""``--fetch-images`` downloads what is not on disk; failures are reported, not fatal.

The "old site" is a local HTTP server in a thread: the tests never reach the network.
"""

import functools
from http.server import SimpleHTTPRequestHandler
from io import StringIO

import pytest
from django.core.management import call_command

from blog.models import ArticlePage
from images.models import CustomImage

from .conftest import DATA, local_http_server


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def old_site():
    with local_http_server(functools.partial(QuietHandler, directory=str(DATA / "wp-media"))) as url:
        yield url


def test_images_are_downloaded_only_when_asked(import_site, old_site, tmp_path, settings):
    # The test's "old site" is on this machine, which the importer otherwise refuses to reach.
    settings.IMPORT_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "scans.html").write_text(
        "<title>About scans</title>"
        f'<p>Our scanner.</p><img src="{old_site}/2024/05/scan-room.png" alt="The scanner">'
        f'<img src="{old_site}/2024/05/gone.png" alt="Lost">',
        encoding="utf-8",
    )
    out = StringIO()
    call_command("import_articles", str(folder), "--dry-run", stdout=out, stderr=StringIO())
    assert "scan-room.png not found (give --media-dir, or --fetch-images" in out.getvalue()

    out = StringIO()
    call_command("import_articles", str(folder), "--fetch-images", stdout=out, stderr=StringIO())
    page = ArticlePage.objects.get(title="About scans")
    [image_block] = [block for block in page.body if block.block_type == "image"]
    assert image_block.value["image"].description == "The scanner"
    assert CustomImage.objects.count() == 1
    assert "gone.png could not be downloaded (HTTP Error 404" in out.getvalue()
