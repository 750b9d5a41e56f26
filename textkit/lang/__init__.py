"""Language rule data: discover, load once, validate, and merge a user's rules file.

Each language is a folder beside this file (``id/``, ``en/``) holding one TOML
file per kind of rule (``boilerplate.toml``, ``byline.toml``, ...) and plain
word lists (``titles.txt``, ``organisations.txt``, ``stopwords.txt``). :func:`load` reads them once
per process and caches the result; stages compile what they need through
:meth:`Rules.compiled`, which memoises per ``Rules`` object.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from textkit.errors import RuleError

# The language folders sit beside this file (a plain path: importlib.resources
# costs about 7 ms to import, and the package is never zipped).
LANG_ROOT = Path(__file__).parent

KINDS = ("boilerplate", "byline", "dateline", "dates", "quotes")
WORD_LISTS = ("titles", "stopwords", "organisations")

T = TypeVar("T")


@dataclass(eq=False)
class Rules:
    """One language's rule data, raw as loaded, with a cache of compiled forms."""

    lang: str
    data: Mapping[str, dict[str, Any]]
    word_lists: Mapping[str, tuple[str, ...]]
    _compiled: dict[str, Any] = field(default_factory=dict, repr=False)

    def section(self, kind: str) -> dict[str, Any]:
        """Return the parsed data of one rule file (empty if the language has none)."""
        return self.data.get(kind, {})

    def words(self, name: str) -> tuple[str, ...]:
        """Return a plain word list such as ``titles`` or ``stopwords``."""
        return self.word_lists.get(name, ())

    def compiled(self, key: str, build: Callable[[Rules], T]) -> T:
        """Return ``build(self)``, computed once per Rules object and key."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        result: T = self._compiled[key]
        return result


def available() -> list[str]:
    """Return the language codes that ship with textkit.

    >>> available()
    ['en', 'id']
    """
    return list(_available())


@cache
def _available() -> tuple[str, ...]:
    return tuple(
        sorted(p.name for p in LANG_ROOT.iterdir() if p.is_dir() and not p.name.startswith("_"))
    )


def load(code: str, user_rules: str | None = None) -> Rules:
    """Return the rules for a language, with a user's rules file merged on top.

    Results are cached per (language, rules file), so each process reads the
    data once; data merged with a user's rules file is validated then.
    """
    if code not in _available():
        raise RuleError(f"unknown language {code!r}; available: {', '.join(available())}")
    return _load_cached(code, user_rules)


@cache
def _load_cached(code: str, user_rules: str | None) -> Rules:
    from textkit.lang.schema import validate

    data, word_lists = _read_language(code)
    merged = False
    if user_rules:
        overlay = read_user_rules(Path(user_rules))
        if overlay.get("lang") in (None, code):
            data, word_lists = merge_user_rules(data, word_lists, overlay)
            merged = True
    rules = Rules(code, data, word_lists)
    # The shipped data is validated by the test suite (test_lang_data.py);
    # checking it again compiled every rule's pattern at each start-up, about
    # 60 ms. Data a user's rules file changed is checked here, every time.
    if merged:
        validate(rules)
    return rules


def _read_language(code: str) -> tuple[RuleFiles, dict[str, tuple[str, ...]]]:
    """Return a language's rule files (each parsed when first read) and its word lists."""
    folder = LANG_ROOT / code
    word_lists: dict[str, tuple[str, ...]] = {}
    for name in WORD_LISTS:
        res = folder.joinpath(f"{name}.txt")
        if res.is_file():
            word_lists[name] = parse_word_list(res.read_text(encoding="utf-8"))
    return RuleFiles(folder, code), word_lists


class RuleFiles(Mapping[str, dict[str, Any]]):
    """A language folder's rule files by kind, each parsed the first time it is read.

    A run on Indonesian text reads only the English stopwords (to tell the
    languages apart), so the English rule files are never parsed (about 4 ms).
    """

    def __init__(self, folder: Path, code: str) -> None:
        self.folder = folder
        self.code = code
        self.kinds = tuple(k for k in KINDS if folder.joinpath(f"{k}.toml").is_file())
        self.parsed: dict[str, dict[str, Any]] = {}

    def __getitem__(self, kind: str) -> dict[str, Any]:
        """Return the parsed file of one kind; raise KeyError when the folder has none."""
        if kind not in self.parsed:
            if kind not in self.kinds:
                raise KeyError(kind)
            text = self.folder.joinpath(f"{kind}.toml").read_text(encoding="utf-8")
            self.parsed[kind] = _parse_toml(text, f"lang/{self.code}/{kind}.toml")
        return self.parsed[kind]

    def __iter__(self) -> Iterator[str]:
        """Return an iterator over the kinds the folder has a file for."""
        return iter(self.kinds)

    def __len__(self) -> int:
        """Return how many rule files the folder has."""
        return len(self.kinds)


def _parse_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{where}: not valid TOML: {exc}") from None


def parse_word_list(text: str) -> tuple[str, ...]:
    """Return the entries of a one-per-line list, skipping blanks and ``#`` comments.

    >>> parse_word_list("# titles\\nBupati\\n\\nCamat\\n")
    ('Bupati', 'Camat')
    """
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def read_user_rules(path: Path) -> dict[str, Any]:
    """Return a user's rules file parsed (TOML), or raise RuleError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rules file: {exc.strerror}") from None
    overlay = _parse_toml(text, str(path))
    unknown = set(overlay) - set(KINDS) - set(WORD_LISTS) - {"lang"}
    if unknown:
        raise RuleError(f"{path}: unknown section(s) {sorted(unknown)}; known: {list(KINDS)}")
    return overlay


def merge_user_rules(
    data: Mapping[str, dict[str, Any]],
    word_lists: Mapping[str, tuple[str, ...]],
    overlay: Mapping[str, Any],
) -> tuple[dict[str, dict[str, Any]], dict[str, tuple[str, ...]]]:
    """Return the data and word lists with the overlay merged in."""
    merged = {kind: dict(section) for kind, section in data.items()}
    for kind in KINDS:
        if kind in overlay:
            merged[kind] = merge_tables(merged.get(kind, {}), overlay[kind])
    lists = dict(word_lists)
    for name in WORD_LISTS:
        if name in overlay:
            lists[name] = tuple(dict.fromkeys([*lists.get(name, ()), *overlay[name]]))
    return merged, lists


def merge_tables(base: Mapping[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    """Return base with overlay merged in.

    Tables merge key by key; lists of tables that carry an ``id`` replace the
    entry with the same id or are appended; lists of plain values are
    extended; anything else is replaced.

    >>> merge_tables({"cues": ["kata"]}, {"cues": ["ujar"]})
    {'cues': ['kata', 'ujar']}
    >>> merge_tables({"rules": [{"id": "a", "x": 1}]}, {"rules": [{"id": "a", "x": 2}]})
    {'rules': [{'id': 'a', 'x': 2}]}
    """
    out = dict(base)
    for key, value in overlay.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = merge_tables(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = _merge_lists(old, value)
        else:
            out[key] = value
    return out


def _merge_lists(old: list[Any], new: list[Any]) -> list[Any]:
    if all(isinstance(item, dict) and "id" in item for item in [*old, *new]):
        by_id = {item["id"]: item for item in old}
        for item in new:
            by_id[item["id"]] = item
        return list(by_id.values())
    return list(dict.fromkeys([*old, *new])) if _all_hashable(old + new) else old + new


def _all_hashable(items: list[Any]) -> bool:
    return all(isinstance(item, str | int | float | bool) for item in items)
