"""Dateline: the "OUTLET, PLACE -" prefix that opens the body, cut from it.

The shapes live in ``lang/<code>/dateline.toml`` as ordered, case-sensitive
patterns with ``location`` and ``outlet`` groups. The dateline is looked for at
the start of the first few body lines; lines before it that the body repeats
(a lede the scrape put above the byline) are dropped, and a teaser sentence
glued in front of a distinctive dateline in the same paragraph is cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

from textkit.lang import Rules
from textkit.lang.patterns import BuiltAfterUses, compile_pattern
from textkit.lang.schema import rule_pattern_source
from textkit.record import Dateline, Line, LineSet, Removal
from textkit.stages.boilerplate import match_rule
from textkit.stages.line_gate import NAMED_GROUP_RE

# How many body lines (after title and byline) may come before the dateline.
MAX_LINES_BEFORE_DATELINE = 3
CASE_SENSITIVE_FLAGS = regex.UNICODE | regex.V0
# Where a glued teaser sentence may end and the dateline begin.
# A dateline is short: only this much of a line is matched against the shapes.
MAX_DATELINE_CHARS = 120
# A teaser glued before a dateline is short; only this much of a line is searched.
MAX_TEASER_CHARS = 400
SENTENCE_BREAK_RE = regex.compile(r"(?<=[.!?…\"”’])\s*(?=\p{Lu})")
TRAILING_SEPARATOR_RE = regex.compile(r"[\s\-–—,;:]+$")
# The characters of that class that are no other kind of space.
SEPARATOR_CHARS = " -–—,;:"
WORD_RE = regex.compile(r"\w+")
# An inline flag group such as "(?i)" that applies to a whole pattern.
GLOBAL_FLAG_RE = regex.compile(r"\(\?[aiLmsuxVfwbe0-9]+\)")
# Windows matched shape by shape before the shapes are compiled into one
# alternation (an article asks about some 2 to 10).
WINDOWS_BEFORE_ALTERNATION = 64
# A window's opening, probed for the shapes that could match it: its first word
# and the space after it, at most this long.
PROBE_CHARS = 24
# Openings remembered per language; past this, unseen openings are not kept.
MAX_PROBES = 20_000
# Negative lookarounds, boundaries, string ends, atomic or possessive parts and
# backreferences: the probes are not used when a shape has one.
UNPROBED_RE = regex.compile(
    r"\(\?<?!|\\[bBZzAG1-9]|\(\?>|(?<!\\)[*+?]\+|\{\d*,?\d*\}\+|\(\?P=|\(\?\("
)
# Share of a line's words found again later for it to count as a repeated lede.
MIN_REPEAT_SHARE = 0.8


@dataclass(frozen=True)
class DatelineShape:
    """One compiled dateline shape from the rules file."""

    rule_id: str
    pattern: regex.Pattern[str]
    strong: bool


class DatelineMatch(NamedTuple):
    """A dateline found in a line: what it says, where it starts and ends."""

    dateline: Dateline
    rule_id: str
    start: int
    end: int


def compile_shapes(rules: Rules) -> list[DatelineShape]:
    """Return the language's dateline shapes compiled, in file order."""
    shapes: list[dict[str, Any]] = rules.section("dateline").get("shapes", [])
    where = f"lang/{rules.lang}/dateline.toml"
    return [
        DatelineShape(
            shape["id"],
            compile_pattern(
                rule_pattern_source(shape, where) or "(?!)",
                f"{where}: {shape['id']}",
                CASE_SENSITIVE_FLAGS,
            ),
            bool(shape.get("strong", False)),
        )
        for shape in shapes
    ]


def compile_any_shape(rules: Rules) -> dict[bool, regex.Pattern[str] | None]:
    """Return, for all shapes (False) and strong shapes only (True), one pattern matching any.

    A window that none of them matches holds no dateline, so one match call
    replaces a loop over the shapes on most lines. None when a shape sets a
    global flag (it would leak into the other shapes).
    """
    shapes = rules.compiled("dateline.shapes", compile_shapes)
    if any(GLOBAL_FLAG_RE.search(shape.pattern.pattern) for shape in shapes):
        return {False: None, True: None}
    out: dict[bool, regex.Pattern[str] | None] = {}
    for strong_only in (False, True):
        sources = [
            NAMED_GROUP_RE.sub(r"\1(?:", shape.pattern.pattern)
            for shape in shapes
            if shape.strong or not strong_only
        ]
        joined = "|".join(f"(?:{source})" for source in sources) or "(?!)"
        out[strong_only] = compile_pattern(joined, "dateline shapes", CASE_SENSITIVE_FLAGS)
    return out


def match_dateline(
    text: str, rules: Rules, pos: int = 0, strong_only: bool = False
) -> DatelineMatch | None:
    """Return the dateline that starts the text at ``pos``, or None.

    The title and dateline stages both ask about an article's first line, so
    the answer for the last window asked is kept (one window, no more).
    """
    window = text[pos : pos + MAX_DATELINE_CHARS]
    slot = rules.compiled("dateline.last-window", _one_slot)
    key = (window, strong_only)
    last = slot[0]
    if last is not None and last[0] == key:
        found = last[1]
    else:
        found = _match_window(window, rules, strong_only)
        slot[0] = (key, found)
    if found is None:
        return None
    dateline, rule_id, end = found
    return DatelineMatch(dateline, rule_id, pos, pos + end)


def _one_slot(rules: Rules) -> list[Any]:
    """Return a place for one remembered answer."""
    return [None]


def _match_window(window: str, rules: Rules, strong_only: bool) -> tuple[Dateline, str, int] | None:
    """Return the dateline a window opens with, its rule and where it ends, or None."""
    any_shape = _any_shape(rules, strong_only)
    if any_shape is not None and not any_shape.match(window):
        return None
    shapes = rules.compiled("dateline.shapes", compile_shapes)
    # Some shape matches: only those the window's opening leaves are tried.
    probes = None if any_shape is None else rules.compiled("dateline.probes", compile_probes)
    for shape in shapes if probes is None else map(shapes.__getitem__, probes.candidates(window)):
        if strong_only and not shape.strong:
            continue
        found = shape.pattern.match(window)
        if found is None:
            continue
        groups = found.groupdict()
        location, outlet = _clean(groups.get("location")), _clean(groups.get("outlet"))
        if not (location or outlet):
            continue
        prefix = without_trailing_separators(window[: found.end()]).strip()
        return Dateline(location, outlet, prefix), shape.rule_id, found.end()
    return None


class ShapeProbes:
    """Per opening of a window (its first word and the space after it), the shapes that
    could match a window opening so: asked once with the regex module's partial
    matching, which says whether a longer text starting that way could match.
    """

    def __init__(self, shapes: list[DatelineShape]) -> None:
        self.shapes = shapes
        self.seen: dict[str, tuple[int, ...]] = {}

    def candidates(self, window: str) -> tuple[int, ...]:
        """Return the positions of the shapes that could match the window, in file order."""
        space = window.find(" ", 0, PROBE_CHARS)
        probe = window[: space + 1] if space >= 0 else window[:PROBE_CHARS]
        found = self.seen.get(probe)
        if found is None:
            found = tuple(
                n
                for n, shape in enumerate(self.shapes)
                if shape.pattern.match(probe, partial=True) is not None
            )
            if len(self.seen) < MAX_PROBES:
                self.seen[probe] = found
        return found


def compile_probes(rules: Rules) -> ShapeProbes | None:
    """Return the shapes' opening probes, or None when a shape uses a construct they cannot
    vouch for (one that may fail at a probe's end where the whole window matches)."""
    shapes = rules.compiled("dateline.shapes", compile_shapes)
    if any(UNPROBED_RE.search(shape.pattern.pattern) for shape in shapes):
        return None
    return ShapeProbes(shapes)


def without_trailing_separators(text: str) -> str:
    """Return the text without its closing run of spaces, dashes, commas, colons and semicolons.

    What ``TRAILING_SEPARATOR_RE`` removes; the regex is asked only when another
    kind of space ends what a plain strip leaves.

    >>> without_trailing_separators("SUKAMAJU, KOMPAS — ")
    'SUKAMAJU, KOMPAS'
    """
    head = text.rstrip(SEPARATOR_CHARS)
    return TRAILING_SEPARATOR_RE.sub("", text) if head[-1:].isspace() else head


def _any_shape(rules: Rules, strong_only: bool) -> regex.Pattern[str] | None:
    """Return the one pattern matching any shape (see :func:`compile_any_shape`), or None.

    None for the first WINDOWS_BEFORE_ALTERNATION windows: an article or two
    asks about a few windows, cheaper shape by shape than compiling the
    alternations (about 7 ms).
    """
    shapes = rules.compiled("dateline.any-shape", _late_any_shape).get()
    return None if shapes is None else shapes[strong_only]


def _late_any_shape(rules: Rules) -> BuiltAfterUses[Any]:
    return BuiltAfterUses(WINDOWS_BEFORE_ALTERNATION, lambda: compile_any_shape(rules))


def starts_with_dateline(text: str, rules: Rules) -> bool:
    """Return True when the text opens with a dateline.

    >>> from textkit.lang import load
    >>> starts_with_dateline("SUKAMAJU, KOMPAS — Warga berkumpul.", load("id"))
    True
    """
    return match_dateline(text, rules) is not None


def find_glued_dateline(text: str, rules: Rules) -> DatelineMatch | None:
    """Return a distinctive dateline that follows a teaser sentence in the same line."""
    head = text[:MAX_TEASER_CHARS]
    for brk in SENTENCE_BREAK_RE.finditer(head):
        found = match_dateline(text, rules, brk.end(), strong_only=True)
        if found is not None:
            return found
    return None


def find_dateline(lines: list[Line], rules: Rules) -> tuple[Dateline | None, LineSet]:
    """Return the dateline (or None) and the lines with its prefix cut.

    >>> from textkit.lang import load
    >>> dl, rest = find_dateline([Line(2, "SUKAMAJU, KOMPAS — Warga berkumpul.")], load("id"))
    >>> dl.location, dl.outlet, rest.lines[0].text
    ('SUKAMAJU', 'KOMPAS', 'Warga berkumpul.')
    """
    for index, line in enumerate(lines[:MAX_LINES_BEFORE_DATELINE]):
        if match_rule(line.text, rules) is not None:
            continue  # a date stamp or other page furniture, not the body's first line
        found = match_dateline(line.text, rules) or find_glued_dateline(line.text, rules)
        if found is not None:
            return found.dateline, _cut(lines, index, found, rules)
    return None, LineSet(list(lines))


def _cut(lines: list[Line], index: int, found: DatelineMatch, rules: Rules) -> LineSet:
    line = lines[index]
    removed = [Removal(line.number, line.text[found.start : found.end].strip(), found.rule_id)]
    rest_text = line.text[found.end :].strip()
    repeated_rule = f"{rules.lang}.boilerplate.repeated-lede"
    later = ""
    if found.start > 0 or index > 0:
        later = " ".join([rest_text, *(other.text for other in lines[index + 1 :])])
    if found.start > 0:
        # A teaser glued before the dateline goes whether or not the body repeats it.
        teaser = line.text[: found.start].strip()
        rule = repeated_rule if is_repeated_in(teaser, later) else f"{rules.lang}.dateline.teaser"
        removed.append(Removal(line.number, teaser, rule))
    kept: list[Line] = []
    for before in lines[:index]:
        if is_repeated_in(before.text, later):
            removed.append(Removal(before.number, before.text, repeated_rule))
        else:
            kept.append(before)
    if rest_text:
        kept.append(Line(line.number, rest_text))
    kept.extend(lines[index + 1 :])
    return LineSet(kept, removed)


def is_repeated_in(text: str, later: str) -> bool:
    """Return True when nearly all words of ``text`` come again, in order, in ``later``.

    >>> is_repeated_in("Warga berkumpul di balai desa.", "Pagi itu warga berkumpul di balai desa.")
    True
    """
    words = WORD_RE.findall(text.casefold())
    if len(words) < 4:
        return False
    later_folded = " ".join(WORD_RE.findall(later.casefold()))
    if " ".join(words) in later_folded:
        return True
    later_words = set(later_folded.split())
    return sum(word in later_words for word in words) / len(words) >= MIN_REPEAT_SHARE and (
        " ".join(words[:4]) in later_folded
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip(" ,;")
    return value or None
