"""The shipped rule data validates, and a user's rules file merges on top of it."""

import pytest

from textkit.errors import RuleError
from textkit.lang import available, load, merge_tables, read_user_rules
from textkit.lang.schema import check_rule, validate


@pytest.mark.parametrize("code", ["id", "en"])
def test_shipped_language_loads_and_validates(code):
    # load() leaves the shipped data to this test: it validates the data
    # only when a user's rules file is merged in.
    rules = load(code)
    assert rules.lang == code
    assert rules.words("stopwords"), "detection needs stopwords"
    validate(rules)


def test_available_lists_both_languages():
    assert available() == ["en", "id"]


def test_unknown_language_is_a_rule_error():
    with pytest.raises(RuleError, match="unknown language"):
        load("xx")


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"id": "id.test.a", "pattern": "(unclosed"}, "does not compile"),
        ({"id": "id.test.b", "pattern": "^Baca", "example": "Simak"}, "does not match"),
        ({"id": "id.test.c", "pattern": "^Baca", "not_example": "Baca ini"}, "not_example"),
        ({"id": "Bad Id", "pattern": "x"}, "not of the form"),
        ({"id": "id.test.d", "pattern": "x", "words": ["x"]}, "either pattern or words"),
        ({"id": "id.test.e", "words": []}, "empty word list"),
    ],
)
def test_malformed_rule_is_refused_with_its_place(rule, message):
    with pytest.raises(RuleError, match=message):
        check_rule(rule, "lang/id/test.toml: rules[0]", set())


def test_duplicate_rule_id_is_refused():
    seen = {"id.test.same"}
    with pytest.raises(RuleError, match="duplicate id"):
        check_rule({"id": "id.test.same", "pattern": "x"}, "where", seen)


def test_user_rules_file_adds_and_overrides(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('lang = "id"\ntitles = ["Kepala Suku"]\n', encoding="utf-8")
    rules = load("id", str(path))
    assert "Kepala Suku" in rules.words("titles")
    assert "Kepala Suku" not in load("id").words("titles")


def test_user_rules_file_with_unknown_section_is_refused(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[nonsense]\nx = 1\n", encoding="utf-8")
    with pytest.raises(RuleError, match="unknown section"):
        read_user_rules(path)


def test_merge_replaces_rule_with_same_id_and_appends_new():
    base = {"rules": [{"id": "a", "v": 1}, {"id": "b", "v": 1}]}
    merged = merge_tables(base, {"rules": [{"id": "b", "v": 2}, {"id": "c", "v": 3}]})
    assert merged == {"rules": [{"id": "a", "v": 1}, {"id": "b", "v": 2}, {"id": "c", "v": 3}]}


USER_RULES = """
lang = "id"

[[boilerplate.rules]]
id = "user.boilerplate.promo"
kind = "line"
pattern = '^Dapatkan promo\\b'
example = "Dapatkan promo menarik hari ini"

[[quotes.cues]]
id = "user.quotes.cue-extra"
order = "verb-first"
words = ["kelakar"]
suffixes = ["nya"]
example = "kelakarnya"
"""
USER_ARTICLE = (
    "Judul Berita Contoh\n"
    "JAKARTA, KOMPAS.com - Warga berkumpul di balai desa pada Senin pagi.\n"
    "Dapatkan promo menarik hari ini\n"
    "“Kami siap membantu semua warga,” kelakar Budi Santoso.\n"
)


def test_user_rules_add_a_boilerplate_rule_and_a_cue(tmp_path):
    import textkit

    path = tmp_path / "mine.toml"
    path.write_text(USER_RULES, encoding="utf-8")
    plain = textkit.extract(USER_ARTICLE, lang="id")
    mine = textkit.extract(USER_ARTICLE, lang="id", rules=str(path))
    assert "Dapatkan promo" in plain["body"]
    assert "Dapatkan promo" not in mine["body"]
    assert "user.boilerplate.promo" in {r["rule"] for r in mine["removed"]}
    [quote] = mine["quotes"]
    assert (quote["speaker"], quote["cue"], quote["rule"]) == (
        "Budi Santoso",
        "kelakar",
        "user.quotes.cue-extra",
    )
    assert plain["quotes"][0]["speaker"] is None
