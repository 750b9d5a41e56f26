"""Byline: authors and editors from labels and closing credits (cases/<lang>/byline.jsonl)."""

import pytest
from casefiles import load_cases

from textkit.lang import load
from textkit.stages.byline import find_byline
from textkit.stages.segment import join_fragments, split_lines


@pytest.mark.parametrize(("lang", "case"), load_cases("byline"))
def test_byline_case(lang, case):
    rules = load(lang)
    byline, rest = find_byline(join_fragments(split_lines(case["input"]), rules), rules)
    expect = case["expect"]
    assert byline.authors == expect["authors"]
    assert byline.editors == expect["editors"]
    assert [line.text for line in rest.lines] == expect["kept"]
    assert all(removal.rule.startswith(f"{lang}.byline.") for removal in rest.removed)
    if expect["authors"] or expect["editors"]:
        assert byline.text is not None
