"""Segment: lines, space-run paragraphs, rejoined link fragments (cases/<lang>/segment.jsonl)."""

import pytest
from casefiles import load_cases

from textkit.lang import load
from textkit.stages.segment import join_fragments, join_paragraphs, split_lines


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
