"""The database cache production uses without Redis: bounded, without counting its table on every write."""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

from cms.database_cache import SIZE_CHECK_EVERY

pytestmark = pytest.mark.django_db

TABLE = "test_database_cache"


def database_cache(settings, **options):
    settings.CACHES = {
        **settings.CACHES,
        "database": {"BACKEND": "cms.database_cache.DatabaseCache", "LOCATION": TABLE, "OPTIONS": options},
    }
    call_command("createcachetable", verbosity=0)  # inside the test's transaction: gone after it
    return caches["database"]


def _entries() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT COUNT(*) FROM "{TABLE}"')  # noqa: S608 - a constant
        return cursor.fetchone()[0]


def test_every_value_written_is_read_back(settings):
    cache = database_cache(settings, MAX_ENTRIES=10_000)
    for number in range(2 * SIZE_CHECK_EVERY):
        cache.set(f"answer-{number}", {"number": number})
    cache.set_many({"a": 1, "b": 2})
    cache.add("c", 3)
    assert cache.add("c", 4) is False
    assert [cache.get(f"answer-{number}")["number"] for number in range(2 * SIZE_CHECK_EVERY)] == list(
        range(2 * SIZE_CHECK_EVERY)
    )
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2, "c": 3}


def test_the_size_is_checked_on_one_write_in_a_hundred(settings):
    """Past ``MAX_ENTRIES`` (here 10) only a checked write culls: the table grows until the next check."""
    cache = database_cache(settings, MAX_ENTRIES=10, CULL_FREQUENCY=0)  # 0: a cull empties the table
    for number in range(SIZE_CHECK_EVERY):  # the first write is checked, on an empty table
        cache.set(f"answer-{number}", number)
    assert _entries() == SIZE_CHECK_EVERY
    cache.set("the-next-check", "culls the table first")
    assert _entries() == 1 and cache.get("the-next-check") == "culls the table first"


def test_the_table_stays_bounded_past_its_maximum(settings):
    """At most ``SIZE_CHECK_EVERY`` entries past ``MAX_ENTRIES``: a check culls a third (Django's default)."""
    cache = database_cache(settings, MAX_ENTRIES=500)
    largest = 0
    for number in range(20 * SIZE_CHECK_EVERY):
        cache.set(f"answer-{number:05}", number)
        if number % 10 == 0:
            largest = max(largest, _entries())
    assert 500 < largest <= 500 + SIZE_CHECK_EVERY
