"""The pipeline: the stages in order, from article text to a Record. No rules here."""

from __future__ import annotations

from textkit.deadline import seconds_for, time_bound
from textkit.lang import load
from textkit.lang.detect import detect_language
from textkit.options import Options
from textkit.record import Record
from textkit.stages.boilerplate import strip_boilerplate
from textkit.stages.byline import find_byline
from textkit.stages.dateline import find_dateline
from textkit.stages.dates import find_dates, find_published
from textkit.stages.quotes import find_quotes
from textkit.stages.segment import join_fragments, join_paragraphs, split_lines
from textkit.stages.title import find_title


def run(text: str, source: str = "-", options: Options | None = None) -> Record:
    """Return the Record extracted from one article's text.

    Raises HostileInputError when the work runs past the article's time bound.
    """
    with time_bound(seconds_for(text)):
        return _run_stages(text, source, options or Options())


def _run_stages(text: str, source: str, options: Options) -> Record:
    """Return the Record the stages make of one article's text."""
    lang = options.lang or detect_language(text)
    rules = load(lang, options.rules_file)
    lines = split_lines(text)
    title, rest = find_title(lines, rules)
    byline, rest_after_byline = find_byline(join_fragments(rest.lines, rules), rules)
    dateline, rest_after_dateline = find_dateline(rest_after_byline.lines, rules)
    cleaned = strip_boilerplate(rest_after_dateline.lines, rules)
    removed = [
        *rest.removed,
        *rest_after_byline.removed,
        *rest_after_dateline.removed,
        *cleaned.removed,
    ]
    body = join_paragraphs(cleaned.lines)
    searchable, warnings = searchable_body(body, options.max_search_chars)
    return Record(
        source=source,
        lang=lang,
        title=title,
        byline=byline,
        dateline=dateline,
        published=(published := find_published(lines, rules)),
        dates=find_dates(searchable, rules, published),
        body=body,
        removed=sorted(removed, key=lambda r: r.line),
        quotes=[] if warnings else find_quotes(body, rules),
        warnings=warnings,
    )


def searchable_body(body: str, max_chars: int) -> tuple[str, list[str]]:
    """Return the part of the body the date and quote searches read, and warnings.

    A body within max_chars is returned whole, with no warnings. A longer one
    is cut back to a space before max_chars for dates, and quotes are not
    searched in it at all; the warnings say both.

    >>> searchable_body("satu dua tiga", 6)[0]
    'satu '
    """
    if len(body) <= max_chars:
        return body, []
    cut = body.rfind(" ", 0, max_chars)
    prefix = body[: cut + 1] if cut > 0 else body[:max_chars]
    return prefix, [
        f"quotes not searched: body of {len(body):,} characters is over the {max_chars:,} bound",
        f"dates searched in the first {max_chars:,} characters only",
    ]
