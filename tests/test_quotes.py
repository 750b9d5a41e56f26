"""Quotes: direct and reported speech with cues and speakers (cases/<lang>/quotes.jsonl).

Each case lists the quotes expected in body order; only the fields a case
names are compared. Offsets are checked on every quote: body[start:end] is
the quote's text.
"""

import json
import time
from pathlib import Path

import pytest

from textkit.lang import load
from textkit.stages.quotes import find_quotes

CASES = Path(__file__).parent / "cases"


def load_quote_cases(stage):
    """Return pytest params for every case of a stage file, in both languages."""
    params = []
    for lang in ("id", "en"):
        path = CASES / lang / f"{stage}.jsonl"
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            case = json.loads(raw)
            marks = (
                [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            )
            params.append(pytest.param(lang, case, id=f"{lang}-{n}-{case['label']}", marks=marks))
    return params


def project(quote, keys):
    """Return the quote's fields named by keys, as a dict."""
    return {key: getattr(quote, key) for key in keys}


@pytest.mark.parametrize(("lang", "case"), load_quote_cases("quotes"))
def test_quotes_case(lang, case):
    body = case["input"]
    quotes = find_quotes(body, load(lang))
    got = [project(q, want.keys()) for q, want in zip(quotes, case["expect"], strict=False)]
    assert len(quotes) == len(case["expect"]), [q.text for q in quotes]
    assert got == case["expect"]
    for quote in quotes:
        assert body[quote.start : quote.end] == quote.text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_empty_body_has_no_quotes(lang):
    assert find_quotes("", load(lang)) == []


def test_unbalanced_marks_never_swallow_the_article():
    paragraph = "Warga berkumpul di balai desa untuk membahas jalan yang rusak parah."
    body = "“Awal kutipan tanpa penutup\n\n" + "\n\n".join([paragraph] * 200)
    quotes = find_quotes(body, load("id"))
    assert all(len(q.text) < 200 for q in quotes)
    assert all(paragraph not in q.text for q in quotes)


def test_many_open_marks_are_bounded_work():
    body = " ".join(["“kata"] * 20000)
    assert find_quotes(body, load("id")) is not None


def test_rule_ids_come_from_the_data():
    quotes = find_quotes("“Sudah beres,” ujarnya.", load("id"))
    assert [q.rule for q in quotes] == ["id.quotes.cue-verb-first"]


def test_long_single_paragraph_is_linear_work():
    # A scrape with no line breaks and many quotes; a quadratic path took minutes here.
    body = "”Ya,” kata Kepala Dinas X, Budi. " * 6000
    started = time.perf_counter()
    quotes = find_quotes(body, load("id"))
    assert len(quotes) == 6000
    assert time.perf_counter() - started < 10
