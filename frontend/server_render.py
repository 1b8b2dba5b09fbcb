"""The app's own components render the server's HTML: Preact in an embedded V8 (mini-racer).

Vite builds ``frontend/dist-server/render.js`` from ``src/server.tsx`` beside the
browser bundle: one script that defines ``renderApp(payloadJson)`` and returns
the markup the browser's ``hydrate`` expects for that payload. So the page a
visitor without JavaScript reads, the page a crawler indexes and the page the
app takes over are one rendering of one set of components, never a Django
template mirroring them.

A V8 context is not thread-safe: each thread (gunicorn's threads, the
development server's) keeps its own, created on first use and re-created when
the build changes.
"""

import json
import logging
import threading
from pathlib import Path

from django.conf import settings
from py_mini_racer import JSEvalException, MiniRacer

logger = logging.getLogger(__name__)


class ServerBundleMissing(RuntimeError):
    """The server bundle has not been built (run ``make -C frontend build``)."""


class ServerRenderError(RuntimeError):
    """The app threw while rendering a payload (a bug in a component, or a payload it does not expect)."""


def server_bundle_path() -> Path:
    """Where Vite writes the server bundle."""
    return Path(settings.BASE_DIR) / "frontend" / "dist-server" / "render.js"


_local = threading.local()


def _context() -> MiniRacer:
    path = server_bundle_path()
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError as error:
        raise ServerBundleMissing(f"{path} is missing: run `make -C frontend build`.") from error
    if getattr(_local, "mtime", None) != mtime:
        context = MiniRacer()
        context.eval(path.read_text(encoding="utf-8"))
        _local.context, _local.mtime = context, mtime
    return _local.context


def render_app(payload: dict) -> str:
    """The app's markup for ``payload`` (what ``hydrate`` in the browser finds and keeps)."""
    try:
        return _context().call("renderApp", json.dumps(payload))
    except JSEvalException as error:
        # V8's message repeats the whole minified bundle: keep the error and its stack only.
        lines = [line for line in str(error).splitlines() if len(line) < 300]
        raise ServerRenderError("\n".join(lines[-12:])) from None
