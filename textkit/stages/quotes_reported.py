"""Reported speech: "X mengatakan, ...", "Menurut X, ...", "..., kata X.", "X said that ...".

The reported content runs from the cue to the end of its sentence. A
stretch that holds a quotation mark is a direct quote's frame, not reported
speech, and is left to quotes_direct.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from textkit.stages.cue_scan import BodyWords, quote_marks, scan_cues
from textkit.stages.quote_rules import QUOTE_MARKS, QuoteRules
from textkit.stages.sentences import (
    MAX_SENTENCE_CHARS,
    SPACE_CHARS,
    is_abbreviation_dot,
    sentence_start,
    skip_spaces,
)
from textkit.stages.speakers import (
    Attribution,
    is_cue_verb,
    speaker_after,
    speaker_before_cue_verb,
)

MAX_REPORTED_CHARS = 700
MIN_REPORTED_WORDS = 3
# Between the verb and the content: a comma, "bahwa"/"that", or a short adjunct
# such as "on Tuesday" before "that".
MAX_OPENER_GAP_CHARS = 40
MAX_SKIPPED_WORDS = 3
MAX_FRAME_PHRASE_CHARS = 160
# An inserted cue ("..., lanjut Kepala Dinas X, ...") is at most this long.
MAX_INSERTED_CUE_CHARS = 80
SENTENCE_END_RE = regex.compile(r"[.!?](?=[\"“”’)]?(?:\s|$))|\n|[ \t]{3,}")
STOP_CLOSERS = '"“”’)'
# Stops that end no sentence ("3.5") looked past by hand before the regex takes over.
MAX_FAST_STOPS = 8
# Holds MIN_REPORTED_WORDS (three) runs of word characters or more.
ENOUGH_WORDS_RE = regex.compile(r"\w\W+\w+\W+\w")
PUNCT_RE = regex.compile(r"[,.;:!?\n]")
SPACES_RE = regex.compile(r"[ ]+")


@dataclass
class Reported:
    """One stretch of reported speech and the attribution that frames it."""

    start: int
    end: int
    attribution: Attribution


def sentence_end(body: str, pos: int, qr: QuoteRules) -> int:
    """Return the end of the sentence that holds ``pos`` (after its full stop).

    That is the first match of SENTENCE_END_RE, a stop's dot not counting
    after an abbreviation; found with str.find, the regex taking over for
    tabs or many stops that end nothing ("3.5").
    """
    limit = min(len(body), pos + MAX_REPORTED_CHARS)
    if body.find("\t", pos, limit) >= 0:
        return _sentence_end_by_regex(body, pos, limit, qr)
    line = body.find("\n", pos, limit)
    gap = body.find("   ", pos, line if line >= 0 else limit)
    brk = gap if gap >= 0 else line
    before = brk if brk >= 0 else limit
    at = pos
    for _ in range(MAX_FAST_STOPS):
        stop = _first_stop(body, at, before)
        if stop < 0:
            return before
        if _stop_ends(body, stop, limit) and not is_abbreviation_dot(body, stop, qr):
            return stop + 1
        at = stop + 1
    return _sentence_end_by_regex(body, at, limit, qr)


def _sentence_end_by_regex(body: str, pos: int, limit: int, qr: QuoteRules) -> int:
    for m in SENTENCE_END_RE.finditer(body, pos, limit):
        if m.group() in ".!?":
            if is_abbreviation_dot(body, m.start(), qr):
                continue
            return m.end()
        return m.start()
    return limit


def _first_stop(body: str, pos: int, end: int) -> int:
    """Return the offset of the first ".", "!" or "?" in body[pos:end], or -1."""
    find = body.find
    dot, bang, ask = find(".", pos, end), find("!", pos, end), find("?", pos, end)
    if bang < 0 and ask < 0:
        return dot  # the usual case: no "!" or "?" near
    return min(at for at in (dot, bang, ask) if at >= 0)


def _stop_ends(body: str, stop: int, limit: int) -> bool:
    """Return True when a space (or the limit) follows a stop, maybe after a closing mark."""
    after = stop + 1
    if after < limit and body[after] in STOP_CLOSERS:
        after += 1
    return after >= limit or body[after] in SPACE_CHARS


def _content_start(body: str, pos: int, qr: QuoteRules) -> int:
    """Return where the reported content starts after a cue that ends at ``pos``."""
    start = _gap_end(body, pos)
    if qr.content_opener_re is None:
        return start
    window = body[start : start + MAX_OPENER_GAP_CHARS]
    opener = qr.content_opener_re.search(window)
    skipped = window[: opener.start()] if opener else ""
    if opener and len(skipped.split()) <= MAX_SKIPPED_WORDS and not PUNCT_RE.search(skipped):
        start = _gap_end(body, start + opener.end())
    return start


def _gap_end(body: str, pos: int) -> int:
    """Return where GAP_RE's match at ``pos`` ends: spaces, a comma or colon, spaces."""
    if body.startswith(" ", pos):
        pos = _spaces_end(body, pos)
    if body.startswith((",", ":"), pos):
        pos += 1
    if body.startswith(" ", pos):
        pos = _spaces_end(body, pos)
    return pos


def _spaces_end(body: str, pos: int) -> int:
    if not body.startswith("  ", pos):
        return pos + 1  # one space: the usual case
    return SPACES_RE.match(body, pos).end()


def _content_may_start(body: str, verb: regex.Match[str], start: int, qr: QuoteRules) -> bool:
    """Return False for "said in August ..." or "told CNN ..." without a content opener."""
    between = body[verb.end() : start]
    if between.strip(" ") != "":
        return True  # a comma, a colon or "bahwa"/"that" opened the content
    first = body[start : start + MAX_OPENER_GAP_CHARS].split()[:1]
    if not first or first[0].casefold() in qr.adjunct_words:
        return False
    return verb.group().casefold() not in qr.object_verbs


def _is_content(body: str, start: int, end: int, marks: list[int]) -> bool:
    """Return True for reported content: enough words, not a direct quote's opening.

    Quoted phrases inside it are allowed ("he said the plan was “bold”"): it
    holds an even number of the body's quotation marks (``marks``, their offsets).
    """
    lead = start
    while lead < end and body[lead].isspace():
        lead += 1
    if (lead < end and body[lead] in QUOTE_MARKS) or not ENOUGH_WORDS_RE.search(body, start, end):
        return False
    return (bisect.bisect_left(marks, end) - bisect.bisect_left(marks, start)) % 2 == 0


def find_speaker_first(body: str, qr: QuoteRules, words: BodyWords) -> list[Reported]:
    """Return reported speech of the form "X mengatakan, ..." / "X said that ..."."""
    found = []
    marks = quote_marks(body, words)
    for verb in scan_cues(body, words, qr, "speaker-first"):
        after = verb.end()
        if body[after : after + 1] in ".!?\n" or not is_cue_verb(body, verb, qr):
            continue
        start = _content_start(body, after, qr)
        if not _content_may_start(body, verb, start, qr):
            continue
        end = sentence_end(body, start, qr)
        if not _is_content(body, start, end, marks):
            continue
        att = speaker_before_cue_verb(body, sentence_start(body, verb.start(), 0, qr), verb, qr)
        if att is not None:
            found.append(Reported(start, end, att))
    return found


def _at_sentence_start(body: str, pos: int, qr: QuoteRules) -> bool:
    """Return True when only a lead-in word ("Namun", "But") precedes pos in its sentence."""
    if _no_lead_in_before(body, pos, qr):
        return False
    begin = sentence_start(body, pos, 0, qr)
    lead = body[begin:pos].strip(" ,")
    if not lead:
        return True
    if len(lead) not in qr.lead_in_lengths:
        return False  # no lead-in word is that long: the pattern cannot match
    return bool(qr.lead_in_re is not None and qr.lead_in_re.fullmatch(lead))


def _no_lead_in_before(body: str, pos: int, qr: QuoteRules) -> bool:
    """Return True when the word before pos (past spaces and commas) ends no lead-in.

    A letter there, or a closing mark with no stop before it ("...,” kata"),
    belongs to pos's sentence, so what precedes pos in it is not empty, and a
    lead-in (ending with a letter) it is not. (False: not known without the sentence.)
    """
    last = pos - 1
    while last >= 0 and body[last] in " ,":
        last -= 1
    if qr.lead_in_ends is None or last < 0 or pos - last >= MAX_SENTENCE_CHARS:
        return False
    if body[last] in STOP_CLOSERS:
        return last > 0 and body[last - 1] not in ".!?"
    if not ("a" <= body[last] <= "z" or "A" <= body[last] <= "Z"):
        return False
    ends = qr.lead_in_ends
    tail = body[max(0, last + 1 - max(map(len, ends), default=0)) : last + 1]
    return tail.isascii() and not tail.lower().endswith(ends)


def find_framed(body: str, qr: QuoteRules, words: BodyWords) -> list[Reported]:
    """Return reported speech opened by a frame: "Menurut X, ...", "Lanjut X, ..."."""
    found = []
    marks = quote_marks(body, words)
    for rule in ("frame", "verb-first"):
        for cue in scan_cues(body, words, qr, rule):
            if rule == "verb-first" and not _opens_sentences(cue.group(), qr):
                continue
            glued = rule == "frame" and cue.group()[:1].isupper()  # "Judul Menurut X, ..."
            if not glued and not _at_sentence_start(body, cue.start(), qr):
                continue
            reported = _framed_at(body, cue, qr.rule_ids[rule], qr, marks)
            if reported is not None:
                found.append(reported)
    return found


def _opens_sentences(cue: str, qr: QuoteRules) -> bool:
    """Return True for a cue verb that may open reported speech ("Lanjut Budi, ...")."""
    return cue.casefold() in qr.sentence_cue_forms


def _framed_at(
    body: str, cue: regex.Match[str], rule: str, qr: QuoteRules, marks: list[int]
) -> Reported | None:
    """Return the reported speech a frame cue opens, or None (``marks``: the body's quote marks)."""
    limit = min(len(body), cue.end() + MAX_FRAME_PHRASE_CHARS)
    if any(cue.group().casefold().endswith(c) for c in qr.clitics):
        name, role, is_pronoun = None, None, True  # "Menurutnya, ..."
        phrase_end = cue.end()
    else:
        name, role, is_pronoun = speaker_after(body, cue.end(), limit, qr)
        phrase_end = _phrase_end(body, cue.end(), limit, qr, is_pronoun)
    if name is None and not is_pronoun:
        return None
    start = _content_start(body, phrase_end, qr)
    end = sentence_end(body, start, qr)
    if not _is_content(body, start, end, marks):
        return None
    if role and body.startswith(role, start):
        role = None  # "Menurut Budi, harga naik": what follows the comma is content, not a role
    att = Attribution(cue.group(), rule, name, role, is_pronoun, cue.start())
    return Reported(start, end, att)


def _phrase_end(body: str, pos: int, limit: int, qr: QuoteRules, is_pronoun: bool) -> int:
    """Return where the speaker phrase after a frame ends (at its comma, or its last name)."""
    at = skip_spaces(body, pos, limit)
    m = (qr.pronoun_re if is_pronoun else qr.name_run_re).match(body, at, limit)
    end = m.end() if m else pos
    comma = body.find(",", end, limit)
    if comma >= 0 and not SENTENCE_END_RE.search(body, end, comma):
        between = body[end:comma].split()
        short = comma - end <= MAX_OPENER_GAP_CHARS // 2
        affiliation = bool(between) and between[0].casefold() in qr.affiliation_words
        if not between or between[0][:1].isupper() or short or affiliation:
            return comma + 1
    return end


def find_cue_final(body: str, qr: QuoteRules, words: BodyWords) -> list[Reported]:
    """Return reported speech with its cue after a comma: "Harga naik, kata Budi.".

    A cue set inside the sentence ("Harga, kata dia, naik.") gives the whole
    sentence.
    """
    found = []
    for cue in scan_cues(body, words, qr, "verb-first"):
        before = body[max(0, cue.start() - 2) : cue.start()]
        if before != ", ":
            continue
        begin = sentence_start(body, cue.start(), 0, qr)
        limit = sentence_end(body, cue.end(), qr)
        name, role, is_pronoun = speaker_after(body, cue.end(), limit, qr)
        clitic = any(cue.group().casefold().endswith(c) for c in qr.clitics)
        if name is None and not is_pronoun and not clitic:
            continue
        end = cue.start() - 2
        if _continues_after_cue(body, cue.end(), limit):
            end = limit
        if not _is_content(body, begin, end, quote_marks(body, words)):
            continue
        att = Attribution(
            cue.group(), qr.rule_ids["verb-first"], name, role, name is None, cue.start()
        )
        found.append(Reported(begin, end, att))
    return found


def _continues_after_cue(body: str, pos: int, limit: int) -> bool:
    """Return True when the sentence goes on after an inserted cue ("..., kata dia, naik.")."""
    comma = body.find(", ", pos, limit)
    return comma >= 0 and comma - pos <= MAX_INSERTED_CUE_CHARS and limit - comma > 2 * len(", ")


def find_reported(body: str, qr: QuoteRules, words: BodyWords) -> list[Reported]:
    """Return every stretch of reported speech, the first found winning where two overlap.

    ``words`` is ``body_words(body)``, computed once per body by the caller.
    """
    candidates = (
        find_framed(body, qr, words)
        + find_speaker_first(body, qr, words)
        + find_cue_final(body, qr, words)
    )
    kept: list[Reported] = []
    starts: list[int] = []
    for item in candidates:
        at = bisect.bisect_left(starts, item.start)
        before_ok = at == 0 or kept[at - 1].end <= item.start
        after_ok = at == len(kept) or item.end <= kept[at].start
        if before_ok and after_ok:
            kept.insert(at, item)
            starts.insert(at, item.start)
    return kept
