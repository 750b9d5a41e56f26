"""Inputs: paths, directories, globs, ``-`` and JSON Lines, yielded one article at a time.

Every path a user names yields at least one item, in order: an article, or an
item carrying the error that stopped reading it (a missing path, an empty
directory, a file over ``max_bytes``, a bad JSON line). Nothing is dropped.
"""

from __future__ import annotations

import errno
import glob
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from textkit.errors import InputError
from textkit.stages.read import prepare_text

SUFFIXES = {"text": (".txt",), "jsonl": (".jsonl", ".json")}
# JSON Lines files are read in blocks of this size while skipping an oversized line.
_SKIP_CHUNK = 1 << 20


class InputItem(NamedTuple):
    """One article to process: raw bytes or text, or the error that stopped reading it."""

    source: str
    data: bytes | None = None
    text: str | None = None
    error_type: str | None = None
    error_message: str | None = None
    warnings: tuple[str, ...] = ()


def iter_items(
    paths: Iterable[str],
    input_format: str = "text",
    text_field: str = "text",
    id_field: str = "id",
    max_bytes: int | None = None,
) -> Iterator[InputItem]:
    """Yield an InputItem for every article named by the paths, in order."""
    suffixes = SUFFIXES.get(input_format, SUFFIXES["text"])
    for path in paths:
        for source in expand_path(path, suffixes):
            if isinstance(source, InputItem):
                yield source
            elif input_format == "jsonl":
                yield from iter_jsonl(source, text_field, id_field, max_bytes)
            else:
                yield read_item(source, max_bytes)


def expand_path(path: str, suffixes: tuple[str, ...] = (".txt",)) -> Iterator[str | InputItem]:
    """Yield the files a path names (a directory recursively, in name order), or an error item."""
    if path == "-":
        yield "-"
        return
    p = Path(path)
    try:
        is_dir, exists = p.is_dir(), p.exists()
    except OSError as exc:  # a name too long, a loop of links
        yield os_error_item(path, exc)
        return
    if is_dir:
        yield from _expand_dir(path, suffixes)
    elif exists:
        yield path
    elif glob.has_magic(path):
        matches = sorted(glob.glob(path, recursive=True))  # noqa: PTH207 (absolute patterns too)
        if not matches:
            yield InputItem(path, error_type="FileNotFound", error_message="no file matches")
        for match in matches:
            yield from _expand_dir(match, suffixes) if Path(match).is_dir() else [match]
    else:
        yield InputItem(path, error_type="FileNotFound", error_message="no such file or directory")


def _expand_dir(path: str, suffixes: tuple[str, ...]) -> Iterator[str | InputItem]:
    found = False
    for item in walk_files(path, suffixes):
        found = found or isinstance(item, str)
        yield item
    if not found:
        message = f"no {'/'.join(suffixes)} files in directory"
        yield InputItem(path, error_type="NoArticles", error_message=message)


def walk_files(folder: str, suffixes: tuple[str, ...]) -> Iterator[str | InputItem]:
    """Yield the article files under a folder lazily, sorted by name at each level.

    Symbolic links to folders are not followed (no loops); an unreadable folder
    yields an error item and the walk goes on.
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield os_error_item(folder, exc)
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from walk_files(entry.path, suffixes)
        elif entry.name.endswith(suffixes) and entry.is_file():
            yield entry.path


def os_error_item(source: str, exc: OSError) -> InputItem:
    """Return the error item for a file system error, typed by its kind.

    >>> os_error_item("a.txt", PermissionError(13, "Permission denied")).error_type
    'PermissionDenied'
    """
    kinds = {PermissionError: "PermissionDenied", FileNotFoundError: "FileNotFound"}
    kind = next((name for cls, name in kinds.items() if isinstance(exc, cls)), "ReadError")
    message = exc.strerror or str(exc) or type(exc).__name__
    return InputItem(source, error_type=kind, error_message=message)


def read_item(source: str, max_bytes: int | None) -> InputItem:
    """Return the item for one file (or standard input), or an error item."""
    try:
        if source == "-":
            data = _read_bounded(stdin_bytes(), max_bytes)
        else:
            # Plain os calls: a Path object per file cost a third of the reading time.
            info = os.stat(source)  # noqa: PTH116
            if stat.S_ISDIR(info.st_mode):
                return InputItem(source, error_type="ReadError", error_message="is a directory")
            size = info.st_size
            if max_bytes is not None and size > max_bytes:
                return too_big_item(source, size, max_bytes)
            with open(source, "rb") as stream:  # noqa: PTH123
                data = _read_bounded(stream, max_bytes)
    except OSError as exc:
        return os_error_item(source, exc)
    if max_bytes is not None and len(data) > max_bytes:
        return too_big_item(source, len(data), max_bytes)
    return InputItem(source, data=data)


def stdin_bytes() -> IO[bytes]:
    """Return standard input as a byte stream; raise OSError when it is closed (``<&-``)."""
    if sys.stdin is None:
        raise OSError(errno.EBADF, "standard input is closed")
    return sys.stdin.buffer


def _read_bounded(stream: IO[bytes], max_bytes: int | None) -> bytes:
    """Return the stream's bytes, at most max_bytes + 1 (enough to know it is too big)."""
    return stream.read() if max_bytes is None else stream.read(max_bytes + 1)


def too_big_item(source: str, size: int, max_bytes: int) -> InputItem:
    """Return the error item for an input over the size limit.

    >>> too_big_item("a.txt", 30, 20).error_message
    'over 20 bytes (--max-bytes): 30 bytes or more'
    """
    message = f"over {max_bytes} bytes (--max-bytes): {size} bytes or more"
    return InputItem(source, error_type="InputTooLarge", error_message=message)


def iter_jsonl(
    source: str, text_field: str, id_field: str, max_bytes: int | None
) -> Iterator[InputItem]:
    """Yield one item per line of a JSON Lines file; a bad line becomes an error item."""
    try:
        stream = stdin_bytes() if source == "-" else Path(source).open("rb")  # noqa: SIM115
    except OSError as exc:
        yield os_error_item(source, exc)
        return
    limit = -1 if max_bytes is None else max_bytes + 1
    with stream:
        number = 0
        while raw := stream.readline(limit):
            number += 1
            where = f"{source}:{number}"
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte order mark
            if not raw.endswith(b"\n") and limit > 0 and len(raw) >= limit:
                size = len(raw) + _skip_line(stream)
                yield too_big_item(where, size, max_bytes or 0)
            elif raw.strip():
                yield jsonl_item(raw, where, text_field, id_field)


def _skip_line(stream: IO[bytes]) -> int:
    """Read past the rest of the current line; return how many bytes were skipped."""
    skipped = 0
    while chunk := stream.readline(_SKIP_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def jsonl_item(raw: bytes, where: str, text_field: str, id_field: str) -> InputItem:
    """Return the item for one JSON Lines record, or an error item saying what is wrong.

    >>> jsonl_item(b'{"id": "a1", "text": "Isi."}', "f:1", "text", "id")
    InputItem(source='a1', data=None, text='Isi.', error_type=None, error_message=None, warnings=())
    >>> jsonl_item(b'{"id": "a1", "te', "f:1", "text", "id").error_message
    'truncated line (no line end, not complete JSON)'
    """
    warnings: list[str] = []
    line = raw.decode("utf-8", errors="replace")
    if "\ufffd" in line and "\ufffd".encode() not in raw:
        warnings.append("invalid UTF-8 in line: undecodable bytes replaced with U+FFFD")
    try:
        obj: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputItem(where, error_type="BadJSON", error_message=_bad_json_message(raw, exc))
    if not isinstance(obj, dict):
        kind = type(obj).__name__
        return InputItem(where, error_type="BadJSON", error_message=f"a JSON {kind}, not an object")
    source = where if obj.get(id_field) is None else str(obj[id_field])
    text = obj.get(text_field)
    if text is None:
        message = f"no {text_field!r} field (see --text-field)"
        return InputItem(source, error_type="MissingField", error_message=message)
    if not isinstance(text, str):
        message = f"field {text_field!r} is a JSON {type(text).__name__}, not a string"
        return InputItem(source, error_type="BadField", error_message=message)
    try:
        prepared = prepare_text(text)
    except InputError as exc:
        return InputItem(source, error_type=exc.error_type, error_message=str(exc))
    return InputItem(source, text=prepared.text, warnings=(*warnings, *prepared.warnings))


def _bad_json_message(raw: bytes, exc: json.JSONDecodeError) -> str:
    if not raw.endswith(b"\n"):
        return "truncated line (no line end, not complete JSON)"
    return f"not JSON: {exc.msg} at column {exc.colno}"
