"""Who the project's public v3 read endpoints answer: a bearer token's user, or an anonymous visitor.

The same pair as Wagtail's own v3 read endpoints (``wagtail.api.v3.routers.pages``):
``BearerTokenAuth`` first, then ``AllowAnonymous``, which sets ``request.user``
to the anonymous user. So a session (a staff member reading the site while
logged in to the admin) never changes an API answer, and only a token can.
"""

from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth

TOKEN_OR_ANONYMOUS = [BearerTokenAuth(), AllowAnonymous()]
