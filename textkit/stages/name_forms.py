"""How one name's words relate to another's: held in order, a first name's endings, where
an article's short mentions start in a long run; how a run was titled and which kinds of
name that settles. Pure functions and tables the name index uses."""

from __future__ import annotations

from collections.abc import Callable

# A short name this long or longer may stand for a first name ending in it.
MIN_NICKNAME_CHARS = 4
# First names longer than this are not looked at for nicknames (no name is, but a
# hostile text can hold a "word" of any length).
MAX_NICKNAME_SOURCE_CHARS = 30
# How a name run was titled: TITLED by its own words, CHAINED ("X, Budi"), CLEARED
# (its title went on to the next name) or PLAIN.
TITLED, CHAINED, PLAIN = "titled", "chained", "plain"
# A titled run whose title went on to the next name (it was TITLED or CHAINED).
CLEARED_TITLED, CLEARED = "cleared-titled", "cleared"
# The runs whose words count as subject words when they open their sentence.
SUBJECT_BASES = (TITLED, CLEARED_TITLED, PLAIN)
# The kinds a name can turn out to have, by how it was titled.
POSSIBLE_KINDS = {
    TITLED: ("titled", "titled-subject"),
    CHAINED: ("titled",),
    CLEARED: ("",),
    CLEARED_TITLED: ("",),
    PLAIN: ("", "subject"),
}


def first_short(words: list[str], is_short: Callable[[str], bool]) -> int:
    """Return the place (after the first) of the first capitalised short word, else 0."""
    for i, word in enumerate(words[1:], start=1):
        if word[:1].isupper() and is_short(word.casefold()):
            return i
    return 0


def first_name_endings(first_words: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Return (first word, name) of the names, by the last MIN_NICKNAME_CHARS characters of
    their first word (``first_words`` maps names to their first words, casefolded):
    {"lina": [("roslina", "Roslina A Djalil")]}."""
    endings: dict[str, list[tuple[str, str]]] = {}
    for full, word in first_words.items():
        if MIN_NICKNAME_CHARS < len(word) <= MAX_NICKNAME_SOURCE_CHARS:
            endings.setdefault(word[-MIN_NICKNAME_CHARS:], []).append((word, full))
    return endings


def names_ending_in(endings: dict[str, list[tuple[str, str]]], short: str) -> list[str]:
    """Return the names whose first word ends in the short name and is longer (casefolded
    ``short``; ``endings`` from first_name_endings)."""
    if len(short) < MIN_NICKNAME_CHARS:
        return []
    return [
        full
        for word, full in endings.get(short[-MIN_NICKNAME_CHARS:], ())
        if len(word) > len(short) and word.endswith(short)
    ]


def holds_in_order(candidate: list[str], words: list[str]) -> bool:
    """Return True when the candidate's words hold the words, in order, next to each other
    (case ignored): "Budi Santoso Putra" holds "Santoso Putra"."""
    folded = [w.casefold() for w in candidate]
    want = [w.casefold() for w in words]
    n = len(want)
    return any(folded[i : i + n] == want for i in range(len(folded) - n + 1))


def settled_table(kinds: tuple[str, ...]) -> dict[str, bool | None]:
    """Return, for each way of titling, whether it settles membership of the kinds (None: no)."""
    return {base: _settled(possible, kinds) for base, possible in POSSIBLE_KINDS.items()}


def _settled(possible: tuple[str, ...], kinds: tuple[str, ...]) -> bool | None:
    """Return True if every possible kind is wanted, False if none is, else None."""
    wanted = [kind in kinds for kind in possible]
    return True if all(wanted) else (False if not any(wanted) else None)


# person_before's tables for the tuples of kinds the quote stage asks about.
SETTLED = {
    kinds: settled_table(kinds)
    for kinds in (
        ("titled", "titled-subject"),
        ("subject", "titled-subject"),
        ("", "titled", "subject", "titled-subject"),
    )
}
