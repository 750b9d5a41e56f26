"""Dates: every date mention as ISO 8601, and the publication date.

Dates are read by our own compiled patterns (date_forms.py), built from the
language's dates.toml. Indonesian numeric dates are day-first ("6/7/2021" is
6 July 2021); a date without a day stays at month precision and one without a
year takes its year from the publication date or the nearest full date in the
article, or is skipped. dateparser is only asked about header strings the
patterns do not read (date_fallback.py); it is imported on first such use.
"""

from __future__ import annotations

import bisect
import datetime as dt

import regex

from textkit.lang import Rules
from textkit.record import DateMention, Line
from textkit.stages.date_fallback import parse_fallback
from textkit.stages.date_forms import (
    PRECISION_DAY,
    DateForms,
    DateHit,
    build_date_forms,
    iso_value,
    resolve_year,
)
from textkit.stages.date_scan import scan_dates


def date_forms(rules: Rules) -> DateForms:
    """Return the language's compiled date forms, built once per Rules."""
    return rules.compiled("dates.forms", build_date_forms)


def find_dates(body: str, rules: Rules, published: str | None = None) -> list[DateMention]:
    """Return each date mentioned in the body, in order.

    >>> from textkit.lang import load
    >>> [m.value for m in find_dates("Rapat digelar Selasa (6/7/2021) dan Mei 2025.", load("id"))]
    ['2021-07-06', '2025-05']
    """
    mentions = []
    for hit in resolve_missing_years(scan_dates(body, date_forms(rules)), published):
        value, precision = iso_value(hit)
        start, end = hit.start, hit.end
        mentions.append(DateMention(body[start:end], value, start, end, precision))
    return mentions


def resolve_missing_years(hits: list[DateHit], published: str | None) -> list[DateHit]:
    """Return the hits with missing years taken from the reference date; drop the rest.

    The reference is the publication date, else the nearest full date in the
    text; with neither, a "(6/7)" or "16 Juni" is skipped, never guessed.

    >>> hits = [DateHit(0, 8, 2021, 7, 5), DateHit(20, 25, None, 7, 6)]
    >>> [(h.year, h.month, h.day) for h in resolve_missing_years(hits, None)]
    [(2021, 7, 5), (2021, 7, 6)]
    >>> resolve_missing_years([DateHit(20, 25, None, 7, 6)], None)
    []
    """
    for hit in hits:
        if hit.year is None:
            break
    else:
        return hits
    reference = _date_of(published)
    full = [h for h in hits if h.year is not None and h.day is not None]
    full_starts = [h.start for h in full]
    out = []
    for hit in hits:
        if hit.year is not None:
            out.append(hit)
            continue
        near = _nearest(hit.start, full, full_starts)
        ref = reference or (_day_of(near) if near else None)
        if ref is None or hit.month is None or hit.day is None:
            continue
        year = resolve_year(hit.month, hit.day, ref, ref.year)
        out.append(DateHit(hit.start, hit.end, year, hit.month, hit.day, hit.time, hit.offset))
    return out


def _nearest(position: int, hits: list[DateHit], starts: list[int]) -> DateHit | None:
    """Return the hit whose start is nearest the position (starts sorted), or None."""
    if not hits:
        return None
    i = bisect.bisect_left(starts, position)
    candidates = [hits[j] for j in (i - 1, i) if 0 <= j < len(hits)]
    return min(candidates, key=lambda h: abs(h.start - position))


def _day_of(hit: DateHit) -> dt.date | None:
    """Return the calendar day of a hit with a year, month and day (None if no such day)."""
    try:
        return dt.date(hit.year, hit.month, hit.day)  # type: ignore[arg-type]
    except ValueError:
        return None


def _date_of(value: str | None) -> dt.date | None:
    """Return the calendar day of an ISO value, or None when it has no day."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# Published date ---------------------------------------------------------------

# The header: title, standfirst, byline, outlet and date lines. A date line
# sits right after the title or byline; twelve lines leave room for all.
HEADER_WINDOW_LINES = 12
# A header line (title, standfirst, byline, date) is short; the first longer
# one is the first body paragraph, and the header ends there.
MAX_HEADER_LINE_CHARS = 160
# Words a date line may carry besides the date: outlet, place, byline name.
MAX_OTHER_WORDS_ON_DATE_LINE = 6
WORD_RE = regex.compile(r"[^\W\d_][\w.'’]*")
DIGIT_RE = regex.compile(r"\d")


def find_published(lines: list[Line], rules: Rules) -> str | None:
    """Return the publication date the article's header states, or None.

    >>> from textkit.lang import load
    >>> lines = [Line(1, "Judul Berita"), Line(2, "Senin, 5 Juli 2021 10:00 WIB")]
    >>> find_published(lines, load("id"))
    '2021-07-05T10:00:00+07:00'
    """
    forms = date_forms(rules)
    for index, line in enumerate(lines[:HEADER_WINDOW_LINES]):
        # The header ends at the first body paragraph: its dates are events.
        if len(line.text) > MAX_HEADER_LINE_CHARS:
            return None
        # Every header date holds a digit; most header lines hold none.
        if not DIGIT_RE.search(line.text):
            continue
        # The first line is the title, often in title case ("Rally Set For
        # June 5, 2021"): there only a line that is nothing but a date counts.
        value = published_from_line(line.text, forms, rules, is_title=index == 0)
        if value is not None:
            return value
    return None


def published_from_line(
    text: str, forms: DateForms, rules: Rules, is_title: bool = False
) -> str | None:
    """Return the date a header line states as the publication date, or None.

    That is a labelled line ("Diterbitkan: ...", the label capitalised as a
    label is) or a line that is mostly its date.

    >>> from textkit.lang import load
    >>> rules = load("en")
    >>> published_from_line("Published: June 5, 2021", date_forms(rules), rules)
    '2021-06-05'
    >>> published_from_line("The vote was held on June 5, 2021.", date_forms(rules), rules) is None
    True
    """
    hits = [h for h in scan_dates(text, forms) if h.year is not None and h.day is not None]
    # A header line does not close with a full stop; a sentence that a scrape
    # broke over lines does ("... kata dia kepada" / "Kabarsatu, Rabu (3/3/2021).").
    if text.rstrip().endswith(".") and not forms.published_label.match(text):
        return None
    label = forms.published_label.search(text)
    if label is not None and text[label.start()].isupper() and not is_title:
        after = [h for h in hits if h.start >= label.end()]
        if after:
            return iso_value(after[0])[0]
        if not hits and forms.month_word.search(text):
            return parse_fallback(text[label.end() :], rules, PRECISION_DAY)
        return None
    if not hits:
        return None
    if not is_date_line(text, hits, forms, 0 if is_title else MAX_OTHER_WORDS_ON_DATE_LINE):
        return None
    for hit in hits:
        before = text[: hit.start]
        if not forms.updated_label.search(before):
            return iso_value(hit)[0]
    return None


def is_date_line(
    text: str, hits: list[DateHit], forms: DateForms, max_words: int = MAX_OTHER_WORDS_ON_DATE_LINE
) -> bool:
    """Return True when a line is mostly its dates: a header, not a sentence.

    What is left besides the dates may be a few capitalised words (outlet,
    place, a name), separators and the language's ``date_line_words``
    ("admin", "dibaca"), never lower-case running text.

    >>> from textkit.lang import load
    >>> forms = date_forms(load("id"))
    >>> line = "Samarinda, 5 Juli 2021"
    >>> is_date_line(line, scan_dates(line, forms), forms)
    True
    >>> line = "Jalan ditutup Jumat (20/6/2025) malam"
    >>> is_date_line(line, scan_dates(line, forms), forms)
    False
    """
    rest = text
    for hit in reversed(hits):
        rest = rest[: hit.start] + " " + rest[hit.end :]
    words = [w for w in WORD_RE.findall(rest) if w.casefold() not in forms.zones]
    if len(words) > max_words:
        return False
    return all(
        w[0].isupper() or w.casefold() in forms.date_line_words or forms.updated_label.match(w)
        for w in words
    )
