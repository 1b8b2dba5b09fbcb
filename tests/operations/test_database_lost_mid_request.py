"""The database going away in the middle of a request: 503 with ``Retry-After``, wherever it happens.

``bench/fault_bench.py`` stops PostgreSQL under load. An API read whose
connection was cut while its response was being built answered ``422
Validation failed``: pydantic reports any exception raised while reading an
attribute as a validation error. These tests cut the database at every query
of a request in turn and expect the outage answer each time.
"""

import pytest
from django.db import OperationalError, ProgrammingError, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

# Statements the test's own transaction needs to stay usable; a real outage would fail them too,
# but then there would be no test database to check anything in.
_TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")

READS = {
    "page detail": lambda article: f"/api/v3/pages/{article.pk}/",
    "route lookup": lambda article: f"/api/v3/route/?path={article.url}",
    "site": lambda article: "/api/v3/site/",
    "article list": lambda article: "/api/v3/articles/?limit=20",
    "search": lambda article: "/api/v3/search/?q=oncologist",
    "home page": lambda article: "/",
    "article page": lambda article: article.url,
}


def _database_lost_from_query(number: int, error: Exception | None = None):
    """An ``execute_wrapper`` under which the ``number``-th query and every later one raise ``error``."""
    error = error or OperationalError("terminating connection due to administrator command")
    seen = 0

    def wrapper(execute, sql, params, many, context):
        nonlocal seen
        if sql.lstrip().upper().startswith(_TRANSACTION_CONTROL):
            return execute(sql, params, many, context)
        seen += 1
        if seen >= number:
            raise error
        return execute(sql, params, many, context)

    return wrapper


@pytest.mark.django_db
@override_settings(API_CACHE_ENABLED=False, PAGE_CACHE_ENABLED=False)
@pytest.mark.parametrize("read", READS)
def test_losing_the_database_at_any_query_answers_503_with_retry_after(client, seed_article, read):
    url = READS[read](seed_article)
    assert client.get(url).status_code == 200  # once, so per-process caches are warm as on a running site
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    queries = [q for q in captured.captured_queries if not q["sql"].upper().startswith(_TRANSACTION_CONTROL)]
    assert queries, f"{url} made no query: nothing to cut"

    client.raise_request_exception = False
    answers = {}
    for number in range(1, len(queries) + 1):
        with connection.execute_wrapper(_database_lost_from_query(number)):
            response = client.get(url)
        answers[number] = (response.status_code, response.get("Retry-After"))
    wrong = {number: answer for number, answer in answers.items() if answer != (503, "30")}
    assert not wrong, f"{url}: database lost at query number → (status, Retry-After): {wrong}"


@pytest.mark.django_db
@override_settings(API_CACHE_ENABLED=False, PAGE_CACHE_ENABLED=False)
def test_another_failure_while_building_a_response_is_a_plain_500(client, seed_article):
    url = f"/api/v3/pages/{seed_article.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    last_query = len([q for q in captured.captured_queries if not q["sql"].upper().startswith(_TRANSACTION_CONTROL)])
    client.raise_request_exception = False
    # The page's last query runs while its response is serialised; a broken query there is a bug, not an outage.
    with connection.execute_wrapper(_database_lost_from_query(last_query, ProgrammingError("no such column: x"))):
        response = client.get(url)
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert b"no such column" not in response.content


@pytest.mark.django_db
def test_bad_input_is_still_a_422_with_the_field_message(client, seed_article):
    response = client.get("/api/v3/pages/?order=no_such_field")
    assert response.status_code == 422
    assert "no_such_field" in response.json()["errors"][0]["msg"]
