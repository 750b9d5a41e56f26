"""textkit: turn raw online news text into clean, structured records.

>>> record = extract("Judul\\n\\nIsi berita.")
>>> sorted(record)[:3]
['body', 'byline', 'dateline']
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "extract"]


def extract(
    text: str, lang: str | None = None, rules: str | None = None, source: str = "-"
) -> dict[str, Any]:
    """Return the record (a dict, as the CLI prints it) for one article's text."""
    from textkit.options import Options
    from textkit.pipeline import run

    return run(text, source, Options(lang=lang, rules_file=rules)).to_dict()
