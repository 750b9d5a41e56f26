"""Dates stage: case tables per language, offsets, and dateparser kept lazy."""

import subprocess
import sys

import pytest
from casefiles import load_cases

from textkit.record import Line
from textkit.stages.dates import find_dates, find_published


@pytest.fixture
def rules(request, rules_id, rules_en):
    return {"id": rules_id, "en": rules_en}


@pytest.mark.parametrize(("lang", "case"), load_cases("dates", "dates"))
def test_date_mentions(lang, case, rules):
    body = case["input"]
    mentions = find_dates(body, rules[lang], case.get("published"))
    got = [{"text": m.text, "value": m.value, "precision": m.precision} for m in mentions]
    assert got == case["expect"]
    for m in mentions:
        assert body[m.start : m.end] == m.text


@pytest.mark.parametrize(("lang", "case"), load_cases("dates", "published"))
def test_published(lang, case, rules):
    lines = [Line(n, text) for n, text in enumerate(case["input"], start=1)]
    assert find_published(lines, rules[lang]) == case["expect"]


def test_labelled_header_the_patterns_miss_goes_to_dateparser(rules_id):
    lines = [Line(1, "Judul"), Line(2, "Diterbitkan: Juli 5 2021")]
    assert find_published(lines, rules_id) == "2021-07-05"


def test_dateparser_not_imported_for_pattern_forms():
    code = (
        "import sys, textkit\n"
        "textkit.extract('Judul\\n\\nSenin, 5 Juli 2021 10:00 WIB\\n\\n"
        "Rapat digelar Selasa (6/7/2021) dan berlanjut pada Mei 2025.')\n"
        "print('dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_version_does_not_import_dateparser():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from textkit.cli import main\n"
        "CliRunner().invoke(main, ['--version'])\n"
        "print('dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_seeds_publish_nothing_and_read_day_first(seeds_dir):
    import textkit

    values = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        record = textkit.extract(path.read_text(encoding="utf-8"))
        assert record["published"] is None, path.name
        for mention in record["dates"]:
            assert record["body"][mention["start"] : mention["end"]] == mention["text"]
        values[path.stem] = [m["value"] for m in record["dates"]]
    assert "2021-07-06" in values["003_0c05776076f70064"]
    assert "2021-07-20" in values["003_0c05776076f70064"]
    assert "2020-08-04" in values["000_cc460d36b08c243e"]


# Pieces the fast date scan must treat exactly as the plain scanner does:
# numbers of every size, separators, months, weekdays, range and cue words,
# clock times and a digit outside ASCII.
SCAN_PIECES = [
    "5", "12", "31", "123", "2021", "1999", "20215", "0", "/", ".", "-", "–", ",", " ", "  ",
    "(", ")", "\n", "Juli", "juli", "JULI", "Jul", "Sept.", "June", "Mon", "Senin", "Monday",
    "pukul", "10.00", "10:30", "WIB", "pm", "hingga", "s/d", "to", "tahun", "since", "pada",
    "5th", "x", "orang", "٣", "²", "\u00a0",
]  # fmt: skip


def _scan_texts(seeds_dir):
    import random

    rng = random.Random(7)
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    for _ in range(3000):
        texts.append("".join(rng.choice(SCAN_PIECES) for _ in range(rng.randint(1, 14))))
    return texts


@pytest.mark.parametrize("lang", ["id", "en"])
def test_gated_scan_finds_what_the_plain_scanner_finds(lang, rules, seeds_dir):
    from textkit.stages.date_scan import read_prefix, scanner_matches
    from textkit.stages.dates import date_forms

    forms = date_forms(rules[lang])
    for text in _scan_texts(seeds_dir):
        plain = [(m.span(), m.groups()) for m in forms.scanner.finditer(text)]
        assert [(m.span(), m.groups()) for m in scanner_matches(text, forms)] == plain, text
        for position in range(len(text) + 1):
            match = forms.prefix.search(text, max(0, position - 16), position)
            expect = (match.start("weekday"), match.start("paren")) if match else (-1, -1)
            assert read_prefix(text, position, forms) == expect, (text, position)
