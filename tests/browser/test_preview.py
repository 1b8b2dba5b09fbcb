"""An editor changes a draft in the admin and sees it in the frontend's live preview panel."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from home.models import StandardPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-test-password-42"


def test_editor_sees_the_unsaved_draft_in_the_preview_panel(site_url, page, django_user_model):
    # The preview target is built from the site's root URL: make it this live server.
    server = urlsplit(site_url)
    Site.objects.filter(is_default_site=True).update(hostname=server.hostname, port=server.port)
    django_user_model.objects.create_superuser("editor", "editor@example.com", PASSWORD)
    about = StandardPage.objects.get(slug="about")

    page.set_viewport_size({"width": 1300, "height": 900})
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

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
    expect(frontend.get_by_role("heading", level=1)).to_have_text("About us (draft in review)", timeout=15_000)
    # Nothing was published: visitors still see the live title.
    about.refresh_from_db()
    assert about.title == "About"
