"""``manage.py export_openapi``: the API's OpenAPI document, without a server.

The frontend generates its TypeScript types from this document
(``npm run generate:types``), so the types always match the API the code
declares, and a stale ``schema.d.ts`` is caught by ``npm run check:types``.
"""

import json

from django.core.management.base import BaseCommand
from django.urls import reverse
from ninja.responses import NinjaJSONEncoder

from cms.api.wiring import api


class Command(BaseCommand):
    """Print (or write) ``/api/v3/openapi.json`` as the running site would serve it."""

    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")

    def handle(self, *args, output=None, **options):
        # The schema's server path prefix is taken from the mounted URL, as at run time.
        prefix = reverse("wagtailapi_v3:api-root")
        schema = api.get_openapi_schema(path_prefix=prefix)
        text = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False, cls=NinjaJSONEncoder) + "\n"
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")
