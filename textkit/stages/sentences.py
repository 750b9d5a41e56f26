"""Sentences and clauses: where one starts or ends, without splitting the whole body.

Searches are bounded windows around a position, so finding a quote's
sentence costs the same in a short article and in a megabyte of text.
"""

from __future__ import annotations

from string import ascii_letters

import regex

from textkit.stages.quote_rules import MAX_MEMO_ENTRIES, QuoteRules, memo_table

CLAUSE_END_RE = regex.compile(r"[.!?;\n\"“”]")
LAST_WORD_RE = regex.compile(r"(?<![\p{L}])\p{L}+$")
MAX_ABBREVIATION_CHARS = 6
ABBREVIATION_MEMO = "abbreviation dot"
# Searched backwards (regex's (?r)) from a position for the last sentence break.
SENTENCE_BREAK_BACK_RE = regex.compile(r"(?r)[.!?][\"“”]?\s+(?=\S)|\n+")
MAX_SENTENCE_CHARS = 400
SPACES_RE = regex.compile(r"[ ]+")
# What the patterns' \s matches (Unicode White_Space: all below U+3001), for checks by hand.
SPACE_CHARS = frozenset(regex.findall(r"\s", "".join(map(chr, range(0x3001)))))
BREAK_QUOTES = '"\u201c\u201d'
# Stops that end no sentence ("3.5") looked past by hand before the regex takes over.
MAX_FAST_STOPS = 8


def find_clause_end(body: str, start: int, end: int, qr: QuoteRules) -> int:
    """Return where the clause starting at ``start`` ends, skipping dots of "Mr." or "J."."""
    for m in CLAUSE_END_RE.finditer(body, start, end):
        if m.group() == "." and is_abbreviation_dot(body, m.start(), qr):
            continue
        return m.start()
    return end


def is_abbreviation_dot(body: str, dot: int, qr: QuoteRules) -> bool:
    """Return True when the dot at ``dot`` ends an initial or a listed abbreviation.

    Told by the few characters before the dot (kept in the rules' memo).
    """
    before = body[max(0, dot - MAX_ABBREVIATION_CHARS - 1) : dot]
    table = qr.memo.get(ABBREVIATION_MEMO) or memo_table(qr, ABBREVIATION_MEMO)
    found = table.get(before)
    if found is None:
        if len(table) >= MAX_MEMO_ENTRIES:
            table.clear()
        found = table[before] = _ends_abbreviation(before, qr)
    return found


def _ends_abbreviation(before: str, qr: QuoteRules) -> bool:
    """Return True when ``before`` (what precedes a dot) ends an initial or an abbreviation."""
    if before.isascii():  # the letters before the dot, as LAST_WORD_RE finds them
        letters = len(before) - len(before.rstrip(ascii_letters))
        if letters == 0 or letters > MAX_ABBREVIATION_CHARS:
            return False
        text = before[-letters:]
    else:
        word = LAST_WORD_RE.search(before, max(0, len(before) - MAX_ABBREVIATION_CHARS))
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
        found = _last_break(body, window, end)
        if found is None:
            return window
        dot, after = found
        if qr is None or body[dot] != "." or not is_abbreviation_dot(body, dot, qr):
            return after
        end = dot


def _last_break(body: str, window: int, end: int) -> tuple[int, int] | None:
    """Return the span SENTENCE_BREAK_BACK_RE.search(body, window, end) gives, or None.

    Found with str.rfind: the last stop (with an optional closing quote) that
    spaces part from a word before ``end``, or the last line break, whichever
    ends later (the stop when both end at one place). After a few stops that
    end nothing (decimal points) the regex takes over.
    """
    line = body.rfind("\n", window, end)
    hi, rfind = end, body.rfind
    for _ in range(MAX_FAST_STOPS):
        stop = max(rfind(".", window, hi), rfind("!", window, hi), rfind("?", window, hi))
        if stop < 0:
            break
        after = _break_after_stop(body, stop, end)
        if after is not None and after > line:
            return stop, after
        if after is not None or stop < line:
            break  # no stop further back ends a sentence after the line break
        hi = stop
    else:
        m = SENTENCE_BREAK_BACK_RE.search(body, window, end)
        return m.span() if m else None
    return _line_span(body, window, line) if line >= 0 else None


def _break_after_stop(body: str, stop: int, end: int) -> int | None:
    """Return where the sentence after the stop at ``stop`` starts (before ``end``), or None."""
    at = stop + 1
    if at < end and body[at] in BREAK_QUOTES:
        at += 1
    first = at
    while at < end and body[at] in SPACE_CHARS:
        at += 1
    return at if first < at < end else None


def _line_span(body: str, window: int, line: int) -> tuple[int, int]:
    """Return the span of the run of line breaks that ends with the one at ``line``."""
    start = line
    while start > window and body[start - 1] == "\n":
        start -= 1
    return start, line + 1


def skip_spaces(body: str, pos: int, end: int) -> int:
    """Return where the run of spaces at ``pos`` ends (``pos`` if none), not past ``end``."""
    if not body.startswith(" ", pos, end):
        return pos
    if not body.startswith("  ", pos, end):
        return pos + 1  # one space: the usual case
    m = SPACES_RE.match(body, pos, end)
    return m.end()
