"""The site stays honest when its services fail: 503 for the database, nothing for the cache."""

import base64
import hashlib
import re
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.test import override_settings

from cms.redis_cache import ResilientRedisCache

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"  # port 1: nothing listens, connection refused at once


@pytest.mark.django_db
def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "local-memory"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_is_503_with_retry_after_when_the_database_is_down(client):
    with mock.patch("cms.health.connection.cursor", side_effect=OperationalError("could not connect to server")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response["Retry-After"] == "30"


@pytest.mark.django_db
def test_api_answers_503_problem_json_when_the_database_is_down(client):
    client.raise_request_exception = False
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/api/v3/pages/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "30"
    assert response.json()["status"] == 503


@pytest.mark.django_db
def test_pages_answer_a_plain_503_page_when_the_database_is_down(client):
    client.raise_request_exception = False
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/articles/anything/")
    assert response.status_code == 503
    assert b"Temporarily unavailable" in response.content
    assert response["Retry-After"] == "30"
    # Its policy allows nothing but the page's own inline style, named by its hash.
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    style = re.search(rb"<style>(.*?)</style>", response.content).group(1)
    assert f"'sha256-{base64.b64encode(hashlib.sha256(style).digest()).decode()}'" in policy


@pytest.mark.django_db
def test_other_errors_are_a_plain_500_without_details(client):
    client.raise_request_exception = False
    with mock.patch("cms.health._database_state", side_effect=RuntimeError("secret internals")):
        response = client.get("/healthz")
    assert response.status_code == 500
    assert b"secret internals" not in response.content
    assert "Retry-After" not in response


def test_an_unreachable_redis_is_a_cache_miss_not_an_error():
    with override_settings(
        CACHES={"default": {"BACKEND": "cms.redis_cache.ResilientRedisCache", "LOCATION": UNREACHABLE_REDIS}}
    ):
        cache = caches.create_connection("default")
        assert isinstance(cache, ResilientRedisCache)
        assert cache.get("missing", "fallback") == "fallback"
        cache.set("key", "value")
        assert cache.get_many(["key"]) == {}
        assert cache.incr("counter") == 1
        assert cache.add("key", "value") is False
        cache.delete("key")


@pytest.mark.django_db
def test_healthz_reports_an_unreachable_redis_without_failing(client):
    broken = ResilientRedisCache(UNREACHABLE_REDIS, {})
    with mock.patch("cms.health.caches", {"default": broken}):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["cache"] == "unavailable"


@pytest.mark.django_db
def test_healthz_reports_a_failing_cache_backend_without_failing(client):
    failing = mock.Mock()
    failing.set.side_effect = OperationalError("no such table: django_cache")
    with mock.patch("cms.health.caches", {"default": failing}):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["cache"] == "unavailable"
