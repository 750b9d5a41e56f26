"""Repeats: a lede or a whole body the scrape stored twice, and doubled teaser lines.

Repetition is a mechanism, not a vocabulary: a paragraph that comes again
word for word is kept once (the first time), a short headline-like line
printed twice in a row (a video teaser, a link card) is a teaser (both go),
and a long line made of the paragraphs around it (the body flattened onto
one line next to its paragraphed copy) goes.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from textkit.record import Line, Removal

WORD_RE = regex.compile(r"\w+")
# A paragraph this long (in words) that comes again is a repeat, not chance.
MIN_REPEAT_WORDS = 6
SENTENCE_END_RE = regex.compile(r"[.!?\"”’]$")
# A line this long (in words) may be the whole body flattened onto one line.
MIN_FLATTENED_WORDS = 40
# How much of another paragraph's opening must appear in a line for the line
# to be checked as a flattened copy (a cheap test before comparing words).
OPENING_CHARS = 40


def line_key(text: str) -> str:
    """Return the line's words, casefolded, punctuation dropped, for comparing repeats.

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
    return line.text.casefold() == following.text.casefold()


def drop_flattened_copies(
    lines: list[Line], lang: str, min_words: int = MIN_FLATTENED_WORDS
) -> tuple[list[Line], list[Removal]]:
    """Return the lines without a long line that repeats the paragraphs around it.

    Some scrapes store the body twice: once flattened onto one line, once in
    paragraphs. The paragraphs are kept.

    >>> paras = [Line(3, "Satu dua tiga empat lima."), Line(4, "Enam tujuh delapan.")]
    >>> flat = Line(2, "Satu dua tiga empat lima. Enam tujuh delapan.")
    >>> kept, cut = drop_flattened_copies([flat, *paras], "id", min_words=4)
    >>> [line.number for line in kept], cut[0].rule
    ([3, 4], 'id.boilerplate.repeated-lede')
    """
    drop = flattened_copies(lines, fold_all([line.text for line in lines]), min_words)
    rule = f"{lang}.boilerplate.repeated-lede"
    removed = [Removal(lines[i].number, lines[i].text, rule) for i in sorted(drop)]
    return [line for i, line in enumerate(lines) if i not in drop], removed


def flattened_copies(lines: list[Line], folded: list[str], min_words: int) -> set[int]:
    """Return the indexes of the lines that are flattened copies (``folded``: casefolded texts)."""
    sizes = list(map(len, folded))
    ordered = sorted(sizes)
    # A copy holds at least two other paragraphs, so it is far longer than a
    # typical line; only such lines get the pairwise checks.
    longest_typical = 1.5 * ordered[len(ordered) // 2] if ordered else 0
    long_lines = [i for i, size in enumerate(sizes) if size > longest_typical]
    candidates = holding_openings(long_lines, folded, sizes) if long_lines else []
    if not candidates:
        return set()
    keys = [line_key(line.text) for line in lines]
    return {
        i for i in candidates if len(keys[i].split()) >= min_words and is_flattened_copy(i, keys)
    }


def holding_openings(long_lines: list[int], folded: list[str], sizes: list[int]) -> list[int]:
    """Return the long lines that hold the openings of two other, shorter lines.

    Each opening is looked for once in all the long lines joined (NUL
    between them; a find that straddles two lines is not counted), as UTF-8
    bytes, whose search is quicker and finds the same places. The longest
    come first, so the lines longer than a given one are the start of the
    joined text, and only that start is searched.

    >>> holding_openings([0], ["satu dua. tiga empat.", "satu dua.", "tiga empat."], [21, 9, 11])
    [0]
    """
    encoded = [folded[i].encode("utf-8", "surrogatepass") for i in long_lines]
    order = sorted(range(len(long_lines)), key=lambda k: -sizes[long_lines[k]])
    hay = b"\x00".join([encoded[k] for k in order])
    spans = []
    offset = 0
    for k in order:
        spans.append((offset, offset + len(encoded[k])))
        offset += len(encoded[k]) + 1
    shorter_first = [sizes[long_lines[k]] for k in reversed(order)]
    counts = dict.fromkeys(long_lines, 0)
    for n, text in enumerate(folded):
        longer = len(order) - bisect_right(shorter_first, sizes[n])  # long lines longer than n
        if not longer:
            continue
        opening = text[:OPENING_CHARS].encode("utf-8", "surrogatepass")
        limit = spans[longer - 1][1]
        pos = hay.find(opening, 0, limit)
        if pos < 0:
            continue  # most openings: in no long line
        for k in _lines_holding(opening, hay, spans[:longer], pos, limit):
            counts[long_lines[order[k]]] += 1
    return [i for i in long_lines if counts[i] >= 2]


def _lines_holding(
    opening: bytes, hay: bytes, spans: list[tuple[int, int]], pos: int, limit: int
) -> set[int]:
    """Return the positions (in ``spans``) of the joined lines in which ``opening`` occurs.

    ``pos`` is its first find in ``hay``, searched up to ``limit``.
    """
    if not opening:
        return set(range(len(spans)))
    found = set()
    while pos >= 0:
        k = bisect_right(spans, (pos, len(hay) + 1)) - 1  # the last line starting at or before pos
        if pos + len(opening) <= spans[k][1]:
            found.add(k)
        pos = hay.find(opening, pos + 1, limit)
    return found


def fold_all(texts: list[str]) -> list[str]:
    """Return :func:`fold` of each text.

    ``str.casefold`` lowers ASCII text by itself as quickly as ``str.lower``
    does, so one map does it (quicker than joining the lines, or choosing per line).

    >>> fold_all(["Satu DUA", "Straße"])
    ['satu dua', 'strasse']
    """
    return list(map(str.casefold, texts))


def fold(text: str) -> str:
    """Return the text casefolded (ASCII text only lowered, which is the same and quicker).

    >>> fold("Straße RAYA")
    'strasse raya'
    """
    return text.lower() if text.isascii() else text.casefold()


def is_flattened_copy(index: int, keys: list[str]) -> bool:
    """Return True when other paragraphs, found whole inside this line, make up most of it.

    >>> is_flattened_copy(0, ["satu dua tiga empat lima enam", "satu dua tiga", "empat lima enam"])
    True
    """
    key = keys[index]
    inside = [
        other
        for n, other in enumerate(keys)
        if n != index and len(other) < len(key) and other and other in key
    ]
    covered = sum(len(other.split()) for other in inside)
    return len(inside) >= 2 and covered * 2 >= len(key.split())


def drop_repeats(lines: list[Line], lang: str) -> tuple[list[Line], list[Removal]]:
    """Return the lines with repeats dropped, and a Removal for each.

    >>> lede = "Warga desa itu berkumpul di balai pagi ini."
    >>> kept, cut = drop_repeats([Line(1, lede), Line(2, lede)], "id")
    >>> len(kept), cut[0].rule
    (1, 'id.boilerplate.repeated-lede')
    """
    folded = fold_all([line.text for line in lines])
    drop = flattened_copies(lines, folded, MIN_FLATTENED_WORDS)
    rule = f"{lang}.boilerplate.repeated-lede"
    removed = [Removal(lines[i].number, lines[i].text, rule) for i in sorted(drop)]
    if drop:
        folded = [text for i, text in enumerate(folded) if i not in drop]
        lines = [line for i, line in enumerate(lines) if i not in drop]
    if len(set(folded)) == len(folded):
        return list(lines), removed  # no line comes twice: nothing more to drop
    kept: list[Line] = []
    seen: set[str] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        key = folded[index]
        if _doubles_next(index, folded, line):
            rule = f"{lang}.boilerplate.repeated-teaser"
            following = lines[index + 1]
            removed.append(Removal(line.number, line.text, rule))
            removed.append(Removal(following.number, following.text, rule))
            index += 2
            continue
        if key in seen and len(line.text.split()) >= MIN_REPEAT_WORDS:
            removed.append(Removal(line.number, line.text, f"{lang}.boilerplate.repeated-lede"))
        else:
            seen.add(key)
            kept.append(line)
        index += 1
    return kept, removed


def _doubles_next(index: int, folded: list[str], line: Line) -> bool:
    """Return True when the line is a doubled teaser (see :func:`is_doubled_teaser`)."""
    return (
        index + 1 < len(folded)
        and folded[index] == folded[index + 1]
        and not SENTENCE_END_RE.search(line.text)
    )
