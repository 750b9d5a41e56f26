"""Turn word lists from the rule files into safe compiled regular expressions.

Every word list in the language data becomes a regex here, and nowhere else:
entries are escaped, sorted longest first (so "kata dia" wins over "kata"),
joined with word boundaries, and compiled with the ``regex`` module. No
hostile input can make a pattern run away: the pipeline runs each article
under a time bound (textkit.deadline), and the rule files' own examples are
checked under ``MATCH_TIMEOUT_SECONDS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

import regex

from textkit.errors import RuleError

# Checking a rule's example against its pattern at load time takes no longer.
MATCH_TIMEOUT_SECONDS = 1.0

DEFAULT_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0

T = TypeVar("T")


class BuiltAfterUses(Generic[T]):
    """A value that pays only over a long run (a big alternation): ``get`` returns None
    for the first ``free_uses`` asks, then ``build()``'s result, built once.

    An article or two never pays for compiling it; a corpus run compiles it early on.
    """

    def __init__(self, free_uses: int, build: Callable[[], T]) -> None:
        self.free_uses = free_uses
        self.build = build
        self.asked = 0
        self.value: T | None = None

    def get(self) -> T | None:
        """Return None while the free uses last, then the built value."""
        if self.asked <= self.free_uses:
            self.asked += 1
            if self.asked <= self.free_uses:
                return None
            self.value = self.build()
        return self.value


def alternation(words: Iterable[str], where: str = "word list") -> str:
    """Return a non-capturing alternation of the escaped words, longest first.

    >>> alternation(["kata", "kata dia"])
    '(?:kata\\\\ dia|kata)'
    """
    items = sorted({w.strip() for w in words if w and w.strip()}, key=lambda w: (-len(w), w))
    if not items:
        raise RuleError(f"{where}: empty word list (it would match everything)")
    return "(?:" + "|".join(regex.escape(w) for w in items) + ")"


def trie_alternation(words: list[str], where: str) -> str:
    """Return a group matching what alternation(words) matches, the words as a trie.

    Each character is tested once, not once a word ("Dr(?:\\.|s\\.)" for "Drs.",
    "Dr."); a word's longer forms come before it, as longest-first has them.

    >>> trie_alternation(["Dr.", "Drs.", "bin", "binti"], "list")
    '(?:Dr(?:\\\\.|s\\\\.)|bin(?:ti|))'
    """
    items = {w.strip() for w in words if w and w.strip()}
    if not items:
        return alternation(items, where)  # raises: an empty list would match everything
    trie: dict[str, Any] = {}
    for word in items:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return f"(?:{'|'.join(_trie_branches(trie))})"


def _trie_branches(node: dict[str, Any]) -> list[str]:
    """Return the regex sources of a trie node's branches, then the empty word ending there."""
    branches = []
    for char, child in sorted(node.items()):
        if char:
            inner = _trie_branches(child)
            rest = inner[0] if len(inner) == 1 else f"(?:{'|'.join(inner)})"
            branches.append(regex.escape(char) + rest)
    if "" in node:
        branches.append("")
    return branches


def bounded(words: Iterable[str], suffixes: Iterable[str] = (), where: str = "word list") -> str:
    """Return an alternation wrapped in word boundaries, allowing optional suffixes.

    Suffixes let Indonesian clitics attach: ``bounded(["ujar"], ["nya"])``
    matches "ujar" and "ujarnya".

    >>> bool(regex.search(bounded(["ujar"], ["nya"]), "kata ujarnya."))
    True
    """
    core = alternation(words, where)
    suffix_list = [s for s in suffixes if s]
    tail = f"(?:{alternation(suffix_list, where)})?" if suffix_list else ""
    return rf"(?<!\w){core}{tail}(?!\w)"


def compile_pattern(source: str, where: str, flags: int = DEFAULT_FLAGS) -> regex.Pattern[str]:
    """Return the compiled pattern, or raise RuleError naming where it came from."""
    try:
        return regex.compile(source, flags)
    except regex.error as exc:
        raise RuleError(f"{where}: pattern does not compile: {exc}") from None


def compile_words(
    words: Iterable[str],
    where: str,
    suffixes: Iterable[str] = (),
    flags: int = DEFAULT_FLAGS,
) -> regex.Pattern[str]:
    """Return a compiled, word-bounded pattern matching any of the words."""
    return compile_pattern(bounded(words, suffixes, where), where, flags)
