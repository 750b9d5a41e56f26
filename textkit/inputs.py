"""Inputs: paths, directories, globs, ``-`` and JSON Lines, yielded one article at a time."""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = (".txt",)


@dataclass(frozen=True)
class InputItem:
    """One article to process: raw bytes or text, or the error that stopped reading it."""

    source: str
    data: bytes | None = None
    text: str | None = None
    error_type: str | None = None
    error_message: str | None = None
    warnings: tuple[str, ...] = field(default=())


def iter_items(
    paths: Iterable[str],
    input_format: str = "text",
    text_field: str = "text",
    id_field: str = "id",
    max_bytes: int | None = None,
) -> Iterator[InputItem]:
    """Yield an InputItem for every article named by the paths, in order."""
    for path in paths:
        for source in expand_path(path):
            if isinstance(source, InputItem):
                yield source
            elif input_format == "jsonl":
                yield from iter_jsonl(source, text_field, id_field, max_bytes)
            else:
                yield read_item(source, max_bytes)


def expand_path(path: str) -> Iterator[str | InputItem]:
    """Yield the files a path names (a directory recursively), or an error item."""
    if path == "-":
        yield "-"
        return
    p = Path(path)
    if p.is_dir():
        found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix in TEXT_SUFFIXES)
        if not found:
            yield InputItem(
                path, error_type="NoArticles", error_message="no .txt files in directory"
            )
        yield from found
    elif p.exists():
        yield path
    elif glob.has_magic(path):
        matches = sorted(glob.glob(path, recursive=True))  # noqa: PTH207 (absolute patterns too)
        if not matches:
            yield InputItem(path, error_type="FileNotFound", error_message="no file matches")
        yield from matches
    else:
        yield InputItem(path, error_type="FileNotFound", error_message="no such file")


def read_item(source: str, max_bytes: int | None) -> InputItem:
    """Return the item for one file (or standard input), or an error item."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
        else:
            p = Path(source)
            if max_bytes is not None and p.stat().st_size > max_bytes:
                return _too_big(source, p.stat().st_size, max_bytes)
            data = p.read_bytes()
    except OSError as exc:
        return InputItem(
            source, error_type=type(exc).__name__, error_message=exc.strerror or str(exc)
        )
    if max_bytes is not None and len(data) > max_bytes:
        return _too_big(source, len(data), max_bytes)
    return InputItem(source, data=data)


def _too_big(source: str, size: int, max_bytes: int) -> InputItem:
    message = f"{size} bytes is over --max-bytes {max_bytes}"
    return InputItem(source, error_type="InputTooLarge", error_message=message)


def iter_jsonl(
    source: str, text_field: str, id_field: str, max_bytes: int | None
) -> Iterator[InputItem]:
    """Yield one item per line of a JSON Lines file; a bad line becomes an error item."""
    try:
        stream = sys.stdin.buffer if source == "-" else Path(source).open("rb")  # noqa: SIM115
    except OSError as exc:
        yield InputItem(source, error_type=type(exc).__name__, error_message=exc.strerror or "")
        return
    with stream:
        for number, raw in enumerate(stream, start=1):
            if raw.strip():
                yield jsonl_item(raw, f"{source}:{number}", text_field, id_field, max_bytes)


def jsonl_item(
    raw: bytes, where: str, text_field: str, id_field: str, max_bytes: int | None
) -> InputItem:
    """Return the item for one JSON Lines record, or an error item saying what is wrong."""
    if max_bytes is not None and len(raw) > max_bytes:
        return _too_big(where, len(raw), max_bytes)
    try:
        obj: Any = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return InputItem(where, error_type="BadJSON", error_message=f"not a JSON record: {exc}")
    if not isinstance(obj, dict):
        return InputItem(where, error_type="BadJSON", error_message="line is not a JSON object")
    source = str(obj[id_field]) if obj.get(id_field) is not None else where
    text = obj.get(text_field)
    if text is None:
        return InputItem(
            source, error_type="MissingField", error_message=f"no {text_field!r} field"
        )
    if not isinstance(text, str):
        message = f"field {text_field!r} is {type(text).__name__}, not a string"
        return InputItem(source, error_type="BadField", error_message=message)
    return InputItem(source, text=text)
