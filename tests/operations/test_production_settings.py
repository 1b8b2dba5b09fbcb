"""Production settings: refuse to start without secrets; `check --deploy` is clean."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "-production-test-key-" + "x" * 30


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # Only what a deployment would have: the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE
    # (set in this process) must not leak into a production check.
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    environment.update({"DJANGO_SETTINGS_MODULE": "cms.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_required_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="clinic.example")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="clinic.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_refuses_the_development_key():
    result = manage("check", SECRET_KEY="dev-only-insecure-key-never-use-in-production" * 2, ALLOWED_HOSTS="a.example")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


SHOW_DOCS_SETTING = "from django.conf import settings; print('docs page', settings.API_DOCS_ENABLED)"


def test_the_api_docs_page_is_off_in_production_unless_turned_on():
    base = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "clinic.example", "API_DOCS_ENABLED": ""}
    assert "docs page False" in manage("shell", "-c", SHOW_DOCS_SETTING, **base).stdout
    turned_on = {**base, "API_DOCS_ENABLED": "true"}
    assert "docs page True" in manage("shell", "-c", SHOW_DOCS_SETTING, **turned_on).stdout
