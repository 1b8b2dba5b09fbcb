"""Behind a reverse proxy, limits and lockouts apply to each visitor, not to the proxy; reset e-mails are bounded."""

import pytest
from django.core import mail
from django.test import override_settings

PROXY = {"REMOTE_ADDR": "10.0.0.2"}  # every request arrives from the proxy


def sign_in(client, password: str, visitor: str):
    return client.post(
        "/admin/login/",
        {"username": "staff", "password": password},
        HTTP_X_FORWARDED_FOR=visitor,
        **PROXY,
    )


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, PROXY_COUNT=1)
def test_behind_a_proxy_an_attacker_locks_out_only_their_own_address(client, django_user_model):
    django_user_model.objects.create_superuser("staff", "staff@example.com", "correct-horse-battery")
    attacker = "198.51.100.66"
    for _ in range(3):
        sign_in(client, "wrong", attacker)
    assert sign_in(client, "correct-horse-battery", attacker).status_code == 429
    client.logout()
    # The real staff member, through the same proxy, from their own address.
    response = sign_in(client, "correct-horse-battery", "203.0.113.10")
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, PROXY_COUNT=1)
def test_behind_a_proxy_an_address_written_by_the_client_is_not_trusted(client, django_user_model):
    django_user_model.objects.create_superuser("staff", "staff@example.com", "correct-horse-battery")
    # The attacker prepends a different made-up address each time; the proxy appends the real one.
    for n in range(3):
        sign_in(client, "wrong", f"192.0.2.{n}, 198.51.100.66")
    assert sign_in(client, "correct-horse-battery", "192.0.2.99, 198.51.100.66").status_code == 429


def ask_for_reset(client, email: str, visitor: str):
    return client.post("/admin/password_reset/", {"email": email}, HTTP_X_FORWARDED_FOR=visitor, **PROXY)


@pytest.mark.django_db
@override_settings(
    PROXY_COUNT=1, PASSWORD_RESET_LIMIT_PER_ADDRESS=(2, 3600), PASSWORD_RESET_LIMIT_PER_ACCOUNT=(50, 86400)
)
def test_password_reset_e_mails_are_limited_per_address(client, django_user_model):
    for n in range(4):
        django_user_model.objects.create_user(f"staff{n}", f"staff{n}@example.com", "correct-horse-battery")
    for n in range(4):
        assert ask_for_reset(client, f"staff{n}@example.com", "198.51.100.66").status_code == 302
    assert len(mail.outbox) == 2
    # Another visitor behind the same proxy is not affected.
    ask_for_reset(client, "staff3@example.com", "203.0.113.10")
    assert len(mail.outbox) == 3


@pytest.mark.django_db
@override_settings(
    PROXY_COUNT=1, PASSWORD_RESET_LIMIT_PER_ADDRESS=(50, 3600), PASSWORD_RESET_LIMIT_PER_ACCOUNT=(2, 86400)
)
def test_password_reset_e_mails_are_limited_per_account_whatever_the_address(client, django_user_model):
    django_user_model.objects.create_user("staff", "staff@example.com", "correct-horse-battery")
    for n in range(5):
        response = ask_for_reset(client, "staff@example.com", f"198.51.100.{n}")
        # The page answers the same either way: it never tells whether a mail went out.
        assert response.status_code == 302
    assert len(mail.outbox) == 2
