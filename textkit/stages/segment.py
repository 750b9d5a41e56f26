"""Segment: numbered lines, paragraphs split from space runs, fragments rejoined.

Scrapers lose formatting in two opposite ways, and both are undone here by
line shape alone (no language data): a whole article stored on one line with
its paragraphs separated by runs of spaces, and one paragraph broken over
several lines wherever the page had a link ("Gubernur" / "Budi Santoso" /
"menyatakan ...").
"""

from __future__ import annotations

import regex

from textkit.lang import Rules
from textkit.record import Line
from textkit.stages.boilerplate import match_rule
from textkit.stages.printable import control_bytes, prints_but

# Three spaces or more separate paragraphs of a flattened body anywhere.
WIDE_SPACE_RUN_RE = regex.compile(r"[ \t\u00a0]{3,}")
# Two spaces after the end of a sentence separate paragraphs only in a line
# this long (a whole article flattened); in a shorter line they are a typing
# habit, not structure.
MIN_FLATTENED_LINE_CHARS = 600
SPACE_RUN_RE = regex.compile(r"[ \t\u00a0]{3,}|(?<=[.!?\"”’)])[ \t\u00a0]{2,}")
# Fragments this short (in words) are pieces of a sentence broken by links.
MAX_FRAGMENT_WORDS = 3
SENTENCE_END_CHARS = frozenset('.!?:;"”’)]…')
CONTINUATION_START_RE = regex.compile(r"^(?:\p{Ll}|[,.;:()\]\-–—%])")
DASH_ONLY_RE = regex.compile(r"^[-–—]{1,3}$")
LIST_ITEM_RE = regex.compile(r"^(?:\d{1,3}[.)]|[-•*·▪])\s")
# First characters the patterns above can start with (cheap checks before them).
LIST_MARKS = "-•*·▪"
CONTINUATION_CHARS = ",.;:()]-–—%"
DASHES = "-–—"
FIELD_MARK_RE = regex.compile(r"\w:\s|\s\|\s")
# The ASCII controls but the line break.
ASCII_CONTROLS = control_bytes("\n")


def split_lines(text: str) -> list[Line]:
    """Return the non-blank lines, numbered from 1, spaces squeezed, flattened bodies split.

    >>> split_lines("Judul\\n\\n  Isi pertama. \\n")
    [Line(number=1, text='Judul'), Line(number=3, text='Isi pertama.')]
    """
    out = []
    printable = prints_between_breaks(text)  # then every line is printable
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw:
            continue
        # is_squeezed(raw), spelled out: this loop runs for every line of every article.
        if (
            (printable or raw.isprintable())
            and raw[0] != " "
            and raw[-1] != " "
            and "  " not in raw
        ):
            out.append(Line(number, raw))
            continue
        for piece in split_space_runs(raw):
            squeezed = " ".join(piece.split())
            if squeezed:
                out.append(Line(number, squeezed))
    return out


def prints_between_breaks(text: str) -> bool:
    """Return True when every character of the text but its line breaks is printable.

    >>> prints_between_breaks("Satu dua.\\nTiga “empat”."), prints_between_breaks("Satu\\tdua.")
    (True, False)
    """
    return prints_but(text, ASCII_CONTROLS)


def is_squeezed(raw: str) -> bool:
    """Return True when the line is not blank and has no space to squeeze or split at.

    Printable text holds no whitespace but the plain space, so a printable
    line without doubled, leading or trailing spaces is already squeezed.

    >>> is_squeezed("Satu dua."), is_squeezed("Satu  dua."), is_squeezed("Satu\u00a0dua.")
    (True, False, False)
    """
    return raw.isprintable() and raw[:1] not in ("", " ") and raw[-1] != " " and "  " not in raw


def split_space_runs(raw: str) -> list[str]:
    """Return the paragraphs of a line flattened with runs of spaces (or the line itself).

    >>> split_space_runs("Satu dua.  Tiga empat.")
    ['Satu dua.  Tiga empat.']
    >>> split_space_runs("Satu dua.   Tiga empat.")
    ['Satu dua.', 'Tiga empat.']
    >>> len(split_space_runs("Kalimat pertama di sini. " * 30 + "   Paragraf baru."))
    2
    """
    if "  " not in raw:
        return [raw]
    if len(raw) < MIN_FLATTENED_LINE_CHARS:
        return WIDE_SPACE_RUN_RE.split(raw.strip())
    return SPACE_RUN_RE.split(raw)


def is_fragment_pair(first: Line, second: Line) -> bool:
    """Return True when ``second`` continues the sentence that ``first`` broke off.

    Lines separated by a blank line never join; a line that ends a sentence
    never takes the next one.

    >>> is_fragment_pair(Line(1, "Gubernur Jawa"), Line(2, "Budi Santoso"))
    True
    >>> is_fragment_pair(Line(1, "Kronologi kejadian"), Line(2, "Polisi datang pukul dua."))
    False
    """
    if second.number - first.number > 1 or first.text[-1:] in SENTENCE_END_CHARS:
        return False
    if is_list_item(first.text) or is_list_item(second.text):
        return False  # list items stand on their own lines
    if second.text.startswith("(") and second.text.endswith(")"):
        return False  # a closing credit or an aside on its own line
    if continues_sentence(second.text) or (
        second.text[:1] in DASHES and DASH_ONLY_RE.match(second.text)
    ):
        return True
    if first.text[-1] in "([":
        return True
    first_words = len(first.text.split())
    second_words = len(second.text.split())
    # A "label: value" or "a | b" line is a field of its own, never a fragment.
    if first_words <= MAX_FRAGMENT_WORDS and _has_field_mark(first.text):
        return False
    if first_words <= MAX_FRAGMENT_WORDS and second_words <= MAX_FRAGMENT_WORDS:
        return True
    ends_mid_sentence = first.text[-1].islower() or first.text.endswith(",")
    return ends_mid_sentence and second_words <= MAX_FRAGMENT_WORDS


def is_list_item(text: str) -> bool:
    """Return True when the line opens with a list number or bullet.

    >>> is_list_item("1. Satu"), is_list_item("- Dua"), is_list_item("Tiga")
    (True, True, False)
    """
    head = text[:1]
    return bool(head) and (head.isdigit() or head in LIST_MARKS) and bool(LIST_ITEM_RE.match(text))


def continues_sentence(text: str) -> bool:
    """Return True when the line opens in lowercase or with punctuation that continues a sentence.

    >>> continues_sentence("lalu pergi."), continues_sentence("Lalu pergi.")
    (True, False)
    """
    head = text[:1]
    if "a" <= head <= "z":
        return True
    maybe = head.islower() or (bool(head) and head in CONTINUATION_CHARS)
    return maybe and bool(CONTINUATION_START_RE.match(text))


def _has_field_mark(text: str) -> bool:
    return ("|" in text or ":" in text) and bool(FIELD_MARK_RE.search(text))


def join_fragments(lines: list[Line], rules: Rules) -> list[Line]:
    """Return the lines with sentence fragments joined back to one line each.

    A line that is boilerplate on its own ("Advertisement", "Baca juga") is
    never joined to its neighbours.

    >>> from textkit.lang import load
    >>> join_fragments([Line(1, "Kata"), Line(2, "dia"), Line(3, ", lalu pergi.")], load("id"))
    [Line(number=1, text='Kata dia, lalu pergi.')]
    """
    # A line that ends a sentence never takes the next one: most lines are settled here.
    ends = SENTENCE_END_CHARS
    open_ends = [n for n, last in enumerate(lines[:-1], 1) if last.text[-1:] not in ends]
    joins = {n for n in open_ends if _may_join(lines[n - 1], lines[n], rules)}
    if not joins:
        return list(lines)
    out: list[Line] = []
    pieces: list[str] = []  # the line being rebuilt, joined once it is complete
    for n, line in enumerate(lines):
        if n in joins:
            glue = "" if line.text[0] in ",.;:)]%" or lines[n - 1].text[-1] in "([" else " "
            pieces.extend((glue, line.text))
        else:
            _close(out, pieces)
            out.append(line)
            pieces = [line.text]
    _close(out, pieces)
    return out


def _close(out: list[Line], pieces: list[str]) -> None:
    """Replace the last line by its joined pieces when fragments were added to it."""
    if len(pieces) > 1:
        out[-1] = Line(out[-1].number, "".join(pieces))


def _may_join(last: Line, line: Line, rules: Rules) -> bool:
    # The boilerplate check runs only on the few pairs that look like fragments.
    if not is_fragment_pair(last, line) or match_rule(line.text, rules) is not None:
        return False
    continues = continues_sentence(line.text)
    return continues or match_rule(last.text, rules) is None


def join_paragraphs(lines: list[Line]) -> str:
    """Return the body: one paragraph per kept line, separated by a blank line.

    >>> join_paragraphs([Line(1, "Satu."), Line(2, "Dua.")])
    'Satu.\\n\\nDua.'
    """
    return "\n\n".join([line.text for line in lines if line.text])
