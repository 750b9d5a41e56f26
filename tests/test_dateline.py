"""Dateline: outlet and place cut from the body's start (cases/<lang>/dateline.jsonl)."""

import random

import pytest
from casefiles import load_cases

from textkit.lang import load
from textkit.stages.dateline import (
    TRAILING_SEPARATOR_RE,
    UNPROBED_RE,
    _late_any_shape,
    _match_window,
    compile_probes,
    compile_shapes,
    find_dateline,
    without_trailing_separators,
)
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


def _windows(lang):
    """Return windows to ask about: case lines, rule examples, and their cut variants."""
    cases = [param.values[1] for param in load_cases("dateline")]
    texts = [line for case in cases for line in case["input"].split("\n")]
    for shape in load(lang).section("dateline").get("shapes", []):
        for key in ("example", "not_example"):
            value = shape.get(key, [])
            texts.extend([value] if isinstance(value, str) else value)
    variants = [text[:n] for text in texts for n in range(0, len(text) + 1, 3)]
    return [*texts, *variants, "", "—", "A, B —", "AB.CD -", "x.com, Abc Def — Ghi"]


def _shape_by_shape(window, rules, strong_only):
    for shape in compile_shapes(rules):
        found = shape.pattern.match(window) if shape.strong or not strong_only else None
        groups = found.groupdict() if found else {}
        location = (groups.get("location") or "").strip(" ,;") or None
        outlet = (groups.get("outlet") or "").strip(" ,;") or None
        if location or outlet:
            return location, outlet, shape.rule_id, found.end()
    return None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_shapes_matched_as_one_alternation_agree_with_shape_by_shape(lang):
    rules = load(lang)
    late = rules.compiled("dateline.any-shape", _late_any_shape)
    while late.get() is None:
        pass  # past the free uses: the alternation is used from here on
    for window in _windows(lang):
        for strong_only in (False, True):
            got = _match_window(window, rules, strong_only)
            got = got and (got[0].location, got[0].outlet, got[1], got[2])
            assert got == _shape_by_shape(window, rules, strong_only), (window, strong_only)


def test_trailing_separators_cut_as_the_pattern_cuts_them():
    rng = random.Random(5)
    pool = ["A", "b", " ", "-", "–", "—", ",", ";", ":", "\n", "\t", "\u00a0", "\u2028", "\x1c"]
    pool += ["\u200b", ".", "é"]
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        assert without_trailing_separators(text) == TRAILING_SEPARATOR_RE.sub("", text), repr(text)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_window_a_shape_matches_keeps_that_shape_among_its_opening_candidates(lang):
    rules = load(lang)
    probes = compile_probes(rules)
    assert probes is not None
    shapes = compile_shapes(rules)
    for window in _windows(lang):
        candidates = probes.candidates(window)
        for n, shape in enumerate(shapes):
            if shape.pattern.match(window):
                assert n in candidates, (window, shape.rule_id)


def test_shapes_with_constructs_the_probes_cannot_vouch_for_are_not_probed():
    for source in [r"^(?P<location>[A-Z]+)\b", r"^(?!Foto)(?P<location>[A-Z]+) -", r"^(?>A+)"]:
        assert UNPROBED_RE.search(source), source
    for source in [r"^(?P<location>\p{Lu}+)(?=[A-Z])\s*$", r"^\++[a-z]{2,}+"]:
        assert bool(UNPROBED_RE.search(source)) == source.endswith("}+"), source
