"""Speakers: the cue next to a quote, the speaker phrase it names, and pronoun resolution.

A cue is read from the language's ``quotes.toml``: verb-first cues ("ujarnya",
"kata Budi", "said Smith"), speaker-first cues ("Budi mengatakan", "he
said") and frames ("Menurut Budi,"). A pronoun or a clitic ("-nya") stands
for the person last named.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from textkit.stages.cue_scan import may_start
from textkit.stages.names import is_role_like, pick_name, split_role
from textkit.stages.quote_rules import QuoteRules
from textkit.stages.sentences import SPACE_CHARS, find_clause_end, skip_spaces
from textkit.stages.speaker_phrases import (
    described_speaker,
    is_adjunct,
    is_aside,
    is_definite_description,
    subject_of,
    without_trailing_adverbs,
)

# How far after a closing mark, or before an opening mark, a cue may sit.
MAX_CUE_GAP_CHARS = 12
MAX_SPEAKER_PHRASE_CHARS = 160
MAX_ROLE_CHARS = 90
COMMA_RE = regex.compile(r",[ ]+")
MAX_POINTING_WORDS = 8
LOWER_ROLE_RE = regex.compile(r"(?:\p{Ll}[\p{L}\-]*[ ]*,?[ ]+){1,6}")
# A role chain names at most this many segments; its name has two words or more.
MAX_CHAIN_SEGMENTS = 5
MAX_CONNECTOR_CHARS = 8
MIN_CHAIN_NAME_WORDS = 2
# "Name, role, place, ..., verb": a chain this long before a verb opens with its speaker.
MIN_APPOSITIVE_SEGMENTS = 3
FAR_SEGMENT_RE = regex.compile(r",[ ]+([^,.;:!?\n\"“”]{2,90}?)(?=,|[.;:!?\n\"“”]|$)")
# A capitalised word of up to three letters before a dot: "Mr", "Sen", "J".
DASH_NAME_RE = regex.compile(r"[ ]*[―—–-]+[ ]*")
DASHES = "―—–-"
# Between a closing mark and its cue: spaces (what the patterns' \s matches) and these.
LEAD_PUNCT = ",.;:!?-–—"


@dataclass
class Attribution:
    """Who a cue names: a speaker phrase split into name and role, or a pronoun."""

    cue: str
    rule: str
    name: str | None = None
    role: str | None = None
    is_pronoun: bool = False
    anchor: int = 0
    # The head noun of "the aide said", to find "a committee aide" named before.
    described: str | None = None


def cue_after(body: str, pos: int, limit: int, qr: QuoteRules) -> Attribution | None:
    """Return the cue that follows a closing quote mark at ``pos``, or None.

    Reads "ujarnya", "kata Budi", "said Smith", "he said", "Budi menambahkan".
    """
    credit = dash_credit(body, pos, limit, qr)
    if credit is not None:
        return credit
    start, stop = pos, min(limit, pos + MAX_CUE_GAP_CHARS)
    while start < stop and (body[start] in SPACE_CHARS or body[start] in LEAD_PUNCT):
        start += 1
    end = min(limit, start + MAX_SPEAKER_PHRASE_CHARS)
    verb = (
        qr.verb_first_re.match(body, start, end)
        if may_start(qr, "verb-first", body, start)
        else None
    )
    if verb:
        return _verb_first(body, verb, end, qr)
    return _speaker_then_verb(body, start, end, qr)


def dash_credit(body: str, pos: int, limit: int, qr: QuoteRules) -> Attribution | None:
    """Return the speaker credited after a dash ("” — Budi Santoso"), or None."""
    first = body[pos:limit].lstrip(" ")[:1]
    if not first or first not in DASHES:
        return None  # DASH_NAME_RE cannot match
    dash = DASH_NAME_RE.match(body, pos, limit)
    if not dash or not dash.group().strip():
        return None
    run = qr.name_run_re.match(body, dash.end(), limit)
    if not run or body[run.end() : limit].strip(" .,"):
        return None
    name, role = split_role(run.group(), qr)
    if name is None:
        return None
    return Attribution(dash.group().strip(), qr.rule_ids["dash"], name, role, False, run.start())


def _verb_first(body: str, verb: regex.Match[str], end: int, qr: QuoteRules) -> Attribution:
    cue = verb.group()
    att = Attribution(cue=cue, rule=qr.rule_ids["verb-first"], anchor=verb.start())
    if any(cue.casefold().endswith(c) for c in qr.clitics) and not _next_is_name(
        body, verb.end(), end, qr
    ):
        att.is_pronoun = True
        return att
    name, role, is_pronoun = speaker_after(body, verb.end(), end, qr)
    att.name, att.role, att.is_pronoun = name, role, is_pronoun or name is None
    return att


def _next_is_name(body: str, pos: int, end: int, qr: QuoteRules) -> bool:
    after = skip_spaces(body, pos, end)
    return after > pos and bool(qr.name_run_re.match(body, after, end))


def speaker_after(
    body: str, pos: int, end: int, qr: QuoteRules
) -> tuple[str | None, str | None, bool]:
    """Return (name, role, is_pronoun) for the speaker phrase that starts at ``pos``."""
    pos = skip_spaces(body, pos, end)
    if may_start(qr, "pronoun", body, pos) and qr.pronoun_re.match(body, pos, end):
        return None, None, True
    if qr.determiner_re is not None:
        det = (
            qr.determiner_re.match(body, pos, end)
            if may_start(qr, "determiner", body, pos)
            else None
        )
        if det:
            pos = det.end() + 1
    run = qr.name_run_re.match(body, pos, end)
    if run:
        later = (None, None, False)
        if not _affiliation_follows(body, run.end(), end, qr):
            later = _name_after_role_words(body, run.end(), end, qr)
        if later[0] is not None and not _has_affiliation(later[1], qr):
            return later[0], f"{run.group()} {later[1] or ''}".strip(), False
        if _points_back(body, run.end(), end, qr):
            return None, None, True
        name, role = pick_from_chain(name_chain(body, run, end, qr), qr)
        return name, role, False
    return _name_after_role_words(body, pos, end, qr)


def is_person_pointer(phrase: str, qr: QuoteRules) -> bool:
    """Return True for a description of a person closed by a demonstrative.

    "Mantan Gubernur itu" or "pria kelahiran Ambon itu" point back to someone;
    "Peraturan tersebut" (no title, no name inside) does not.
    """
    last = phrase.rsplit(None, 1)
    if len(last) < 2 or last[-1].casefold() not in qr.demonstratives:
        return False  # found without splitting every word of a long phrase
    words = phrase.split()
    titled = bool(qr.title_re.match(" ".join(words)))
    return titled or any(w[:1].isupper() for w in words[1:-1])


def _points_back(body: str, pos: int, end: int, qr: QuoteRules) -> bool:
    """Return True when a demonstrative closes the phrase ("pria kelahiran Solo itu")."""
    rest = body[pos : find_clause_end(body, pos, end, qr)].split()
    if not rest or len(rest) > MAX_POINTING_WORDS or rest[-1].casefold() not in qr.demonstratives:
        return False
    # "saat menghadiri acara itu" is when, not who
    return not any(w.casefold() in qr.adjunct_words for w in rest[:-1])


def _stops_role(word: str, qr: QuoteRules) -> bool:
    folded = word.casefold()
    return (
        folded in qr.adjunct_words
        or folded in qr.non_cue_before
        or folded in qr.pronouns
        or folded in qr.subject_adverbs  # "Liza justru mendukung ...": a clause, not a role
    )


def _name_after_role_words(
    body: str, pos: int, end: int, qr: QuoteRules
) -> tuple[str | None, str | None, bool]:
    """Read "kata pengamat politik, Budi Santoso": lowercase role words, then a name."""
    pos = skip_spaces(body, pos, end)
    words = LOWER_ROLE_RE.match(body, pos, min(end, pos + MAX_ROLE_CHARS))
    if not words:
        return None, None, False
    role_words = words.group().replace(",", " ").split()
    if any(_stops_role(w, qr) for w in role_words):
        return None, None, False
    if role_words[0].casefold() in qr.non_person_sources:
        return None, None, False  # "menurut data, Dinas X ...": no one speaks
    run = qr.name_run_re.match(body, words.end(), end)
    if not run:
        return None, None, False
    if _points_back(body, run.end(), end, qr):
        return None, None, True
    chain = name_chain(body, run, end, qr)
    if len(chain) > 1:
        name, role = pick_from_chain([" ".join([*role_words, chain[0]]), *chain[1:]], qr)
        return name, role, False
    name, role = split_role(run.group(), qr)
    full_role = " ".join([*role_words, role or ""]).strip()
    return name, full_role or None, False


def _has_affiliation(role: str | None, qr: QuoteRules) -> bool:
    """Return True when role words hold "dari"/"of": the name came first, then its affiliation."""
    return bool(role) and any(w.casefold() in qr.affiliation_words for w in (role or "").split())


def _affiliation_follows(body: str, pos: int, end: int, qr: QuoteRules) -> bool:
    """Return True for "Budi dari Dinas X": the name came first, then where the person works."""
    words = body[pos : min(end, pos + MAX_ROLE_CHARS)].split()[:1]
    return bool(words) and words[0].casefold() in qr.affiliation_words


def name_chain(body: str, run: regex.Match[str], end: int, qr: QuoteRules) -> list[str]:
    """Return the comma-separated segments that follow a cue: a name, roles, places."""
    chain = [run.group()]
    pos = run.end()
    while len(chain) < MAX_CHAIN_SEGMENTS:
        if not body.startswith(", ", pos, end):
            break  # COMMA_RE cannot match
        comma = COMMA_RE.match(body, pos, end)
        joined = _connector_after(body, comma.end(), end, qr)
        if joined is not None:  # "Bidang Politik, Hukum, dan Keamanan X": one office
            chain[-1] = f"{chain[-1]} {body[comma.end() : joined.end()]}"
            pos = joined.end()
            continue
        nxt = qr.name_run_re.match(body, comma.end(), end)
        if nxt is None and len(chain) == 1:
            nxt = FAR_SEGMENT_RE.match(body, pos, end)
            if nxt and nxt.group(1)[:1].islower() and is_role_like(nxt.group(1), qr):
                chain.append(nxt.group(1))
            break
        if nxt is None or is_adjunct(nxt.group(), qr):
            break
        chain.append(nxt.group())
        pos = nxt.end()
    return chain


def _connector_after(body: str, pos: int, end: int, qr: QuoteRules) -> regex.Match[str] | None:
    """Return the name run after a connector word ("dan Keamanan X"), or None."""
    word = body[pos : min(end, pos + MAX_CONNECTOR_CHARS)].split(" ", 1)[0]
    if word not in qr.connectors:
        return None
    return qr.name_run_re.match(body, pos + len(word) + 1, end)


def pick_from_chain(chain: list[str], qr: QuoteRules) -> tuple[str | None, str | None]:
    """Return (name, role) from a chain such as "Kepala Dusun X, Kelurahan Y, Budi Santoso"."""
    if len(chain) == 1:
        return split_role(chain[0], qr)
    if not is_role_like(chain[0], qr):
        return pick_name(chain[0], chain[1], qr)
    for i in range(len(chain) - 1, 0, -1):
        name, _ = split_role(chain[i], qr)
        long_enough = i == 1 or len(name.split()) >= MIN_CHAIN_NAME_WORDS if name else False
        if name and long_enough and not is_role_like(chain[i], qr):
            return name, ", ".join(chain[:i])
    name, _ = split_role(chain[-1], qr)  # "..., Hukum dan Keamanan Mahfud MD"
    if name is not None and len(name.split()) >= MIN_CHAIN_NAME_WORDS:
        return name, ", ".join(chain[:-1])
    return split_role(chain[0], qr)


def _speaker_then_verb(body: str, start: int, end: int, qr: QuoteRules) -> Attribution | None:
    """Read "he said", "Budi menambahkan", "the White House said" after a quote."""
    clause_end = find_clause_end(body, start, end, qr)
    verb = qr.speaker_first_re.search(body, start, clause_end)
    if not verb or verb.start() - start > MAX_SPEAKER_PHRASE_CHARS // 2:
        return None
    return attribution_before_verb(body, start, verb, qr)


def is_cue_verb(body: str, verb: regex.Match[str], qr: QuoteRules) -> bool:
    """Return False when the word before a speech verb makes it no cue ("untuk memastikan")."""
    if verb.group()[:1].isupper():
        return False  # a capitalised verb mid-sentence is part of a title or a name
    start = verb.start()
    before = body[max(0, start - 20) : start].rsplit(None, 1)  # the last word, if any
    return not before or before[-1].casefold() not in qr.non_cue_before


def attribution_before_verb(
    body: str, start: int, verb: regex.Match[str], qr: QuoteRules
) -> Attribution | None:
    """Return the attribution for "SPEAKER VERB" where the speaker sits in body[start:verb]."""
    if not is_cue_verb(body, verb, qr):
        return None
    return speaker_before_cue_verb(body, start, verb, qr)


def speaker_before_cue_verb(
    body: str, start: int, verb: regex.Match[str], qr: QuoteRules
) -> Attribution | None:
    """Return attribution_before_verb's result for a verb already known to be a cue."""
    segments = [s for s in map(str.strip, body[start : verb.start()].split(",")) if s]
    while segments and (
        is_aside(segments[-1], qr)
        or (len(segments) > 1 and _is_degree(segments[-1], qr))  # "Budi, S.IP., M.A. ..."
    ):
        segments.pop()
    if not segments:
        return None
    found = _speaker_of_segments(segments, qr)
    if found is None:
        return None
    name, role, is_pronoun, described = found
    rule = qr.rule_ids["speaker-first"]
    return Attribution(verb.group(), rule, name, role, is_pronoun, verb.start(), described)


def _speaker_of_segments(
    segments: list[str], qr: QuoteRules
) -> tuple[str | None, str | None, bool, str | None] | None:
    """Return (name, role, is_pronoun, described) for the comma-separated segments before a
    cue verb, the speaker's next to it, or None when they name no one."""
    if len(segments) >= MIN_APPOSITIVE_SEGMENTS and (lead := _appositive_lead(segments, qr)):
        return lead[0], lead[1], False, None
    near = without_trailing_adverbs(segments[-1], qr)
    last_word = near.rsplit(None, 1)[-1].casefold()  # near holds a word: segments are stripped
    if last_word in qr.pronouns or (last_word in qr.demonstratives and is_person_pointer(near, qr)):
        return None, None, True, None
    subject = subject_of(near, qr)
    far = segments[-2] if len(segments) > 1 and len(segments[-2]) <= MAX_ROLE_CHARS else None
    if subject is None and far is not None and near[:1].islower() and is_role_like(near, qr):
        subject, far = near, far
    if subject is None:
        if far is None and is_definite_description(near, qr):
            return None, None, True, near.split()[-1]  # "the governor said": someone named
        name = described_speaker(near, qr) if far is None else None
        return (name, None, False, None) if name else None
    if far is not None and subject_of(far, qr) is None and not far[:1].isupper():
        far = None
    name, role = pick_name(subject, far, qr)
    if name is None and far is None:
        name = described_speaker(near, qr)
    return (name, role, False, None) if name else None


def _is_degree(segment: str, qr: QuoteRules) -> bool:
    """Return True for a segment that is only an abbreviated title or degree ("M.A.", "S.IP.")."""
    text = segment.strip()
    return "." in text and text.casefold() in qr.title_words


def _appositive_lead(segments: list[str], qr: QuoteRules) -> tuple[str, str] | None:
    """Return (name, role) for "Budi, Kepala Regu X, Kebayoran, Jakarta — ... — menuturkan".

    A plain name opens a chain of three segments or more and a title of office
    with no name in it follows.
    """
    if len(segments) < MIN_APPOSITIVE_SEGMENTS or not qr.title_re.match(segments[1]):
        return None  # the role opens with a title of office
    if split_role(segments[1], qr)[0] is not None:
        return None  # "Terpisah, Kepala Dinas Budi, ...": the person is in the role segment
    name, role = split_role(segments[0], qr)
    if name is None or role is not None or name != segments[0] or is_role_like(name, qr):
        return None
    return name, segments[1]
