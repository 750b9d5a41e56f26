"""Title: the headline, or None when the text opens with the body (cases/<lang>/title.jsonl)."""

import pytest
from casefiles import load_cases

from textkit.lang import load
from textkit.stages.segment import split_lines
from textkit.stages.title import find_title


@pytest.mark.parametrize(("lang", "case"), load_cases("title"))
def test_title_case(lang, case):
    lines = split_lines(case["input"])
    title, rest = find_title(lines, load(lang))
    assert title == case["expect"]
    expected_rest = lines[1:] if title is not None else lines
    assert rest.lines == expected_rest
