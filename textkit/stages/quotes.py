"""Quotes: direct quotations and reported speech, with offsets into the body."""

from __future__ import annotations

from textkit.lang import Rules
from textkit.record import Quote


def find_quotes(body: str, rules: Rules) -> list[Quote]:
    """Return the quotes in the body with their cues and speakers."""
    return []
