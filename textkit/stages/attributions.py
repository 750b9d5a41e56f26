"""Attributions found around a quote rather than right after it.

A cue that introduces the quote ("Budi mengatakan, “..."), one elsewhere in
its sentence ("X called it “...”"), a passive introduction ("disampaikan oleh
X"), the description that introduced "the aide", and the other names people go by
("yang akrab disapa Bento"). Every search is bounded.
"""

from __future__ import annotations

import regex

from textkit.stages.name_index import NameIndex
from textkit.stages.names import pick_name
from textkit.stages.quote_rules import BodyWords, QuoteRules, may_start, scan_cues
from textkit.stages.sentences import find_clause_end, sentence_start
from textkit.stages.speakers import (
    MAX_DESCRIPTION_WORDS,
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
ANY_NAME_KINDS = ("", "titled", "subject", "titled-subject")
SPACES_RE = regex.compile(r"[ ]+")


def cue_before(body: str, open_mark: int, qr: QuoteRules) -> Attribution | None:
    """Return the cue that introduces a quote opening at ``open_mark``, or None.

    Reads "Budi mengatakan, “...", "Kata Budi, “...", "Menurut Budi, “..." and
    "Budi: “...".
    """
    begin = sentence_start(body, open_mark, 0, qr)
    head_end = len(body[begin:open_mark].rstrip(" \t,:"))
    if head_end == 0:
        return None
    end = begin + head_end
    verbs = list(qr.speaker_first_re.finditer(body, begin, end))
    if verbs and end - verbs[-1].end() <= MAX_CUE_TAIL_CHARS:
        att = attribution_before_verb(body, begin, verbs[-1], qr)
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
    body: str, span_start: int, span_end: int, qr: QuoteRules
) -> Attribution | None:
    """Return a cue elsewhere in the quote's sentence ("X called it “...” on Monday").

    Looks back from the opening mark for a speaker-first verb, then forward
    from the closing mark to the sentence end for "..., X said".
    """
    begin = sentence_start(body, span_start, 0, qr)
    verbs = list(qr.speaker_first_re.finditer(body, begin, span_start))
    for verb in reversed(verbs):
        att = attribution_before_verb(body, begin, verb, qr)
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
