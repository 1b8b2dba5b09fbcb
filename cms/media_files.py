"""Uploaded media served by Django itself (``SERVE_MEDIA``, development and small servers).

Only files meant for anyone are handed out: image renditions and the
project's drawn share cards. Documents are always served through Wagtail's
document view (``/documents/<id>/<name>``), which applies the privacy of their
collection, and original image files are never needed by a visitor (every
page and API answer uses renditions), so both folders answer 404 here — the
same rule the README gives for nginx and for an S3 bucket.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Folders of MEDIA_ROOT that may hold a private file (see the module docstring).
PRIVATE_MEDIA_FOLDERS = ("documents/", "original_images/")


def serve_public_media(request, path: str):
    """Serve ``MEDIA_ROOT/path`` unless it lies in a folder that may hold a private file (then 404)."""
    # The folder the file really is in, as django.views.static.serve will resolve it.
    normalised = posixpath.normpath(path.replace("\\", "/")).lstrip("/") + "/"
    if normalised.startswith(PRIVATE_MEDIA_FOLDERS):
        raise Http404("Not a public media file.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)
