"""Every operation of ``/api/v3/openapi.json``, fuzzed in-process with schemathesis against the demo site.

For each operation schemathesis generates requests from the schema, valid ones
and invalid ones, sends them as a visitor (no token: staff reads must
answer their documented 401) to the WSGI application and checks each answer
as an API consumer with a client generated from the schema would: never a
server error, only documented status codes and content types, and a body
matching the documented schema. A small, derandomised example budget keeps
the run repeatable and quick; ``bench/schemathesis_run.py`` runs the full
schemathesis CLI (all phases and checks, a larger budget, as a visitor and as
an editor with an API token) against gunicorn on PostgreSQL.

The tests after the fuzzing pin down the bugs those runs found, each with the
request that showed it.
"""

import json

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.models import APIToken

from appointments.models import AppointmentRequest

pytestmark = pytest.mark.django_db

SCHEMA_URL = "/api/v3/openapi.json"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
# Schemathesis's WSGI transport asks for gzip (requests' default headers) but, unlike requests
# over HTTP, does not decompress the answer: ask for it uncompressed.
UNCOMPRESSED = {"Accept-Encoding": "identity"}
EXAMPLES_PER_MODE = 10
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES_PER_MODE,
    derandomize=True,  # the same requests on every run
    database=None,  # nothing written to .hypothesis/ in the working tree
    deadline=None,  # the suite's timings are not asserted (see bench/)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


@pytest.fixture
def wsgi_app():
    """The site's WSGI application, keeping the test's database connection (and transaction) open.

    Django closes old connections at the end of every request; inside a test
    that would end the transaction the test data lives in. Django's own test
    client detaches the same two receivers while it runs a request.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(demo_site, wsgi_app):
    """The OpenAPI document as the site serves it, bound to the WSGI application."""
    return schemathesis.openapi.from_wsgi(SCHEMA_URL, wsgi_app)


def fuzz(operation, mode: GenerationMode) -> None:
    """Send ``operation`` the generated requests of ``mode``; raise the first failing check's report."""

    @FUZZ_SETTINGS
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        case.call_and_validate(headers=UNCOMPRESSED, checks=CHECKS)

    run()


def modes_for(operation) -> list[GenerationMode]:
    """Valid requests, and invalid ones where the operation takes any input that could be invalid."""
    takes_input = any(True for _ in operation.iter_parameters()) or len(operation.body) > 0
    return [GenerationMode.POSITIVE, GenerationMode.NEGATIVE] if takes_input else [GenerationMode.POSITIVE]


def test_every_operation_answers_as_documented(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    failures = []
    for operation in operations:
        for mode in modes_for(operation):
            try:
                fuzz(operation, mode)
            except Exception as error:
                failures.append(f"{operation.label} ({mode.value} data):\n{error}")
    # The document as served was fuzzed, public reads, staff reads and public writes alike, not an empty one.
    labels = {operation.label for operation in operations}
    assert {"GET /api/v3/articles/", "POST /api/v3/appointments/", "GET /api/v3/snippets/{type}/"} <= labels
    assert not failures, "\n\n".join(failures)


@pytest.fixture
def editor_token(db) -> str:
    """A superuser's API token."""
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", None)
    return APIToken.create_token(user=user, name="fuzzing")[1]


@pytest.mark.parametrize("path", ["/api/v3/pages/", "/api/v3/images/"])
def test_an_offset_past_any_database_integer_gives_an_empty_page(demo_site, client, path):
    # 2**63 made PostgreSQL answer "bigint out of range" and SQLite "datatype mismatch": a 500 for anyone.
    response = client.get(path, {"offset": str(2**63)})
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert response.json()["count"] > 0


def test_the_editor_site_list_is_documented_with_its_own_schema(api_schema, editor_token):
    # The project's site-shell schema was also named SiteSchema, and replaced Wagtail's in the document.
    case = api_schema["/api/v3/sites/"]["GET"].Case()
    response = case.call_and_validate(
        headers={**UNCOMPRESSED, "Authorization": f"Bearer {editor_token}"}, checks=CHECKS
    )
    assert response.status_code == 200
    assert response.json()["items"][0]["hostname"]


@pytest.mark.parametrize(
    "url", ["/api/v3/search/?q=cancer%00care", "/api/v3/articles/?tag=a%00b", "/api/v3/pages/?search=a%00b"]
)
def test_text_with_a_nul_character_is_refused_as_invalid(demo_site, client, url):
    # PostgreSQL cannot hold NUL: these answered 500 there ("text fields cannot contain NUL (0x00) bytes").
    response = client.get(url)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["type"] == "nul_character"


def test_an_appointment_request_with_a_nul_in_the_name_is_refused_and_not_stored(demo_site, client):
    body = {"name": "Asha\u0000 Rao", "phone": "+919876543210", "consent": True, "fill_time_ms": 30_000}
    response = client.post(
        "/api/v3/appointments/", json.dumps(body), content_type="application/json", HTTP_USER_AGENT="Mozilla/5.0"
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][-1] == "name"
    assert not AppointmentRequest.objects.exists()
