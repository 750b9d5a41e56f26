"""The names an article gives: every name run indexed by offset and by word.

A pronoun or a "-nya" cue takes the person last named before it; a short
name ("Asep") is reported in its fullest form in the article ("Asep Sasa
Purnama"). Roles are split off by names.split_role.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from textkit.stages.name_entries import (
    MAX_SHORT_MENTION_WORDS,
    IndexEntry,
    index_entry,
    is_sentence_subject,
)
from textkit.stages.name_forms import (
    CHAINED,
    CLEARED,
    CLEARED_TITLED,
    PLAIN,
    SETTLED,
    SUBJECT_BASES,
    TITLED,
    first_name_endings,
    first_short,
    holds_in_order,
    names_ending_in,
    settled_table,
)
from textkit.stages.names import is_acronym, name_runs
from textkit.stages.quote_rules import QuoteRules, memo_table, memoised

# How many name mentions a pronoun looks back over for the person last named.
MAX_MENTIONS_BACK = 200
# Lists of names sharing a word longer than this are not read whole when a shorter one will do.
MAX_SHORT_LIST = 16
# A name this long needs no trimming.
MAX_PLAIN_NAME_WORDS = 3
MIN_GLUED_NAME_CHARS = 3


@dataclass
class NameIndex:
    """Every name run in a body, by offset and by word, built in one pass."""

    body: str
    qr: QuoteRules
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    entries: list[IndexEntry] = field(default_factory=list)
    # How a run was titled: TITLED by its own words, CHAINED ("X, Budi"), CLEARED
    # (its title went on to the next name) or PLAIN. Whether it opens its sentence
    # (kinds "subject", "titled-subject") is found only when asked: see kind().
    bases: list[str] = field(default_factory=list)
    opens: dict[int, bool] = field(default_factory=dict)
    by_word: dict[str, dict[str, None]] = field(default_factory=dict)
    # The names in by_word, each with its first word casefolded.
    first_words: dict[str, str] = field(default_factory=dict)
    honorific_of: dict[str, str] = field(default_factory=dict)
    glue_words: frozenset[str] = frozenset()
    glue_endings: frozenset[str] = frozenset()  # their last two characters
    # The language shortens first names to their ending ("Lina" for "Roslina").
    nicknames_end_first_names: bool = False
    short_words: set[str] = field(default_factory=set)
    shorts_added: set[str] = field(default_factory=set)  # the names add_short was given
    # trimmed()'s results while short_words stays as it is (add_short empties it).
    trims: dict[str, str] = field(default_factory=dict)
    titled: set[str] | None = None  # titled_names()
    # _first_name_ending_in's names by their first word's ending, made once.
    endings: dict[str, list[tuple[str, str]]] | None = None
    subject_runs: dict[str, list[int]] | None = None
    subject_words: dict[str, bool] = field(default_factory=dict)  # is_subject_word's answers
    # For each tuple of kinds asked about: a name looked past, and the last name of those
    # kinds at or before it (-1 for none).
    last_of: dict[tuple[str, ...], dict[int, int]] = field(default_factory=dict)
    # The quote stage's known speakers: each one's casefolded words, and the speakers
    # by those words (made by speaker_words, once per article).
    speakers_words: dict[str, frozenset[str]] | None = None
    speakers_by_words: dict[frozenset[str], list[str]] = field(default_factory=dict)

    @property
    def honorifics_folded(self) -> frozenset[str]:
        """Return the honorifics casefolded."""
        return frozenset(h.casefold() for h in self.honorifics)

    def speaker_words(self, known: dict[str, list[str]]) -> dict[str, frozenset[str]]:
        """Return each known speaker's casefolded words (``known`` maps words to speakers
        and stays the same for the article)."""
        if self.speakers_words is None:
            self.speakers_words = {}
            for fulls in known.values():
                for full in fulls:
                    if full not in self.speakers_words:
                        words = frozenset(f.casefold() for f in full.split())
                        self.speakers_words[full] = words
                        self.speakers_by_words.setdefault(words, []).append(full)
        return self.speakers_words

    honorifics: frozenset[str] = frozenset()

    def add_words(self, entry: IndexEntry) -> None:
        """Record a name's words and the honorific it shows (once for each distinct run).

        The entry's ``folded`` holds the name's distinct words, casefolded. A
        one-word name is never longer than a name it is looked up by, so only
        longer names go into ``by_word``.
        """
        name, _, folded, one_word, _, honorific = entry
        if honorific:
            self.honorific_of.setdefault(*honorific)
        if one_word:
            return
        self.first_words[name] = folded[0]
        by_word = self.by_word
        for word in folded:
            if word in by_word:
                by_word[word][name] = None
            else:
                by_word[word] = {name: None}

    def opens_sentence(self, i: int) -> bool:
        """Return True when the i-th name opens its sentence (found once, when first asked)."""
        found = self.opens.get(i)
        if found is None:
            found = self.opens[i] = is_sentence_subject(
                self.body, self.starts[i], self.ends[i], self.qr
            )
        return found

    def kind(self, i: int) -> str:
        """Return the kind of the i-th name: "titled", "titled-subject", "subject" or ""."""
        base = self.bases[i]
        if base == TITLED:
            return "titled-subject" if self.opens_sentence(i) else "titled"
        if base == PLAIN:
            return "subject" if self.opens_sentence(i) else ""
        return "titled" if base == CHAINED else ""

    def is_subject_word(self, word: str) -> bool:
        """Return True for a word of a short name that opens a sentence (casefolded word).

        A name whose title went on to the next name still counts. Only the
        names holding the word are asked whether they open their sentence.
        """
        if self.subject_runs is None:
            self.subject_runs = {}
            for i, (_, _, folded, one_word, short, _) in enumerate(self.entries):
                if (one_word or short) and self.bases[i] in SUBJECT_BASES:
                    for each in folded:
                        self.subject_runs.setdefault(each, []).append(i)
        found = self.subject_words.get(word)
        if found is None:
            runs = self.subject_runs.get(word, ())
            found = self.subject_words[word] = any(self.opens_sentence(i) for i in runs)
        return found

    def add_short(self, name: str) -> None:
        """Record a short form a cue gives someone ("kata Asep", "Asep mengatakan")."""
        if name in self.shorts_added:
            return
        self.shorts_added.add(name)
        words = name.split()
        if len(words) <= MAX_SHORT_MENTION_WORDS:
            new = {w.casefold() for w in words} - self.short_words
            if new:
                self.short_words.update(new)
                self.trims.clear()

    def trimmed(self, name: str) -> str:
        """Return a long role-laden name cut to start where the article's short mentions start.

        "Sosial Asep Sasa Purnama" becomes "Asep Sasa Purnama" when the
        article also calls him "Asep".
        """
        found = self.trims.get(name)
        if found is None:
            found = self.trims[name] = self._trimmed(name)
        return found

    def _trimmed(self, name: str) -> str:
        """Return trimmed(name), found afresh."""
        words = name.split()
        if len(words) < MAX_PLAIN_NAME_WORDS or not words[0][:1].isupper():
            return name  # short already, or a description ("spokesman for X")
        at = first_short(words, self.short_words.__contains__) or first_short(
            words, self.is_subject_word
        )
        if at == len(words) - 1 and self._opens_other_name(words[-1], name):
            return words[-1]  # "Kartini Jepara Wisnu": a heading glued to a first name
        return " ".join(words[min(at, len(words) - MAX_PLAIN_NAME_WORDS) :]) if at else name

    def _opens_other_name(self, word: str, name: str) -> bool:
        """Return True when another indexed name holds the word before its last word."""
        return any(
            other != name and word in other.split()[:-1]
            for other in self.by_word.get(word.casefold(), ())
        )

    def fullest(self, name: str) -> str:
        """Return the longest indexed name holding the name's words in order, else the name.

        An honorific the article uses for that surname ("Mr. Clarke") is kept.
        """
        words = name.split()
        if len(words) > 1 and words[0] in self.honorifics:
            return f"{words[0]} {self._longest_holding(' '.join(words[1:]), words[1:])}"
        if not words or (len(words) == 1 and is_acronym(words[0])):
            return name  # an organisation's initials are not a short name
        if len(words) == 1:
            name = self._unglued(name)
            words = name.split()
        best = self._longest_holding(name, words)
        if best == name and len(words) == 1 and self.nicknames_end_first_names:
            best = self._first_name_ending_in(name) or name
        honorific = self.honorific_of.get(best.split()[-1].casefold())
        return f"{honorific} {best}" if honorific else best

    def _first_name_ending_in(self, name: str) -> str | None:
        """Return the one indexed name whose first word ends in the short name and is longer
        ("Lina" -> "Roslina A Djalil"), else None (none, or more than one)."""
        if self.endings is None:
            self.endings = first_name_endings(self.first_words)
        found = {self.trimmed(full) for full in names_ending_in(self.endings, name.casefold())}
        return found.pop() if len(found) == 1 else None

    def _unglued(self, name: str) -> str:
        """Return a name with a glued lowercase word cut off ("Havidzdalam" -> "Havidz").

        Scrapes lose the space where a link was; the cut is kept only when what
        remains is a word of a name the article gives elsewhere.
        """
        if name[-2:] not in self.glue_endings:
            return name  # every tail that could be cut off ends so
        for cut in range(len(name) - 2, MIN_GLUED_NAME_CHARS - 1, -1):
            head, tail = name[:cut], name[cut:]
            if tail.islower() and tail in self.glue_words:
                fuller = self.by_word.get(head.casefold(), {})
                if any(" " in full for full in fuller):
                    return head
        return name

    def _longest_holding(self, name: str, words: list[str]) -> str:
        """Return the longest indexed name (trimmed) holding the words in order, one given
        with a title of office first.

        A name holding them is in every word's list: the shortest list is read
        when that settles which is longest (else the first word's, in order).
        """
        first = self.by_word.get(words[0].casefold())
        if first is None:
            return name
        candidates: Iterable[str] = first
        if len(first) > MAX_SHORT_LIST and len(words) > 1:
            lists = [self.by_word.get(w.casefold()) for w in words[1:]]
            if None in lists:
                return name  # no indexed name holds that word
            shortest = min(lists, key=len)
            if len(shortest) < len(first):
                candidates = [each for each in shortest if each in first]
        titled = self.titled_names()
        best, best_key = name, (False, len(name))
        for candidate in candidates:
            trimmed = self.trimmed(candidate)
            key = (candidate in titled, len(trimmed))
            if (
                len(trimmed) > len(name)
                and key > best_key
                and holds_in_order(trimmed.split(), words)
            ):
                best, best_key = trimmed, key
        return best

    def titled_names(self) -> set[str]:
        """Return the names the article gives with a title of office (found once, when asked)."""
        if self.titled is None:
            self.titled = {
                name
                for name, base in zip(self.names, self.bases, strict=True)
                if base in (TITLED, CHAINED)
            }
        return self.titled

    def kind_at(self, offset: int) -> str:
        """Return the kind of the name indexed at an offset ("" if none starts there)."""
        i = bisect.bisect_left(self.starts, offset)
        return self.kind(i) if i < len(self.starts) and self.starts[i] == offset else ""

    def person_before(self, offset: int, kinds: tuple[str, ...]) -> tuple[int, str] | None:
        """Return the last name of one of the kinds ("titled", "subject") before an offset,
        looking back over MAX_MENTIONS_BACK names at most."""
        i = bisect.bisect_left(self.starts, offset) - 1
        last = self._last_of(i, kinds)
        if last < 0 or i - last >= MAX_MENTIONS_BACK:
            return None
        return self.starts[last], self.names[last]

    def _last_of(self, i: int, kinds: tuple[str, ...]) -> int:
        """Return the place of the last name of one of the kinds at or before the i-th (-1 if
        none). The names looked past keep the answer, so each is looked at once per kinds."""
        known = self.last_of.get(kinds)
        if known is None:
            known = self.last_of[kinds] = {}
        # For each way of titling: True or False when that settles the kind's
        # membership, None when it turns on whether the name opens its sentence.
        settled = SETTLED.get(kinds) or settled_table(kinds)
        bases, passed, found = self.bases, [], -1
        while i >= 0:
            found = known.get(i, i)
            if found != i:
                break  # looked past before
            wanted = settled[bases[i]]
            if wanted or (wanted is None and self.kind(i) in kinds):
                break
            passed.append(i)
            i -= 1
        else:
            found = -1
        for each in passed:
            known[each] = found
        return found


def build_name_index(
    body: str, qr: QuoteRules, skip: list[tuple[int, int]] | None = None
) -> NameIndex:
    """Return the index of every name run in the body, roles split off.

    Runs starting inside the ``skip`` spans (sorted; the quotes' own words) are
    left out: a name the speaker mentions is not a name the article gives.
    """
    index = NameIndex(
        body,
        qr,
        honorifics=qr.honorifics,
        glue_words=qr.opener_words,
        glue_endings=qr.opener_endings,
        nicknames_end_first_names=qr.nicknames_end_first_names,
    )
    memo = memo_table(qr, "entry")
    bases, starts, ends, names, entries = (
        index.bases,
        index.starts,
        index.ends,
        index.names,
        index.entries,
    )
    distinct: dict[str, IndexEntry] = {}  # each run's entry, in the order first met
    last_end = -1
    for m in name_runs(body, qr.name_run_re, skip or []):
        run = m[0]
        entry = memo.get(run) or memoised(qr, "entry", run, index_entry)
        if entry[0] is None:
            continue
        start, end = m.span()
        if entry[1]:
            base = TITLED
        elif (
            start - last_end == len(", ")
            and _follows_titled_run(body, start, index, last_end)
            and not is_sentence_subject(body, start, end, qr)
        ):
            bases[-1], base = (CLEARED_TITLED if bases[-1] == TITLED else CLEARED), CHAINED
        else:
            base = PLAIN
        starts.append(start)
        ends.append(end)
        names.append(entry[0])
        entries.append(entry)
        bases.append(base)
        distinct[run] = entry
        last_end = end
    for entry in distinct.values():
        if entry[5] or not entry[3]:  # an honorific shown, or more than one plain word
            index.add_words(entry)
    return index


def _follows_titled_run(body: str, start: int, index: NameIndex, last_end: int) -> bool:
    """Return True for "Kepala Dinas X, Budi": a name right after a titled run and a comma."""
    return (
        bool(index.bases) and index.bases[-1] in (TITLED, CHAINED) and body[last_end:start] == ", "
    )
