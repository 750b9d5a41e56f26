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
    """Return the record (a dict, as the CLI prints it) for one article's text.

    The text is normalised as the CLI does it (BOM, line endings, control
    characters, HTML tags), and what was repaired is listed in ``warnings``.
    Text that cannot be processed (binary data, a pattern run past its time
    bound) gives the same error record the CLI prints:
    ``{"source": ..., "error": {"type": ..., "message": ...}}``.
    """
    from textkit.errors import TextkitError, error_type_of
    from textkit.options import Options
    from textkit.pipeline import run
    from textkit.record import error_record
    from textkit.stages.read import prepare_text

    try:
        prepared = prepare_text(text)
        record = run(prepared.text, source, Options(lang=lang, rules_file=rules))
    except TextkitError as exc:
        return error_record(source, error_type_of(exc), str(exc))
    record.warnings.extend(prepared.warnings)
    return record.to_dict()
