"""The name index's scans, checked against plain versions of the same work on invented text."""

import random

import pytest
import regex

from textkit.lang import load
from textkit.lang.patterns import alternation
from textkit.stages.quote_rules import PAREN, quote_rules

NAME_PIECES = ["Budi", "Dr.", "Dr", "M.Si.", "M.", "S.H.", "Sp.", "Mr.", "Lt. Gov.", "R.", "J"]
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
