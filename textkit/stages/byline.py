"""Byline: authors and editors from labelled lines ("Penulis:", "Editor:", "By")."""

from __future__ import annotations

from textkit.lang import Rules
from textkit.record import Byline, Line, LineSet


def find_byline(lines: list[Line], rules: Rules) -> tuple[Byline, LineSet]:
    """Return the byline found and the lines left once byline lines are cut."""
    return Byline(), LineSet(list(lines))
