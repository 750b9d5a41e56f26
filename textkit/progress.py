"""Progress on standard error for long runs: a bar on a terminal, nothing otherwise.

The bar appears only when progress is enabled, standard error is a terminal,
and the run has gone past a few articles, so one-off commands stay silent.
rich is imported only at that moment, never at start-up.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import IO, Any

# Runs of at most this many articles never draw a bar.
SHOW_AFTER_ARTICLES = 5
# The bar is redrawn from its own thread; counts are pushed to it this often.
UPDATE_EVERY_SECONDS = 0.1


class Progress:
    """Counts articles as they finish; shows a bar only when it is enabled.

    Use as a context manager and call :meth:`advance` once per record.

    >>> with Progress(enabled=False) as progress:
    ...     progress.advance()
    ...     progress.advance(is_error=True)
    >>> progress.done, progress.errors
    (2, 1)
    """

    def __init__(
        self, enabled: bool = True, stream: IO[str] | None = None, total: int | None = None
    ) -> None:
        self.enabled = enabled
        self.stream = stream
        self.total = total
        self.done = 0
        self.errors = 0
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None
        self._next_update = 0.0

    def __enter__(self) -> Progress:
        self.started = time.monotonic()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def elapsed(self) -> float:
        """Return the seconds since the run started."""
        return time.monotonic() - self.started

    @property
    def drawing(self) -> bool:
        """Return whether a bar is on screen."""
        return self._bar is not None

    def advance(self, is_error: bool = False) -> None:
        """Count one finished article (and whether it failed)."""
        self.done += 1
        self.errors += int(is_error)
        if not self.enabled or self.done <= SHOW_AFTER_ARTICLES:
            return
        now = time.monotonic()
        if now < self._next_update:
            return
        self._next_update = now + UPDATE_EVERY_SECONDS
        if self._bar is None:
            self._start_bar()
        self._push()

    def close(self) -> None:
        """Draw the final counts and take the bar down."""
        if self._bar is not None:
            self._push()
            self._bar.stop()
            self._bar = None

    def summary(self) -> str:
        """Return the end-of-run line: articles, errors, seconds and rate.

        >>> p = Progress(enabled=False)
        >>> p.done, p.errors = 10, 1
        >>> p.summary().split(",")[:2]
        ['10 articles', ' 1 failed']
        """
        seconds = self.elapsed
        rate = self.done / seconds if seconds > 0 else 0.0
        return f"{self.done} articles, {self.errors} failed, {seconds:.1f} s ({rate:.0f}/s)"

    def _push(self) -> None:
        rate = self.done / max(self.elapsed, 1e-9)
        self._bar.update(self._task, completed=self.done, errors=self.errors, rate=rate)

    def _start_bar(self) -> None:
        self._bar, self._task = new_bar(self.stream or sys.stderr, self.total)
        self._bar.start()


def new_bar(stream: IO[str], total: int | None) -> tuple[Any, Any]:
    """Return a rich progress bar on ``stream`` and its task (not started yet).

    It shows articles done, articles per second (the run's mean) and errors so far; with no
    known total the bar pulses. rich is imported here, not at start-up.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.progress import Progress as RichProgress

    count = MofNCompleteColumn() if total else TextColumn("{task.completed}")
    bar = RichProgress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        count,
        TextColumn("articles"),
        TextColumn("{task.fields[rate]:.0f}/s"),
        TextColumn("{task.fields[errors]} errors"),
        TimeElapsedColumn(),
        console=Console(file=stream),
        transient=False,
        # Data goes to stdout untouched: the bar must not capture it. Messages
        # on stderr are still printed above the bar.
        redirect_stdout=False,
        auto_refresh=True,
        refresh_per_second=8,
    )
    task = bar.add_task("textkit", total=total, errors=0, rate=0.0)
    return bar, task


def make_progress(enabled: bool, *, total: int | None = None) -> Progress:
    """Return a Progress that draws only if enabled and standard error is a terminal."""
    return Progress(enabled and is_terminal(sys.stderr), sys.stderr, total)


def is_terminal(stream: IO[str]) -> bool:
    """Return whether a stream is an interactive terminal (False if it cannot tell).

    >>> import io
    >>> is_terminal(io.StringIO())
    False
    """
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
