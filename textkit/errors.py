"""The textkit error family, and how errors become records and exit codes."""

from __future__ import annotations

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


class HostileInputError(TextkitError):
    """An input made a pattern run past its time bound."""

    error_type = "HostileInput"


def error_type_of(exc: BaseException) -> str:
    """Return the ``error.type`` string an exception is reported under.

    >>> error_type_of(InputError("x"))
    'InputError'
    >>> error_type_of(ValueError("x"))
    'ValueError'
    """
    if isinstance(exc, TextkitError):
        return exc.error_type
    return type(exc).__name__
