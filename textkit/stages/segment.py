"""Segment: numbered lines, the title, and paragraphs for the body."""

from __future__ import annotations

from textkit.record import Line


def split_lines(text: str) -> list[Line]:
    """Return the non-blank lines of the text, numbered from 1, stripped.

    >>> split_lines("Judul\\n\\n  Isi pertama. \\n")
    [Line(number=1, text='Judul'), Line(number=3, text='Isi pertama.')]
    """
    out = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = " ".join(raw.split())
        if stripped:
            out.append(Line(number, stripped))
    return out


def join_paragraphs(lines: list[Line]) -> str:
    """Return the body: one paragraph per kept line, separated by a blank line.

    >>> join_paragraphs([Line(1, "Satu."), Line(2, "Dua.")])
    'Satu.\\n\\nDua.'
    """
    return "\n\n".join(line.text for line in lines if line.text)
