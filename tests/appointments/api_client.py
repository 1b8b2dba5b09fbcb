"""Posting to the public endpoints the way the frontend does, and reading their errors."""

import json

API_URL = "/api/v3/appointments/"
CTA_URL = "/api/v3/cta-events/"
BROWSER_UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36"


def post_json(client, url, data, **extra):
    """POST ``data`` as JSON the way the same-origin frontend does."""
    body = data if isinstance(data, (str, bytes)) else json.dumps(data)
    extra.setdefault("HTTP_USER_AGENT", BROWSER_UA)
    return client.post(url, data=body, content_type=extra.pop("content_type", "application/json"), **extra)


def field_errors(response) -> dict[str, str]:
    """The 422 body's errors as {field: message}."""
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    return {error["loc"][-1]: error["msg"] for error in errors}
