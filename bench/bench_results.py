"""Where every benchmark leaves its figures: ``bench/results/<name>``, and the terminal."""

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def publish(name: str, text: str) -> None:
    """Write ``text`` (Markdown) to ``bench/results/<name>`` and print it."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / name).write_text(text + "\n")
    print(text)
