"""Sentences and clauses: where one starts or ends, without splitting the whole body.

Searches are bounded windows around a position, so finding a quote's
sentence costs the same in a short article and in a megabyte of text.
"""

from __future__ import annotations

import regex

from textkit.stages.quote_rules import QuoteRules

CLAUSE_END_RE = regex.compile(r"[.!?;\n\"“”]")
LAST_WORD_RE = regex.compile(r"(?<![\p{L}])\p{L}+$")
MAX_ABBREVIATION_CHARS = 6
# Searched backwards (regex's (?r)) from a position for the last sentence break.
SENTENCE_BREAK_BACK_RE = regex.compile(r"(?r)[.!?][\"“”]?\s+(?=\S)|\n+")
MAX_SENTENCE_CHARS = 400


def find_clause_end(body: str, start: int, end: int, qr: QuoteRules) -> int:
    """Return where the clause starting at ``start`` ends, skipping dots of "Mr." or "J."."""
    for m in CLAUSE_END_RE.finditer(body, start, end):
        if m.group() == "." and is_abbreviation_dot(body, m.start(), qr):
            continue
        return m.start()
    return end


def is_abbreviation_dot(body: str, dot: int, qr: QuoteRules) -> bool:
    """Return True when the dot at ``dot`` ends an initial or a listed abbreviation."""
    word = LAST_WORD_RE.search(body, max(0, dot - MAX_ABBREVIATION_CHARS), dot)
    if word is None:
        return False
    text = word.group()
    return (len(text) == 1 and text.isupper()) or f"{text}.".casefold() in qr.abbreviations


def sentence_start(body: str, pos: int, floor: int, qr: QuoteRules | None = None) -> int:
    """Return where the sentence holding ``pos`` starts (not before ``floor``).

    With the language's rules, the dot of an abbreviation ("Dr.", "Sp.") does
    not end a sentence.

    >>> sentence_start("Satu. Dua tiga", 10, 0)
    6
    """
    window = max(floor, pos - MAX_SENTENCE_CHARS)
    end = pos
    while True:
        m = SENTENCE_BREAK_BACK_RE.search(body, window, end)
        if m is None:
            return window
        dot = m.start()
        if qr is None or body[dot] != "." or not is_abbreviation_dot(body, dot, qr):
            return m.end()
        end = dot
