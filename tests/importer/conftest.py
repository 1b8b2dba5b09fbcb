"""A bare clinic site to import into: home, one doctor, an articles index."""

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from wagtail.models import Site

from blog.models import BlogIndexPage
from home.models import DoctorPage, HomePage
from tests.factories import make_doctor, make_home_site

DATA = Path(__file__).parent / "data"


@dataclass
class ImportSite:
    site: Site
    home: HomePage
    doctor: DoctorPage
    index: BlogIndexPage


@pytest.fixture
def import_site(db) -> ImportSite:
    home = make_home_site()
    doctor = make_doctor(home, "Amit Pandey")
    index = home.add_child(instance=BlogIndexPage(title="Articles", slug="articles"))
    return ImportSite(Site.objects.get(is_default_site=True), home, doctor, index)


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
