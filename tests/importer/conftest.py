"""A bare clinic site to import into: home, one doctor, an articles index."""

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from wagtail.models import Page, Site

from blog.models import BlogIndexPage
from home.models import DoctorPage, HomePage

DATA = Path(__file__).parent / "data"


@dataclass
class ImportSite:
    site: Site
    home: HomePage
    doctor: DoctorPage
    index: BlogIndexPage


@pytest.fixture
def import_site(db) -> ImportSite:
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for page in root.get_children():
        page.delete()
    home = root.add_child(instance=HomePage(title="Home", slug="home", hero_heading="Cancer care, explained"))
    site = Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    doctor = home.add_child(instance=DoctorPage(title="Dr. Amit Pandey", slug="dr-amit-pandey", name="Amit Pandey"))
    index = home.add_child(instance=BlogIndexPage(title="Articles", slug="articles"))
    return ImportSite(site, home, doctor, index)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """The test exports in a folder the test may change."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@contextmanager
def local_http_server(handler) -> Iterator[str]:
    """An "old site" on 127.0.0.1 in a thread, answering with ``handler``: tests never reach the network."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
