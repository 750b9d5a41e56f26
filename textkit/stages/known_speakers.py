"""The speakers a quote stage has named: looked up by the words of a name."""

from __future__ import annotations

from textkit.stages.name_index import NameIndex


def known_speakers(names: list[str | None], index: NameIndex) -> dict[str, list[str]]:
    """Return each word of the named speakers' names, mapped to those full names."""
    known: dict[str, list[str]] = {}
    for name in dict.fromkeys(n for n in names if n):
        for word in name.split():
            if word not in index.honorifics:
                known.setdefault(word.casefold(), []).append(name)
    return known


def speakers_holding(
    words: frozenset[str], known: dict[str, list[str]], index: NameIndex
) -> set[str]:
    """Return the speakers sharing a word with ``words`` whose words hold them or lie in them.

    ("Anwar Abbas" is not the speaker "China Anwar" though they share a word.) Those
    holding every word are in the list of each word no honorific folds to, so only
    the shortest such list is read; those lying in them are looked up by their words.
    """
    plain = [w for w in words if w not in index.honorifics_folded]
    if not plain:
        return {
            full
            for w in words
            for full in known.get(w, ())
            if one_holds_other(words, frozenset(f.casefold() for f in full.split()))
        }
    by_words = index.speaker_words(known)
    shortest = min((known.get(w, []) for w in plain), key=len)
    found = {full for full in shortest if words <= by_words[full]}
    members = sorted(words)
    for mask in range(1, 1 << len(members)):
        part = frozenset(w for i, w in enumerate(members) if mask >> i & 1)
        found.update(index.speakers_by_words.get(part, ()))
    return found


def one_holds_other(a: frozenset[str], b: frozenset[str]) -> bool:
    """Return True when one set of words holds the other."""
    return a <= b or b <= a
