"""The name index's scans and lookups, checked against plain versions of the same work on
invented text."""

import random

import pytest
import regex

from textkit.lang import load
from textkit.lang.patterns import alternation, trie_alternation
from textkit.stages import name_forms, name_index
from textkit.stages.quote_rules import PAREN, quote_rules

NAME_PIECES = ["Budi", "Dr.", "Dr", "M.Si.", "M.", "S.H.", "Sp.", "Mr.", "Lt. Gov.", "R.", "J"]
NAME_PIECES += ["Drs.", "Ph.D.", "S.IP.", "Prof.", "Hj", "binti", "da", "de", "Lt.", "Mrs."]
NAME_PIECES += ["OJK", "Covid-19", "bin", "van", "of", "dan", "12", "2021", "(Kukar)", "(a"]
NAME_PIECES += ["Él", "é", "ß", "a", " ", "  ", "   ", "\n", ".", ",", "’", "'", "-", "/", ")"]


def plain_name_run_source(rules):
    """Return the name-run pattern as plain alternatives: abbreviations, initial, word."""
    data = rules.section("quotes")
    titles = rules.words("titles") or ("-",)
    dotted = [w for w in [*titles, *data.get("honorifics", [])] if w.endswith(".")]
    token = (
        f"(?:(?-i:{alternation(dotted)})|\\p{{Lu}}\\.|\\p{{Lu}}[\\p{{L}}\\p{{M}}\\p{{N}}'’\\-/]*)"
    )
    links = [*data.get("name_particles", ["-"]), *data.get("role_connectors", [])]
    return (
        rf"{token}(?:[ ]{{1,2}}(?:{token}|{PAREN}"
        rf"|(?-i:{alternation(links)})(?=[ ]\p{{Lu}})"
        rf"|\p{{N}}{{1,4}}(?=[ ]\p{{Lu}})))*"
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_name_runs_match_the_plain_pattern(lang):
    rules = load(lang)
    plain = regex.compile(plain_name_run_source(rules), regex.UNICODE | regex.V0)
    pattern = quote_rules(rules).name_run_re
    rnd = random.Random(21)
    for _ in range(3000):
        text = "".join(rnd.choice(NAME_PIECES) for _ in range(rnd.randint(0, 30)))
        got = [m.span() for m in pattern.finditer(text)]
        assert got == [m.span() for m in plain.finditer(text)], text


def test_trie_alternation_matches_the_longest_first_alternation():
    rnd = random.Random(22)
    letters = ["a", "b", ".", " ", "B"]
    for _ in range(300):
        words = ["".join(rnd.choices(letters, k=rnd.randint(1, 4))) for _ in range(6)]
        trie = regex.compile(trie_alternation(words, "test"))
        plain = regex.compile(alternation(words))
        for _ in range(20):
            text = "".join(rnd.choices(letters, k=rnd.randint(0, 6)))
            got, want = trie.match(text), plain.match(text)
            assert (got and got.group()) == (want and want.group()), (words, text)


def first_name_ending_in_by_search(index, name):
    """Return NameIndex._first_name_ending_in(name), found by reading every indexed name."""
    short = name.casefold()
    found = {
        index.trimmed(full)
        for fulls in index.by_word.values()
        for full in fulls
        if len(short) >= name_forms.MIN_NICKNAME_CHARS
        and name_forms.MIN_NICKNAME_CHARS
        < len(first := full.split()[0].casefold())
        <= name_forms.MAX_NICKNAME_SOURCE_CHARS
        and len(first) > len(short)
        and first.endswith(short)
    }
    return found.pop() if len(found) == 1 else None


def test_first_name_ending_in_a_nickname_matches_a_full_search():
    qr = quote_rules(load("id"))
    rnd = random.Random(23)
    pool = ["Roslina", "Lina", "Marlina", "Djalil", "Santoso", "Asep", "Straße", "Sasa", "Ina"]
    for _ in range(200):
        names = [" ".join(rnd.choices(pool, k=rnd.randint(1, 3))) for _ in range(8)]
        body = "".join(f"x {rnd.choice(['', 'Bupati '])}{name} datang. " for name in names)
        index = name_index.build_name_index(body, qr)
        for short in pool:
            assert index._first_name_ending_in(short) == first_name_ending_in_by_search(
                index, short
            ), (body, short)
