"""Checks on rule data that run at load time and in the test suite.

Generic checks only: every ``pattern`` compiles, every rule's ``example``
matches its own pattern and no ``not_example`` does, ids are unique and well
formed, no word list is empty. A stage that needs more registers nothing
here; it raises RuleError from its own compile step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from textkit.errors import RuleError
from textkit.lang.patterns import MATCH_TIMEOUT_SECONDS, bounded, compile_pattern

if TYPE_CHECKING:
    from textkit.lang import Rules

ID_RE = regex.compile(r"^[a-z]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$")


def validate(rules: Rules) -> None:
    """Raise RuleError naming file and key for the first problem in the data."""
    for kind, section in rules.data.items():
        _check_table(section, f"lang/{rules.lang}/{kind}.toml", set())


def _check_table(table: dict[str, Any], where: str, seen_ids: set[str]) -> None:
    for key, value in table.items():
        if isinstance(value, dict):
            _check_table(value, f"{where}: {key}", seen_ids)
        elif isinstance(value, list):
            _check_list(value, f"{where}: {key}", seen_ids)


def _check_list(items: list[Any], where: str, seen_ids: set[str]) -> None:
    if not items:
        raise RuleError(f"{where}: empty list")
    for n, item in enumerate(items):
        if isinstance(item, dict):
            check_rule(item, f"{where}[{n}]", seen_ids)


def check_rule(rule: dict[str, Any], where: str, seen_ids: set[str]) -> None:
    """Raise RuleError if one rule table is malformed or fails its own examples."""
    rule_id = rule.get("id")
    if rule_id is not None:
        if not isinstance(rule_id, str) or not ID_RE.match(rule_id):
            raise RuleError(f"{where}: id {rule_id!r} is not of the form lang.kind.name")
        if rule_id in seen_ids:
            raise RuleError(f"{where}: duplicate id {rule_id!r}")
        seen_ids.add(rule_id)
    if "pattern" in rule and "words" in rule:
        raise RuleError(f"{where}: give either pattern or words, not both")
    source = rule_pattern_source(rule, where)
    if source is None:
        return
    pattern = compile_pattern(source, where)
    for example in _as_list(rule.get("example")):
        if not pattern.search(example, timeout=MATCH_TIMEOUT_SECONDS):
            raise RuleError(f"{where}: example {example!r} does not match its own pattern")
    for example in _as_list(rule.get("not_example")):
        if pattern.search(example, timeout=MATCH_TIMEOUT_SECONDS):
            raise RuleError(f"{where}: not_example {example!r} matches the pattern")


def rule_pattern_source(rule: dict[str, Any], where: str) -> str | None:
    """Return the regex source of a rule (its ``pattern``, or its ``words`` bounded)."""
    if "pattern" in rule:
        if not isinstance(rule["pattern"], str) or not rule["pattern"]:
            raise RuleError(f"{where}: pattern must be a non-empty string")
        return str(rule["pattern"])
    if "words" in rule:
        return bounded(rule["words"], rule.get("suffixes", ()), where)
    return None


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
