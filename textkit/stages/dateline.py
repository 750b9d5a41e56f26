"""Dateline: the "OUTLET, PLACE -" prefix that opens the body."""

from __future__ import annotations

from textkit.lang import Rules
from textkit.record import Dateline, Line, LineSet


def find_dateline(lines: list[Line], rules: Rules) -> tuple[Dateline | None, LineSet]:
    """Return the dateline (or None) and the lines with its prefix cut."""
    return None, LineSet(list(lines))
