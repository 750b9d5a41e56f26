"""Boilerplate: drop related links, ads, footers, repeats and tag lines, naming the rule.

The rules are ``lang/<code>/boilerplate.toml``, applied in file order, each
with a ``kind`` that says what a match removes (see that file's header).
Mechanisms that need no words live here: a footer marker removes the rest
of the article, a related-link label takes its headline with it, a glued
link is cut to the end of its headline, repeated lines go (see
:mod:`textkit.stages.lede`), and a trailing run of lowercase keyword lines
(a tag list) goes too.
"""

from __future__ import annotations

import string
from typing import Any, NamedTuple

import regex

from textkit.lang import Rules
from textkit.lang.patterns import compile_pattern
from textkit.lang.schema import rule_pattern_source
from textkit.record import Line, LineSet, Removal
from textkit.stages.lede import drop_repeats
from textkit.stages.line_gate import candidate_lines, compile_gate
from textkit.stages.line_probe import ProbeTable
from textkit.stages.related import headline_end, looks_like_headline, max_headline_words

# A boilerplate line is short; a longer paragraph that opens with a label is body.
MAX_BOILERPLATE_LINE_CHARS = 600
# A footer marker starts the footer only this close to the end; further up it
# is taken for a stray line, so a look-alike sentence cannot cut the article.
MAX_FOOTER_LINES = 15
# A caption is one descriptive sentence without quotation marks.
MAX_CAPTION_WORDS = 60
QUOTE_CHARS_RE = regex.compile(r"[\"“”]")
TAG_LINE_RE = regex.compile(r"^[^\p{Lu}.!?\"“”:]+$")
# The characters that pattern keeps out of a tag line, but capitals.
TAG_LINE_STOPS = '.!?"“”:'
LINE, LABEL, INLINE, FOOTER, CAPTION = "line", "label", "inline", "footer", "caption"


class BoilerplateRule(NamedTuple):
    """One compiled boilerplate rule."""

    rule_id: str
    kind: str
    pattern: regex.Pattern[str]
    headline: bool


def compile_rules(rules: Rules) -> list[BoilerplateRule]:
    """Return the language's boilerplate rules compiled, in file order."""
    where = f"lang/{rules.lang}/boilerplate.toml"
    table: list[dict[str, Any]] = rules.section("boilerplate").get("rules", [])
    return [
        BoilerplateRule(
            rule["id"],
            rule.get("kind", LINE),
            compile_pattern(_source(rule, where), f"{where}: {rule['id']}"),
            bool(rule.get("headline", False)),
        )
        for rule in table
    ]


class LineMatcher(NamedTuple):
    """The line-level rules, tried only on lines whose opening some of them can start."""

    rules: tuple[BoilerplateRule, ...]
    # Rules grouped by line length, and openings seen (see :mod:`textkit.stages.line_probe`).
    probes: ProbeTable

    def rule_for(self, text: str) -> BoilerplateRule | None:
        """Return the first rule that matches the line (see :func:`match_rule`)."""
        if len(text) > MAX_BOILERPLATE_LINE_CHARS:
            return None
        found = self.probes.match(text)
        return None if found is None else self.rules[found]

    def rules_for(self, texts: list[str]) -> dict[int, BoilerplateRule]:
        """Return, for each line some rule matches, its index and the first such rule."""
        found = self.probes.match_all(texts, MAX_BOILERPLATE_LINE_CHARS)
        return {index: self.rules[n] for index, n in found.items()}


def compile_line_matcher(rules: Rules) -> LineMatcher:
    """Return the non-inline rules ready to match lines, in file order.

    Line rules match from the start of the line (a pattern without ``^`` may
    match further in, at a cost); when several match, the first rule in the
    file is the one reported.
    """
    line_rules = tuple(
        r for r in rules.compiled("boilerplate.rules", compile_rules) if r.kind != INLINE
    )
    where = f"lang/{rules.lang}/boilerplate.toml"
    starts = [
        compile_pattern(_from_line_start(rule.pattern.pattern), where, rule.pattern.flags)
        for rule in line_rules
    ]
    return LineMatcher(line_rules, ProbeTable.build(starts))


def compile_inline_rules(rules: Rules) -> tuple[BoilerplateRule, ...]:
    """Return the rules that find related links glued inside a paragraph."""
    return tuple(r for r in rules.compiled("boilerplate.rules", compile_rules) if r.kind == INLINE)


def compile_inline_gate(rules: Rules) -> regex.Pattern[str] | None:
    """Return the inline rules as one gate over an article's joined lines (None: no gate)."""
    inline = rules.compiled("boilerplate.inline", compile_inline_rules)
    if not inline or len({rule.pattern.flags for rule in inline}) > 1:
        return None
    # A link that opens a line is left to the line rules, so the gate skips line starts.
    source = "|".join(f"(?:{rule.pattern.pattern})" for rule in inline)
    return compile_gate(f"(?!^)(?:{source})", inline[0].pattern.flags)


def _from_line_start(source: str) -> str:
    return source if source.startswith("^") else f".*?(?:{source})"


def _source(rule: dict[str, Any], where: str) -> str:
    """Return a rule's regex source from its ``pattern`` or its ``words``."""
    return rule_pattern_source(rule, f"{where}: {rule.get('id')}") or "(?!)"


def cut_inline_links(line: Line, rules: Rules) -> tuple[Line, list[Removal]]:
    """Return the line without related links glued inside it, and what was cut.

    >>> from textkit.lang import load
    >>> glued = Line(4, "Warga pulang.Baca juga: Harga Cabai Turun Lagi")
    >>> line, cut = cut_inline_links(glued, load("id"))
    >>> line.text, cut[0].text
    ('Warga pulang.', 'Baca juga: Harga Cabai Turun Lagi')
    """
    removed: list[Removal] = []
    text = line.text
    for rule in rules.compiled("boilerplate.inline", compile_inline_rules):
        # Searching from the second character leaves a link that opens the line
        # to the line rules.
        found = rule.pattern.search(text, 1)
        while found is not None:
            end = headline_end(text, found.end(), rules)
            removed.append(Removal(line.number, text[found.start() : end].strip(), rule.rule_id))
            text = (text[: found.start()].rstrip() + " " + text[end:].lstrip()).strip()
            found = rule.pattern.search(text, found.start() + 1)
            if found is not None and found.start() == 0:
                break
    return Line(line.number, text), removed


def match_rule(text: str, rules: Rules) -> BoilerplateRule | None:
    """Return the first non-inline rule that matches the line, or None.

    >>> from textkit.lang import load
    >>> match_rule("ADVERTISEMENT", load("id")).rule_id
    'id.boilerplate.ad'
    >>> match_rule("Baca juga petunjuk di kemasan obat itu.", load("id")) is None
    True
    """
    return rules.compiled("boilerplate.line-matcher", compile_line_matcher).rule_for(text)


def is_caption(text: str) -> bool:
    """Return True when the line reads as a photo caption: one plain sentence.

    >>> is_caption("Warga berkumpul di balai desa, Senin (1/7/2024).")
    True
    """
    return (
        len(text.split()) <= MAX_CAPTION_WORDS
        and not QUOTE_CHARS_RE.search(text)
        and text.endswith(".")
        and text.count(". ") == 0
    )


def strip_boilerplate(lines: list[Line], rules: Rules) -> LineSet:
    """Return the lines that are article text, and a Removal for each line or part dropped.

    >>> from textkit.lang import load
    >>> out = strip_boilerplate([Line(1, "Isi berita."), Line(2, "ADVERTISEMENT")], load("id"))
    >>> [line.text for line in out.lines], out.removed[0].rule
    (['Isi berita.'], 'id.boilerplate.ad')
    """
    texts = [line.text for line in lines]
    matcher = rules.compiled("boilerplate.line-matcher", compile_line_matcher)
    found = matcher.rules_for(texts)
    inline = inline_candidates(texts, rules)
    # Lines no rule matches, that hold no inline link and are not empty are kept as they are.
    busy = set(found).union(range(len(lines)) if inline is None else inline)
    if "" in texts:
        busy.update(index for index, text in enumerate(texts) if not text)
    kept: list[Line] = []
    removed: list[Removal] = []
    start = 0  # the first line neither kept nor dropped yet
    for index in sorted(busy):
        if index < start:
            continue  # taken with the label before it
        kept.extend(lines[start:index])
        has_link = inline is None or index in inline
        start = _strip_line(lines, index, found.get(index), has_link, rules, kept, removed)
    kept.extend(lines[start:])
    kept, repeats = drop_repeats(kept, rules.lang)
    kept, tags = drop_trailing_tags(kept, rules.lang)
    return LineSet(kept, [*removed, *repeats, *tags])


def _strip_line(
    lines: list[Line],
    index: int,
    rule: BoilerplateRule | None,
    has_link: bool,
    rules: Rules,
    kept: list[Line],
    removed: list[Removal],
) -> int:
    """Keep or drop one line (``rule``: the one its text matches), and return the next to handle.

    ``has_link``: the line may hold an inline link. The next line is the one
    after, or the one after that when a label takes its headline along, or
    none (the end) once a footer starts.
    """
    line = lines[index]
    if has_link:
        line, cut = cut_inline_links(line, rules)
        removed.extend(cut)
        if line.text != lines[index].text:
            rule = match_rule(line.text, rules) if line.text else None
    if not line.text:
        return index + 1
    if rule is None:
        kept.append(line)
        return index + 1
    if rule.kind == FOOTER and len(lines) - index <= MAX_FOOTER_LINES:
        removed.extend(Removal(rest.number, rest.text, rule.rule_id) for rest in lines[index:])
        return len(lines)
    if rule.headline and len(line.text.split()) > max_headline_words(rules):
        end = headline_end(line.text, 0, rules)
        removed.append(Removal(line.number, line.text[:end].strip(), rule.rule_id))
        rest = line.text[end:].strip()
        if rest:
            kept.append(Line(line.number, rest))
        return index + 1
    removed.append(Removal(line.number, line.text, rule.rule_id))
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is not None and _takes_next(rule, following.text, rules):
        removed.append(Removal(following.number, following.text, rule.rule_id))
        return index + 2
    return index + 1


def inline_candidates(texts: list[str], rules: Rules) -> set[int] | None:
    """Return the indexes of the lines that may hold an inline link (None: all may)."""
    gate = rules.compiled("boilerplate.inline-gate", compile_inline_gate)
    return candidate_lines(gate, texts)


def _takes_next(rule: BoilerplateRule, following: str, rules: Rules) -> bool:
    if rule.kind == LABEL:
        return looks_like_headline(following, rules)
    return rule.kind == CAPTION and is_caption(following)


def is_tag_line(text: str) -> bool:
    """Return True when ``TAG_LINE_RE`` matches the line: no capital, stop, quote or colon.

    A line that ends on one of those, or opens with an ASCII capital, is told
    without the regex (most lines: a body line ends on a stop).

    >>> is_tag_line("banjir jakarta"), is_tag_line("Isi berita.")
    (True, False)
    """
    if text[-1:] in TAG_LINE_STOPS or text[:1] in string.ascii_uppercase:
        return False  # an empty line too: "" is in any string
    return TAG_LINE_RE.match(text) is not None


def drop_trailing_tags(lines: list[Line], lang: str) -> tuple[list[Line], list[Removal]]:
    """Return the lines without a closing run of tag lines (lowercase keywords, no sentence).

    >>> kept, cut = drop_trailing_tags([Line(1, "Isi berita."), Line(2, "banjir jakarta")], "id")
    >>> [line.text for line in kept], cut[0].rule
    (['Isi berita.'], 'id.boilerplate.tags')
    """
    end = len(lines)
    while end > 1 and is_tag_line(lines[end - 1].text):
        end -= 1
    removed = [Removal(line.number, line.text, f"{lang}.boilerplate.tags") for line in lines[end:]]
    return lines[:end], removed
