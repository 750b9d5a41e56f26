"""Title: the headline that opens a scraped article, when it has one.

Some texts have none and open straight with the body (PFSA-ID stores Kompas
articles from the dateline on, one sentence a line). The first line is taken
for a headline unless its shape says it is body text: it opens with a
dateline, it is too long for a headline, or it ends a sentence with a full
stop and runs straight on into more sentences with no blank line between.
"""

from __future__ import annotations

import regex

from textkit.lang import Rules
from textkit.record import Line, LineSet
from textkit.stages.dateline import starts_with_dateline

# Longest headline seen in the corpora is about 160 characters.
MAX_TITLE_CHARS = 250
FULL_STOP_RE = regex.compile(r"(?<!\.)\.[\"”’]?$")


def is_title_line(first: Line, following: Line | None, rules: Rules) -> bool:
    """Return True when the first line has the shape of a headline.

    >>> from textkit.lang import load
    >>> is_title_line(Line(1, "Warga Sukamaju Panen Raya"), Line(2, "Isi."), load("id"))
    True
    >>> is_title_line(Line(1, "Warga berkumpul."), Line(2, "Lalu pulang."), load("id"))
    False
    """
    if len(first.text) > MAX_TITLE_CHARS or starts_with_dateline(first.text, rules):
        return False
    if following is not None and following.number == first.number:
        return False  # a piece of a flattened one-line article, not a headline
    runs_on = following is not None and following.number == first.number + 1
    return not (FULL_STOP_RE.search(first.text) and runs_on)


def find_title(lines: list[Line], rules: Rules) -> tuple[str | None, LineSet]:
    """Return the headline (or None) and the lines that follow it.

    >>> from textkit.lang import load
    >>> find_title([Line(1, "Judul Berita"), Line(3, "Isi.")], load("id"))[0]
    'Judul Berita'
    """
    if not lines:
        return None, LineSet([])
    following = lines[1] if len(lines) > 1 else None
    if not is_title_line(lines[0], following, rules):
        return None, LineSet(list(lines))
    return lines[0].text, LineSet(lines[1:])
