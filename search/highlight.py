"""A short, highlighted excerpt of a search hit (“…the <mark>oncologist</mark> plans…”)."""

import re

from django.utils.html import escape, strip_tags

SNIPPET_LENGTH = 180


def _terms(query: str) -> list[str]:
    return [term for term in re.findall(r"\w+", query.lower()) if len(term) > 1]


def plain_texts(value):
    """Every string in a StreamField's raw data (or any nested list/dict), tags stripped."""
    if isinstance(value, str):
        yield strip_tags(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"type", "id"}:
                yield from plain_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from plain_texts(item)


def highlight(texts: list[str], query: str, length: int = SNIPPET_LENGTH) -> str:
    """HTML: an excerpt of the first text with a word starting with a query word, such words wrapped in ``<mark>``.

    Falls back to the start of the first non-empty text. Everything but the
    ``<mark>`` tags is escaped, so the snippet is safe to insert as HTML.
    """
    terms = _terms(query)
    # A term marks the whole word it starts (“chemo” marks “chemotherapy”), as it is matched.
    alternatives = "|".join(re.escape(term) for term in terms)
    pattern = re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE) if terms else None
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts:
        return ""
    chosen, start = texts[0], 0
    if pattern:
        for text in texts:
            match = pattern.search(text)
            if match:
                chosen, start = text, max(match.start() - length // 3, 0)
                break
    excerpt = chosen[start : start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(chosen) else ""
    if not pattern:
        return prefix + escape(excerpt) + suffix
    parts, last = [], 0
    for match in pattern.finditer(excerpt):
        parts.append(escape(excerpt[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(excerpt[last:]))
    return prefix + "".join(parts) + suffix
