"""dateparser as a last resort, for header strings our own date patterns do not read.

The parser is built once per language (stored on the Rules object), with
explicit languages, the language's numeric order and absolute parsers only
(no "kemarin" / "yesterday": a relative date would be computed from today,
an invented date). Results are memoised per string. dateparser is imported on
first use only, so articles the patterns handle never load it.
"""

from __future__ import annotations

from typing import Any

from textkit.lang import Rules
from textkit.stages.date_forms import PRECISION_DAY, PRECISION_MONTH

# A candidate string longer than this is prose, not a date.
MAX_FALLBACK_CHARS = 80
# Bound on the memo of strings already asked about, per language.
MAX_MEMO_ENTRIES = 4096


class FallbackParser:
    """A memoising wrapper around one dateparser DateDataParser."""

    def __init__(self, lang: str, date_order: str) -> None:
        from dateparser.date import DateDataParser

        settings = {
            "DATE_ORDER": date_order,
            "PREFER_LOCALE_DATE_ORDER": False,
            "PARSERS": ["custom-formats", "absolute-time"],
            # An explicit zone keeps dateparser from guessing the machine's
            # (and from warning when it cannot).
            "TIMEZONE": "UTC",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "REQUIRE_PARTS": ["month", "year"],
        }
        self._parser = DateDataParser(languages=[lang], settings=settings)
        self._memo: dict[str, tuple[str, str] | None] = {}

    def parse(self, text: str) -> tuple[str, str] | None:
        """Return (ISO value, precision) for a date string, or None."""
        if text in self._memo:
            return self._memo[text]
        result = self._parse_uncached(text)
        if len(self._memo) >= MAX_MEMO_ENTRIES:
            self._memo.clear()
        self._memo[text] = result
        return result

    def _parse_uncached(self, text: str) -> tuple[str, str] | None:
        try:
            data = self._parser.get_date_data(text)
        except (ValueError, OverflowError, TypeError):
            return None
        if data.date_obj is None:
            return None
        if data.period == PRECISION_MONTH:
            return data.date_obj.strftime("%Y-%m"), PRECISION_MONTH
        if data.period != PRECISION_DAY:
            return None
        return data.date_obj.strftime("%Y-%m-%d"), PRECISION_DAY


def build_fallback(rules: Rules) -> FallbackParser:
    """Return the language's fallback parser (use through rules.compiled)."""
    orders: Any = rules.section("dates").get("numeric_orders", ["DMY"])
    return FallbackParser(rules.lang, str(orders[0]))


def parse_fallback(text: str, rules: Rules, want: str | None = None) -> str | None:
    """Return the ISO value dateparser reads in a short string, or None.

    ``want`` limits the answer to one precision ("day" for a publication date).

    >>> from textkit.lang import load
    >>> parse_fallback("Juli 5 2021", load("id"))
    '2021-07-05'
    >>> parse_fallback("kemarin", load("id")) is None
    True
    """
    text = " ".join(text.split()).strip(" :-|,")
    if not text or len(text) > MAX_FALLBACK_CHARS:
        return None
    result = rules.compiled("dates.fallback", build_fallback).parse(text)
    if result is None or (want is not None and result[1] != want):
        return None
    return result[0]
