"""Speaker phrases: the words before a speech verb, read as subject, description or adjunct."""

from __future__ import annotations

import regex

from textkit.stages.quote_rules import QuoteRules, memoised

# A description standing for an unnamed speaker ("a spokesman for X") is no longer.
MAX_DESCRIPTION_WORDS = 7
DIGIT_RE = regex.compile(r"\d")


def is_definite_description(phrase: str, qr: QuoteRules) -> bool:
    """Return True for a phrase led by a definite determiner and a lowercase word."""
    words = phrase.split(None, 2)  # the first two words
    return len(words) >= 2 and words[0].casefold() in qr.definite_determiners and words[1].islower()


def described_speaker(phrase: str, qr: QuoteRules) -> str | None:
    """Return the description that stands for an unnamed speaker ("a spokesman for X").

    Only where the language lists determiners; the determiner is dropped.
    """
    words = phrase.split(None, MAX_DESCRIPTION_WORDS)  # past that many, a word and the rest
    if qr.determiner_re is None or len(words) < 2 or len(words) > MAX_DESCRIPTION_WORDS:
        return None
    if not qr.determiner_re.fullmatch(words[0]) or not words[1][:1].islower():
        return None
    return " ".join(words[1:])


def without_trailing_adverbs(segment: str, qr: QuoteRules) -> str:
    """Return the segment without adverbs between subject and verb ("Budi juga")."""
    last = segment.rsplit(None, 1)[-1:]
    if (
        last
        and last[0].casefold() not in qr.subject_adverbs
        and segment.isprintable()
        and "  " not in segment
        and segment.strip() == segment
    ):
        return segment  # no adverb to drop, and its words joined by spaces give it back
    words = segment.split()
    while len(words) > 1 and words[-1].casefold() in qr.subject_adverbs:
        words.pop()
    return " ".join(words)


def is_aside(segment: str, qr: QuoteRules) -> bool:
    """Return True for a segment between a speaker and the verb that names no one: an
    adjunct (is_adjunct) or a relative clause about the person before it ("yang juga ...",
    "who ...")."""
    first = segment.split(None, 1)[0].casefold()
    return (
        first in qr.adjunct_words
        or (len(segment) < 25 and bool(DIGIT_RE.search(segment)))
        or first in qr.relative_words
    )


def is_adjunct(segment: str, qr: QuoteRules) -> bool:
    """Return True for a time or place segment between a speaker and the verb."""
    first = segment.split(None, 1)[0].casefold()
    return first in qr.adjunct_words or (len(segment) < 25 and bool(DIGIT_RE.search(segment)))


def subject_of(segment: str, qr: QuoteRules) -> str | None:
    """Return the speaker words of a segment: the run next to the verb, or the run leading it."""
    return memoised(qr, "subject", segment, _find_subject)


def _find_subject(segment: str, qr: QuoteRules) -> str | None:
    """Return the speaker words of a segment, computed afresh (subject_of keeps them)."""
    runs = list(qr.name_run_re.finditer(segment))
    tail = runs[-1] if runs else None
    pronoun = qr.pronoun_re.search(segment)
    if pronoun and pronoun.end() == len(segment) and (tail is None or tail.end() < pronoun.start()):
        return pronoun.group()
    if tail is None:
        return None
    head = runs[0] if runs[0].start() == len(segment) - len(segment.lstrip()) else None
    after_head = segment[head.end() :].split() if head is not None else []
    if (
        head is not tail
        and after_head
        and after_head[0].casefold() in qr.affiliation_words
        and not qr.title_re.match(tail.group())
    ):
        return head.group()  # "Budi dari PT X mengatakan": the workplace follows the name
    before = segment[: tail.start()].split()
    role_prefix = " ".join(before) if before and before[0][:1].islower() else ""
    if tail.end() >= len(segment.rstrip()) and not (
        before and before[-1].casefold() in qr.adjunct_words and "(" not in tail.group()
    ):  # "Organisasi X di Jalan (Organda) Budi": an initialism keeps the name going
        return f"{role_prefix} {tail.group()}".strip() if role_prefix else tail.group()
    if head is not None and head is not tail and head.group().casefold() in qr.title_words:
        return tail.group()  # "Peneliti pada Lembaga X Budi": a lone title names no one
    return head.group() if head is not None else None
