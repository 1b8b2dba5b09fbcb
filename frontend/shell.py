"""The HTML shell: Vite's built ``index.html`` with slots Django fills in.

Vite builds ``frontend/dist/index.html`` with hashed asset URLs. It carries
three HTML comments, ``<!--ssr-head-->``, ``<!--ssr-body-->`` and
``<!--ssr-data-->``, which Django replaces with the page's head tags, its
content as plain HTML, and its JSON. When the frontend has not been built
(a Python-only checkout), a minimal shell without scripts is used so the
server-rendered pages still work.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

HEAD_SLOT = "<!--ssr-head-->"
BODY_SLOT = "<!--ssr-body-->"
DATA_SLOT = "<!--ssr-data-->"


def built_index_path() -> Path:
    """Where Vite writes the built shell."""
    return Path(settings.BASE_DIR) / "frontend" / "dist" / "index.html"


@dataclass
class _Cached:
    mtime: float
    text: str


_cache: dict[Path, _Cached] = {}


def load_shell() -> str:
    """The built shell's text, re-read only when the build changed it."""
    path = built_index_path()
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return render_to_string("frontend/fallback_shell.html")
    cached = _cache.get(path)
    if cached is None or cached.mtime != mtime:
        cached = _cache[path] = _Cached(mtime, path.read_text(encoding="utf-8"))
    return cached.text


def fill_shell(head: str, body: str, data: str, lang: str = "en") -> str:
    """The shell with the three slots filled; ``lang`` sets the document language."""
    html = load_shell()
    html = html.replace('<html lang="en">', f'<html lang="{lang}">', 1)
    html = html.replace(HEAD_SLOT, head, 1).replace(BODY_SLOT, body, 1).replace(DATA_SLOT, data, 1)
    return mark_safe(html)  # noqa: S308 - every part was rendered by autoescaping templates
