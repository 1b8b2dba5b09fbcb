"""Guessing an admin password is stopped after a few tries."""

import pytest
from django.test import override_settings


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failed_logins_lock_the_account_even_for_the_right_password(client, django_user_model):
    django_user_model.objects.create_superuser("staff", "staff@example.com", "correct-horse-battery")
    for _ in range(3):
        response = client.post("/admin/login/", {"username": "staff", "password": "wrong"})
        assert response.status_code in (200, 429)
    locked = client.post("/admin/login/", {"username": "staff", "password": "correct-horse-battery"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_a_few_mistakes_do_not_lock_out_staff(client, django_user_model):
    django_user_model.objects.create_superuser("staff", "staff@example.com", "correct-horse-battery")
    client.post("/admin/login/", {"username": "staff", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "staff", "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
