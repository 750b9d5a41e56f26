"""Boilerplate: every removal names its rule; body lines that merely look alike survive."""

import random

import pytest
from casefiles import load_cases

from textkit.lang import load
from textkit.stages.boilerplate import TAG_LINE_RE, is_tag_line, strip_boilerplate
from textkit.stages.segment import join_fragments, split_lines


@pytest.mark.parametrize(("lang", "case"), load_cases("boilerplate"))
def test_boilerplate_case(lang, case):
    rules = load(lang)
    out = strip_boilerplate(join_fragments(split_lines(case["input"]), rules), rules)
    assert [line.text for line in out.lines] == case["expect"]["kept"]
    assert [removal.rule for removal in out.removed] == case["expect"]["rules"]


def test_every_rule_has_an_id_of_its_language():
    for lang in ("id", "en"):
        for rule in load(lang).section("boilerplate")["rules"]:
            assert rule["id"].startswith(f"{lang}.boilerplate.")
            assert rule["kind"] in {"line", "label", "inline", "footer", "caption"}


def test_user_rules_file_adds_a_boilerplate_rule(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        'lang = "id"\n'
        "[[boilerplate.rules]]\n"
        'id = "id.boilerplate.my-promo"\n'
        'kind = "line"\n'
        'words = ["Promo Spesial Hari Ini"]\n'
        'example = "Promo Spesial Hari Ini: diskon"\n',
        encoding="utf-8",
    )
    rules = load("id", str(path))
    lines = split_lines("Warga berkumpul.\nPromo Spesial Hari Ini: diskon 50 persen")
    out = strip_boilerplate(lines, rules)
    assert [line.text for line in out.lines] == ["Warga berkumpul."]
    assert [removal.rule for removal in out.removed] == ["id.boilerplate.my-promo"]


def test_footer_marker_far_from_the_end_removes_only_its_line():
    rules = load("id")
    body = [f"Paragraf isi berita nomor {n} yang cukup panjang." for n in range(20)]
    text = "\n\n".join(["Artikel ini telah tayang di televisi.", *body])
    out = strip_boilerplate(split_lines(text), rules)
    assert len(out.lines) == 20
    assert [removal.rule for removal in out.removed] == ["id.boilerplate.syndication"]


def test_tag_lines_told_as_the_pattern_tells_them():
    rng = random.Random(9)
    pool = ["a", "B", "é", "É", " ", ".", "!", "?", '"', "“", "”", ":", "\n", ",", "(", "#", "ǅ"]
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        assert is_tag_line(text) == bool(TAG_LINE_RE.match(text)), repr(text)
