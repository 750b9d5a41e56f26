"""A time bound on one article: work that runs past it ends in HostileInputError.

On POSIX, in the main thread, an interval timer (SIGALRM) interrupts whatever
runs past the bound: a pattern match (the regex module checks for signals
while it matches) or a Python loop. This replaces a ``timeout=`` on every
pattern call, which cost about 2 µs a call, several hundred calls an article.

Where no timer can be set (another thread, Windows, a caller's own timer
already running) the article runs without a bound. The bundled rules are
tested against hostile inputs; only a user's own rules file can run away there.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from textkit.errors import HostileInputError

# Every article gets this long, and longer ones one more second for every
# CHARS_PER_EXTRA_SECOND characters (work is linear in the length).
BASE_SECONDS = 5.0
CHARS_PER_EXTRA_SECOND = 100_000


def seconds_for(text: str) -> float:
    """Return the time bound for an article of this length.

    >>> seconds_for("pendek")
    5.0
    >>> seconds_for("x" * 1_000_000)
    15.0
    """
    return BASE_SECONDS + len(text) // CHARS_PER_EXTRA_SECOND


@contextmanager
def time_bound(seconds: float) -> Iterator[None]:
    """Yield with a timer armed: past ``seconds``, HostileInputError is raised inside."""
    if not _can_arm():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _can_arm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


def _expired(signum: int, frame: object) -> None:
    raise HostileInputError("the article ran past its time bound (a pattern ran away)")
