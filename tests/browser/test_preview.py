"""An editor changes a draft in the admin and sees it in the frontend's live preview panel."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from home.models import StandardPage

from .conftest import sign_in_to_the_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_editor_sees_the_unsaved_draft_in_the_preview_panel(site_url, page, django_user_model):
    # The live server listens on a random port, never 8000: point the site at it as `PORT=… make run` does.
    server = urlsplit(site_url)
    call_command("set_site_address", server.hostname, "--port", str(server.port), stdout=io.StringIO())
    about = StandardPage.objects.get(slug="about")

    page.set_viewport_size({"width": 1300, "height": 900})
    sign_in_to_the_admin(page, site_url, django_user_model)

    page.goto(f"{site_url}/admin/pages/{about.pk}/edit/")
    page.locator("#id_title").fill("About us (draft in review)")
    page.locator('button[data-side-panel-toggle="preview"]').click()

    # The admin's panel frames its preview view, which frames the frontend's preview route.
    page.wait_for_function("() => [...document.querySelectorAll('iframe')].length > 0", timeout=15_000)
    frontend = None
    for _ in range(60):
        frontend = next((frame for frame in page.frames if "/__preview__/" in frame.url), None)
        if frontend:
            break
        page.wait_for_timeout(250)
    assert frontend is not None, [frame.url for frame in page.frames]
    assert frontend.url.startswith(site_url + "/__preview__/")  # the port it is served at
    expect(frontend.get_by_role("heading", level=1)).to_have_text("About us (draft in review)", timeout=15_000)
    # Nothing was published: visitors still see the live title.
    about.refresh_from_db()
    assert about.title == "About"
