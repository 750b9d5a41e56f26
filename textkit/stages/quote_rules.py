"""The quote stage's rule data compiled once per language: cue, frame and name patterns.

Everything language-specific comes from ``lang/<code>/quotes.toml`` and
``titles.txt``; this module only turns those lists into regexes, once per
:class:`~textkit.lang.Rules` via ``rules.compiled``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from textkit.lang import Rules
from textkit.lang.patterns import (
    alternation,
    compile_pattern,
    compile_words,
    trie_alternation,
)

# Double quotation marks: straight, curly, low-9 and guillemets. Single marks
# are left alone: they nest inside quotes and double as apostrophes.
QUOTE_MARKS = '"“”„‟«»″'
OPENING_ONLY = "“„‟«"
CLOSING_ONLY = "»"

# A capitalised word, an acronym, or a word such as "Covid-19"; abbreviations
# with a dot ("Dr.", "Sen.") come from the data, initials ("R.") always count.
# An initial's dot ("R.") is tried before a word's tail: the capital is read once.
CAPITAL_TOKEN = r"\p{Lu}(?:\.|[\p{L}\p{M}\p{N}'’\-/]*)"
PAREN = r"\([^()\n]{1,60}\)"


# Words of a body for the cue scan: the stdlib engine is several times faster
# than `regex` at this, and every cue starts at a word.
WORD_SCAN_RE = re.compile(r"\w+")
# Memoised results kept per language before the memo starts afresh (bounds memory).
MAX_MEMO_ENTRIES = 20_000
MISSING = object()
# The characters besides ASCII letters that the patterns, ignoring case, take for
# one: Kelvin sign, long s, dotted and dotless i (tests/test_quotes.py checks it).
CASELESS_ASCII = "\u212a\u017f\u0130\u0131"


def first_words(words: Any, clitics: tuple[str, ...] = ()) -> frozenset[str]:
    """Return the casefolded first words of a word list's entries, with clitic forms.

    >>> sorted(first_words(["kata", "kata dia"], ("nya",)))
    ['kata', 'katanya']
    """
    firsts = {w.split()[0].casefold() for w in words if w.strip()}
    return frozenset(firsts | {f + c for f in firsts for c in clitics})


@dataclass(frozen=True)
class QuoteRules:
    """Compiled patterns and word sets for quote finding and speaker attribution."""

    rule_ids: dict[str, str]
    firsts: dict[str, frozenset[str]]
    # Every cue's first word: the words of a body worth keeping (body_words).
    any_first: frozenset[str]
    # Each kind of cue's entries and suffixes, to cut its pattern down to the entries
    # one word may start (left out when an entry is not plain ASCII: no cutting then).
    cue_words: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    # The characters a match of a word pattern ("verb-first", "frame", "pronoun",
    # "determiner") can start with, ignoring case; left out when its words are not ASCII.
    first_chars: dict[str, frozenset[str]]
    verb_first_re: regex.Pattern[str]
    speaker_first_re: regex.Pattern[str]
    frame_re: regex.Pattern[str]
    pronoun_re: regex.Pattern[str]
    name_run_re: regex.Pattern[str]
    title_re: regex.Pattern[str]
    content_opener_re: regex.Pattern[str] | None
    lead_in_re: regex.Pattern[str] | None
    # How long a lead-in can be (case-insensitive matching keeps lengths): a cheap test first.
    lead_in_lengths: frozenset[int]
    # The lead-ins' last words, lowercased (None when one is not plain ASCII letters).
    lead_in_ends: tuple[str, ...] | None
    determiner_re: regex.Pattern[str] | None
    clitics: tuple[str, ...]
    pronouns: frozenset[str]
    non_name_words: frozenset[str]
    opener_words: frozenset[str]
    # The opener words' last two characters (of those two or more long).
    opener_endings: frozenset[str]
    adjunct_words: frozenset[str]
    title_words: frozenset[str]
    title_firsts: frozenset[str]
    non_cue_before: frozenset[str]
    abbreviations: frozenset[str]
    sentence_cues: frozenset[str]
    # The sentence cues with a clitic attached, and bare (none when there are no clitics).
    sentence_cue_forms: frozenset[str]
    definite_determiners: frozenset[str]
    indefinite_determiners: frozenset[str]
    place_words: frozenset[str]
    # Words of an office's, an institution's or a place's name (organisations.txt), words
    # that belong to one only after such a word ("Tengah"), and nouns an office is named by.
    organisation_words: frozenset[str]
    organisation_heads: frozenset[str]
    place_followers: frozenset[str]
    office_noun_re: regex.Pattern[str] | None
    # A short name may stand for a first name ending in it ("Lina" for "Roslina").
    nicknames_end_first_names: bool
    object_verbs: frozenset[str]
    particles: frozenset[str]
    connectors: frozenset[str]
    honorifics: frozenset[str]
    demonstratives: frozenset[str]
    subject_adverbs: frozenset[str]
    # Lead-ins of a sentence that goes on with the last speaker's argument ("Apalagi, ...").
    argument_openers: frozenset[str]
    affiliation_words: frozenset[str]
    relative_words: frozenset[str]
    non_person_sources: frozenset[str]
    introduction_re: regex.Pattern[str] | None
    alias_re: regex.Pattern[str] | None
    # Results of pure functions of one string (a name run's split into name and
    # role), one table per function, kept across the articles of one process;
    # bounded by ``memoised``.
    memo: dict[str, dict[str, Any]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )


def memo_table(qr: QuoteRules, kind: str) -> dict[str, Any]:
    """Return the rules' memo of one function's results, by the string asked about."""
    table = qr.memo.get(kind)
    if table is None:
        table = qr.memo[kind] = {}
    return table


def memoised(
    qr: QuoteRules, kind: str, text: str, compute: Callable[[str, QuoteRules], Any]
) -> Any:
    """Return compute(text, qr), kept in the rules' memo of ``kind`` (emptied when too big)."""
    table = qr.memo.get(kind) or memo_table(qr, kind)
    found = table.get(text, MISSING)
    if found is MISSING:
        if len(table) >= MAX_MEMO_ENTRIES:
            table.clear()
        found = table[text] = compute(text, qr)
    return found


def quote_rules(rules: Rules) -> QuoteRules:
    """Return the compiled quote rules of a language (cached on the Rules object)."""
    return rules.compiled("quotes.compiled", build_quote_rules)


def build_quote_rules(rules: Rules) -> QuoteRules:
    """Return a QuoteRules compiled from the language's quotes.toml and titles.txt."""
    data = rules.section("quotes")
    where = f"lang/{rules.lang}/quotes.toml"
    cues = {cue["order"]: cue for cue in data.get("cues", [])}
    frames = data.get("frames", [])
    clitics = tuple(data.get("clitics", ()))
    verb_first, speaker_first = cues["verb-first"], cues["speaker-first"]
    frame_words = [w for frame in frames for w in frame["words"]] or ["-"]
    titles = rules.words("titles") or ("-",)
    firsts = {  # only plain words: body_words finds no other
        key: frozenset(w for w in found if WORD_SCAN_RE.fullmatch(w))
        for key, found in (
            ("verb-first", first_words(verb_first["words"], clitics)),
            ("speaker-first", first_words(speaker_first["words"])),
            ("frame", first_words(frame_words, clitics)),
            ("introduction", first_words(data.get("introductions", ["-"]))),
            ("alias", first_words(data.get("aliases", ["-"]))),
        )
    }
    return QuoteRules(
        firsts=firsts,
        any_first=frozenset().union(*firsts.values()),
        first_chars=_first_chars(
            {
                "verb-first": verb_first["words"],
                "frame": frame_words,
                "pronoun": data.get("pronouns", ["-"]),
                "determiner": data.get("determiners") or ["-"],
            }
        ),
        cue_words=_cue_words(
            {
                "verb-first": (verb_first["words"], clitics),
                "speaker-first": (speaker_first["words"], ()),
                "frame": (frame_words, clitics),
                "introduction": (data.get("introductions", ()), ()),
                "alias": (data.get("aliases", ()), ()),
            }
        ),
        rule_ids={
            "verb-first": verb_first["id"],
            "speaker-first": speaker_first["id"],
            "frame": frames[0]["id"] if frames else speaker_first["id"],
            "dash": f"{rules.lang}.quotes.dash-credit",
        },
        verb_first_re=compile_words(verb_first["words"], where, clitics),
        speaker_first_re=compile_words(speaker_first["words"], where),
        frame_re=compile_words(frame_words, where, clitics),
        pronoun_re=compile_words(data.get("pronouns", ["-"]), where),
        name_run_re=compile_pattern(
            name_run_source(data, titles, where), where, regex.UNICODE | regex.V0
        ),
        title_re=compile_pattern(
            rf"^(?:{alternation(titles, where)})(?:[ ]|$)", where, regex.IGNORECASE | regex.V0
        ),
        content_opener_re=_optional_words(data.get("content_openers"), where),
        lead_in_re=_optional_words(data.get("frame_lead_ins"), where),
        lead_in_lengths=frozenset(len(w.strip()) for w in data.get("frame_lead_ins") or ()),
        lead_in_ends=_last_words(data.get("frame_lead_ins") or ()),
        determiner_re=_optional_words(data.get("determiners"), where),
        introduction_re=_optional_words(data.get("introductions"), where),
        alias_re=_optional_words(data.get("aliases"), where),
        nicknames_end_first_names=bool(data.get("nicknames_end_first_names")),
        office_noun_re=(
            compile_pattern(data["office_noun_pattern"], where)
            if data.get("office_noun_pattern")
            else None
        ),
        clitics=clitics,
        **_word_sets(rules, data, [*verb_first["words"], *speaker_first["words"]], frame_words),
    )


def name_run_source(data: dict[str, Any], titles: tuple[str, ...], where: str) -> str:
    """Return the regex source of a name run: capitalised words, initials, particles."""
    particles = data.get("name_particles", ["-"])
    connectors = data.get("role_connectors", [])
    dotted = [w for w in [*titles, *data.get("honorifics", [])] if w.endswith(".")]
    abbrev = f"(?-i:{trie_alternation(dotted, where)})|" if dotted else ""
    token = f"(?:{abbrev}{CAPITAL_TOKEN})"
    # Every token starts with a capital (or a dotted word's first letter): a
    # lookahead for it lets the engine skip the other positions at once.
    others = sorted({w[0] for w in dotted if not w[0].isupper()})
    starts = "".join(regex.escape(c) for c in others)
    first = rf"(?=[\p{{Lu}}{starts}])"
    return (
        rf"{first}{token}(?:[ ]{{1,2}}(?:{token}|{PAREN}"
        rf"|(?-i:{trie_alternation([*particles, *connectors], where)})(?=[ ]\p{{Lu}})"
        rf"|\p{{N}}{{1,4}}(?=[ ]\p{{Lu}})))*"
    )


def _first_chars(lists: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Return the characters each word list's entries start with, in either case.

    Ignoring case, a few other characters match ASCII letters (CASELESS_ASCII):
    they are always in.
    """
    found = {}
    for key, words in lists.items():
        firsts = {w.strip()[0] for w in words if w.strip()}
        if all(c.isascii() for c in firsts):
            cased = {c.lower() for c in firsts} | {c.upper() for c in firsts}
            found[key] = frozenset(firsts | cased | set(CASELESS_ASCII))
    return found


def _cue_words(lists: dict[str, tuple[Any, tuple[str, ...]]]) -> dict[str, Any]:
    """Return the cue entries and suffixes of each kind whose entries are all plain ASCII."""
    return {
        key: (tuple(words), tuple(suffixes))
        for key, (words, suffixes) in lists.items()
        if words
        and all(w.isascii() and w.split() for w in words)
        and all(c.isascii() for c in suffixes)
    }


def _folded(words: Any) -> frozenset[str]:
    return frozenset(w.casefold() for w in words or ())


def _word_sets(
    rules: Rules, data: dict[str, Any], cue_words: list[str], frame_words: list[str]
) -> dict[str, Any]:
    """Return the QuoteRules word sets (casefolded where matching ignores case)."""
    titles = rules.words("titles") or ("-",)
    cues = _folded(cue_words)
    pronouns = _folded(data.get("pronouns"))
    non_name = (
        _folded(rules.words("stopwords"))
        | _folded(data.get("non_name_words"))
        | cues
        | _folded(frame_words)
    )
    openers = non_name - cues - pronouns
    return {
        "pronouns": pronouns,
        "non_name_words": non_name,
        "opener_words": openers,
        "opener_endings": frozenset(w[-2:] for w in openers if len(w) >= 2),
        "adjunct_words": _folded(data.get("adjunct_words")),
        "title_words": _folded(titles),
        "title_firsts": first_words(titles),
        "particles": frozenset(data.get("name_particles", ["-"])),
        "connectors": frozenset(data.get("role_connectors", [])),
        "honorifics": frozenset(data.get("honorifics", [])),
        "affiliation_words": _folded(data.get("affiliation_words")),
        "relative_words": _folded(data.get("relative_words")),
        "non_person_sources": _folded(data.get("non_person_sources")),
        "subject_adverbs": _folded(data.get("subject_adverbs")),
        "argument_openers": _folded(data.get("argument_openers")),
        "demonstratives": _folded(data.get("demonstratives")),
        "non_cue_before": _folded(data.get("non_cue_before")),
        "sentence_cues": _folded(data.get("sentence_cues")),
        "sentence_cue_forms": frozenset(
            form
            for w in _folded(data.get("sentence_cues"))
            for c in data.get("clitics", ())
            for form in (w, w + c)
        ),
        "definite_determiners": _folded(data.get("definite_determiners")),
        "indefinite_determiners": _folded(data.get("indefinite_determiners")),
        "place_words": _folded(data.get("place_words")),
        "organisation_words": _folded(rules.words("organisations")),
        "place_followers": _folded(data.get("place_followers")),
        "organisation_heads": _folded(data.get("organisation_heads")),
        "object_verbs": _folded(data.get("object_verbs")),
        "abbreviations": _folded(
            w
            for w in [*titles, *data.get("honorifics", []), *data.get("abbreviations", [])]
            if w.endswith(".")
        ),
    }


def _last_words(words: Any) -> tuple[str, ...] | None:
    """Return the entries' last words lowercased, or None if one is not plain ASCII letters."""
    lasts = {w.split()[-1].lower() for w in words if w.strip()}
    return tuple(sorted(lasts)) if all(w.isascii() and w.isalpha() for w in lasts) else None


def _optional_words(words: Any, where: str) -> regex.Pattern[str] | None:
    return compile_words(words, where) if words else None
