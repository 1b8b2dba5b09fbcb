"""An API answer as JSON data, exactly as the API sends it, for code that calls an endpoint's function directly."""

import json

from django.http import HttpRequest
from ninja.responses import NinjaJSONEncoder


def as_api_json(schema, value, request: HttpRequest) -> dict:
    """``value`` validated by ``schema`` with the request in context, then encoded as django-ninja encodes answers.

    Django-ninja writes datetimes with millisecond precision (Django's JSON encoder), so data built
    this way is equal to what the endpoint answers, to the character.
    """
    validated = schema.model_validate(value, context={"request": request, "response_status": 200})
    return json.loads(json.dumps(validated.model_dump(by_alias=True), cls=NinjaJSONEncoder))
