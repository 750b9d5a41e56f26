"""Progress: a bar on a terminal for runs past a few articles, nothing anywhere else."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from textkit.progress import SHOW_AFTER_ARTICLES, Progress, make_progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(progress: Progress, count: int, every_error: int = 0) -> Progress:
    with progress:
        for n in range(count):
            progress.advance(bool(every_error) and n % every_error == 0)
    return progress


def test_counts_done_and_errors() -> None:
    progress = run(Progress(enabled=False), 30, every_error=10)
    assert (progress.done, progress.errors) == (30, 3)


def test_a_terminal_gets_a_bar_with_articles_rate_and_errors() -> None:
    screen = FakeTerminal()
    run(Progress(True, screen), 40, every_error=10)
    text = screen.getvalue()
    assert "40 articles" in text
    assert "4 errors" in text
    assert "/s" in text


@pytest.mark.parametrize("count", [1, SHOW_AFTER_ARTICLES])
def test_a_few_articles_draw_nothing(count: int) -> None:
    screen = FakeTerminal()
    progress = run(Progress(True, screen), count)
    assert screen.getvalue() == ""
    assert not progress.drawing


def test_quiet_draws_nothing_on_a_terminal() -> None:
    screen = FakeTerminal()
    run(Progress(False, screen), 100)
    assert screen.getvalue() == ""


def test_not_a_terminal_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    progress = run(make_progress(True), 100)
    assert not progress.enabled
    assert pipe.getvalue() == ""


def test_make_progress_on_a_terminal_is_enabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", FakeTerminal())
    assert make_progress(True).enabled
    assert not make_progress(False).enabled


def test_summary_names_articles_errors_and_rate() -> None:
    progress = run(Progress(enabled=False), 12, every_error=6)
    assert progress.summary().startswith("12 articles, 2 failed, ")
    assert progress.summary().endswith("/s)")


def test_rich_is_not_imported_unless_a_bar_is_drawn() -> None:
    code = (
        "import sys, json\n"
        "from textkit.progress import Progress\n"
        "with Progress(False) as p:\n"
        "    [p.advance() for _ in range(1000)]\n"
        "print(json.dumps('rich' in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(done.stdout) is False
