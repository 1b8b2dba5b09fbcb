"""Two-step verification for the admin: setting up an authenticator app, signing in with its codes.

Everything goes through the admin's own pages, as a staff member would: the set-up page's key is
read from the page and fed to django-otp's TOTP implementation, which plays the phone's app.
"""

import re
import time
from base64 import b32decode
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django_otp.oath import TOTP

PASSWORD = "correct-horse-battery"
OVERVIEW = "/admin/account/two-step-verification/"
SET_UP = "/admin/account/two-step-verification/set-up/"
TURN_OFF = "/admin/account/two-step-verification/turn-off/"

CODE_NEEDED = "Two-step verification is on for this account"
WRONG_CODE = "That authentication code is wrong or has already been used"


class AuthenticatorApp:
    """The phone's authenticator app, set up with the key the set-up page shows.

    Each ``next_code()`` is the code of the following 30-second step: the server accepts a code
    only once (and none older than one it has accepted), so a test that signs in several times
    within a few seconds uses what a person would type over a few minutes.
    """

    def __init__(self, secret_key: str):
        secret = secret_key.replace(" ", "")
        self.key = b32decode(secret + "=" * (-len(secret) % 8))
        self.steps_ahead = 0

    def code_at(self, steps_ahead: int) -> str:
        totp = TOTP(self.key)
        totp.time = time.time() + 30 * steps_ahead
        return f"{totp.token():06d}"

    def next_code(self) -> str:
        self.steps_ahead += 1
        return self.code_at(self.steps_ahead - 1)

    def a_wrong_code(self) -> str:
        """Six digits the app shows at no time near now (so the server must refuse them)."""
        nearby = {self.code_at(step) for step in range(-3, self.steps_ahead + 4)}
        return next(code for code in ("000000", "111111", "222222") if code not in nearby)


def messages_in(response) -> str:
    return unescape(response.content.decode())


def sign_in(client, username="staff", password=PASSWORD, code=None):
    data = {"username": username, "password": password, "next": "/admin/"}
    if code is not None:
        data["authentication_code"] = code
    return client.post("/admin/login/", data)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def assert_sign_in_refused(client, response, message: str) -> None:
    """The sign-in form came back showing ``message``, and nobody is signed in."""
    assert response.status_code == 200
    assert message in messages_in(response)
    assert not signed_in(client)


def set_up_authenticator(client) -> tuple[AuthenticatorApp, list[str]]:
    """Set up an authenticator app through the admin pages; returns the app and the recovery codes shown."""
    page = client.get(SET_UP)
    assert page.status_code == 200
    html = messages_in(page)
    assert re.search(r'<div role="img" aria-label="QR code[^"]*"[^>]*><svg [^>]*viewBox=', html)
    app = AuthenticatorApp(re.search(r"<code data-secret-key>([A-Z2-7 ]+)</code>", html).group(1))

    done = client.post(SET_UP, {"code": app.next_code()})
    assert done.status_code == 200
    recovery_codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(recovery_codes) == 10
    assert "this is the only time they are shown" in messages_in(done)
    return app, recovery_codes


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("staff", "staff@example.com", PASSWORD)


@pytest.fixture
def enrolled(client, staff) -> tuple[AuthenticatorApp, list[str]]:
    """A staff member who has set up an authenticator app, then signed out."""
    assert sign_in(client).status_code == 302
    app, recovery_codes = set_up_authenticator(client)
    client.post("/admin/logout/")
    assert not signed_in(client)
    return app, recovery_codes


@pytest.mark.django_db
def test_without_two_step_verification_staff_sign_in_with_just_their_password(client, staff):
    login_page = client.get("/admin/login/")
    assert 'name="authentication_code"' in login_page.content.decode()
    assert "Authentication code" in messages_in(login_page)

    response = sign_in(client)
    assert response.status_code == 302
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_setting_up_an_authenticator_app_from_the_account_page(client, staff):
    sign_in(client)
    account = messages_in(client.get("/admin/account/"))
    assert f'href="{OVERVIEW}"' in account
    assert "Off: add a code from an authenticator app to signing in." in account
    assert "Two-step verification is off." in messages_in(client.get(OVERVIEW))

    page = messages_in(client.get(SET_UP))
    app = AuthenticatorApp(re.search(r"<code data-secret-key>([A-Z2-7 ]+)</code>", page).group(1))
    mistyped = client.post(SET_UP, {"code": "12345"})
    assert mistyped.status_code == 200
    assert "That code doesn't match." in messages_in(mistyped)
    assert "Two-step verification is off." in messages_in(client.get(OVERVIEW))

    # The same key is shown again until set-up is finished, so a code already scanned keeps working.
    assert (
        app.key
        == AuthenticatorApp(
            re.search(r"<code data-secret-key>([A-Z2-7 ]+)</code>", messages_in(client.get(SET_UP))).group(1)
        ).key
    )
    time.sleep(1)  # django-otp pauses checks for a second after a wrong code
    done = client.post(SET_UP, {"code": app.next_code()})
    assert done.status_code == 200
    assert len(re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())) == 10

    overview = messages_in(client.get(OVERVIEW))
    assert "Two-step verification is on." in overview
    assert "You have 10 unused recovery codes." in overview
    assert "On: signing in asks for a code" in messages_in(client.get("/admin/account/"))
    # Set up already: the set-up page sends people back to the overview instead of replacing their app.
    assert client.get(SET_UP).url == OVERVIEW

    client.post("/admin/logout/")
    response = sign_in(client, code=app.next_code())
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_signing_in_without_the_code_is_refused_with_a_form_error(client, enrolled):
    response = sign_in(client)
    assert_sign_in_refused(client, response, CODE_NEEDED)
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_signing_in_with_a_wrong_code_is_refused(client, enrolled):
    response = sign_in(client, code=enrolled[0].a_wrong_code())
    assert_sign_in_refused(client, response, WRONG_CODE)


@pytest.mark.django_db
def test_a_code_that_was_already_used_is_refused(client, enrolled):
    app, _recovery_codes = enrolled
    code = app.next_code()
    assert sign_in(client, code=code).status_code == 302
    client.post("/admin/logout/")
    response = sign_in(client, code=code)
    assert WRONG_CODE in messages_in(response)
    assert not signed_in(client)


@pytest.mark.django_db
def test_a_wrong_password_with_the_right_code_is_refused_as_before(client, enrolled):
    response = sign_in(client, password="wrong", code=enrolled[0].next_code())
    assert_sign_in_refused(client, response, "Your username and password didn't match.")


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_TWO_FACTOR=True)
def test_the_right_code_signs_in_and_the_session_counts_as_verified(client, enrolled):
    app, _recovery_codes = enrolled
    code = app.next_code()
    # Typed as many apps show it, in two groups.
    response = sign_in(client, code=f"{code[:3]} {code[3:]}")
    assert response.status_code == 302
    assert response.url == "/admin/"
    # Even where the policy requires two-step verification, a verified session uses the admin freely.
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_works_once(client, enrolled):
    _app, recovery_codes = enrolled
    response = sign_in(client, code=recovery_codes[0].upper())
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert "You have 9 unused recovery codes." in messages_in(client.get(OVERVIEW))
    client.post("/admin/logout/")

    again = sign_in(client, code=recovery_codes[0])
    assert_sign_in_refused(client, again, WRONG_CODE)


@pytest.mark.django_db
def test_turning_it_off_needs_a_current_code(client, enrolled):
    app, _recovery_codes = enrolled
    sign_in(client, code=app.next_code())
    assert "Turn off two-step verification" in messages_in(client.get(TURN_OFF))

    missing = client.post(TURN_OFF, {"code": ""})
    assert "This field is required." in messages_in(missing)
    wrong = client.post(TURN_OFF, {"code": "notacode"})
    assert WRONG_CODE in messages_in(wrong)
    assert "Two-step verification is on." in messages_in(client.get(OVERVIEW))

    turned_off = client.post(TURN_OFF, {"code": app.next_code()}, follow=True)
    assert "Two-step verification is off. Signing in needs only your password." in messages_in(turned_off)
    assert "Two-step verification is off." in messages_in(turned_off)

    client.post("/admin/logout/")
    assert sign_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_after_losing_phone_and_recovery_codes_an_operator_turns_it_off(client, enrolled):
    assert CODE_NEEDED in messages_in(sign_in(client))

    output = StringIO()
    call_command("turn_off_two_factor", "staff", stdout=output)
    assert "Two-step verification is off for staff" in output.getvalue()

    assert sign_in(client).status_code == 302
    assert "Two-step verification is off." in messages_in(client.get(OVERVIEW))


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_TWO_FACTOR=True)
def test_when_required_staff_without_an_app_are_sent_to_set_one_up(client, staff):
    response = sign_in(client)
    assert response.status_code == 302
    assert client.get(response.url).url == SET_UP
    for admin_page in ("/admin/", "/admin/pages/", "/admin/account/", "/admin/images/"):
        assert client.get(admin_page).url == SET_UP, admin_page
    page = client.get(SET_UP)
    assert "This site requires two-step verification" in messages_in(page)

    set_up_authenticator(client)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_TWO_FACTOR=True)
def test_when_required_turning_it_off_leads_straight_back_to_set_up(client, enrolled):
    app, _recovery_codes = enrolled
    sign_in(client, code=app.next_code())
    response = client.post(TURN_OFF, {"code": app.next_code()})
    assert response.url == SET_UP
    assert client.get("/admin/pages/").url == SET_UP


@pytest.mark.django_db
def test_a_session_signed_in_before_two_step_verification_was_turned_on_must_sign_in_again(staff):
    earlier_browser, phone_browser = Client(), Client()
    sign_in(earlier_browser)
    assert earlier_browser.get("/admin/").status_code == 200

    sign_in(phone_browser)
    set_up_authenticator(phone_browser)
    assert phone_browser.get("/admin/").status_code == 200

    response = earlier_browser.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/?next=/admin/pages/")
    assert not signed_in(earlier_browser)
    assert "sign in again with a code" in messages_in(earlier_browser.get(response.url))


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_guessing_codes_locks_the_account_like_guessing_passwords(client, enrolled):
    app, _recovery_codes = enrolled
    for attempt in ("", "abcdefgh", ""):
        response = sign_in(client, code=attempt)
        assert response.status_code in (200, 429)
    locked = sign_in(client, code=app.next_code())
    assert locked.status_code == 429
    assert not signed_in(client)
