"""Byline: authors and editors from labelled lines and closing credits.

Labels ("Penulis:", "Editor:", "Oleh", "By") come from ``lang/<code>/byline.toml``
with the role they give. A credit is only taken when everything after its
label parses as names, so a body sentence that opens with the same word
("Oleh karena itu, ...") stays in the body. Closing credits in parentheses
are handled in :mod:`textkit.stages.credits`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

from textkit.lang import Rules
from textkit.lang.patterns import alternation, compile_pattern
from textkit.lang.schema import rule_pattern_source
from textkit.record import Byline, Line, LineSet, Removal
from textkit.stages.credits import MAX_CREDIT_CHARS, credit_reach, find_closing_credit
from textkit.stages.line_gate import candidate_lines_any, compile_gate
from textkit.stages.line_probe import required_words

# Header bylines ("Oleh ...", "Redaksi") sit in the first lines after the title.
HEADER_ZONE_LINES = 4
# Closing credits sit in the last lines, before or among the footer lines;
# lines between the two zones are body and are not searched.
TAIL_ZONE_LINES = 15
# A credit is short: in a longer line only its end is searched for one.
LABEL_WINDOW_CHARS = 300
NAME_WORD = r"(?:\p{Lu}[\p{L}\p{M}'’.\-]*)"
EDGE_CHARS = " \t|,;:/()-–—."
CREDIT_OPENERS = '.!?"”’)|('
AUTHOR, EDITOR = "author", "editor"


@dataclass(frozen=True)
class LabelRule:
    """A byline label: its rule id, the role it gives, where it may appear."""

    rule_id: str
    role: str
    header_only: bool
    pattern: regex.Pattern[str]
    # Words one of which the label must hold (None: not known), a cheap check first.
    words: tuple[str, ...] | None


class NameGrammar(NamedTuple):
    """Compiled name shapes: one name, the joiners between names, trailing places."""

    name: regex.Pattern[str]
    joiner: regex.Pattern[str]
    place_tail: regex.Pattern[str]
    affiliation: regex.Pattern[str]
    max_words: int


class Credit(NamedTuple):
    """Names found in one credit, by role, and the rule that found them."""

    authors: list[str]
    editors: list[str]
    rule_id: str


def compile_labels(rules: Rules) -> list[LabelRule]:
    """Return the language's byline labels compiled, in file order."""
    where = f"lang/{rules.lang}/byline.toml"
    labels: list[dict[str, Any]] = rules.section("byline").get("labels", [])
    out = []
    for label in labels:
        pattern = compile_pattern(
            rule_pattern_source(label, where) or "(?!)",
            f"{where}: {label['id']}",
            regex.UNICODE | regex.V0,
        )
        scope = label.get("scope", "any") == "header"
        words = required_words(pattern.pattern, pattern.flags, min_chars=2)
        out.append(LabelRule(label["id"], label.get("role", AUTHOR), scope, pattern, words))
    return out


def compile_names(rules: Rules) -> NameGrammar:
    """Return the name grammar built from the language's particles and joiners."""
    names: dict[str, Any] = rules.section("byline").get("names", {})
    where = f"lang/{rules.lang}/byline.toml: names"
    particles = alternation(names.get("particles", ["de"]), where)
    joiners = alternation(names.get("joiners", ["&"]), where)
    places = alternation(names.get("place_words", ["in"]), where)
    outlet_words = alternation(names.get("affiliation_words", ["Staff"]), where)
    # An outlet or desk named beside the writer ("Budi, Kabarcontoh.com";
    # "Jane Roe, Associated Press") is an affiliation, not another name.
    affiliation = rf"(?<!\w)(?:{outlet_words})(?!\w)|\w\.(?:com|co|id|net|org)\b"
    one_name = rf"{NAME_WORD}(?:\s+(?:{NAME_WORD}|(?-i:{particles})(?=\s+\p{{Lu}})))*"
    return NameGrammar(
        compile_pattern(one_name, where, regex.UNICODE | regex.V0),
        compile_pattern(rf"\s*[,;/&|]\s*|\s+{joiners}\s+", where),
        compile_pattern(rf"\s+(?-i:{places})\s+\p{{Lu}}.*$", where, regex.UNICODE | regex.V0),
        compile_pattern(affiliation, where),
        int(names.get("max_words", 6)),
    )


def parse_names(value: str, rules: Rules) -> list[str] | None:
    """Return the names a credit value lists, or None when it is not only names.

    A field after a pipe with no label of its own is a place and is skipped;
    an outlet or desk beside the names is skipped too (a credit of only an
    outlet gives an empty list).

    >>> from textkit.lang import load
    >>> parse_names("Budi Santoso dan Siti Aminah", load("id"))
    ['Budi Santoso', 'Siti Aminah']
    >>> parse_names("karena itu, warga diminta waspada.", load("id")) is None
    True
    >>> parse_names("Budi Santoso, Kabarcontoh.com", load("id"))
    ['Budi Santoso']
    """
    grammar = rules.compiled("byline.names", compile_names)
    value = value.split("|", 1)[0].strip(EDGE_CHARS)
    if not value:
        return None
    names = []
    affiliated = False
    for part in grammar.joiner.split(value):
        part = grammar.place_tail.sub("", part.strip(EDGE_CHARS))
        if part and grammar.affiliation.search(part):
            affiliated = True
            continue
        if not part:
            continue
        if not grammar.name.fullmatch(part):
            return None
        if len(part.split()) > grammar.max_words:
            return None
        names.append(part)
    return names if names or affiliated else None


def parse_labelled(text: str, rules: Rules, header: bool) -> Credit | None:
    """Return the credit when ``text`` is only labels and names, else None.

    >>> from textkit.lang import load
    >>> parse_labelled("Penulis: Budi Santoso | Editor: Siti Aminah", load("id"), False)
    Credit(authors=['Budi Santoso'], editors=['Siti Aminah'], rule_id='id.byline.label')
    """
    found = _label_matches(text, rules, header)
    if not found or text[: found[0][0]].strip(" (") != "":
        return None
    authors: list[str] = []
    editors: list[str] = []
    for n, (_start, end, label) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else len(text)
        names = parse_names(text[end:stop], rules)
        if names is None:
            return None
        (editors if label.role == EDITOR else authors).extend(names)
    return Credit(authors, editors, found[0][2].rule_id)


def label_words(rules: Rules) -> tuple[str, ...] | None:
    """Return every word one of which some label must hold (None: a label holds no known word).

    Most lines hold none of them, and one pass over them says so for all labels.
    """
    labels = rules.compiled("byline.labels", compile_labels)
    if any(label.words is None for label in labels):
        return None
    return tuple(dict.fromkeys(word for label in labels for word in label.words or ()))


def _label_matches(text: str, rules: Rules, header: bool) -> list[tuple[int, int, LabelRule]]:
    found: list[tuple[int, int, LabelRule]] = []
    folded = text.casefold()
    words = rules.compiled("byline.label-words", label_words)
    if words is not None and not any(map(folded.__contains__, words)):
        return found
    labels = [
        label
        for label in rules.compiled("byline.labels", compile_labels)
        if (header or not label.header_only)
        and (label.words is None or any(map(folded.__contains__, label.words)))
    ]
    # Labels whose words the text lacks cannot match; the few left are searched
    # one by one (one search of all labels together scans text more slowly).
    for label in labels:
        for m in label.pattern.finditer(text):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), label))
    return sorted(found, key=lambda item: item[0])


def find_labelled_suffix(text: str, rules: Rules, header: bool) -> tuple[int, Credit] | None:
    """Return where a labelled credit starts in the line and what it says, or None.

    The credit may be the whole line, follow the end of a sentence, or be glued
    to the last word of the paragraph ("...pekan ini.Pewarta: Budi").

    >>> from textkit.lang import load
    >>> find_labelled_suffix("Warga pulang.Pewarta: Budi Santoso", load("id"), False)[0]
    13
    """
    offset = max(0, len(text) - LABEL_WINDOW_CHARS)
    for found_at, _end, label in _label_matches(text[offset:], rules, header):
        start = offset + found_at
        if label.header_only and start > 0:
            continue
        begin = start - 1 if start > 0 and text[start - 1] == "(" else start
        before = text[:begin].rstrip()
        glued = begin > 0 and text[begin - 1].isalpha() and text[begin - 1].islower()
        if before and before[-1] not in CREDIT_OPENERS and not glued:
            continue
        credit = parse_labelled(text[begin:], rules, header)
        if credit is not None:
            return begin, credit
    return None


def desk_words(rules: Rules) -> frozenset[str]:
    """Return the desk names (casefolded) that make a byline on their own."""
    desk = rules.section("byline").get("desk", {}).get("words", [])
    return frozenset(word.casefold() for word in desk)


def is_desk_byline(text: str, rules: Rules) -> bool:
    """Return True when the line is only a desk name such as "Redaksi".

    >>> from textkit.lang import load
    >>> is_desk_byline("Redaksi", load("id"))
    True
    """
    desk = rules.compiled("byline.desk", desk_words)
    name = text.strip(EDGE_CHARS)
    # Casefolding never shortens a text: a longer one is no desk name (most lines).
    longest = rules.compiled("byline.desk-longest", _longest_desk_word)
    return len(name) <= longest and name.casefold() in desk


def _longest_desk_word(rules: Rules) -> int:
    return max(map(len, rules.compiled("byline.desk", desk_words)), default=-1)


def compile_label_gates(rules: Rules) -> tuple[regex.Pattern[str], ...] | None:
    """Return one gate per label allowed below the header (None: one cannot be gated).

    Searched one by one, literal labels scan joined lines faster than one
    alternation of them all.
    """
    labels = rules.compiled("byline.labels", compile_labels)
    gates = [
        compile_gate(label.pattern.pattern, label.pattern.flags)
        for label in labels
        if not label.header_only
    ]
    return None if any(gate is None for gate in gates) else tuple(g for g in gates if g)


class ZoneHits(NamedTuple):
    """The zone lines whose ends may hold a label (None: all may), and those that need a look.

    Header lines are always searched (header-only labels are not gated).
    """

    labels: set[int] | None
    # Lines that may hold a label or end in a closing credit, or are empty
    # (None: all); the others are kept as they are.
    busy: set[int] | None = None

    @classmethod
    def of(cls, lines: list[Line], zone: list[int], rules: Rules) -> ZoneHits:
        """Return the candidate line indexes among the zone lines."""
        below = [i for i in zone if i >= HEADER_ZONE_LINES]
        ends = [lines[i].text[-LABEL_WINDOW_CHARS:] for i in below]
        gates = rules.compiled("byline.label-gates", compile_label_gates)
        if gates is None:
            return cls(None)
        found = set(range(HEADER_ZONE_LINES))
        found.update(below[k] for k in candidate_lines_any(gates, ends))
        total = len(lines)
        credit_ends, reach = rules.compiled("byline.credit-reach", credit_reach)
        # The lines a closing credit may end (see :func:`textkit.stages.credits.may_close`);
        # only a line ending in spaces needs them stripped to find its last character.
        busy = {
            i
            for i, end in zip(below, ends, strict=True)
            if not end
            or total - i <= reach
            or (end[-MAX_CREDIT_CHARS:].rstrip()[-1:] if end[-1].isspace() else end[-1])
            in credit_ends
        }
        return cls(found, busy.union(found))


def find_byline(lines: list[Line], rules: Rules) -> tuple[Byline, LineSet]:
    """Return the byline found and the lines left once byline lines and credits are cut.

    >>> from textkit.lang import load
    >>> byline, rest = find_byline([Line(2, "Penulis: Budi Santoso"), Line(3, "Isi.")], load("id"))
    >>> byline.authors, [line.text for line in rest.lines]
    (['Budi Santoso'], ['Isi.'])
    """
    byline = Byline()
    removed: list[Removal] = []
    total = len(lines)
    header = range(min(HEADER_ZONE_LINES, total))
    tail = range(max(HEADER_ZONE_LINES, total - TAIL_ZONE_LINES), total)
    hits = ZoneHits.of(lines, [*header, *tail], rules)
    cut = [_kept_line(lines, index, hits, rules, byline, removed) for index in header]
    busy = range(total) if hits.busy is None else hits.busy
    cut_tail = [
        _kept_line(lines, i, hits, rules, byline, removed) if i in busy else lines[i] for i in tail
    ]
    kept = [line for line in cut if line is not None]
    kept.extend(lines[len(header) : total - len(tail)])  # body lines between the zones
    kept.extend(line for line in cut_tail if line is not None)
    byline.authors = list(dict.fromkeys(byline.authors))
    byline.editors = list(dict.fromkeys(byline.editors))
    return byline, LineSet(kept, removed)


def _kept_line(
    lines: list[Line],
    index: int,
    hits: ZoneHits,
    rules: Rules,
    byline: Byline,
    removed: list[Removal],
) -> Line | None:
    """Return what is left of a zone line once its credits are cut and recorded (None: nothing)."""
    line = lines[index]
    text = _take_credits(line, index, len(lines), hits, rules, byline, removed)
    if not text:
        return None
    return Line(line.number, text) if text != line.text else line


def _take_credits(
    line: Line,
    index: int,
    total: int,
    hits: ZoneHits,
    rules: Rules,
    byline: Byline,
    removed: list[Removal],
) -> str:
    """Return what is left of the line once credits are cut, recording them."""
    header = index < HEADER_ZONE_LINES
    if header and is_desk_byline(line.text, rules):
        _record(
            byline,
            removed,
            line.number,
            line.text,
            Credit([line.text.strip(EDGE_CHARS)], [], f"{rules.lang}.byline.desk"),
        )
        return ""
    text = line.text
    closing = find_closing_credit(text, rules, total - index)
    while closing is not None:
        names = Credit(closing.names, [], closing.rule_id)
        _record(byline, removed, line.number, text[closing.start :].strip(), names)
        text = text[: closing.start].rstrip()
        closing = find_closing_credit(text, rules, total - index) if text else None
    may_hold_label = hits.labels is None or index in hits.labels or text != line.text
    suffix = find_labelled_suffix(text, rules, header) if text and may_hold_label else None
    if suffix is not None:
        start, credit = suffix
        _record(byline, removed, line.number, text[start:].strip(), credit)
        text = text[:start].rstrip()
    return text


def _record(byline: Byline, removed: list[Removal], number: int, text: str, credit: Credit) -> None:
    byline.authors.extend(credit.authors)
    byline.editors.extend(credit.editors)
    if byline.text is None and (credit.authors or credit.editors):
        byline.text = text
    removed.append(Removal(number, text, credit.rule_id))
