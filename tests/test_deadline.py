"""The per-article time bound: a runaway pattern ends in an error record, not a hang."""

from __future__ import annotations

import signal
import threading
import time

import pytest

import textkit
from textkit.deadline import seconds_for, time_bound
from textkit.errors import HostileInputError

# A user's rule that backtracks badly (over a second) on a line of "a," pairs.
RUNAWAY_RULES = """
[[boilerplate.rules]]
id = "user.boilerplate.runaway"
kind = "line"
pattern = '^(?:(?:a|a,)+)+(?:(?:a|a,)+)+Z'
example = "a,aZ"
note = "backtracks badly when no Z follows"
"""


@pytest.mark.parametrize(("length", "expect"), [(0, 5.0), (100_000, 6.0), (2_000_000, 25.0)])
def test_longer_articles_get_more_time(length, expect):
    assert seconds_for("x" * length) == expect


def test_runaway_user_rule_becomes_an_error_record(tmp_path, monkeypatch):
    monkeypatch.setattr("textkit.deadline.BASE_SECONDS", 0.5)
    rules = tmp_path / "runaway.toml"
    rules.write_text(RUNAWAY_RULES, encoding="utf-8")
    text = "Judul berita\n\n" + "a," * 290 + "\n\nIsi berita yang biasa.\n"
    started = time.monotonic()
    record = textkit.extract(text, lang="id", rules=str(rules), source="r.txt")
    assert record["error"]["type"] == "HostileInput"
    assert time.monotonic() - started < 5


def test_bound_restores_the_previous_handler_and_timer():
    before = signal.getsignal(signal.SIGALRM)
    with time_bound(10):
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_bound_interrupts_a_loop():
    with pytest.raises(HostileInputError), time_bound(0.2):
        while True:
            pass


def test_outside_the_main_thread_the_article_runs_unbounded():
    seen = []
    worker = threading.Thread(target=lambda: seen.append(textkit.extract("Judul\n\nIsi.")))
    worker.start()
    worker.join(30)
    assert seen and seen[0]["body"] == "Isi."
