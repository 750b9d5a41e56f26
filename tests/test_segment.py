"""Segment: lines, space-run paragraphs, rejoined link fragments (cases/<lang>/segment.jsonl)."""

import random

import pytest
from casefiles import load_cases

from textkit.lang import load
from textkit.record import Line
from textkit.stages.segment import (
    _close,
    _may_join,
    join_fragments,
    join_paragraphs,
    prints_between_breaks,
    split_lines,
)


@pytest.mark.parametrize(("lang", "case"), load_cases("segment"))
def test_segment_case(lang, case):
    lines = split_lines(case["input"])
    # The first line is the title; fragments are rejoined in the rest, as in the pipeline.
    joined = lines[:1] + join_fragments(lines[1:], load(lang))
    assert [line.text for line in joined] == case["expect"]


def test_paragraphs_are_separated_by_a_blank_line():
    lines = split_lines("Satu.\nDua.")
    assert join_paragraphs(lines) == "Satu.\n\nDua."


def test_line_numbers_survive_splitting():
    text = "Judul\n" + "Kalimat yang cukup panjang di sini. " * 20 + "    Paragraf baru."
    numbers = [line.number for line in split_lines(text)]
    assert numbers == [1, 2, 2]


def test_printability_of_all_lines_at_once_agrees_with_each_line():
    rng = random.Random(5)
    pool = [*map(chr, range(300)), "\u2028", "\ud800", "\u200b", "“", "é", "\U0001f600", "\n"]
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 6)))
        plain = all(line.isprintable() for line in text.split("\n"))
        assert prints_between_breaks(text) is plain, repr(text)


def _join_fragments_plainly(lines, rules):
    out, pieces, last = [], [], None
    for line in lines:
        if last is not None and _may_join(last, line, rules):
            glue = "" if line.text[0] in ",.;:)]%" or last.text[-1] in "([" else " "
            pieces.extend((glue, line.text))
        else:
            _close(out, pieces)
            out.append(line)
            pieces = [line.text]
        last = line
    _close(out, pieces)
    return out


def test_fragments_joined_pair_by_pair_as_line_by_line():
    rng = random.Random(9)
    pieces = ["Gubernur Jawa", "Budi Santoso", "menyatakan itu.", ", lalu pergi.", "-", "(abc)"]
    pieces += ["1. Satu", "Kata:", "dia", "Warga", "ADVERTISEMENT", "Baca juga:", "kata (", "x"]
    rules = load("id")
    for _ in range(2000):
        numbers = sorted(rng.sample(range(1, 12), rng.randint(0, 8)))
        lines = [Line(number, rng.choice(pieces)) for number in numbers]
        assert join_fragments(lines, rules) == _join_fragments_plainly(lines, rules)


def _prints_plainly(text, controls, kept):
    if any(0xD800 <= ord(char) <= 0xDFFF for char in text):
        return False
    return all(
        ord(char) not in controls if char.isascii() else char in kept or char.isprintable()
        for char in text
    )


def test_printability_asked_again_of_the_same_text_gives_the_same_answers():
    from textkit.stages.printable import control_bytes, prints_but

    texts = ["Satu\tdua", "Satu\u00a0dua", "Satu dua", "Satu\x0bdua", "\ud800", "“Satu”\n"]
    for kept in ("", "\u00a0"):
        for controls in (control_bytes("\n"), control_bytes("\t\n")):
            for text in texts:
                expected = _prints_plainly(text, controls, kept)
                assert prints_but(text, controls, kept) is expected, (text, kept)
                assert prints_but(text, controls, kept) is expected  # its parts were kept
