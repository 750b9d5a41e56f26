"""Title: the headline that opens a scraped article."""

from __future__ import annotations

from textkit.lang import Rules
from textkit.record import Line, LineSet


def find_title(lines: list[Line], rules: Rules) -> tuple[str | None, LineSet]:
    """Return the headline (or None) and the lines that follow it."""
    if not lines:
        return None, LineSet([])
    return lines[0].text, LineSet(lines[1:])
