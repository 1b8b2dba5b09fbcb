"""The Front desk group reaches the appointment inbox and its own account in the admin, and nothing else.

Every admin address is visited as a Front desk user (with ids of a real draft
page, image, document, snippet and request filled in); what answers 200 must
be on the list below, and no answer may name a page.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from appointments.models import AppointmentRequest
from tests.factories import make_doctor, make_home_site

pytestmark = pytest.mark.django_db

# What a Front desk user may open (by URL name): the inbox, the dashboard, their own account and sign-out.
FRONT_DESK_PAGES = {
    "wagtailadmin_home",
    "wagtailadmin_account",
    "wagtailadmin_logout",
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_dismissibles",
    "wagtailadmin_choose_page_external_link",
    "wagtailadmin_choose_page_email_link",
    "wagtailadmin_choose_page_phone_link",
    "wagtailadmin_choose_page_anchor_link",
    "staff_two_factor:overview",
    "staff_two_factor:set_up",
    "staff_two_factor:turn_off",
}
INBOX_NAMESPACE = "appointment_requests:"
SECRET_TITLE = "Confidential draft: new chemo protocol"


def admin_patterns(patterns, prefix="", namespace=""):
    """Every (route, URL name) under the admin, flattened from Django's resolver."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from admin_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace + (pattern.name or "")


def concrete_url(route: str, ids: dict[str, str]) -> str:
    """``route`` with every parameter filled in with a real object's id (or a plausible word)."""

    def value(name: str, regex: str = "") -> str:
        if "live" in regex:
            return "live"
        return ids.get(name, ids["default"])

    url = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: value(m.group(1)), route)
    url = re.sub(r"\(\?P<(\w+)>([^)]*)\)", lambda m: value(m.group(1), m.group(2)), url)
    url = url.replace("^", "").replace("$", "").replace("\\.", ".")
    return "/" + url


@pytest.fixture
def front_desk_client(client, django_user_model):
    user = django_user_model.objects.create_user("desk", password="pw-desk-123")
    user.groups.add(Group.objects.get(name="Front desk"))
    client.force_login(user)
    return client


@pytest.fixture
def secret_page():
    home = make_home_site(hostname="localhost", title="Clinic home", slug="clinic-home-scope", hero_heading="Welcome")
    return make_doctor(home, "Secret", title=SECRET_TITLE, slug="secret", live=False)


def test_front_desk_reaches_only_the_inbox_and_their_account(front_desk_client, secret_page):
    request = AppointmentRequest.objects.create(
        name="Meera Iyer", phone="+919876543210", consent_given_at=timezone.now()
    )
    ids = {
        "default": str(secret_page.pk),
        "pk": str(secret_page.pk),
        "app_label": "home",
        "app_name": "home",
        "content_type_app_name": "home",
        "model_name": "doctorpage",
        "content_type_model_name": "doctorpage",
        "action": "delete",
        "action_name": "approve",
        "object_id": str(secret_page.pk),
    }
    routes = sorted(set(admin_patterns(get_resolver().url_patterns)))
    routes = [(route, name) for route, name in routes if route.startswith("admin/")]
    assert len(routes) > 150  # the walk found the whole admin
    reached, leaked = set(), []
    for route, name in routes:
        if name == "wagtailadmin_error_test":  # Wagtail's deliberate 500, for testing error reporting
            continue
        url = concrete_url(route, {**ids, "pk": str(request.pk)} if name.startswith(INBOX_NAMESPACE) else ids)
        searches = any(word in (name or route) for word in ("search", "choose", "listing", "results"))
        for query in ("", "?q=chemo") if searches else ("",):
            response = front_desk_client.get(url + query)
            if response.status_code == 200:
                reached.add(name or route)
                body = b"".join(response.streaming_content) if response.streaming else response.content
                if SECRET_TITLE.encode() in body or b"Confidential draft" in body:
                    leaked.append(url + query)
    unexpected = {name for name in reached if name not in FRONT_DESK_PAGES and not name.startswith(INBOX_NAMESPACE)}
    assert not leaked, f"pages named at {leaked}; reachable beyond the inbox: {sorted(unexpected)}"
    assert not unexpected, f"reachable beyond the inbox: {sorted(unexpected)}"
    assert f"{INBOX_NAMESPACE}index" in reached


def test_editors_still_choose_pages_images_and_documents(client, django_user_model, secret_page):
    editor = django_user_model.objects.create_user("editor", password="pw-editor-123")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    for url in ("/admin/choose-page/", "/admin/images/chooser/", "/admin/documents/chooser/"):
        assert client.get(url).status_code == 200, url
    assert SECRET_TITLE in client.get("/admin/choose-page/search/", {"q": "chemo"}).content.decode()
