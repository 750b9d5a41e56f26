"""Date scanning: run a language's compiled date scanner over a text and read
each match into DateHit records (span and parts, year None where the text
gives none). Pure functions; the patterns come from date_forms.py.
"""

from __future__ import annotations

import regex

from textkit.stages.date_forms import (
    DateForms,
    DateHit,
    GroupIndex,
    clock_time,
    is_valid_date,
    numeric_month_day,
)

# How far back from a date's first digit (or month) a weekday and "(" can start:
# "Wednesday, (" with room to spare.
MAX_PREFIX_CHARS = 16
# How far back a "(6/7)" looks for a cue word such as "pada" or a comma.
DATE_CUE_LOOKBACK_CHARS = 24
# Any year will do to check that a day exists in a month when the text gives
# none; a leap year, so that 29 February passes.
LEAP_YEAR = 2000
# A year's digits, and its first two in the years a scanner form reads
# (date_forms.MIN_YEAR..MAX_YEAR).
YEAR_DIGITS = 4
CENTURIES = ("19", "20")


def scan_dates(text: str, forms: DateForms) -> list[DateHit]:
    """Return the date hits in the text, in order; hits without a year keep year None.

    >>> from textkit.lang import load
    >>> from textkit.stages.date_forms import build_date_forms
    >>> forms = build_date_forms(load("id"))
    >>> [(h.year, h.month, h.day) for h in scan_dates("Rapat Selasa (6/7) dan 9 Mei 2021.", forms)]
    [(None, 7, 6), (2021, 5, 9)]
    """
    hits: list[DateHit] = []
    for match in scanner_matches(text, forms):
        hits.extend(read_match(match, forms, text))
    return hits


def scanner_matches(text: str, forms: DateForms) -> list[regex.Match[str]]:
    """Return the matches ``forms.scanner.finditer(text)`` finds, trying only likely numbers.

    The scanner costs a microsecond or two at every number it tries; most
    numbers in an article (amounts, counts, "100 orang") cannot start a date,
    and the gate (date_forms.StartGate) passes them by first.

    >>> from textkit.lang import load
    >>> from textkit.stages.date_forms import build_date_forms
    >>> forms = build_date_forms(load("id"))
    >>> [m.group() for m in scanner_matches("Ada 100 orang, 12 anak pada 5 Juli 2021.", forms)]
    ['5 Juli 2021']
    """
    gate = forms.gate
    if not text.isascii() and gate.non_ascii_digit.search(text):
        return list(forms.scanner.finditer(text))
    matches = []
    end = 0
    match_at = forms.scanner.match
    for candidate in gate.candidates.finditer(text):
        start, stop = candidate.span()
        if start < end:
            continue
        if stop - start == YEAR_DIGITS and text[start : start + 2] not in CENTURIES:
            continue
        match = match_at(text, start)
        if match is not None:
            matches.append(match)
            end = match.end()
    return matches


def read_prefix(text: str, position: int, forms: DateForms) -> tuple[int, int]:
    """Return where a weekday and an opening parenthesis before a position start (-1: none).

    >>> from textkit.lang import load
    >>> from textkit.stages.date_forms import build_date_forms
    >>> text = "rapat Selasa (6/7/2021)"
    >>> read_prefix(text, text.index("6"), build_date_forms(load("id")))
    (6, 13)
    """
    window = max(0, position - MAX_PREFIX_CHARS)
    if not _may_have_prefix(text[window:position], forms):
        return -1, -1
    match = forms.prefix.search(text, window, position)
    if match is None:
        return -1, -1
    return match.start("weekday"), match.start("paren")


def _may_have_prefix(before: str, forms: DateForms) -> bool:
    """Return False when the text before a date can end in neither a weekday nor a "("."""
    head = before.rstrip()
    if head.endswith("(") or forms.weekday_tails is None:
        return True
    # What the prefix pattern allows after a weekday: ".", spaces, ",", spaces.
    head = head.rstrip(",").rstrip().rstrip(".")
    return head[-forms.weekday_tail_size :] in forms.weekday_tails


def read_match(match: regex.Match[str], forms: DateForms, text: str) -> list[DateHit]:
    """Return the hits one scanner match stands for (two for a day range, none if invalid)."""
    groups = forms.groups
    if match[groups.isoyear]:
        return _read_iso(match, groups)
    cue_year = match[groups.cueyear]
    if cue_year:
        return [DateHit(match.start(), match.end(), int(cue_year))]
    if match[groups.num1]:
        return _read_numeric(match, forms, text)
    return _read_textual(match, forms, text)


def _read_iso(match: regex.Match[str], groups: GroupIndex) -> list[DateHit]:
    year, month, day = (int(match[g]) for g in (groups.isoyear, groups.isomonth, groups.isoday))
    if not is_valid_date(year, month, day):
        return []
    time, offset = None, None
    if match[groups.hour]:
        second = match[groups.second]
        time = (int(match[groups.hour]), int(match[groups.minute]), int(second or 0))
        raw = match[groups.isooffset]
        if raw:
            offset = "+00:00" if raw == "Z" else f"{raw[:3]}:{raw[-2:]}"
    return [DateHit(match.start(), match.end(), year, month, day, time, offset)]


def _read_numeric(match: regex.Match[str], forms: DateForms, text: str) -> list[DateHit]:
    groups = forms.groups
    num1, num2, year_text, close = match.group(groups.num1, groups.num2, groups.year, groups.close)
    parts = numeric_month_day(int(num1), int(num2), forms.numeric_orders)
    if parts is None:
        return []
    month, day = parts
    weekday, paren = read_prefix(text, match.start(), forms)
    start, end = (weekday if weekday >= 0 else match.start()), match.end()
    if not year_text:
        if paren < 0 or not is_valid_date(LEAP_YEAR, month, day):
            return []
        if weekday < 0:
            # "(6/7)" needs a cue ("pada", a comma) where no weekday names it a date.
            if not _has_date_cue(text, paren, forms):
                return []
            end = match.end(groups.num2)
        return [DateHit(start, end, None, month, day)]
    year = int(year_text)
    if not is_valid_date(year, month, day):
        return []
    time, offset = _read_time(match, forms)
    if close and paren < 0:
        end, time, offset = match.end(groups.year), None, None
    elif close and weekday < 0:
        # Without a weekday the parentheses stay out of the text ("6/7/2021"),
        # unless a clock time follows them: "(6/7/2021) pukul 10.00 WIB".
        if time is None:
            end = match.end(groups.year)
        else:
            start = paren
    return [DateHit(start, end, year, month, day, time, offset)]


def _has_date_cue(text: str, position: int, forms: DateForms) -> bool:
    """Return True when a cue word or a comma right before a "(6/7)" makes it a date."""
    before = text[max(0, position - DATE_CUE_LOOKBACK_CHARS) : position]
    return bool(forms.date_cue_tail.search(before))


def _read_time(
    match: regex.Match[str], forms: DateForms
) -> tuple[tuple[int, int, int] | None, str | None]:
    groups = forms.groups
    hour = match[groups.hour]
    if not hour:
        return None, None
    minute, second, ampm, zone = match.group(groups.minute, groups.second, groups.ampm, groups.zone)
    meridiem = forms.meridiem.get((ampm or "").casefold())
    time = clock_time(int(hour), int(minute), int(second or 0), meridiem)
    offset = forms.zones.get(zone.casefold()) if zone else None
    return time, offset


def _read_textual(match: regex.Match[str], forms: DateForms, text: str) -> list[DateHit]:
    groups = forms.groups
    word = match[groups.month]
    key = word.casefold()
    has_year, has_day = bool(match[groups.year]), bool(match[groups.day])
    # An abbreviation ("Jun", "Mar") or a lower-case month only counts beside
    # a year and a day (or with its dot), never on its own.
    month_end = match.end(groups.month)
    is_short = key in forms.short_months and text[month_end : month_end + 1] != "."
    if (is_short or word.islower()) and not (has_year and has_day):
        return []
    month_first = match.start(groups.month) < match.start()
    if not has_day:
        return _read_month_year(match, forms)
    return _read_day_month(match, forms, text, month_first)


def _read_month_year(match: regex.Match[str], forms: DateForms) -> list[DateHit]:
    groups = forms.groups
    year, month = int(match[groups.year]), forms.months[match[groups.month].casefold()]
    hits = []
    first_word = match[groups.range_month]
    if first_word and first_word.casefold() in forms.months and not first_word.islower():
        # "Januari-Mei 2020": the first month is its own mention, same year
        # ("Desember-Februari 2021" starts in the year before).
        first = forms.months[first_word.casefold()]
        first_year = year if first <= month else year - 1
        start, end = match.span(groups.range_month)
        hits.append(DateHit(start, end, first_year, first))
    hits.append(DateHit(match.start(groups.month), match.end(), year, month))
    return hits


def _read_day_month(
    match: regex.Match[str], forms: DateForms, text: str, month_first: bool
) -> list[DateHit]:
    groups = forms.groups
    year_text, word, day_text = match.group(groups.year, groups.month, groups.day)
    year = int(year_text) if year_text else None
    month, day = forms.months[word.casefold()], int(day_text)
    if not is_valid_date(year or LEAP_YEAR, month, day):
        return []
    hits = []
    end = match.end()
    # "3 - 20 Juli 2021": the first day is its own mention with the same month
    # and year, the end date another; in "July 3-20, 2021" the whole range
    # stands for its end date.
    range_start = match[groups.range_start]
    if range_start and not month_first:
        start = match.start(groups.day)
        first = int(range_start)
        if is_valid_date(year or LEAP_YEAR, month, first) and first < day:
            first_start, first_end = match.span(groups.range_start)
            hits.append(DateHit(first_start, first_end, year, month, first))
    else:
        start, end = _extend_over_prefix(match, forms, text, month_first)
    # The optional dot after a month is an abbreviation's ("Sept."), not the
    # full stop after a full name ("pada 12 Maret.").
    if end == match.end(groups.month) + 1 and word.casefold() not in forms.short_months:
        end -= 1
    time, offset = _read_time(match, forms)
    hits.append(DateHit(start, end, year, month, day, time, offset))
    return hits


def _extend_over_prefix(
    match: regex.Match[str], forms: DateForms, text: str, month_first: bool
) -> tuple[int, int]:
    """Return the span of a textual date with a weekday before it taken in."""
    start = match.start(forms.groups.month) if month_first else match.start()
    end = match.end()
    weekday, paren = read_prefix(text, start, forms)
    if weekday >= 0:
        start = weekday
        # "Senin (5 Juli 2021)": the text then runs to the closing parenthesis.
        closing = text.find(")", end, end + 3) if paren >= 0 else -1
        end = closing + 1 if closing >= 0 and not text[end:closing].strip() else end
    return start, end
