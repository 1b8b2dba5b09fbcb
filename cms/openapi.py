"""Keeps ``/api/v3/openapi.json`` valid OpenAPI 3.1 for client generators.

Wagtail's ``AllowAnonymous`` auth appears as an ``http`` security scheme with
no ``scheme``, which OpenAPI 3.1 forbids (and strict generators reject). The
standard way to say “a bearer token is optional” is an empty security
requirement, so the scheme is dropped and its uses become ``{}``.
"""

from functools import wraps

ANONYMOUS_SCHEME = "AllowAnonymous"


def make_anonymous_access_valid(schema: dict) -> dict:
    """Replace the invalid ``AllowAnonymous`` scheme by an empty (optional) security requirement."""
    schemes = schema.get("components", {}).get("securitySchemes", {})
    schemes.pop(ANONYMOUS_SCHEME, None)
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "security" not in operation:
                continue
            operation["security"] = [{} if ANONYMOUS_SCHEME in req else req for req in operation["security"]]
    return schema


def install(api) -> None:
    """Post-process ``api``'s generated schema with :func:`make_anonymous_access_valid`."""
    generate = api.get_openapi_schema

    @wraps(generate)
    def get_openapi_schema(*args, **kwargs):
        return make_anonymous_access_valid(generate(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema
