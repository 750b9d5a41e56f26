"""Attributions found around a quote rather than right after it.

A cue that introduces the quote ("Budi mengatakan, “..."), one elsewhere in
its sentence ("X called it “...”"), a passive introduction ("disampaikan oleh
X"), the description that introduced "the aide", and the other names people go by
("yang akrab disapa Bento"). Every search is bounded.
"""

from __future__ import annotations

import bisect
import re

import regex

from textkit.stages.cue_scan import BodyWords, may_start, scan_cues
from textkit.stages.name_index import NameIndex
from textkit.stages.names import pick_name
from textkit.stages.quote_rules import MISSING, QuoteRules, memo_table
from textkit.stages.sentences import MAX_SENTENCE_CHARS, find_clause_end, sentence_start
from textkit.stages.speaker_phrases import MAX_DESCRIPTION_WORDS
from textkit.stages.speakers import (
    MAX_ROLE_CHARS,
    MAX_SPEAKER_PHRASE_CHARS,
    Attribution,
    attribution_before_verb,
    cue_after,
    speaker_after,
)

# Words allowed between a verb and the opening mark ("mengatakan kepada wartawan, “").
MAX_CUE_TAIL_CHARS = 40
# How far back, and over how many mentions of the noun, "the aide" looks for "an aide".
MAX_DESCRIPTION_BACK_CHARS = 1500
MAX_DESCRIPTION_TRIES = 4
# An alias ("yang akrab disapa Bento") names the person whose name ends this close before it.
MAX_ALIAS_GAP_CHARS = 40
# A quote's cue elsewhere in its sentence is one of the last few speech verbs before it.
MAX_SENTENCE_VERBS = 3
ANY_NAME_KINDS = ("", "titled", "subject", "titled-subject")
SPACES_RE = regex.compile(r"[ ]+")
# Lowercased, these match ASCII letters ignoring case as the patterns do (the Kelvin
# sign lowercases to "k" by itself); the lowercased body keeps every offset.
# How many verbs spanning one another a scan from the middle of a window steps back over.
MAX_UNSPANNED_STEPS = 8
CASELESS_LOWER = str.maketrans("\u0130\u0131\u017f", "iis")


class SpeakerVerbs:
    """The speaker-first cue verbs of one body, found window by window.

    The pattern is tried only where the first word of one of its entries
    stands in the lowercased body (a plain scan, made once over each stretch
    asked about), so a window costs what its verbs cost, not its length.
    """

    def __init__(self, body: str, qr: QuoteRules, lower: str | None = None) -> None:
        """Keep the body; ``lower`` is body.lower() or body_words' ASCII copy if already
        made (else made when needed)."""
        self.body, self.qr = body, qr
        self.scan, self.longest, self.widest = _verb_scan(qr)
        self.lower: str | None = None
        self.lowered = lower
        self.starts: list[int] = []  # where a first word stands within covered[0]:covered[1]
        self.covered = (0, 0)
        self.found: dict[int, regex.Match[str] | None] = {}
        self.read: dict[tuple[int, int, int], Attribution | None] = {}

    def attribution(self, begin: int, verb: regex.Match[str]) -> Attribution | None:
        """Return attribution_before_verb(body, begin, verb, qr), read once per place."""
        key = (begin, *verb.span())  # a window's end may cut a verb short
        att = self.read.get(key, MISSING)
        if att is MISSING:
            att = self.read[key] = attribution_before_verb(self.body, begin, verb, self.qr)
        return att

    def within(self, begin: int, end: int, since: int | None = None) -> list[regex.Match[str]]:
        """Return the verbs qr.speaker_first_re.finditer(body, begin, end) finds, in order.

        With ``since``, some of those ending before it may be left out (not
        those ending at or after it): the scan starts at a place no verb spans.
        """
        pattern, body = self.qr.speaker_first_re, self.body
        if self.scan is None or not self._cover(begin, end):
            return list(pattern.finditer(body, begin, end))
        starts = self.starts
        last = bisect.bisect_left(starts, end)
        if last == 0 or starts[last - 1] < begin:
            return []  # no verb's first word stands in the window
        if since is not None and min(since, end) - begin > 2 * self.longest:
            begin = self._unspanned(begin, min(since, end) - self.longest)
        sure = end - self.longest  # a verb starting before this is its whole-body match
        verbs, at = [], begin
        for start in starts[bisect.bisect_left(starts, begin) : last]:
            if start < at:
                continue  # inside the verb found last
            m = self._match(start) if start < sure else pattern.match(body, start, end)
            if m:
                verbs.append(m)
                at = m.end()
        return verbs

    def _match(self, start: int) -> regex.Match[str] | None:
        """Return the speaker-first verb at ``start`` in the whole body (found once)."""
        m = self.found.get(start, MISSING)
        if m is MISSING:
            m = self.found[start] = self.qr.speaker_first_re.match(self.body, start)
        return m

    def _unspanned(self, begin: int, pos: int) -> int:
        """Return a place at or before ``pos`` (not before ``begin``) that no verb spans.

        No verb starting before it ends past it, so the verbs a scan from
        ``begin`` finds after it are those a scan from it finds. (``pos`` lies
        far enough before the window's end for whole-body matches to count.)
        """
        starts = self.starts
        for _ in range(MAX_UNSPANNED_STEPS):
            i = bisect.bisect_left(starts, pos)
            spanning = [
                start
                for start in starts[bisect.bisect_left(starts, max(begin, pos - self.longest)) : i]
                if (m := self._match(start)) is not None and m.end() > pos
            ]
            if not spanning:
                return pos
            pos = spanning[0]
        return begin

    def _cover(self, begin: int, end: int) -> bool:
        """Return False when the body cannot be lowercased in place; else list the starts
        of first words up to ``end`` (a scan goes on, or starts afresh at ``begin``)."""
        if self.lower is None:
            body = self.body
            if "\u0130" in body or "\u0131" in body or "\u017f" in body:
                lower = body.translate(CASELESS_LOWER).lower()  # slow: only where one stands
            else:
                lower = self.lowered if self.lowered is not None else body.lower()
            if len(lower) != len(self.body):
                self.scan = None
                return False
            self.lower = lower
        low, high = self.covered
        if not low <= begin <= high:
            self.starts, low, high = [], begin, begin
        if end > high:
            # Scanned again from a little before ``high``: a word cut off there before.
            since = max(low, high - self.widest + 1)
            new = [m.start() for m in self.scan.finditer(self.lower, since, end) if m.end() > high]
            starts = self.starts
            starts.extend(new)
            if new and len(starts) > len(new) and new[0] < starts[-len(new) - 1]:
                starts.sort()
            high = end
        self.covered = (low, high)
        return True


def _verb_scan(qr: QuoteRules) -> tuple[re.Pattern[str] | None, int, int]:
    """Return a pattern finding the speaker-first entries' first words in a lowercased body
    (None when they are not plain ASCII words), how long an entry can match, and how long
    a first word is."""
    table = memo_table(qr, "verb scan")
    found = table.get("")
    if found is None:
        entries, suffixes = qr.cue_words.get("speaker-first") or ((), ())
        firsts = sorted({e.split()[0].casefold() for e in entries}, key=lambda w: (-len(w), w))
        plain = bool(firsts) and all(w.isascii() and w.replace("_", "a").isalnum() for w in firsts)
        longest = max((len(e.strip()) for e in entries), default=0)
        longest += max((len(s) for s in suffixes), default=0)
        scan = re.compile("|".join(map(re.escape, firsts))) if plain else None
        found = table[""] = (scan, longest, max(map(len, firsts), default=0))
    return found


def cue_before(
    body: str, open_mark: int, qr: QuoteRules, found: SpeakerVerbs | None = None
) -> Attribution | None:
    """Return the cue that introduces a quote opening at ``open_mark``, or None.

    Reads "Budi mengatakan, “...", "Kata Budi, “...", "Menurut Budi, “..." and
    "Budi: “...". ``found`` finds the body's speaker-first verbs (made once per body).
    """
    begin = sentence_start(body, open_mark, 0, qr)
    head_end = len(body[begin:open_mark].rstrip(" \t,:"))
    if head_end == 0:
        return None
    end = begin + head_end
    verbs = _verbs_within(body, begin, end, qr, found, end - MAX_CUE_TAIL_CHARS)
    if verbs and end - verbs[-1].end() <= MAX_CUE_TAIL_CHARS:
        att = _attribution(body, begin, verbs[-1], qr, found)
        if att is not None:
            return att
    for pattern, rule in ((qr.frame_re, "frame"), (qr.verb_first_re, "verb-first")):
        cue = pattern.match(body, begin, end) if may_start(qr, rule, body, begin) else None
        if cue:
            name, role, is_pronoun = speaker_after(body, cue.end(), end, qr)
            if name or is_pronoun:
                return Attribution(cue.group(), qr.rule_ids[rule], name, role, is_pronoun, begin)
    inserted = _inserted_cue_before(body, begin, end, qr)
    if inserted is not None:
        return inserted
    if body[begin:open_mark].rstrip().endswith(":"):
        run = qr.name_run_re.fullmatch(body, begin, end)
        if run:
            name, role = pick_name(run.group(), None, qr)
            return Attribution(":", qr.rule_ids["speaker-first"], name, role, False, begin)
    return None


def _verbs_within(
    body: str,
    begin: int,
    end: int,
    qr: QuoteRules,
    found: SpeakerVerbs | None,
    since: int | None = None,
) -> list[regex.Match[str]]:
    """Return the speaker-first verbs in body[begin:end] as the pattern finds them there
    (with ``since``, maybe not those ending before it)."""
    if found is None:
        return list(qr.speaker_first_re.finditer(body, begin, end))
    return found.within(begin, end, since)


def _attribution(
    body: str, begin: int, verb: regex.Match[str], qr: QuoteRules, found: SpeakerVerbs | None
) -> Attribution | None:
    """Return attribution_before_verb's reading of the speaker before a verb."""
    if found is None:
        return attribution_before_verb(body, begin, verb, qr)
    return found.attribution(begin, verb)


def _inserted_cue_before(body: str, begin: int, end: int, qr: QuoteRules) -> Attribution | None:
    """Read "..., explained Rosenberg, “...": a verb-first cue closing the lead-in."""
    comma = body.rfind(", ", begin, end)
    if comma < 0:
        return None
    cue = (
        qr.verb_first_re.match(body, comma + 2, end)
        if may_start(qr, "verb-first", body, comma + 2)
        else None
    )
    if cue is None:
        return None
    name, role, is_pronoun = speaker_after(body, cue.end(), end, qr)
    run = qr.name_run_re.match(body, cue.end() + 1, end)
    if name is None or run is None or body[run.end() : end].strip():
        return None
    return Attribution(cue.group(), qr.rule_ids["verb-first"], name, role, is_pronoun, comma)


def cue_in_sentence(
    body: str, span_start: int, span_end: int, qr: QuoteRules, found: SpeakerVerbs | None = None
) -> Attribution | None:
    """Return a cue elsewhere in the quote's sentence ("X called it “...” on Monday").

    Looks back from the opening mark for a speaker-first verb (the last few
    only, and only in a sentence that starts within reach), then forward from
    the closing mark to the sentence end for "..., X said".
    """
    begin = sentence_start(body, span_start, 0, qr)
    if span_start - begin < MAX_SENTENCE_CHARS:  # else no start in reach: no sentence to read
        verbs = _verbs_within(body, begin, span_start, qr, found)
        for verb in reversed(verbs[-MAX_SENTENCE_VERBS:]):
            att = _attribution(body, begin, verb, qr, found)
            if att is not None:
                return att
    end = find_clause_end(body, span_end, min(len(body), span_end + MAX_SPEAKER_PHRASE_CHARS), qr)
    comma = body.rfind(", ", span_end, end)
    if comma < 0:
        return None
    return cue_after(body, comma + 2, end, qr)


def find_introductions(body: str, qr: QuoteRules, words: BodyWords) -> list[tuple[int, str]]:
    """Return (offset, name) for each passive introduction ("disampaikan oleh Budi")."""
    if qr.introduction_re is None:
        return []
    found = []
    for m in scan_cues(body, words, qr, "introduction"):
        end = find_clause_end(body, m.end(), min(len(body), m.end() + MAX_SPEAKER_PHRASE_CHARS), qr)
        name, _, _ = speaker_after(body, m.end(), end, qr)
        if name:
            found.append((m.start(), name))
    return found


def find_aliases(body: str, qr: QuoteRules, words: BodyWords, index: NameIndex) -> dict[str, str]:
    """Return each name a person goes by ("disapa Bento"), mapped to the fullest name before it."""
    if qr.alias_re is None:
        return {}
    found = {}
    for m in scan_cues(body, words, qr, "alias"):
        gap = SPACES_RE.match(body, m.end())
        run = qr.name_run_re.match(body, gap.end() if gap else m.end())
        before = index.person_before(m.start(), ANY_NAME_KINDS)
        near = before is not None and m.start() - before[0] - len(before[1]) <= MAX_ALIAS_GAP_CHARS
        if run is not None and before is not None and near:
            found.setdefault(run.group(), index.fullest(before[1]))
    return found


def earlier_description(body: str, pos: int, noun: str, qr: QuoteRules) -> str | None:
    """Return the indefinite description that introduced "the <noun>" ("a committee aide").

    Looks back over a bounded window, at most a few occurrences of the noun.
    """
    floor = max(0, pos - MAX_DESCRIPTION_BACK_CHARS)
    at = pos
    for _ in range(MAX_DESCRIPTION_TRIES):
        at = body.rfind(noun, floor, at)
        if at <= floor:
            return None
        after = body[at + len(noun) : at + len(noun) + 1]
        if after.isalnum() or not body[at - 1].isspace():
            continue
        words = body[max(floor, at - MAX_ROLE_CHARS) : at].split()[-MAX_DESCRIPTION_WORDS:]
        for i in range(len(words) - 1, -1, -1):
            if words[i].casefold() in qr.indefinite_determiners:
                return " ".join([*words[i + 1 :], noun])
            if not words[i].isalpha():
                break
    return None
