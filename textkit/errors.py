"""The textkit error family, and how errors become records, messages and exit codes."""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class TextkitError(Exception):
    """Base of every error textkit raises on purpose."""

    error_type = "TextkitError"


class RuleError(TextkitError):
    """A rules file is malformed: the message names the file and the key."""

    error_type = "RuleError"


class InputError(TextkitError):
    """An input cannot be read or decoded into article text."""

    error_type = "InputError"


class BinaryInputError(InputError):
    """An input holds binary data (an image, an archive, NUL bytes), not text."""

    error_type = "BinaryInput"


class HostileInputError(TextkitError):
    """An input made a pattern run past its time bound."""

    error_type = "HostileInput"


def error_type_of(exc: BaseException) -> str:
    """Return the ``error.type`` string an exception is reported under.

    >>> error_type_of(InputError("x"))
    'InputError'
    >>> error_type_of(ValueError("x"))
    'ValueError'
    >>> error_type_of(TimeoutError("regex timed out"))
    'HostileInput'
    """
    if isinstance(exc, TextkitError):
        return exc.error_type
    if isinstance(exc, TimeoutError):  # a pattern call given a timeout ran past it
        return HostileInputError.error_type
    return type(exc).__name__


def error_line(record: dict[str, Any]) -> str:
    """Return the one stderr line that reports an error record (no line breaks inside).

    >>> error_line({"source": "a.txt", "error": {"type": "EmptyInput", "message": "no text"}})
    'textkit: a.txt: EmptyInput: no text'
    """
    error = record["error"]
    message = " ".join(str(error.get("message", "")).split())
    return f"textkit: {record.get('source')}: {error.get('type')}: {message}"


def warning_lines(record: dict[str, Any]) -> list[str]:
    """Return one stderr line per warning a record carries.

    >>> warning_lines({"source": "a.txt", "warnings": ["invalid UTF-8 at byte 3"]})
    ['textkit: a.txt: warning: invalid UTF-8 at byte 3']
    """
    source = record.get("source")
    return [
        f"textkit: {source}: warning: {' '.join(w.split())}" for w in record.get("warnings") or []
    ]
