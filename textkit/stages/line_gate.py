"""Line gates: one search over an article's joined lines instead of one match per line.

Every regex call pays a fixed cost, so a rule tried on each line of each
article costs more in calls than in matching. A gate is the same rules
compiled with ``^``/``$`` meaning line starts and ends and searched once
over the lines joined by newlines: only
the lines where it finds something are then matched one by one, exactly as
before. That is only sound when joining can add matches but never remove
one, which :func:`joins_safely` checks on the pattern's syntax; a pattern it
cannot vouch for gets no gate and every line is matched on its own.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
import warnings
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

import regex

# The stdlib parser only reads a pattern's structure; a pattern it cannot
# parse (syntax of the regex module only) is not vouched for.
_C = sre_constants
SAFE_CATEGORIES = {
    _C.CATEGORY_WORD,
    _C.CATEGORY_DIGIT,
    _C.CATEGORY_NOT_SPACE,
    _C.CATEGORY_UNI_WORD,
    _C.CATEGORY_UNI_DIGIT,
    _C.CATEGORY_UNI_NOT_SPACE,
}
# Constructs that can lose a match when the text goes on past the line:
# inside them nothing may be able to match a newline.
GUARDING_OPS = {_C.ASSERT_NOT, _C.ATOMIC_GROUP, _C.POSSESSIVE_REPEAT}
# Constructs that are never vouched for.
REFUSED_OPS = {_C.GROUPREF, _C.GROUPREF_EXISTS}
REFUSED_AT = {_C.AT_BEGINNING_STRING, _C.AT_END_STRING}
PARSE_FLAGS = re.IGNORECASE | re.DOTALL | re.VERBOSE | re.MULTILINE
NEWLINE = 10
NAMED_GROUP_RE = re.compile(r"(?<!\\)((?:\\\\)*)\(\?P<\w+>")
POSIX_CLASS_RE = re.compile(r"\[:\^?\w+:\]")
# Letter, mark and number categories (``\p{Lu}``) never match a newline; the
# stdlib parser does not know them, so they are read as ``\w`` for the check.
LETTER_CLASS_RE = re.compile(r"(?<!\\)((?:\\\\)*)\\p\{(?:L[ultmo&]?|M[nce]?|N[dlo]?)\}")


def joins_safely(source: str, flags: int = 0) -> bool:
    """Return True when a search over newline-joined lines finds every line's own matches.

    >>> joins_safely(r"^(?:baca|simak)\\s+juga\\b.{0,40}$")
    True
    >>> joins_safely(r"^iklan(?!\\s)")
    False
    >>> joins_safely(r"^(?-i:\\p{Lu}[\\p{Lu}.]{1,14})$")
    True
    """
    if POSIX_CLASS_RE.search(source):
        return False  # POSIX classes read differently by the stdlib parser
    source = LETTER_CLASS_RE.sub(r"\1\\w", source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            tree = sre_parse.parse(source, flags & PARSE_FLAGS)
    except (re.error, Warning, RecursionError, OverflowError):
        return False
    return _safe(tree, bool(tree.state.flags & re.DOTALL), guarded=False)


def _safe(items: Iterable[tuple[Any, Any]], dotall: bool, guarded: bool) -> bool:
    """Return True when no item can lose a match once the line's text runs on."""
    for op, av in items:
        if op in REFUSED_OPS or (op is _C.AT and av in REFUSED_AT):
            return False
        if guarded and _takes_newline(op, av, dotall):
            return False
        if not all(
            _safe(sub, _dotall(op, av, dotall), guarded or op in GUARDING_OPS)
            for sub in _children(op, av)
        ):
            return False
    return True


def _children(op: Any, av: Any) -> list[Any]:
    if op is _C.BRANCH:
        return list(av[1])
    if op is _C.SUBPATTERN:
        return [av[3]]
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        return [av[2]]
    if op in (_C.ASSERT, _C.ASSERT_NOT):
        return [av[1]]
    if op is _C.ATOMIC_GROUP:
        return [av]
    return []


def _dotall(op: Any, av: Any, dotall: bool) -> bool:
    if op is _C.SUBPATTERN:
        return (dotall or bool(av[1] & re.DOTALL)) and not av[2] & re.DOTALL
    return dotall


def _takes_newline(op: Any, av: Any, dotall: bool) -> bool:
    """Return True when a single-character item may match a newline."""
    if op is _C.LITERAL:
        return bool(av == NEWLINE)
    if op is _C.NOT_LITERAL:
        return bool(av != NEWLINE)
    if op is _C.ANY:
        return dotall
    if op is _C.IN:
        return any(_set_item_takes_newline(kind, value) for kind, value in av)
    return False


def _set_item_takes_newline(kind: Any, value: Any) -> bool:
    if kind is _C.LITERAL:
        return bool(value == NEWLINE)
    if kind is _C.RANGE:
        return bool(value[0] <= NEWLINE <= value[1])
    if kind is _C.CATEGORY:
        return value not in SAFE_CATEGORIES
    return True  # NEGATE and anything unknown


def compile_gate(source: str, flags: int) -> regex.Pattern[str] | None:
    """Return the pattern compiled to search joined lines, or None when it cannot be gated.

    Named groups become plain groups (alternatives may share a name).
    """
    source = NAMED_GROUP_RE.sub(r"\1(?:", source)
    if not joins_safely(source, flags):
        return None
    try:
        return regex.compile(source, flags | regex.MULTILINE)
    except regex.error:
        return None


def candidate_lines(gate: regex.Pattern[str] | None, texts: list[str]) -> set[int] | None:
    """Return the indexes of the lines where the gate finds a match start, or None (no gate).

    One search per line that holds a match, plus one: after a find the search
    goes on from the next line's start.

    >>> gate = compile_gate(r"^baca\\b", regex.IGNORECASE)
    >>> sorted(candidate_lines(gate, ["Isi.", "Baca juga", "Isi lagi.", "baca"]))
    [1, 3]
    """
    if gate is None:
        return None
    return candidate_lines_any([gate], texts)


def candidate_lines_any(gates: Iterable[regex.Pattern[str]], texts: list[str]) -> set[int]:
    """Return the indexes of the lines where one of the gates finds a match start.

    The lines are joined once for all the gates.

    >>> gates = [compile_gate(r"^baca\\b", regex.I), compile_gate(r"lagi", regex.I)]
    >>> sorted(candidate_lines_any(gates, ["Isi.", "Baca juga", "Isi lagi.", "baca"]))
    [1, 2, 3]
    """
    if not texts:
        return set()
    joined = "\n".join(texts)
    starts: list[int] = []  # where each line starts in the joined text, once a gate finds one
    found: set[int] = set()
    for gate in gates:
        hit = gate.search(joined)
        while hit is not None:
            starts = starts or _line_starts(texts)
            index = bisect_right(starts, hit.start()) - 1
            found.add(index)
            if index + 1 >= len(texts):
                break
            hit = gate.search(joined, starts[index + 1])
    return found


def _line_starts(texts: list[str]) -> list[int]:
    """Return where each line starts in the lines joined by newlines."""
    starts = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return starts
