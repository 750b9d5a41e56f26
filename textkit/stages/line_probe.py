"""Line probes: skip the line rules on a line whose opening no rule can start with.

Line rules match from the start of a line, and most body lines open with a
word that no rule begins with. The opening of a line (up to and including its
first space) is matched once per process against the rules with the regex
module's partial matching, which says whether some longer text starting that
way could match; the answer is kept per opening. A rule that opens with
``^(?!.{N})`` only takes lines under N characters, so the answer is the
longest line that could match, and a line is tried only when it is no longer.
A rule that can only match where one of a few words occurs (read from its
syntax, see :func:`required_words`) is only tried on lines holding one.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
import sys
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import regex

from textkit.lang.patterns import BuiltAfterUses
from textkit.stages.line_gate import LETTER_CLASS_RE, POSIX_CLASS_RE

# A line opening is its first word and the space after it, at most this long.
PROBE_CHARS = 24
# Openings remembered per rule set; past this, unseen openings are not kept
# (their lines are simply tried), so memory stays bounded on any input.
MAX_PROBES = 20_000
LENGTH_CAP_RE = re.compile(r"^\^\(\?!\.\{(\d+)\}\)")
NO_LIMIT = sys.maxsize
# Lines up to this long that match a rule keep their answer (at most MAX_PROBES).
MAX_KNOWN_CHARS = 160
# New openings probed rule by rule before the rules are compiled into one
# alternation (an article probes some 30 to 70).
PROBES_BEFORE_ALTERNATION = 128
# Shorter required words are not worth a check.
MIN_WORD_CHARS = 3
_C = sre_constants


def length_cap(source: str) -> int:
    """Return the longest line a pattern opening with ``^(?!.{N})`` can match (or no limit).

    >>> length_cap(r"^(?!.{81}).{0,60}foto$")
    80
    >>> length_cap(r"^iklan$") == NO_LIMIT
    True
    """
    found = LENGTH_CAP_RE.match(source)
    return int(found.group(1)) - 1 if found else NO_LIMIT


def required_words(
    source: str, flags: int = 0, min_chars: int = MIN_WORD_CHARS
) -> tuple[str, ...] | None:
    """Return words (casefolded, ASCII) one of which every match contains, or None.

    >>> required_words(r"^.{0,60}\\b(?:via getty images|afp photo)\\W{0,3}$")
    ('via getty images', 'afp photo')
    >>> required_words(r"^\\w+$") is None
    True
    """
    if POSIX_CLASS_RE.search(source):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            tree = sre_parse.parse(LETTER_CLASS_RE.sub(r"\1\\w", source), flags & re.VERBOSE)
    except (re.error, Warning, RecursionError, OverflowError):
        return None
    words = _required(list(tree), min_chars)
    return tuple(words) if words else None


def final_chars(source: str) -> frozenset[str] | None:
    """Return the characters a match of a pattern anchored at the end must end on, or None.

    Trailing spaces before the end are allowed for; only punctuation counts
    (so case flags do not matter).

    >>> sorted(final_chars(r"\\((?:abc|de)\\)\\s*$"))
    [')']
    >>> final_chars(r"\\w+$") is None
    True
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            tree = sre_parse.parse(LETTER_CLASS_RE.sub(r"\1\\w", source), 0)
    except (re.error, Warning, RecursionError, OverflowError):
        return None
    items = list(tree)
    if not items or items[-1] != (_C.AT, _C.AT_END):
        return None
    return _last_chars(items[:-1])


def _last_chars(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Return the characters the sequence must end on (spaces at its end skipped), or None."""
    while items and _is_space_run(*items[-1]):
        items = items[:-1]
    if not items:
        return None
    op, av = items[-1]
    if op is _C.LITERAL and not chr(av).isalnum() and not chr(av).isspace():
        return frozenset(chr(av))
    if op is _C.SUBPATTERN:
        return _last_chars(list(av[3]))
    if op is _C.BRANCH:
        ends = [_last_chars(list(alternative)) for alternative in av[1]]
        return None if any(end is None for end in ends) else frozenset().union(*ends)
    return None


def _is_space_run(op: Any, av: Any) -> bool:
    space = [(_C.IN, [(_C.CATEGORY, _C.CATEGORY_SPACE)])]
    return op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] == 0 and list(av[2]) == space


def has_word(text: str, words: tuple[str, ...] | None) -> bool:
    """Return True when the text holds one of the words (casefolded), or there are none to hold.

    >>> has_word("Foto: AFP PHOTO", ("afp photo",)), has_word("Isi.", ("afp photo",))
    (True, False)
    """
    if words is None:
        return True
    folded = text.casefold()
    return any(word in folded for word in words)


def _required(items: list[tuple[Any, Any]], min_chars: int) -> list[str] | None:
    """Return the best set of words one of which the sequence must contain, or None."""
    best: list[str] | None = None
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _C.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        options = [[run]] if len(run) >= min_chars else []
        leads = _choice_leads(op, av) if run else []
        if leads and min(map(len, leads)) + len(run) >= min_chars:
            # "(?:By|BY)" is parsed as "B" then a choice: keep the prefix on each word.
            options.append(list(dict.fromkeys(run + lead for lead in leads)))
        run = ""
        inner = _item_words(op, av, min_chars)
        if inner is not None:
            options.append(inner)
        for words in options:
            if best is None or min(map(len, words)) > min(map(len, best)):
                best = words
    return best


def _choice_leads(op: Any, av: Any) -> list[str]:
    """Return the literal openings of each alternative of a choice ([] if one has none)."""
    if op is _C.BRANCH:
        leads = [_leading(list(alternative)) for alternative in av[1]]
    elif op is _C.IN:
        leads = [_leading([item]) for item in av]
    else:
        return []
    return leads if all(leads) else []


def _leading(items: list[tuple[Any, Any]]) -> str:
    """Return the ASCII literal text a sequence opens with, lowercased."""
    lead = ""
    for op, av in items:
        if op is not _C.LITERAL or av >= 128:
            break
        lead += chr(av).lower()
    return lead


def _item_words(op: Any, av: Any, min_chars: int) -> list[str] | None:
    """Return the words one of which a single mandatory item must contain, or None."""
    if op is _C.SUBPATTERN:
        return _required(list(av[3]), min_chars)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _required(list(av[2]), min_chars)
    if op is _C.ATOMIC_GROUP:
        return _required(list(av), min_chars)
    if op is _C.ASSERT:
        return _required(list(av[1]), min_chars)
    if op is _C.BRANCH:
        words: list[str] = []
        for alternative in av[1]:
            found = _required(list(alternative), min_chars)
            if found is None:
                return None
            words.extend(found)
        return list(dict.fromkeys(words))
    return None


def _any_of(patterns: list[regex.Pattern[str]]) -> regex.Pattern[str] | None:
    """Return one alternation of the patterns, or None when their flags differ."""
    flags = {pattern.flags for pattern in patterns}
    if len(flags) != 1:
        return None
    return regex.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), flags.pop())


@dataclass
class ProbeTable:
    """Line rules with the longest line each takes, and the openings seen so far.

    Rules are tried one by one in file order: one alternation of all of them
    costs more in the regex module than the few single rules a line's
    opening leaves to try.
    """

    rules: tuple[tuple[int, regex.Pattern[str]], ...]
    words: tuple[tuple[str, ...] | None, ...]
    # The rules without a length cap, and their alternation: one partial match
    # turns most new openings away. It is compiled only once PROBES_BEFORE_ALTERNATION
    # openings were probed rule by rule (None until then, or when their flags differ).
    any_uncapped: BuiltAfterUses[regex.Pattern[str] | None]
    # Per opening: the rules that could match a line opening so, and the
    # longest line one of them takes (-1 when there are none).
    seen: dict[str, tuple[tuple[int, ...], int]] = field(default_factory=dict)
    # Answers for short lines that matched a rule, and for one-word lines.
    known: dict[str, int | None] = field(default_factory=dict)

    @classmethod
    def build(cls, patterns: list[regex.Pattern[str]]) -> ProbeTable:
        """Return the table for line patterns (each matched from the start of a line)."""
        uncapped = [p for p in patterns if length_cap(p.pattern) == NO_LIMIT]
        return cls(
            tuple((length_cap(pattern.pattern), pattern) for pattern in patterns),
            tuple(required_words(pattern.pattern, pattern.flags) for pattern in patterns),
            BuiltAfterUses(PROBES_BEFORE_ALTERNATION, lambda: _any_of(uncapped)),
        )

    def match(self, text: str) -> int | None:
        """Return the position of the first rule that matches the line, or None.

        >>> table = ProbeTable.build([regex.compile(r"^(?:baca|lihat) juga\\b", regex.I)])
        >>> table.match("Baca juga: Harga Naik"), table.match("Warga berkumpul.")
        (0, None)
        """
        short = len(text) <= MAX_KNOWN_CHARS
        if short and text in self.known:
            return self.known[text]
        # A one-word line is its own opening: the rules its probe leaves are
        # all that can match it.
        opening, longest = self.opening_rules(text)
        if len(text) > longest:
            return None  # most lines: no rule starts the way this one does
        found = self._first(text, self._candidates(text, opening))
        one_word = len(text) < PROBE_CHARS and " " not in text
        # Page furniture repeats from article to article, body lines do not: only
        # matched lines are kept, and one-word lines.
        if short and (found is not None or one_word):
            self._remember(text, found)
        return found

    def match_all(self, texts: list[str], max_chars: int = NO_LIMIT) -> dict[int, int]:
        """Return, for each line a rule matches, its index and :meth:`match` of it.

        Empty lines and those over ``max_chars`` are not matched. Most lines
        are turned away on their opening in this one loop.

        >>> table = ProbeTable.build([regex.compile(r"^(?:baca|lihat) juga\\b", regex.I)])
        >>> table.match_all(["Warga berkumpul di balai desa.", "Baca juga: Harga Naik", ""])
        {1: 0}
        """
        seen = self.seen
        out: dict[int, int] = {}
        for index, text in enumerate(texts):
            if not 0 < len(text) <= max_chars:
                continue
            space = text.find(" ", 0, PROBE_CHARS)
            entry = seen.get(text[: space + 1]) if space >= 0 else None
            if entry is None:
                found = self.match(text)
            elif len(text) > entry[1]:
                continue  # most lines: no rule starts the way this one does
            else:
                # The opening's rules are known: what :meth:`match` does, with the
                # memo of matched lines asked only once a rule's words are there.
                candidates = self._candidates(text, entry[0])
                if not candidates:
                    continue  # most short lines: the words a rule needs are not there
                found = self._first_known(text, candidates)
            if found is not None:
                out[index] = found
        return out

    def _first_known(self, text: str, candidates: list[int]) -> int | None:
        """Return :meth:`_first` of the line, remembered for a short line that matches."""
        short = len(text) <= MAX_KNOWN_CHARS
        if short and text in self.known:
            return self.known[text]  # page furniture seen before
        found = self._first(text, candidates)
        if short and found is not None:
            self._remember(text, found)
        return found

    def _remember(self, text: str, found: int | None) -> None:
        """Keep the answer for a line, while the memo has room."""
        if len(self.known) < MAX_PROBES:
            self.known[text] = found

    def _first(self, text: str, candidates: Iterable[int]) -> int | None:
        """Return the first of the candidate rules that matches the line, or None."""
        return next(
            (n for n in candidates if self.rules[n][1].match(text) is not None),
            None,
        )

    def _candidates(self, text: str, opening: tuple[int, ...]) -> list[int]:
        """Return the rules worth trying: opening, length and required words allow them."""
        folded = ""
        out = []
        for n in opening:
            if len(text) > self.rules[n][0]:
                continue
            words = self.words[n]
            if words is not None:
                folded = folded or text.casefold()
                if not any(map(folded.__contains__, words)):
                    continue
            out.append(n)
        return out

    def opening_rules(self, text: str) -> tuple[tuple[int, ...], int]:
        """Return the rules that could match a line opening as this one does, and the longest line.

        The longest line is the longest one of those rules takes (-1 when there are none).
        """
        space = text.find(" ", 0, PROBE_CHARS)
        probe = text[: space + 1] if space >= 0 else text[:PROBE_CHARS]
        found = self.seen.get(probe)
        if found is None:
            found = self._open_to(probe)
            if len(self.seen) < MAX_PROBES:
                self.seen[probe] = found
        return found

    def _open_to(self, probe: str) -> tuple[tuple[int, ...], int]:
        """Return the rules that could match a line starting with ``probe``, and the longest line.

        The rules are in file order; the longest line is the longest one of them
        takes (-1 when there are none). Rules with a length cap are kept without
        asking (they open with any text, and line length and required words sort
        their lines out).
        """
        any_uncapped = self.any_uncapped.get()
        if any_uncapped is not None and not any_uncapped.match(probe, partial=True):
            return self.capped  # most new openings
        return self._with_longest(
            tuple(
                n
                for n, (cap, pattern) in enumerate(self.rules)
                if cap != NO_LIMIT or pattern.match(probe, partial=True) is not None
            )
        )

    @cached_property
    def capped(self) -> tuple[tuple[int, ...], int]:
        """Return the rules with a length cap, and the longest line one of them takes."""
        capped = tuple(n for n, (cap, _pattern) in enumerate(self.rules) if cap != NO_LIMIT)
        return self._with_longest(capped)

    def _with_longest(self, rules: tuple[int, ...]) -> tuple[tuple[int, ...], int]:
        return rules, max((self.rules[n][0] for n in rules), default=-1)
