"""Quotes: direct quotations and reported speech, with offsets into the body.

Direct quotes come from quotes_direct (pairing the marks), reported speech
from quotes_reported, cues and speaker phrases from speakers, and names from
names. This module puts them in body order and resolves each speaker: a
pronoun, a "-nya" cue or a quote without a cue takes the person last named,
and every name is reported in its fullest form in the article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from textkit.lang import Rules
from textkit.record import Quote
from textkit.stages.attributions import (
    SpeakerVerbs,
    cue_before,
    cue_in_sentence,
    earlier_description,
    find_aliases,
    find_introductions,
)
from textkit.stages.cue_scan import body_words, quote_marks
from textkit.stages.known_speakers import known_speakers, speakers_holding
from textkit.stages.name_entries import goes_on_argument
from textkit.stages.name_index import NameIndex, build_name_index
from textkit.stages.names import plausible_role
from textkit.stages.quote_rules import QUOTE_MARKS, QuoteRules, quote_rules
from textkit.stages.quotes_direct import (
    CLOSE,
    MAX_QUOTE_CHARS,
    QuoteSpan,
    find_quote_spans,
    mark_kind,
)
from textkit.stages.quotes_reported import Reported, find_reported
from textkit.stages.speakers import Attribution, cue_after

DIRECT, INDIRECT = "direct", "indirect"
# No direct quote is longer than this (quotes_direct bounds them), so only
# quotes opening this close before a stretch of reported speech can overlap it.
MAX_QUOTE_REACH_CHARS = MAX_QUOTE_CHARS + 1000
# A name opening one of the sentences just before a quote ("Toto biasanya
# bersepeda. “...,” katanya.") is the person last named when it is this close.
NEAR_SUBJECT_CHARS = 300
# A quoted phrase this short with no cue nearby is a title, a name or a scare
# quote ("program “Kampung Tangguh”"), not speech.
MAX_SCARE_QUOTE_WORDS = 6
# A quote without a cue still counts as speech when it follows another quote
# this closely (a second quote in the same paragraph).
MAX_CHAINED_QUOTE_GAP_CHARS = 3
# A capitalised quoted phrase of this many words is a title or a name ("Morning
# Report") even next to a cue; one capitalised word ("“Ya,” kata dia") may be speech.
MIN_TITLE_WORDS = 2
# A quote whose cue sits elsewhere in its sentence ("X called it “...”") must
# have this many words; single quoted words there are mostly scare quotes.
MIN_SENTENCE_CUED_WORDS = 2
# How far past a closing mark a cue and its speaker phrase are looked for.
MAX_CUE_WINDOW_CHARS = 400
SENTENCE_FINAL = (".", "!", "?")
# A quote with no cue this close after another quote is the same speaker going on.
CHAINED_QUOTE_CHARS = 200
TITLE_PUNCT = "\"'“”‘’(),.:;!?"
# How many words of a quote _is_title_like splits off before it needs the rest.
TITLE_SPLIT_WORDS = 8
WORD_RE = regex.compile(r"\w+")
BLOCK_END_RE = regex.compile(r"\n|[ \t]{3,}")
MARK_RE = regex.compile(f"[{QUOTE_MARKS}]")
# How far past a quote that lost its closing mark the close and its cue are looked for.
MAX_CONTINUATION_CHARS = 1500


@dataclass
class _Item:
    """A quote on its way out: its kind, parts and attribution (None when no cue)."""

    kind: str
    parts: list[tuple[int, int]]
    position: int
    attribution: Attribution | None


def find_quotes(body: str, rules: Rules) -> list[Quote]:
    """Return the quotes in the body with their cues and speakers, in body order."""
    if not body:
        return []
    qr = quote_rules(rules)
    words = body_words(body, qr.any_first)
    spans = find_quote_spans(body, quote_marks(body, words))
    verbs = SpeakerVerbs(body, qr, words.lower)
    items = [item for span in spans if (item := _direct_item(body, span, qr, verbs)) is not None]
    opens = [span.open_mark for span in spans]
    for reported in find_reported(body, qr, words):
        if not _overlaps_any(reported, spans, opens):
            items.append(_reported_item(reported))
    if not items:
        return []  # no quote to attribute: the name index is not needed
    items.sort(key=lambda item: item.position)
    quoted = sorted(part for span in spans for part in span.parts)
    index = build_name_index(body, qr, quoted)
    introduced = [
        (at, index.fullest(index.trimmed(name))) for at, name in find_introductions(body, qr, words)
    ]
    aliases = find_aliases(body, qr, words, index)
    return _resolve(body, items, index, introduced, qr, aliases)


def _overlaps_any(reported: Reported, spans: list[QuoteSpan], opens: list[int]) -> bool:
    """Return True when reported speech overlaps one of the direct quotes (sorted by start)."""
    first = max(0, bisect.bisect_left(opens, reported.start - MAX_QUOTE_REACH_CHARS))
    last = bisect.bisect_left(opens, reported.end)
    return any(_overlaps(reported, span) for span in spans[first:last])


def _overlaps(reported: Reported, span: QuoteSpan) -> bool:
    """Return True when reported speech overlaps a direct quote that does not nest inside it."""
    close = span.close_mark if span.close_mark is not None else span.end
    nested = reported.start < span.open_mark and close < reported.end
    return not nested and reported.start <= close and reported.end > span.open_mark


def _reported_item(reported: Reported) -> _Item:
    return _Item(INDIRECT, [(reported.start, reported.end)], reported.start, reported.attribution)


def _block_end(body: str, pos: int) -> int:
    """Return where the paragraph holding ``pos`` ends, looking no further than a cue can sit."""
    limit = min(len(body), pos + MAX_CUE_WINDOW_CHARS)
    if body.find("\t", pos, limit) >= 0:
        m = BLOCK_END_RE.search(body, pos, limit)
        return m.start() if m else limit
    line = body.find("\n", pos, limit)  # BLOCK_END_RE's match, found by str.find
    spaces = body.find("   ", pos, line if line >= 0 else limit)
    return spaces if spaces >= 0 else (line if line >= 0 else limit)


def _direct_item(body: str, span: QuoteSpan, qr: QuoteRules, verbs: SpeakerVerbs) -> _Item | None:
    """Return the direct quote with its cue, or None for a scare quote or title."""
    title_like = _is_title_like(body, span)
    if title_like and _word_count(body, span) >= MIN_TITLE_WORDS:
        return None
    att = None
    if span.close_mark is not None:
        att = cue_after(body, span.close_mark + 1, _block_end(body, span.close_mark), qr)
        if att is not None and _starts_next_sentence(body, span, att, qr):
            att = None
    if att is None:
        att = cue_before(body, span.open_mark, qr, verbs)
    if att is None and span.close_mark is None:
        att = _continuation_cue(body, span, qr)
    if att is None and not title_like:
        close = span.close_mark if span.close_mark is not None else span.end
        if _word_count(body, span) >= MIN_SENTENCE_CUED_WORDS:
            att = cue_in_sentence(body, span.open_mark, close + 1, qr, verbs)
        if att is None and not _is_uncued_speech(body, span):
            return None
    elif att is None:
        return None
    return _Item(DIRECT, span.parts, span.open_mark, att)


def _continuation_cue(body: str, span: QuoteSpan, qr: QuoteRules) -> Attribution | None:
    """Return the cue after the closing mark of a quote whose close its paragraph lost.

    One sentence a line: a quote runs on over lines that carry no marks and
    closes, with its cue, a few lines on ("...\nIni berakhir,” kata Budi.").
    """
    mark = MARK_RE.search(body, span.end, min(len(body), span.end + MAX_CONTINUATION_CHARS))
    if mark is None or mark_kind(body, mark.start()) != CLOSE:
        return None
    return cue_after(body, mark.start() + 1, _block_end(body, mark.start()), qr)


def _starts_next_sentence(body: str, span: QuoteSpan, att: Attribution, qr: QuoteRules) -> bool:
    """Return True when a quote ended its sentence and the "cue" after it opens the next one.

    ("“... now.” Sen. Cruz called the KKK “abhorrent”": Cruz is not the speaker.)
    """
    if att.rule != qr.rule_ids["speaker-first"] or not body[: span.end].rstrip().endswith(
        SENTENCE_FINAL
    ):
        return False
    after = body[att.anchor : att.anchor + MAX_CUE_WINDOW_CHARS]
    verb_end = len(after.split(maxsplit=1)[0]) if after.split() else 0
    rest = after[verb_end:].lstrip()
    return (
        bool(rest)
        and rest[:1].isalpha()
        and rest[:1].islower()
        and not rest.startswith(tuple(qr.adjunct_words))
    )


def _word_count(body: str, span: QuoteSpan) -> int:
    return sum(len(WORD_RE.findall(body[s:e])) for s, e in span.parts)


def _is_title_like(body: str, span: QuoteSpan) -> bool:
    """Return True for a short quoted phrase whose every word is capitalised (a title or name).

    Only the first few words of a part are split off: the answer is mostly
    known by then, and the rest is split only when it is not.
    """
    count = 0
    for start, end in span.parts:
        head = body[start:end].split(None, TITLE_SPLIT_WORDS)
        rest = head.pop() if len(head) > TITLE_SPLIT_WORDS else ""
        count = _capitalised_count(head, count)
        if count >= 0 and rest:
            count = _capitalised_count(rest.split(), count)
        if count < 0:
            return False
    return True


def _capitalised_count(tokens: list[str], count: int) -> int:
    """Return ``count`` plus the words among the tokens, or -1 once a word is not
    capitalised or there are more than MAX_SCARE_QUOTE_WORDS."""
    for token in tokens:
        word = token.strip(TITLE_PUNCT)
        if not word:
            continue
        count += 1
        if count > MAX_SCARE_QUOTE_WORDS or not (word[:1].isupper() or word[:1].isdigit()):
            return -1
    return count


def _is_uncued_speech(body: str, span: QuoteSpan) -> bool:
    """Return True for a quote with no cue that still reads as speech.

    It opens its paragraph, or directly follows another quote, or is long.
    """
    words = sum(len(WORD_RE.findall(body[s:e])) for s, e in span.parts)
    if words > MAX_SCARE_QUOTE_WORDS:
        return True
    before = body[max(0, span.open_mark - 40) : span.open_mark]
    return before == "" or before.endswith("\n") or before.rstrip(" ").endswith(("\n", "."))


def _resolve(
    body: str,
    items: list[_Item],
    index: NameIndex,
    introduced: list[tuple[int, str]],
    qr: QuoteRules,
    aliases: dict[str, str],
) -> list[Quote]:
    """Return Quote records, pronouns and bare cues resolved to the person last named."""
    for item in items:
        if item.attribution is not None and item.attribution.name:
            index.add_short(item.attribution.name)
    fullest: dict[str, str] = {}  # the index is complete now: one lookup per distinct name
    named = [_full_name(i, index, aliases, fullest) for i in items]
    known = known_speakers(named, index)
    anchors = _anchors(body, items, named, introduced, qr)
    roles: dict[str, str] = {}
    speakers: dict[frozenset[str], str | None] = {}  # _near_subject's, by a name's words
    quotes: list[Quote] = []
    for item, name in zip(items, named, strict=True):
        att = item.attribution
        if att is None and quotes and item.position - quotes[-1].end <= CHAINED_QUOTE_CHARS:
            speaker, role, how = quotes[-1].speaker, quotes[-1].role, "previous"
        elif name is not None and att is not None:
            speaker, role, how = name, plausible_role(att.role, qr), "cue"
            roles.setdefault(name, role or "")
        elif (
            att is not None
            and att.described
            and (found := earlier_description(body, att.anchor, att.described, qr))
        ):
            speaker, role, how = found, None, "description"
        else:
            speaker = _person_last_named(item.position, anchors, known, index, speakers)
            role, how = None, ("pronoun" if att is not None else "previous")
        role = role or (roles.get(speaker, "") if speaker else "") or None
        for start, end in item.parts:
            quotes.append(
                Quote(
                    text=body[start:end],
                    kind=item.kind,
                    start=start,
                    end=end,
                    speaker=speaker,
                    role=role,
                    cue=att.cue if att else None,
                    rule=att.rule if att else None,
                    attribution=how if speaker else None,
                )
            )
    return quotes


def _anchors(
    body: str,
    items: list[_Item],
    named: list[str | None],
    introduced: list[tuple[int, str]],
    qr: QuoteRules,
) -> list[tuple[int, str]]:
    """Return (offset, name) of every person a cue or an introduction names, in body order.

    Reported speech in a sentence opened by an argument opener ("Apalagi,
    Presiden sudah menyampaikan ...") names no one a later "-nya" can mean.
    """
    cued = [
        (item.position, name)
        for item, name in zip(items, named, strict=True)
        if name and not (item.kind == INDIRECT and goes_on_argument(body, item.position, qr))
    ]
    return sorted(cued + introduced)


def _full_name(
    item: _Item, index: NameIndex, aliases: dict[str, str], known: dict[str, str]
) -> str | None:
    """Return the fullest form of the name a cue gives (kept in ``known`` by that name)."""
    att = item.attribution
    if att is None or not att.name:
        return None
    full = known.get(att.name)
    if full is None:
        full = known[att.name] = index.fullest(index.trimmed(att.name))
    return aliases.get(full, full)


def _person_last_named(
    position: int,
    anchors: list[tuple[int, str]],
    known: dict[str, list[str]],
    index: NameIndex,
    speakers: dict[frozenset[str], str | None],
) -> str | None:
    """Return the person named last before a position.

    That is the speaker a cue named last, or a known speaker (or a titled
    person) opening one of the sentences just before; with neither, the last
    person introduced by a title of office.
    """
    found: list[tuple[int, str]] = []
    at = bisect.bisect_left(anchors, (position, "")) - 1
    while (
        at > 0 and _is_initials(anchors[at][1]) and position - anchors[at][0] < NEAR_SUBJECT_CHARS
    ):
        at -= 1  # "-nya" after "HIMKI mendorong ..." means the person named before
    if at >= 0:
        found.append(anchors[at])
    near = _near_subject(position, known, index, speakers)
    if near is not None:
        found.append(near)
    best = max(found, default=None) or index.person_before(position, ("titled", "titled-subject"))
    return best[1] if best else None


def _near_subject(
    position: int,
    known: dict[str, list[str]],
    index: NameIndex,
    found: dict[frozenset[str], str | None],
) -> tuple[int, str] | None:
    """Return a known speaker or titled person opening a sentence just before a position.

    The speaker a name's words give is kept in ``found`` (one article's).
    """
    near = index.person_before(position, ("subject", "titled-subject"))
    if near is None or position - near[0] > NEAR_SUBJECT_CHARS:
        return None
    words = frozenset(w.casefold() for w in near[1].split())
    speaker = found.get(words, "")
    if speaker == "":
        speakers = speakers_holding(words, known, index)
        speaker = found[words] = max(sorted(speakers), key=len) if speakers else None
    if speaker is not None:
        return near[0], speaker
    if index.kind_at(near[0]) == "titled-subject":
        return near[0], index.fullest(near[1])
    return None


def _is_initials(name: str) -> bool:
    return name.isupper() and " " not in name
