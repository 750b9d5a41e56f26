"""Direct quotes: pair quotation marks into spans, across paragraphs, in one pass.

Marks are paired by their context, not only their glyph, so straight marks,
curly marks and the Kompas habit of ” both opening and closing all work. A
quote that opens a paragraph and does not close before it ends continues when
the next paragraph opens with a mark. Unbalanced marks never swallow the
rest of the article: a quote is bounded in characters and paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from textkit.stages.quote_rules import CLOSING_ONLY, OPENING_ONLY, QUOTE_MARKS
from textkit.stages.sentences import skip_spaces

# Longest quote we accept, measured on news quotes (a long one runs ~1,500
# characters); past this an open mark is taken to be unbalanced.
MAX_QUOTE_CHARS = 4000
MAX_QUOTE_BLOCKS = 8
# A paragraph break, or a wide gap of spaces where a scrape lost one.
BREAK_RE = regex.compile(r"\n+|[ \t]{3,}")
OPEN, CLOSE, EITHER = "open", "close", "either"
OPEN_LEFT = "([{—–-:/"
CLOSE_RIGHT = ",.;:!?)]}—–-'’…"


@dataclass
class QuoteSpan:
    """A direct quote: its parts (one per paragraph) and where its marks are."""

    parts: list[tuple[int, int]]
    open_mark: int
    close_mark: int | None

    @property
    def start(self) -> int:
        """Return the offset where the quoted text starts."""
        return self.parts[0][0]

    @property
    def end(self) -> int:
        """Return the offset where the quoted text ends."""
        return self.parts[-1][1]


def mark_kind(body: str, i: int) -> str:
    """Return whether the mark at ``i`` opens, closes, or could do either.

    >>> mark_kind('kata dia ”Ya,” lalu', 9), mark_kind('kata dia ”Ya,” lalu', 13)
    ('open', 'close')
    """
    prev = body[i - 1] if i > 0 else "\n"
    nxt = body[i + 1] if i + 1 < len(body) else "\n"
    can_open = (prev.isspace() or prev in OPEN_LEFT) and not nxt.isspace() and nxt not in ",.;!?)"
    can_close = not prev.isspace() and (nxt.isspace() or nxt in CLOSE_RIGHT or nxt in QUOTE_MARKS)
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    if body[i] in OPENING_ONLY:
        return OPEN
    if body[i] in CLOSING_ONLY or body[i] == "”":
        return CLOSE
    return EITHER


@dataclass
class _Scan:
    """State of the single pass over the marks and paragraph breaks."""

    body: str
    spans: list[QuoteSpan] = field(default_factory=list)
    open_at: int | None = None
    part_start: int = 0
    parts: list[tuple[int, int]] = field(default_factory=list)
    blocks: int = 0
    last_break: tuple[int, int] | None = None
    first_block_end: int | None = None

    def open(self, i: int) -> None:
        """Start a quote at the mark at ``i``."""
        self.open_at, self.part_start, self.parts = i, i + 1, []
        self.blocks, self.last_break, self.first_block_end = 0, None, None

    def paragraph_break(self, start: int, end: int) -> None:
        """Note a line or paragraph break while a quote may be open."""
        if self.open_at is None:
            return
        if self.first_block_end is None:
            self.first_block_end = start
        self.blocks += 1
        self.last_break = (start, end)
        too_long = self.blocks > MAX_QUOTE_BLOCKS or start - self.open_at > MAX_QUOTE_CHARS
        # A new paragraph that does not open with a mark ends a quote left open;
        # a single line break does not (some corpora keep one sentence a line).
        paragraph = self.body.count("\n", start, end) != 1
        if too_long or (paragraph and self.body[end : end + 1] not in QUOTE_MARKS):
            self.give_up()

    def mark(self, i: int) -> None:
        """Open, continue or close a quote at the mark at ``i``."""
        kind = mark_kind(self.body, i)
        if self.open_at is None:
            if kind != CLOSE:
                self.open(i)
            return
        if self.last_break and self.last_break[1] == i and kind != CLOSE:
            self.parts.append((self.part_start, self.last_break[0]))
            self.part_start, self.last_break = i + 1, None
            return
        if kind == OPEN:
            self.give_up()
            self.open(i)
            return
        self.parts.append((self.part_start, i))
        self.spans.append(QuoteSpan(self.parts, self.open_at, i))
        self.open_at = None

    def give_up(self) -> None:
        """Close an unbalanced quote: keep its first paragraph if it opened one."""
        start = self.open_at
        self.open_at = None
        if start is None or self.first_block_end is None:
            return
        before = self.body[max(0, start - 3) : start]
        opens_block = start == 0 or before.endswith("\n") or before == "   "
        if opens_block and not self.parts:
            self.spans.append(QuoteSpan([(start + 1, self.first_block_end)], start, None))


def find_quote_spans(body: str, marks: list[int] | None = None) -> list[QuoteSpan]:
    """Return the direct quote spans of a body, in order (``marks``: mark_positions(body),
    if already found).

    >>> body = 'Dia: “Ya,” ujarnya.'
    >>> [body[s.start : s.end] for s in find_quote_spans(body)]
    ['Ya,']
    """
    scan = _Scan(body)
    pos = 0
    for i in mark_positions(body) if marks is None else marks:
        if scan.open_at is not None:  # breaks matter only while a quote is open
            _note_breaks(scan, pos, i)
        scan.mark(i)
        pos = i + 1
    if scan.open_at is not None:
        _note_breaks(scan, pos, len(body))
    if scan.open_at is not None:
        if scan.first_block_end is None:
            scan.first_block_end = len(body)
        scan.give_up()
    return [_trimmed(body, span) for span in scan.spans if span.end > span.start]


def mark_positions(body: str) -> list[int]:
    """Return the offsets of the quotation marks in the body, in order.

    >>> mark_positions('a "b" “c”')
    [2, 4, 6, 8]
    """
    found = []
    for mark in QUOTE_MARKS:
        at = body.find(mark)
        while at >= 0:
            found.append(at)
            at = body.find(mark, at + 1)
    found.sort()
    return found


def _note_breaks(scan: _Scan, pos: int, end: int) -> None:
    """Tell the scan of the paragraph breaks between two marks while its quote stays open."""
    body = scan.body
    while scan.open_at is not None:
        brk = _next_break(body, pos, end)
        if brk is None:
            return
        scan.paragraph_break(*brk)
        pos = brk[1]


def _next_break(body: str, pos: int, end: int) -> tuple[int, int] | None:
    """Return the first line break (a run of them) or run of 3+ spaces in body[pos:end]."""
    if body.find("\t", pos, end) >= 0:  # tabs mixed into spaces: leave it to the regex
        m = BREAK_RE.search(body, pos, end)
        return m.span() if m else None
    line = body.find("\n", pos, end)
    spaces = body.find("   ", pos, line if line >= 0 else end)
    if spaces >= 0:
        return spaces, skip_spaces(body, spaces + 3, end)
    if line < 0:
        return None
    stop = line + 1
    while stop < end and body[stop] == "\n":
        stop += 1
    return line, stop


def _trimmed(body: str, span: QuoteSpan) -> QuoteSpan:
    parts = []
    for start, end in span.parts:
        text = body[start:end]
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        if end - trail > start + lead:
            parts.append((start + lead, end - trail))
    return QuoteSpan(parts or span.parts, span.open_mark, span.close_mark)
