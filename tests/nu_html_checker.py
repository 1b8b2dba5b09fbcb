"""The Nu HTML Checker (W3C's validator, npm ``vnu-jar``), run offline on documents the tests collect.

One Java process checks every document of a test at once (the JVM's start is
the slow part). Needs ``java`` on PATH (Debian's ``default-jre-headless``;
``.ci/run`` installs it where it is missing) and ``frontend/node_modules``
(``make -C frontend build``).
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

VNU_JAR = Path(settings.BASE_DIR) / "frontend" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(documents: dict[str, str]) -> dict[str, list[str]]:
    """The checker's errors for each named HTML document (an empty list when it has none)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: install Debian's default-jre-headless (.ci/run does where it is missing).")
    if not VNU_JAR.exists():
        pytest.fail("vnu-jar is missing: run `make -C frontend build` (npm ci installs it).")
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for index, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"{index}.html"
            path.write_text(html, encoding="utf-8")
            files[str(path.resolve())] = name
        result = subprocess.run(
            [java, "-Xss1m", "-jar", str(VNU_JAR), "--errors-only", "--exit-zero-always", "--format", "json", *files],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    errors: dict[str, list[str]] = {name: [] for name in documents}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        # The checker names a file by its URL, file:/path.
        name = files.get(message.get("url", "").removeprefix("file:"), "")
        where = f"line {message.get('lastLine', '?')}: " if "lastLine" in message else ""
        text = f"{where}{message['message']} [{message.get('extract', '').strip()[:120]}]"
        errors.setdefault(name or message.get("url", "?"), []).append(text)
    return errors
