"""How one name's words relate to another's: held in order, a first name's endings, where
an article's short mentions start in a long run. Pure functions the name index uses."""

from __future__ import annotations

from collections.abc import Callable

# A short name this long or longer may stand for a first name ending in it.
MIN_NICKNAME_CHARS = 4
# First names longer than this are not looked at for nicknames (no name is, but a
# hostile text can hold a "word" of any length).
MAX_NICKNAME_SOURCE_CHARS = 30


def first_short(words: list[str], is_short: Callable[[str], bool]) -> int:
    """Return the place (after the first) of the first capitalised short word, else 0."""
    for i, word in enumerate(words[1:], start=1):
        if word[:1].isupper() and is_short(word.casefold()):
            return i
    return 0


def first_name_endings(by_word: dict[str, dict[str, None]]) -> dict[str, set[str]]:
    """Return the names by each ending (MIN_NICKNAME_CHARS long or more, shorter than the
    word) of their first word, casefolded: {"lina": {"Roslina A Djalil"}}."""
    endings: dict[str, set[str]] = {}
    for word, fulls in by_word.items():
        if len(word) > MAX_NICKNAME_SOURCE_CHARS:
            continue
        firsts = [full for full in fulls if full.split()[0].casefold() == word]
        for cut in range(1, len(word) - MIN_NICKNAME_CHARS + 1) if firsts else ():
            endings.setdefault(word[cut:], set()).update(firsts)
    return endings


def holds_in_order(candidate: list[str], words: list[str]) -> bool:
    """Return True when the candidate's words hold the words, in order, next to each other
    (case ignored): "Budi Santoso Putra" holds "Santoso Putra"."""
    folded = [w.casefold() for w in candidate]
    want = [w.casefold() for w in words]
    n = len(want)
    return any(folded[i : i + n] == want for i in range(len(folded) - n + 1))
