"""Fixtures for the content model tests: staff users (the demo site is in tests/conftest.py)."""

import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def make_staff(django_user_model):
    """A staff user in the named Wagtail groups."""

    def make(username: str, *groups: str):
        user = django_user_model.objects.create_user(username, f"{username}@example.com", "password")
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make
