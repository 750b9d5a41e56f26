"""Dateline: outlet and place cut from the body's start (cases/<lang>/dateline.jsonl)."""

import pytest
from casefiles import load_cases

from textkit.lang import load
from textkit.stages.dateline import find_dateline
from textkit.stages.segment import join_fragments, split_lines


@pytest.mark.parametrize(("lang", "case"), load_cases("dateline"))
def test_dateline_case(lang, case):
    rules = load(lang)
    lines = join_fragments(split_lines(case["input"]), rules)
    dateline, rest = find_dateline(lines, rules)
    expect = case["expect"]
    if expect is None:
        assert dateline is None
        assert rest.lines == lines
        assert rest.removed == []
        return
    assert dateline is not None
    assert (dateline.location, dateline.outlet) == (expect["location"], expect["outlet"])
    assert rest.lines[-1].text == expect["rest"] or rest.lines[0].text == expect["rest"]
    assert all(removal.rule.startswith(f"{lang}.") for removal in rest.removed)
    assert dateline.text in case["input"].replace("\n", " ")
