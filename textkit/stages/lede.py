"""Repeats: a lede or a whole body the scrape stored twice, and doubled teaser lines.

Repetition is a mechanism, not a vocabulary: a paragraph that comes again
word for word is kept once (the first time), and a short headline-like line
printed twice in a row (a video teaser, a link card) is a teaser: both go.
"""

from __future__ import annotations

import regex

from textkit.record import Line, Removal

WORD_RE = regex.compile(r"\w+")
# A paragraph this long (in words) that comes again is a repeat, not chance.
MIN_REPEAT_WORDS = 6
SENTENCE_END_RE = regex.compile(r"[.!?\"”’]$")


def line_key(text: str) -> str:
    """Return the line's words, casefolded, for comparing repeats.

    >>> line_key("Warga  PULANG, lalu tidur.")
    'warga pulang lalu tidur'
    """
    return " ".join(WORD_RE.findall(text.casefold()))


def is_doubled_teaser(line: Line, following: Line | None) -> bool:
    """Return True when a short line without a full stop is printed twice in a row.

    >>> is_doubled_teaser(Line(1, "Video: Warga Panen Raya"), Line(2, "Video: Warga Panen Raya"))
    True
    """
    if following is None or SENTENCE_END_RE.search(line.text):
        return False
    return line_key(line.text) == line_key(following.text) and bool(line_key(line.text))


def drop_repeats(lines: list[Line], lang: str) -> tuple[list[Line], list[Removal]]:
    """Return the lines with repeats dropped, and a Removal for each.

    >>> lede = "Warga desa itu berkumpul di balai pagi ini."
    >>> kept, cut = drop_repeats([Line(1, lede), Line(2, lede)], "id")
    >>> len(kept), cut[0].rule
    (1, 'id.boilerplate.repeated-lede')
    """
    kept: list[Line] = []
    removed: list[Removal] = []
    seen: set[str] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and is_doubled_teaser(line, following):
            rule = f"{lang}.boilerplate.repeated-teaser"
            removed.extend(
                [
                    Removal(line.number, line.text, rule),
                    Removal(following.number, following.text, rule),
                ]
            )
            index += 2
            continue
        key = line_key(line.text)
        if key in seen and len(key.split()) >= MIN_REPEAT_WORDS:
            removed.append(Removal(line.number, line.text, f"{lang}.boilerplate.repeated-lede"))
        else:
            seen.add(key)
            kept.append(line)
        index += 1
    return kept, removed
