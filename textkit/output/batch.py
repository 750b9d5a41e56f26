"""Drive one command's batch: inputs -> runner -> sink, with stderr reports and exit status.

Data goes to standard output (or the ``-o`` file); every other line goes to
standard error: one line per failed input and per warning, a summary at the
end, and what happened when the run stopped early (Ctrl-C, ``--fail-fast``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType
from typing import IO, Any

from textkit.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    error_line,
    warning_lines,
)
from textkit.options import Options, RunSettings
from textkit.output.sinks import Sink


@dataclass
class Counts:
    """How far a batch got: articles read, records written, errors, seconds."""

    read: int = 0
    written: int = 0
    errors: int = 0
    seconds: float = 0.0
    stopped: str | None = None  # why the run ended early: interrupted, fail-fast, write error
    completed: bool = False  # every input processed and the output finished

    def summary(self) -> str:
        """Return the end-of-batch line for standard error.

        >>> Counts(3, 3, 1, 0.25).summary()
        'textkit: 3 articles read, 3 records written, 1 error, 0.25 s'
        """
        return (
            f"textkit: {_plural(self.read, 'article')} read, "
            f"{_plural(self.written, 'record')} written, "
            f"{_plural(self.errors, 'error')}, {self.seconds:.2f} s"
        )


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class InterruptGuard:
    """Holds Ctrl-C back while a record is being written, so no half line is left.

    Outside :meth:`writing` a SIGINT raises KeyboardInterrupt at once; inside,
    it is remembered and raised as soon as the write is done.
    """

    def __init__(self) -> None:
        self.busy = False
        self.pending = False
        self.previous: Any = None

    def __enter__(self) -> InterruptGuard:
        with contextlib.suppress(ValueError):  # not the main thread: leave SIGINT alone
            self.previous = signal.signal(signal.SIGINT, self._on_sigint)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)

    def _on_sigint(self, signum: int, frame: FrameType | None) -> None:
        if self.busy:
            self.pending = True
        else:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Defer Ctrl-C for the duration of the block."""
        self.busy = True
        try:
            yield
        finally:
            self.busy = False
        if self.pending:
            raise KeyboardInterrupt


def report(record: dict[str, Any], err: IO[str]) -> None:
    """Write the stderr lines for one record: its error, or its warnings."""
    lines = [error_line(record)] if "error" in record else warning_lines(record)
    for line in lines:
        err.write(line + "\n")


def feed_sink(
    records: Iterator[dict[str, Any]],
    sink: Sink,
    settings: RunSettings,
    counts: Counts,
    guard: InterruptGuard,
) -> None:
    """Write every record to the sink, counting; stop at the first error with fail_fast."""
    from textkit.progress import make_progress

    # The bar shares the terminal with a table on stdout; draw it only when data goes elsewhere.
    show = not settings.quiet and not _is_terminal(sink.out)
    with make_progress(show) as progress:
        for record in records:
            counts.read += 1
            is_error = "error" in record
            counts.errors += is_error
            report(record, sys.stderr)
            with guard.writing():
                counts.written += sink.add(record)
            progress.advance(is_error)
            if is_error and settings.fail_fast:
                counts.stopped = "fail-fast"
                break
        with guard.writing():
            counts.written += sink.close()


def run_command(settings: RunSettings, options: Options) -> int:
    """Run one command over its inputs and return the exit status."""
    from textkit.inputs import iter_items
    from textkit.output.files import AtomicFile
    from textkit.output.sinks import make_sink
    from textkit.runner import run_batch

    if sys.stderr is None:  # started with 2>&-: messages have nowhere to go
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115, PTH123
    if sys.stdout is None and not settings.output:
        sys.stderr.write("textkit: standard output is closed; use -o FILE\n")
        return EXIT_USAGE
    try:
        target = AtomicFile(settings.output) if settings.output else None
    except OSError as exc:
        sys.stderr.write(f"textkit: --output {settings.output}: {exc.strerror or exc}\n")
        return EXIT_USAGE
    out = target.stream if target else sys.stdout
    for stream in (sys.stdout, sys.stderr):
        tolerate_unencodable(stream)
    fmt = settings.fmt or ("table" if _is_terminal(out) else "jsonl")
    counts = Counts()
    started = time.monotonic()
    items = iter_items(
        settings.paths,
        settings.input_format,
        settings.text_field,
        settings.id_field,
        options.max_bytes,
    )
    records = run_batch(items, options, settings.jobs)
    try:
        with InterruptGuard() as guard:
            sink = make_sink(out, fmt, settings.view, **_sink_settings(settings))
            feed_sink(records, sink, settings, counts, guard)
        counts.completed = counts.stopped is None
    except KeyboardInterrupt:
        counts.stopped = "interrupted"
    except BrokenPipeError:
        silence_stdout()
        return EXIT_OK
    except OSError as exc:  # the output cannot be written (disk full, device gone)
        counts.stopped = "write-error"
        sys.stderr.write(f"textkit: cannot write the output: {exc.strerror or exc}\n")
    finally:
        records.close()
        counts.seconds = time.monotonic() - started
        _finish_file(target, counts)
    return _finish(counts, settings)


def _sink_settings(settings: RunSettings) -> dict[str, Any]:
    return {"show_removed": settings.show_removed, "include_unknown": settings.include_unknown}


def _finish_file(target: Any, counts: Counts) -> None:
    if target is None:
        return
    if counts.completed:
        target.commit()
    else:
        target.discard()
        sys.stderr.write(f"textkit: {target.target} not written (run stopped early)\n")


def _finish(counts: Counts, settings: RunSettings) -> int:
    """Write the closing stderr lines and return the exit status."""
    if counts.stopped == "interrupted":
        sys.stderr.write(
            f"textkit: interrupted after {_plural(counts.read, 'article')} "
            f"({_plural(counts.written, 'record')} written, {_plural(counts.errors, 'error')})\n"
        )
        return EXIT_INTERRUPTED
    if counts.stopped == "write-error":
        return EXIT_SOME_FAILED
    if counts.stopped == "fail-fast":
        sys.stderr.write(
            f"textkit: stopped at the first error (--fail-fast) after "
            f"{_plural(counts.read, 'article')}\n"
        )
    elif not settings.quiet:
        sys.stderr.write(counts.summary() + "\n")
    return EXIT_SOME_FAILED if counts.errors else EXIT_OK


def tolerate_unencodable(stream: IO[str]) -> None:
    """Make a text stream write what its encoding cannot hold as backslash escapes.

    File names with undecodable bytes reach us as lone surrogates; escaped as
    ``\\udcff`` they stay valid JSON instead of stopping the run.
    """
    with contextlib.suppress(AttributeError, ValueError, OSError):
        stream.reconfigure(errors="backslashreplace")  # type: ignore[attr-defined]


def silence_stdout() -> None:
    """Point standard output at /dev/null, so the exit flush cannot fail on a closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
