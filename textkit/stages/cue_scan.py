"""Cue scanning: where in a body a kind of cue can match, found once per body.

A body's words are collected once (only those that start some cue are kept);
each kind of cue is then matched only where one of its first words stands,
with its pattern cut down to the entries that word may start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import regex

from textkit.lang.patterns import compile_words, trie_alternation
from textkit.stages.quote_rules import (
    MAX_MEMO_ENTRIES,
    MISSING,
    WORD_SCAN_RE,
    QuoteRules,
    memo_table,
)
from textkit.stages.quotes_direct import mark_positions

# The QuoteRules pattern of each kind of cue that scan_cues finds.
CUE_PATTERNS = {
    "verb-first": "verb_first_re",
    "speaker-first": "speaker_first_re",
    "frame": "frame_re",
    "introduction": "introduction_re",
    "alias": "alias_re",
}


@dataclass(frozen=True)
class BodyWords:
    """A body's words (its lowercased runs of word characters), its lowercased text when
    that keeps every offset (maybe an ASCII copy: see body_words), and the cue matches
    found in it so far (two finders scan for the same cues), with the places of each cue
    word found (keyed ("at", word))."""

    vocab: frozenset[str]
    lower: str | None
    scans: dict[Any, list[Any]] = field(default_factory=dict, compare=False, hash=False, repr=False)


# Punctuation that mostly sits against words; each becomes a space (offsets do not
# matter here) so that splitting at whitespace gives the plain words.
WORD_SEPARATORS = ",.\u201c\u201d\"():;!?'\u2019\u2018-\u2013\u2014/\u2026%&+[]*"
# The separators beyond ASCII, the most frequent first. A body whose only other
# characters are ASCII is read through an ASCII copy, where each of them stands as "?".
WIDE_SEPARATORS = "\u201d\u201c\u2019\u2018\u2014\u2013\u2026"
# In the ASCII copy: each separator (and "?") becomes a space, and each character that is
# neither a letter, a digit nor a space (to str.split) becomes NUL, which no word holds.
# (Spaces to str.split become plain spaces: bytes.split does not take "\x1c" for one.)
ODD_ASCII_TABLE = bytes(
    32 if chr(c) in WORD_SEPARATORS or chr(c).isspace() else c if chr(c).isalnum() else 0
    for c in range(128)
) + bytes(range(128, 256))
# In the ASCII copy: each character but a letter or a digit becomes a space, so that
# each run of letters and digits (a word, when no "_" joins runs) stands between spaces.
WORD_BOUND_TABLE = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes(range(128, 256))
# The word sets asked for (one a language), encoded, and as a pattern finding them
# (None when they are not all plain ASCII letters and digits); a few are kept.
MAX_ENCODED_SETS = 16
_ENCODED: dict[frozenset[str], frozenset[bytes]] = {}
_FINDERS: dict[frozenset[str], re.Pattern[bytes] | None] = {}


def body_words(body: str, among: frozenset[str] | None = None) -> BodyWords:
    """Return the body's lowercased words (those ``among`` the given ones, if given), and
    its lowercased text for finding them.

    A word is a run of word characters (a token with punctuation gives its runs). The
    text may be an ASCII copy with "?" for the WIDE_SEPARATORS: to a cue word, alike.

    >>> sorted(body_words("Kata Budi, kata-dia").vocab)
    ['budi', 'dia', 'kata']
    >>> sorted(body_words("Kata “Budi”, kata-dia", frozenset({"dia", "ujar"})).vocab)
    ['dia']
    """
    raw = _ascii_copy(body)
    if raw is None:
        lower = body.lower()
        return BodyWords(_words_of(lower, among), lower if len(lower) == len(body) else None)
    lower = raw.lower()
    text = lower.decode("ascii")
    finder = None if among is None or b"_" in lower else _finder(among)
    if finder is not None:
        return _found_words(finder, lower, text)
    spaced = lower.translate(ODD_ASCII_TABLE)
    if b"\0" in spaced or among is None:
        return BodyWords(_words_of(text, among), text)  # odd characters: split by regex
    found = _encoded(among).intersection(spaced.split())
    return BodyWords(frozenset(w.decode("ascii") for w in found), text)


def _found_words(finder: re.Pattern[bytes], lower: bytes, text: str) -> BodyWords:
    """Return the BodyWords of a lowercased ASCII copy (no "_" in it) that ``finder`` finds,
    with the places of each word (as _word_offsets keeps them): one scan for all words."""
    places: dict[bytes, list[int]] = {}
    for m in finder.finditer(b" " + lower.translate(WORD_BOUND_TABLE) + b" "):
        places.setdefault(m.group(1), []).append(m.start())  # the word's own offset
    words = BodyWords(frozenset(w.decode("ascii") for w in places), text)
    for word, at in places.items():
        words.scans["at", word.decode("ascii")] = at
    return words


def _finder(among: frozenset[str]) -> re.Pattern[bytes] | None:
    """Return a pattern finding the words (as group 1) between spaces, each at its space
    before, or None unless they are all plain ASCII letters and digits (kept)."""
    found = _FINDERS.get(among, MISSING)
    if found is MISSING:
        if len(_FINDERS) >= MAX_ENCODED_SETS:
            _FINDERS.clear()
        plain = bool(among) and all(w.isascii() and w.isalnum() for w in among)
        found = (
            re.compile(f" ({trie_alternation(sorted(among), 'cue words')})(?= )".encode())
            if plain
            else None
        )
        _FINDERS[among] = found
    return found


def _encoded(among: frozenset[str]) -> frozenset[bytes]:
    """Return the words encoded, to be looked up among an ASCII copy's words (kept)."""
    found = _ENCODED.get(among)
    if found is None:
        if len(_ENCODED) >= MAX_ENCODED_SETS:
            _ENCODED.clear()
        found = _ENCODED[among] = frozenset(w.encode() for w in among)
    return found


def _ascii_copy(body: str) -> bytes | None:
    """Return the body in ASCII with "?" for each WIDE_SEPARATORS character, or None
    when it holds another non-ASCII character."""
    text = body
    for mark in WIDE_SEPARATORS:
        if mark in text:  # at once once the text is ASCII
            text = text.replace(mark, "?")
    return text.encode("ascii") if text.isascii() else None


def _words_of(lower: str, among: frozenset[str] | None) -> frozenset[str]:
    """Return the words of a lowercased text (those ``among`` the given ones, if given)."""
    spaced = lower
    for mark in WORD_SEPARATORS:
        if mark in spaced:
            spaced = spaced.replace(mark, " ")
    tokens = spaced.split()
    if not "".join(tokens).isalnum():
        # Other punctuation (or "_", which belongs to a run): split the odd tokens by regex.
        runs = set(tokens)
        runs.update(WORD_SCAN_RE.findall(" ".join(t for t in runs if not t.isalnum())))
        tokens = list(runs)
    return frozenset(tokens) if among is None else among.intersection(tokens)


def quote_marks(body: str, words: BodyWords) -> list[int]:
    """Return the offsets of the body's quotation marks, in order (found once per body)."""
    found = words.scans.get("marks")
    if found is None:
        found = words.scans["marks"] = mark_positions(body)
    return found


def scan_cues(body: str, words: BodyWords, qr: QuoteRules, key: str) -> list[regex.Match[str]]:
    """Return the matches of a cue pattern ("verb-first", ...) in body order, found once per
    body and pattern."""
    found = words.scans.get(key)
    if found is None:
        found = words.scans[key] = _scan_cues(body, words, qr, key)
    return found


def _scan_cues(body: str, words: BodyWords, qr: QuoteRules, key: str) -> list[regex.Match[str]]:
    """Return the matches of a cue pattern in body order, tried only where a cue word occurs."""
    present = qr.firsts[key] & words.vocab
    if not present:
        return []
    if words.lower is None:
        return list(getattr(qr, CUE_PATTERNS[key]).finditer(body))
    table = memo_table(qr, f"cue {key}")
    found = []
    for start, word in sorted(_word_offsets(words.lower, present, words.scans).items()):
        m = (table.get(word) or _cue_pattern(qr, key, word)).match(body, start)
        if m:
            found.append(m)
    return found


def _word_offsets(
    lower: str, present: frozenset[str], seen: dict[Any, Any] | None = None
) -> dict[int, str]:
    """Return where each of the words starts as a whole word in the lowercased body.

    ``seen`` keeps each word's places for the next kind of cue that has the word.
    """
    found: dict[int, str] = {}
    seen = {} if seen is None else seen
    for word in present:
        places = seen.get(("at", word))
        if places is None:
            places = seen["at", word] = _whole_word_places(lower, word)
        for at in places:
            found[at] = word
    return found


def _whole_word_places(lower: str, word: str) -> list[int]:
    """Return where the word starts as a whole word in the lowercased body, in order."""
    places = []
    size = len(lower)
    at = lower.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not lower[at - 1].isalnum()) and (
            end == size or not (lower[end].isalnum() or lower[end] == "_")
        ):
            places.append(at)
        at = lower.find(word, at + 1)
    return places


def _cue_pattern(qr: QuoteRules, key: str, word: str) -> regex.Pattern[str]:
    """Return the key's cue pattern cut down to the entries that may match where ``word``
    starts (their first word starts it: "kata" for "katanya"), in the same order, so
    it matches there just as the whole pattern does. Kept in the rules' memo."""
    table = memo_table(qr, f"cue {key}")
    found = table.get(word)
    if found is None:
        full = getattr(qr, CUE_PATTERNS[key])
        entries, suffixes = qr.cue_words.get(key) or ((), ())
        narrowed = [e for e in entries if word.startswith(e.split()[0].casefold())]
        found = compile_words(narrowed, f"{key} cues", suffixes) if narrowed else full
        if len(table) >= MAX_MEMO_ENTRIES:
            table.clear()
        table[word] = found
    return found


def may_start(qr: QuoteRules, key: str, body: str, pos: int) -> bool:
    """Return False when no match of the key's word pattern can start at ``pos``."""
    chars = qr.first_chars.get(key)
    return chars is None or body[pos : pos + 1] in chars
