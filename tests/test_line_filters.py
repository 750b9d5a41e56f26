"""Line gates and probes skip work, never matches: every shortcut agrees with plain matching."""

import random
from pathlib import Path

import pytest
import regex

from textkit.lang import load
from textkit.lang.patterns import BuiltAfterUses, compile_pattern
from textkit.record import Line
from textkit.stages.boilerplate import (
    _from_line_start,
    compile_inline_gate,
    compile_line_matcher,
    compile_rules,
    match_rule,
    strip_boilerplate,
)
from textkit.stages.credits import compile_credits
from textkit.stages.lede import (
    OPENING_CHARS,
    flattened_copies,
    fold_all,
    holding_openings,
    is_flattened_copy,
    line_key,
)
from textkit.stages.line_gate import candidate_lines, compile_gate, joins_safely
from textkit.stages.line_probe import ProbeTable, final_chars, required_words
from textkit.stages.segment import split_lines

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# Invented lines of the shapes the rules look for, and near misses.
INVENTED = [
    "ab",
    "Baca juga",
    "Baca juga:",
    "BACA JUGA: Warga Desa Panen Raya",
    "Baca juga petunjuk di kemasan obat itu.",
    "Warga pulang.Baca juga: Harga Cabai Turun Lagi",
    "ADVERTISEMENT",
    "Senin, 5 Juli 2021 10:00 WIB",
    "Kabarcontoh.com - 05/05/2025, 14:30 WIB",
    "JANE DOE via Getty Images.",
    "Foto: Dok. Warga",
    "Penulis: Budi Santoso | Editor: Siti Aminah",
    "Read more: Town Council Votes",
    "By Jane Roe",
    "(abc/xyz)",
    "Warga pulang. (Budi Santoso)",
    "Tag: banjir, jalan rusak",
    "Share on Facebook",
    "___",
    "[Gambas:Video Contoh]",
    "Dapatkan update berita pilihan setiap hari dari Kabarcontoh.com.",
    "Ikuti Saluran WhatsApp Kabar Contoh untuk berita lainnya.",
]


def _rule_examples(lang):
    for kind in ("boilerplate", "byline"):
        section = load(lang).section(kind)
        for table in ("rules", "labels", "credits"):
            for rule in section.get(table, []):
                for key in ("example", "not_example"):
                    value = rule.get(key, [])
                    yield from [value] if isinstance(value, str) else value


def _lines(lang):
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    lines = [line.text for text in texts for line in split_lines(text)]
    lines += INVENTED + list(_rule_examples(lang))
    # Short pieces and run-ons of each line, so openings are seen in many lengths.
    return lines + [line[:12] for line in lines] + [line + " lalu pergi." for line in lines]


@pytest.mark.parametrize(
    ("source", "safe"),
    [
        (r"^(?:baca|simak)\s+juga\b.{0,40}$", True),
        (r"^(?!.{301})(?=.*?google news)baca", True),
        (r"(?<!\w)iklan(?!\w)", True),
        (r"^iklan(?!\s)", False),
        (r"^(?>\s*)x$", False),
        (r"^x\s*+$", False),
        (r"\Aiklan", False),
        (r"(?s)^a(?!.)", False),
        (r"(a)\1", False),
        (r"[[:space:]]x", False),
        (r"^(?-i:\p{Lu}[\p{Lu}.]{1,14})$", True),
        (r"^\P{Lu}", False),
    ],
)
def test_joins_safely_only_vouches_for_patterns_that_cannot_lose_a_match(source, safe):
    assert joins_safely(source, regex.IGNORECASE) is safe


@pytest.mark.parametrize("lang", ["id", "en"])
def test_gates_find_every_line_that_matches_alone(lang):
    rules = load(lang)
    lines = _lines(lang)
    inline = [rule for rule in compile_rules(rules) if rule.kind == "inline"]
    hits = candidate_lines(compile_inline_gate(rules), lines)
    assert hits is not None
    for n, text in enumerate(lines):
        if any(rule.pattern.search(text, 1) for rule in inline):
            assert n in hits, text
    for credit in compile_credits(rules):
        gate = compile_gate(credit.pattern.pattern, credit.pattern.flags)
        found = candidate_lines(gate, lines)
        for n, text in enumerate(lines):
            if found is not None and credit.pattern.search(text):
                assert n in found, (credit.rule_id, text)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_probed_line_rules_agree_with_trying_every_rule(lang):
    rules = load(lang)
    line_rules = [rule for rule in compile_rules(rules) if rule.kind != "inline"]
    plain = [
        compile_pattern(_from_line_start(rule.pattern.pattern), "test", rule.pattern.flags)
        for rule in line_rules
    ]
    for text in _lines(lang):
        if len(text) > 600:
            continue
        expected = next(
            (r.rule_id for r, p in zip(line_rules, plain, strict=True) if p.match(text)), None
        )
        found = match_rule(text, rules)
        assert (found.rule_id if found else None) == expected, text
        # Asked again (answers may be remembered), the answer is the same.
        again = match_rule(text, rules)
        assert (again.rule_id if again else None) == expected, text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_line_rules_matched_in_one_loop_agree_with_one_line_at_a_time(lang):
    rules = load(lang)
    texts = [text for text in _lines(lang) if len(text) <= 600]
    matcher = rules.compiled("boilerplate.line-matcher", compile_line_matcher)
    expected = {n: rule for n, text in enumerate(texts) if (rule := match_rule(text, rules))}
    # Asked twice: once as openings are first seen, once as they are known.
    assert matcher.rules_for([*texts, ""]) == expected
    assert matcher.rules_for(texts) == expected


@pytest.mark.parametrize("lang", ["id", "en"])
def test_required_words_and_final_characters_hold_for_every_match(lang):
    rules = load(lang)
    patterns = [rule.pattern for rule in compile_rules(rules)]
    patterns += [credit.pattern for credit in compile_credits(rules)]
    for pattern in patterns:
        words = required_words(pattern.pattern, pattern.flags, min_chars=1)
        ends = final_chars(pattern.pattern)
        for text in _lines(lang):
            found = pattern.search(text)
            if found is None:
                continue
            if words is not None:
                assert any(word in text.casefold() for word in words), (pattern.pattern, text)
            if ends is not None:
                assert text.rstrip()[-1:] in ends, (pattern.pattern, text)


def test_probe_table_answers_the_first_rule_in_order():
    table = ProbeTable.build(
        [
            regex.compile(r"^(?!.{41}).{0,30}\bvia kantor\W{0,3}$", regex.I),
            regex.compile(r"^(?:baca|lihat) juga\b", regex.I),
            regex.compile(r"^baca", regex.I),
        ]
    )
    assert table.match("Baca juga: Harga Naik") == 1
    assert table.match("Bacaan warga") == 2
    assert table.match("Budi Santoso via Kantor.") == 0
    assert table.match("Budi Santoso dan kawan-kawan datang via Kantor.") is None
    assert table.match("Warga berkumpul.") is None


def test_a_user_rule_that_cannot_be_gated_still_applies(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        'lang = "id"\n'
        "[[boilerplate.rules]]\n"
        'id = "id.boilerplate.my-inline"\n'
        'kind = "inline"\n'
        "pattern = '(?<![\\w\\s])Promo Kilat(?!\\s*$)\\s*:'\n"
        'example = "Isi.Promo Kilat: Diskon Besar"\n',
        encoding="utf-8",
    )
    rules = load("id", str(path))
    assert compile_inline_gate(rules) is None
    out = strip_boilerplate(split_lines("Warga pulang.Promo Kilat: Diskon Besar"), rules)
    assert [line.text for line in out.lines] == ["Warga pulang."]
    assert [removal.rule for removal in out.removed] == ["id.boilerplate.my-inline"]


def _holding_openings_plainly(long_lines, folded, sizes):
    openings = [text[:OPENING_CHARS] for text in folded]
    return [
        i
        for i in long_lines
        if sum(1 for o, s in zip(openings, sizes, strict=True) if s < sizes[i] and o in folded[i])
        >= 2
    ]


def test_openings_found_in_joined_long_lines_as_in_each_line():
    rng = random.Random(7)
    words = ["satu", "dua", "tiga", "empat", "a", "", "b\x00c", "\x00d", "é"]
    for _ in range(3000):
        lines = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(6)]
        lines[rng.randrange(6)] = " ".join(rng.sample(lines, 3))
        sizes = [len(text) for text in lines]
        long_lines = [i for i in range(6) if rng.random() < 0.6]
        expected = _holding_openings_plainly(long_lines, lines, sizes)
        assert holding_openings(long_lines, lines, sizes) == expected


def _flattened_copies_plainly(lines, min_words):
    folded = [line.text.casefold() for line in lines]
    sizes = [len(text) for text in folded]
    typical = 1.5 * sorted(sizes)[len(sizes) // 2]
    long_lines = [i for i, size in enumerate(sizes) if size > typical]
    keys = [line_key(line.text) for line in lines]
    return {
        i
        for i in _holding_openings_plainly(long_lines, folded, sizes)
        if len(keys[i].split()) >= min_words and is_flattened_copy(i, keys)
    }


def test_flattened_copies_found_as_by_checking_every_long_line():
    rng = random.Random(11)
    words = ["Satu", "dua", "tiga.", "empat", "lima,", "enam", "é", "“tujuh”", "x"]
    for _ in range(2000):
        texts = [" ".join(rng.choices(words, k=rng.randint(1, 9))) for _ in range(7)]
        for _copy in range(rng.randint(0, 2)):
            texts.insert(rng.randrange(len(texts) + 1), " ".join(rng.sample(texts, 3)))
        lines = [Line(n, text) for n, text in enumerate(texts, 1)]
        min_words = rng.randint(1, 12)
        expected = _flattened_copies_plainly(lines, min_words)
        assert flattened_copies(lines, fold_all(texts), min_words) == expected


def test_a_value_built_after_its_free_uses_is_built_once():
    builds = []
    late = BuiltAfterUses(2, lambda: builds.append(1) or "alternation")
    assert [late.get() for _ in range(5)] == [None, None] + ["alternation"] * 3
    assert builds == [1]
