"""JSON writers: one record per line (jsonl) or pretty-printed (json)."""

from __future__ import annotations

import json
from typing import IO, Any


def write_jsonl(record: dict[str, Any], out: IO[str]) -> None:
    """Write one record as one line of JSON, non-ASCII kept, and flush."""
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()


def write_json(record: dict[str, Any], out: IO[str]) -> None:
    """Write one record as indented JSON followed by a newline."""
    out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    out.flush()
