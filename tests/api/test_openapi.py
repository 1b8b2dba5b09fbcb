"""The one OpenAPI document: valid OpenAPI 3.1, describing every project endpoint with typed schemas."""

import re

import pytest
from django.core.cache import cache
from django.test import override_settings
from openapi_spec_validator import validate
from openapi_spec_validator.validation import OpenAPIV31SpecValidator

pytestmark = pytest.mark.django_db

PROJECT_ENDPOINTS = {
    "/api/v3/articles/": "articles_list",
    "/api/v3/site/": "site_detail",
    "/api/v3/route/": "route_resolve",
    "/api/v3/search/": "search",
    "/api/v3/preview/": "preview_detail",
}


@pytest.fixture
def schema(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_schema_is_valid_openapi_3_1(schema):
    assert schema["openapi"].startswith("3.1")
    validate(schema, cls=OpenAPIV31SpecValidator)
    # Public reads work without a token: the bearer token is optional there.
    assert {} in schema["paths"]["/api/v3/pages/{page_id}/"]["get"]["security"]


def test_schema_covers_every_project_endpoint(schema):
    for path, operation_id in PROJECT_ENDPOINTS.items():
        operation = schema["paths"][path]["get"]
        assert operation["operationId"] == operation_id
        assert operation["description"], f"{path} needs a docstring"
        assert "application/json" in operation["responses"]["200"]["content"]
    assert "/api/v3/pages/{page_id}/" in schema["paths"]
    assert "/api/v3/pages/find/" in schema["paths"]


def _resolve(schema, node):
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def test_response_schemas_are_typed(schema):
    components = schema["components"]["schemas"]
    card = components["ArticleCard"]["properties"]
    hero = _resolve(schema, next(n for n in card["hero_image"]["anyOf"] if "$ref" in n))
    assert {"src", "srcset", "sources", "width", "height", "alt"} <= set(hero["properties"])
    assert "body" not in card
    site = components["SiteShellSchema"]["properties"]
    assert _resolve(schema, site["contacts"])["properties"]["whatsapp_url"]["type"] == "string"
    assert "opening_hours" in _resolve(schema, site["clinics"]["items"])["properties"]
    article = components["ArticlePageSchema"]["properties"]
    head = _resolve(schema, next(n for n in article["head"]["anyOf"] if "$ref" in n))
    assert {"title", "description", "canonical_url", "social_image", "breadcrumbs"} <= set(head["properties"])
    author = _resolve(schema, next(n for n in article["author"]["anyOf"] if "$ref" in n))
    assert "display_name" in author["properties"]
    # Every body block type is named, with its value's shape, and told apart by its ``type`` (a discriminator).
    block = _resolve(schema, next(n for n in article["body"]["anyOf"] if n.get("type") == "array")["items"])
    block_types = {_resolve(schema, option)["properties"]["type"]["const"] for option in block["oneOf"]}
    assert block_types == {"paragraph", "heading", "image", "quote", "callout", "faq", "table", "embed"}
    assert block["discriminator"]["propertyName"] == "type"
    assert set(block["discriminator"]["mapping"]) == block_types
    assert components["StandardPageSchema"]["properties"]["body"] == article["body"]
    # The route answer is a page in the page-detail shape, or a redirect.
    route = schema["paths"]["/api/v3/route/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    kinds = {_resolve(schema, option)["title"] for option in route["anyOf"]}
    assert kinds == {"RoutedPage", "RoutedRedirect"}


def test_documented_limits(schema):
    params = {p["name"]: p for p in schema["paths"]["/api/v3/articles/"]["get"]["parameters"]}
    assert params["limit"]["schema"]["maximum"] == 100
    assert set(params["ordering"]["schema"]["enum"]) == {"newest", "oldest", "last_reviewed"}


def test_interactive_docs_follow_the_setting(client):
    assert client.get("/api/v3/docs/").status_code == 200
    cache.clear()  # a deployment changes the setting with a restart, which starts with a fresh cache
    with override_settings(WAGTAILAPI_DOCS_ENABLED=False):
        assert client.get("/api/v3/docs/").status_code == 404
        assert client.get("/api/v3/openapi.json").status_code == 404


def test_the_docs_page_loads_only_this_sites_files_under_a_strict_policy(client):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/static/") for source in sources), sources
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "default-src 'none'" in policy


def test_the_docs_page_is_off_unless_turned_on(client):
    with override_settings(API_DOCS_ENABLED=False):
        assert client.get("/api/v3/docs/").status_code == 404
        # The OpenAPI document is data for API consumers and stays.
        assert client.get("/api/v3/openapi.json").status_code == 200


def test_every_operation_declares_its_security_and_public_ones_need_none(schema):
    undeclared = [
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if "security" not in operation
    ]
    assert undeclared == []
    # Sending an appointment request or opening a preview link needs no credential scheme.
    assert schema["paths"]["/api/v3/appointments/"]["post"]["security"] == []
    assert schema["paths"]["/api/v3/cta-events/"]["post"]["security"] == []
    assert schema["paths"]["/api/v3/preview/"]["get"]["security"] == []


def test_the_document_names_this_origin_as_its_server(client, schema):
    assert schema["servers"] == [{"url": "/", "description": "The site that serves this document."}]
    # The paths carry the prefix themselves: the server URL plus a path is an address that answers.
    assert client.get("/" + "api/v3/articles/".lstrip("/")).status_code == 200


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_api_root_answers_a_problem_document_not_html(client, method):
    response = getattr(client, method)("/api/v3/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404
