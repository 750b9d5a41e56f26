"""Boilerplate: drop related links, ads, footers and credit lines, naming the rule."""

from __future__ import annotations

from textkit.lang import Rules
from textkit.record import Line, LineSet


def strip_boilerplate(lines: list[Line], rules: Rules) -> LineSet:
    """Return the lines that are article text, and a Removal for each one dropped."""
    return LineSet(list(lines))
