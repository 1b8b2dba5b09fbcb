"""API v2 is anonymous and JSON only.

No session or HTTP Basic authentication (DRF's defaults): a password alone
must not read what the admin's two-step verification protects, and a staff
member's session must not change an answer the API cache shares. API v2 has
no token reads, so every request is answered as an anonymous visitor. And no
browsable HTML, whatever ``Accept`` or ``?format=`` asks for: the answer is
the same JSON for every client.
"""

from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.contrib.redirects.api.v2 import RedirectsAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class JSONWhateverIsAsked(BaseContentNegotiation):
    """Answers with the view's one renderer (JSON), ignoring ``Accept`` and ``?format=``."""

    def select_parser(self, request, parsers):
        """The first parser (the v2 endpoints read no request body)."""
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        """The first renderer and its media type, whatever the client asked for."""
        return renderers[0], renderers[0].media_type


class AnonymousJSONOnly:
    """Mixed into every v2 endpoint: nobody is authenticated, and the answer is JSON."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    renderer_classes = (JSONRenderer,)
    content_negotiation_class = JSONWhateverIsAsked


class PublicImagesAPIViewSet(AnonymousJSONOnly, ImagesAPIViewSet):
    """Wagtail's images endpoint, anonymous and JSON only."""


class PublicDocumentsAPIViewSet(AnonymousJSONOnly, DocumentsAPIViewSet):
    """Wagtail's documents endpoint, anonymous and JSON only."""


class PublicRedirectsAPIViewSet(AnonymousJSONOnly, RedirectsAPIViewSet):
    """Wagtail's redirects endpoint, anonymous and JSON only."""
