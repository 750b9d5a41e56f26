"""JSON writers: one record per line (jsonl) or pretty-printed (json)."""

from __future__ import annotations

import json
from typing import IO, Any

# Built once: json.dumps builds an encoder per call. A record is a tree of
# fresh dicts and lists (Record.to_dict), so the encoder's check for
# circular references (about a tenth of its time) is left out; the text it
# writes is the same.
LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)
INDENTED_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False, indent=2)


def write_jsonl(record: dict[str, Any], out: IO[str]) -> None:
    """Write one record as one line of JSON, non-ASCII kept, and flush."""
    out.write(LINE_ENCODER.encode(record) + "\n")
    out.flush()


def write_json(record: dict[str, Any], out: IO[str]) -> None:
    """Write one record as indented JSON followed by a newline."""
    out.write(INDENTED_ENCODER.encode(record) + "\n")
    out.flush()
