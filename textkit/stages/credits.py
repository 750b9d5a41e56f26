"""Closing credits: "(Outlet/Writer)", "(abc/xyz)", "(Full Name)", "- Name." at a paragraph's end.

The shapes live in ``lang/<code>/byline.toml`` under ``credits``. A credit is
only taken at the very end of a paragraph and after the end of a sentence (or
as the whole line), so an acronym in parentheses inside a sentence stays.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

from textkit.lang import Rules
from textkit.lang.patterns import compile_pattern
from textkit.lang.schema import rule_pattern_source
from textkit.stages.line_probe import final_chars, required_words

SENTENCE_END_CHARS = '.!?"”’)…'
# A closing credit is short: only the end of a line this long is searched.
MAX_CREDIT_CHARS = 120


@dataclass(frozen=True)
class CreditRule:
    """One closing-credit shape, anchored at the end of a line."""

    rule_id: str
    pattern: regex.Pattern[str]
    last_lines: int
    whole_line: bool
    # Characters or words one of which the credit must hold (None: not known).
    words: tuple[str, ...] | None
    # Characters the credit must end on, spaces aside (None: not known).
    ends: frozenset[str] | None


class CreditFind(NamedTuple):
    """A closing credit found in a line: where it starts and the names it gives."""

    start: int
    rule_id: str
    names: list[str]


def compile_credits(rules: Rules) -> list[CreditRule]:
    """Return the language's closing-credit shapes, each anchored at the line end."""
    where = f"lang/{rules.lang}/byline.toml"
    credits: list[dict[str, Any]] = rules.section("byline").get("credits", [])
    out = []
    for credit in credits:
        pattern = compile_pattern(
            rf"(?:{rule_pattern_source(credit, where)})\s*$",
            f"{where}: {credit['id']}",
            regex.UNICODE | regex.V0,
        )
        out.append(
            CreditRule(
                credit["id"],
                pattern,
                int(credit.get("last_lines", 0)),
                bool(credit.get("whole_line", False)),
                required_words(pattern.pattern, pattern.flags, min_chars=1),
                final_chars(pattern.pattern),
            )
        )
    return out


def credit_reach(rules: Rules) -> tuple[frozenset[str], int]:
    """Return the characters the end-bound credits end on, and how far up the others apply.

    A line ending on none of those characters, further from the end than the
    other shapes apply, can hold no closing credit.
    """
    credits = rules.compiled("byline.credits", compile_credits)
    ends = frozenset().union(*(credit.ends for credit in credits if credit.ends is not None))
    open_ended = [credit.last_lines or sys.maxsize for credit in credits if credit.ends is None]
    return ends, max(open_ended, default=0)


def may_close(text: str, rules: Rules, lines_from_end: int) -> bool:
    """Return False when no closing credit can end the line, by its last character alone.

    >>> from textkit.lang import load
    >>> may_close("Warga pulang.", load("id"), 9), may_close("Warga pulang. (abc)", load("id"), 9)
    (False, True)
    """
    ends, reach = rules.compiled("byline.credit-reach", credit_reach)
    last = text[-1:]
    if last.isspace():
        last = text[-MAX_CREDIT_CHARS:].rstrip()[-1:]
    return lines_from_end <= reach or last in ends


def find_closing_credit(text: str, rules: Rules, lines_from_end: int) -> CreditFind | None:
    """Return the closing credit that ends the line, or None.

    ``lines_from_end`` is 1 for the article's last line; shapes limited to the
    last lines (a bare name in parentheses) are skipped elsewhere.

    >>> from textkit.lang import load
    >>> find_closing_credit("Warga pulang. (Contohkabar.com/Budi Santoso)", load("id"), 5).names
    ['Budi Santoso']
    >>> find_closing_credit("Warga negara asing (WNA)", load("id"), 1) is None
    True
    """
    if not may_close(text, rules, lines_from_end):
        return None
    offset = max(0, len(text) - MAX_CREDIT_CHARS)
    tail = text[offset:]
    last = tail.rstrip()[-1:]
    folded = ""
    for credit in rules.compiled("byline.credits", compile_credits):
        if credit.last_lines and lines_from_end > credit.last_lines:
            continue
        if credit.ends is not None and last not in credit.ends:
            continue
        if credit.words is not None:
            folded = folded or tail.casefold()
            if not any(map(folded.__contains__, credit.words)):
                continue
        found = credit.pattern.search(tail)
        if found is None or (credit.whole_line and offset):
            continue
        start = offset + found.start()
        before = text[:start].rstrip()
        if credit.whole_line and before:
            continue
        if before and before[-1] not in SENTENCE_END_CHARS:
            continue
        name = found.groupdict().get("name")
        names = [name.strip().rstrip(".")] if name else []
        return CreditFind(start, credit.rule_id, names)
    return None
