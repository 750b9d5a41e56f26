"""Date forms: one compiled scanner built from a language's dates.toml, and the
pure functions that turn what it matched into ISO 8601 values.

The scanner knows these shapes (names come from the language data):
ISO "2021-07-05" (and "2021/07/05"), numeric "6/7/2021", "05-07-2021" read in
the language's numeric order, a parenthesised "(6/7)" with no year, textual
"5 Juli 2021" / "July 5, 2021" with an optional weekday before and a clock time
and zone after, day ranges "3 - 20 Juli 2021", month and year "Mei 2025", and a
bare year after a cue word ("sejak tahun 2019").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

from textkit.errors import RuleError
from textkit.lang import Rules
from textkit.lang.patterns import alternation, compile_pattern

# Years outside this span are more likely amounts, codes or page numbers.
MIN_YEAR = 1900
MAX_YEAR = 2099

# Every month has this many days; only a later day needs the calendar.
MIN_MONTH_DAYS = 28
FEBRUARY = 2
MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

PRECISION_DAY = "day"
PRECISION_MONTH = "month"
PRECISION_YEAR = "year"

NEVER = "(?!)"
# What may not stand right before a date's first digit (a word, a decimal, a code).
START_LOOKBEHIND = r"(?<![\w.,/:+\-])"
DASHES = "-–—"
# A word before or after a number is checked by its first or last letters, this many at most.
MAX_LEAD_CHARS = 3
GATE_FLAGS = regex.UNICODE | regex.V0


@dataclass(frozen=True)
class DateForms:
    """A language's compiled date scanner and the lookup tables its matches need."""

    scanner: regex.Pattern[str]
    prefix: regex.Pattern[str]
    months: dict[str, int]
    short_months: frozenset[str]
    zones: dict[str, str]
    meridiem: dict[str, str]
    numeric_orders: tuple[str, ...]
    date_cue_tail: regex.Pattern[str]
    published_label: regex.Pattern[str]
    updated_label: regex.Pattern[str]
    month_word: regex.Pattern[str]
    date_line_words: frozenset[str]
    gate: StartGate
    groups: GroupIndex
    # The last characters of every weekday as written, when all end in a letter
    # (None otherwise): a date with none of them before it has no weekday.
    weekday_tails: frozenset[str] | None
    weekday_tail_size: int


class StartGate(NamedTuple):
    """Where the scanner is worth trying: numbers that may start a date.

    ``candidates`` accepts a superset of the places where the scanner's forms
    can start in a text whose digits are all ASCII, so a number it passes by
    is one the scanner would not match either.
    """

    candidates: regex.Pattern[str]
    # A digit outside ASCII: such a text is scanned the plain way.
    non_ascii_digit: regex.Pattern[str]


class GroupIndex(NamedTuple):
    """The scanner's group numbers: reading a group by number is several times faster."""

    isoyear: int
    isomonth: int
    isoday: int
    hour: int
    minute: int
    second: int
    isooffset: int
    num1: int
    num2: int
    year: int
    close: int
    ampm: int
    zone: int
    range_start: int
    day: int
    month: int
    range_month: int
    cueyear: int


class DateHit(NamedTuple):
    """One date read from a match: its span and parts; ``year`` None until resolved."""

    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None
    time: tuple[int, int, int] | None = None
    offset: str | None = None


def _case_variants(words: list[str], lower: bool = True) -> list[str]:
    """Return the words as written, in capitals and (optionally) in lower case."""
    out: list[str] = []
    for word in words:
        out.extend([word, word.upper(), word.lower()] if lower else [word, word.upper()])
    return out


def _alt(words: list[str], where: str) -> str:
    """Return an alternation of the words, or a never-matching group for none."""
    return alternation(words, where) if words else NEVER


def _time_tail(section: dict[str, Any], where: str) -> str:
    """Return the regex source of an optional clock time with meridiem and zone."""
    prefixes = _alt(_case_variants(section.get("time_prefixes", [])), f"{where}: time_prefixes")
    meridiem_words = [w for ws in section.get("meridiem", {}).values() for w in ws]
    ampm = _alt(meridiem_words, f"{where}: meridiem")
    zones = _alt([w for z in section.get("zones", []) for w in z["words"]], f"{where}: zones")
    hm = (
        r"(?P<hour>[01]?\d|2[0-3])(?P<tsep>[:.])(?P<minute>[0-5]\d)"
        r"(?:(?P=tsep)(?P<second>[0-5]\d))?(?!\d)"
    )
    extra = rf"(?:\s*(?P<ampm>{ampm})(?!\w))?(?:\s*(?P<zone>{zones})(?!\w))?"
    # A dotted time ("10.00") needs a prefix word or a zone or meridiem after it:
    # otherwise "5 Juli 2021, 10.000 orang" would read as a clock time. Header
    # lines put a comma, bar, slash or dash between date and time.
    return (
        rf"(?:\s*[,|/\-–—]?\s*(?:(?:{prefixes})\s+{hm}{extra}"
        rf"|{hm.replace('[:.]', ':')}{extra}"
        rf"|{hm}(?=\s*(?:{ampm}|{zones})(?!\w)){extra}))?"
    )


def scanner_forms(section: dict[str, Any], where: str) -> list[str]:
    """Return the regex sources of the date forms, each starting at a date's first digit."""
    full = [w for m in section["months"] for w in m["words"]]
    short = [w for m in section["months"] for w in m.get("short", [])]
    month = _alt(_case_variants(full) + _case_variants(short, lower=False), f"{where}: months")
    ordinal = _alt(section.get("ordinal_suffixes", []), f"{where}: ordinal_suffixes")
    ranges = _alt(_case_variants(section.get("range_words", [])), f"{where}: range_words")
    cues = _alt(_case_variants(section.get("year_cues", [])), f"{where}: year_cues")
    tail = _time_tail(section, where)
    year = r"(?P<year>(?:19|20)\d{2})(?![\d])"
    day = rf"(?P<day>\d{{1,2}})(?!\d)(?:{ordinal})?"
    # The first letters of the month names, checked before the whole list.
    initials = "".join(
        sorted({c for w in full + short for c in (w[0], w[0].upper(), w[0].lower())})
    )
    mon = rf"(?P<month>{month})(?!\w)\.?"
    mon_ahead = rf"(?=[{regex.escape(initials)}]){mon}"
    range_start = rf"(?:(?P<range_start>\d{{1,2}})(?:\s*[-–—]\s*|\s+{ranges}\s+))?"
    orders = section.get("textual_orders", ["DMY"])
    forms = [
        # ISO and year-first: 2021-07-05, 2021-07-05T10:00:00+07:00, 2021/07/05
        r"(?P<isoyear>(?:19|20)\d{2})(?P<isep>[-/])(?P<isomonth>\d{1,2})"
        r"(?P=isep)(?P<isoday>\d{1,2})(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)"
        r"(?::(?P<second>[0-5]\d))?(?P<isooffset>Z|[+-]\d{2}:?\d{2})?)?(?![\d/]|[-.]\d)",
        # Numeric with year: Selasa (6/7/2021), 05-07-2021, 6/7/2021 pukul 10.00 WIB
        r"(?P<num1>\d{1,2})(?P<nsep>[/.\-])(?P<num2>\d{1,2})"
        rf"(?P=nsep){year}(?![/]|[.,\-]\d)(?P<close>\s*\))?{tail}",
        # Numeric without year, only in parentheses: Kamis (16/11)
        r"(?P<num1>\d{1,2})/(?P<num2>\d{1,2})\s*\)(?<=\(\s*\d{1,2}/\d{1,2}\s*\))",
    ]
    if "DMY" in orders:
        forms.append(rf"{range_start}{day}\s+{mon_ahead}(?:\s*,?\s*{year})?{tail}")
    if "MDY" in orders:
        forms.append(
            rf"(?<=(?<!\w){mon}\s+){range_start}{day}(?!\s*[:.]\d)"
            rf"(?:\s*,?\s*{year})?{tail}"
        )
    # Year first: the month look-behind then runs on four-digit numbers only.
    # Month ranges too: "Januari-Mei 2020", "April hingga Juli 2020".
    range_month = rf"(?:(?<!\w)(?P<range_month>{month})(?:\s*[-–—]\s*|\s+{ranges}\s+))?"
    forms.append(rf"{year}(?<={range_month}(?<!\w){mon}\s+\d{{4}})")
    forms.append(r"(?P<cueyear>(?:19|20)\d{2})(?![\d]|[.,]\d)" rf"(?<=(?<!\w){cues}\s+\d{{4}})")
    return forms


def build_scanner_source(section: dict[str, Any], where: str) -> str:
    """Return the regex source of the date scanner for one language's data.

    Every form is anchored on its first digit (a month before it, as in
    "July 5", is read by a look-behind); a weekday or "(" before it is read
    afterwards by the prefix pattern. A pattern that starts with a digit lets
    the engine skip to the next digit at once: scanning a 5 KB article this
    way costs a small fraction of trying every form at every position.
    """
    body = "|".join(f"(?:{form})" for form in scanner_forms(section, where))
    return rf"(?=\d){START_LOOKBEHIND}(?:{body})"


def build_prefix_source(section: dict[str, Any], where: str) -> str:
    """Return the regex source of what may stand right before a date: weekday, "(".

    It is matched against the few characters before a date's first digit (or
    its month), ending there, so the scanner itself needs no costly look-behind.
    """
    weekday = _alt(_case_variants(section.get("weekdays", [])), f"{where}: weekdays")
    return rf"(?:(?<!\w)(?P<weekday>{weekday})\.?\s*,?\s*)?(?P<paren>\(\s*)?\Z"


def build_date_forms(rules: Rules) -> DateForms:
    """Return the compiled DateForms of a language (use through rules.compiled)."""
    section = rules.section("dates")
    where = f"lang/{rules.lang}/dates.toml"
    if not section.get("months"):
        raise RuleError(f"{where}: months: the dates stage needs the month names")
    flags = regex.UNICODE | regex.V0
    months = {w.casefold(): m["number"] for m in section["months"] for w in m["words"]}
    short = {w.casefold(): m["number"] for m in section["months"] for w in m.get("short", [])}
    labels = section.get("labels", [])
    scanner = compile_pattern(build_scanner_source(section, where), where, flags)
    weekdays = [w.strip() for w in _case_variants(section.get("weekdays", [])) if w.strip()]
    tail_size = min(MAX_LEAD_CHARS, *(len(w) for w in weekdays)) if weekdays else 1
    return DateForms(
        scanner=scanner,
        # Matched backwards from the date: about three times faster here.
        prefix=compile_pattern(build_prefix_source(section, where), where, flags | regex.REVERSE),
        months={**short, **months},
        short_months=frozenset(set(short) - set(months)),
        zones={w.casefold(): z["offset"] for z in section.get("zones", []) for w in z["words"]},
        meridiem={
            w.casefold(): kind for kind, ws in section.get("meridiem", {}).items() for w in ws
        },
        numeric_orders=tuple(section.get("numeric_orders", ["DMY"])),
        date_cue_tail=compile_pattern(
            rf"(?:(?<!\w){_alt(section.get('date_cues', []), where)}|,)\s*\Z", where
        ),
        published_label=_label_pattern(labels, "published", where),
        updated_label=_label_pattern(labels, "updated", where),
        month_word=compile_pattern(rf"(?<!\w){_alt([*months, *short], where)}(?!\w)", where),
        date_line_words=frozenset(w.casefold() for w in section.get("date_line_words", [])),
        gate=build_start_gate(section, where),
        # A group the scanner lacks gets a number past its last, so that reading
        # it fails ("no such group") as reading it by name did.
        groups=GroupIndex(
            *(scanner.groupindex.get(g, scanner.groups + 1) for g in GroupIndex._fields)
        ),
        weekday_tails=(
            frozenset(w[-tail_size:] for w in weekdays)
            if all(w[-1].isalpha() for w in weekdays)
            else None
        ),
        weekday_tail_size=tail_size,
    )


def build_start_gate(section: dict[str, Any], where: str) -> StartGate:
    """Return the StartGate that matches the scanner built from the same data."""
    return StartGate(
        candidates=compile_pattern(build_candidate_source(section, where), where, GATE_FLAGS),
        non_ascii_digit=compile_pattern(r"[^\x00-\x7f](?<=\d)", where, GATE_FLAGS),
    )


def build_candidate_source(section: dict[str, Any], where: str) -> str:
    """Return the regex source of the numbers at which a date form may start.

    A year (four digits), or a day or month (one or two) followed by what a
    form needs next: a separator ("6/7", "3-20", "6.7.2021"), an ordinal
    suffix ("5th"), or a space and a month or range word ("5 Juli", "3 hingga
    20"), of which the first three letters are checked. In a language that
    writes "July 5", a number after any space.
    """
    full = [w for m in section["months"] for w in m["words"]]
    short = [w for m in section["months"] for w in m.get("short", [])]
    words = _case_variants(full) + _case_variants(short, lower=False)
    words += _case_variants(section.get("range_words", []))
    words = [w.strip() for w in words if w.strip()]
    size = min(MAX_LEAD_CHARS, *(len(w) for w in words))
    leads = alternation({w[:size] for w in words}, f"{where}: months")
    ordinal = _alt(section.get("ordinal_suffixes", []), f"{where}: ordinal_suffixes")
    dashes = regex.escape(DASHES)
    after = rf"[/{dashes}]|\.[0-9]{{1,2}}\.|{ordinal}|\s(?:\s|[{dashes}]|{leads})"
    if "MDY" in section.get("textual_orders", ["DMY"]):
        after += r"|(?<=\s[0-9]{1,2})"
    return rf"{START_LOOKBEHIND}[0-9](?:[0-9]?(?![0-9])(?=(?:{after}))|[0-9]{{3}}(?![0-9]))"


def _label_pattern(labels: list[dict[str, Any]], kind: str, where: str) -> regex.Pattern[str]:
    """Return a pattern for the header labels of one kind (never matching if none)."""
    words = [w for label in labels if label.get("kind") == kind for w in label["words"]]
    return compile_pattern(rf"(?<!\w){_alt(words, where)}(?!\w)", where)


def numeric_month_day(first: int, second: int, orders: tuple[str, ...]) -> tuple[int, int] | None:
    """Return (month, day) for a numeric date read in the first order that fits.

    >>> numeric_month_day(6, 7, ("DMY",))
    (7, 6)
    >>> numeric_month_day(6, 7, ("MDY", "DMY"))
    (6, 7)
    >>> numeric_month_day(25, 12, ("MDY", "DMY"))
    (12, 25)
    >>> numeric_month_day(7, 13, ("DMY",)) is None
    True
    """
    for order in orders:
        month, day = (first, second) if order.startswith("M") else (second, first)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return month, day
    return None


def is_valid_date(year: int, month: int, day: int) -> bool:
    """Return True when the parts name a real calendar day in the accepted years.

    >>> is_valid_date(2021, 2, 29), is_valid_date(2020, 2, 29)
    (False, True)
    """
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12 or day < 1:
        return False
    if day <= MIN_MONTH_DAYS:
        return True
    if month == FEBRUARY:
        return day <= (29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28)
    return day <= MONTH_DAYS[month]


def clock_time(hour: int, minute: int, second: int, meridiem: str | None) -> tuple[int, int, int]:
    """Return the 24-hour (hour, minute, second), applying an "am"/"pm" marker.

    >>> clock_time(10, 32, 0, "pm"), clock_time(12, 5, 0, "am"), clock_time(9, 0, 0, None)
    ((22, 32, 0), (0, 5, 0), (9, 0, 0))
    """
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return hour, minute, second


def iso_value(hit: DateHit) -> tuple[str, str]:
    """Return the ISO 8601 value of a resolved hit and its precision.

    >>> iso_value(DateHit(0, 8, 2021, 7, 6))
    ('2021-07-06', 'day')
    >>> iso_value(DateHit(0, 8, 2025, 5))
    ('2025-05', 'month')
    >>> iso_value(DateHit(0, 8, 2021, 7, 5, (10, 0, 0), "+07:00"))
    ('2021-07-05T10:00:00+07:00', 'day')
    """
    _start, _end, year, month, day, time, offset = hit
    if month is None:
        return f"{year:04d}", PRECISION_YEAR
    if day is None:
        return f"{year:04d}-{month:02d}", PRECISION_MONTH
    if time is None:
        return f"{year:04d}-{month:02d}-{day:02d}", PRECISION_DAY
    value = f"{year:04d}-{month:02d}-{day:02d}T{time[0]:02d}:{time[1]:02d}:{time[2]:02d}"
    return value + (offset or ""), PRECISION_DAY


def resolve_year(month: int, day: int, reference: dt.date | None, ref_year: int) -> int:
    """Return the year of a day and month given without one: the one nearest the reference.

    A date that crosses the turn of the year ("28/12" in an article of 2 January)
    belongs to the year before; with only a reference year, that year.

    >>> resolve_year(12, 28, dt.date(2021, 1, 2), 2021)
    2020
    >>> resolve_year(7, 6, dt.date(2021, 7, 5), 2021)
    2021
    >>> resolve_year(7, 6, None, 2019)
    2019
    """
    if reference is None:
        return ref_year
    best, best_gap = ref_year, None
    for year in (ref_year - 1, ref_year, ref_year + 1):
        if not is_valid_date(year, month, day):
            continue
        gap = abs((dt.date(year, month, day) - reference).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best
