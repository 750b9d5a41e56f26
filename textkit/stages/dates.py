"""Dates: every date mention as ISO 8601, and the publication date."""

from __future__ import annotations

from textkit.lang import Rules
from textkit.record import DateMention, Line


def find_dates(body: str, rules: Rules) -> list[DateMention]:
    """Return each date mentioned in the body, in order."""
    return []


def find_published(lines: list[Line], rules: Rules) -> str | None:
    """Return the publication date the article's header states, or None."""
    return None
