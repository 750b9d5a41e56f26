"""Typed records that the pipeline stages pass along and the CLI prints.

The field names and types of :class:`Record` follow the contract in DESIGN.md:
every command's JSON output is ``Record.to_dict()`` (or an error record).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Line:
    """One line of the input: its 1-based number and its text (no line break)."""

    number: int
    text: str


@dataclass(frozen=True)
class Removal:
    """A line, or part of one, that a rule took out of the body."""

    line: int
    text: str
    rule: str


@dataclass
class Byline:
    """Authors and editors named in the byline, and the line they came from."""

    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    text: str | None = None


@dataclass(frozen=True)
class Dateline:
    """The outlet and place that open the body, e.g. ``JAKARTA, KOMPAS.com -``."""

    location: str | None
    outlet: str | None
    text: str


@dataclass(frozen=True)
class DateMention:
    """A date found in the body: its text, ISO value, offsets and precision."""

    text: str
    value: str
    start: int
    end: int
    precision: str = "day"


@dataclass
class Quote:
    """A quotation or reported statement, with offsets into the body."""

    text: str
    kind: str
    start: int
    end: int
    speaker: str | None = None
    role: str | None = None
    cue: str | None = None
    rule: str | None = None
    # How the speaker was found: "cue" (named at the cue), "pronoun" (a pronoun
    # or "-nya" resolved to the person last named), "previous" (no cue: the
    # speaker of the quote before), or None.
    attribution: str | None = None


@dataclass
class Record:
    """The structured result for one article: the JSON contract of DESIGN.md."""

    source: str
    lang: str
    title: str | None = None
    byline: Byline = field(default_factory=Byline)
    dateline: Dateline | None = None
    published: str | None = None
    dates: list[DateMention] = field(default_factory=list)
    body: str = ""
    removed: list[Removal] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-ready data, fields in contract order."""
        # Hand-written rather than dataclasses.asdict: asdict deep-copies every
        # value recursively and cost more than some pipeline stages. The
        # records' fields are flat, so a copy of each one's __dict__ will do
        # (three times faster than dict(vars(...))).
        return {
            "source": self.source,
            "lang": self.lang,
            "title": self.title,
            "byline": {
                "authors": list(self.byline.authors),
                "editors": list(self.byline.editors),
                "text": self.byline.text,
            },
            "dateline": self.dateline.__dict__.copy() if self.dateline else None,
            "published": self.published,
            "dates": [d.__dict__.copy() for d in self.dates],
            "body": self.body,
            "removed": [r.__dict__.copy() for r in self.removed],
            "quotes": [q.__dict__.copy() for q in self.quotes],
            "warnings": list(self.warnings),
        }


def error_record(source: str, error_type: str, message: str) -> dict[str, Any]:
    """Return the record printed for an input that could not be processed.

    >>> error_record("a.txt", "EmptyInput", "no text")
    {'source': 'a.txt', 'error': {'type': 'EmptyInput', 'message': 'no text'}}
    """
    return {"source": source, "error": {"type": error_type, "message": message}}


@dataclass
class LineSet:
    """What a line-cleaning stage gives back: the lines kept and what it removed."""

    lines: list[Line]
    removed: list[Removal] = field(default_factory=list)
