"""Names in an article: split a role from a name, and find each name's fullest form.

A "name run" is a stretch of capitalised words (with initials, acronyms,
parenthesised abbreviations and the lowercase particles the language allows).
Titles of office come from ``titles.txt``: "Sekretaris Daerah Kukar, Sunggono"
gives the name "Sunggono" and the role "Sekretaris Daerah Kukar".
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from textkit.lang.patterns import MATCH_TIMEOUT_SECONDS
from textkit.stages.quote_rules import QuoteRules

# Titles this short ("H", "Pak") only count at the start of a run: mid-run
# they are more often an initial or part of a name.
MIN_MID_RUN_TITLE_CHARS = 3
# Longest name the index keeps; longer runs are organisations or headlines.
MAX_NAME_TOKENS = 5
ACRONYM_RE = regex.compile(r"^\p{Lu}[\p{Lu}\p{N}\-]+$")
PAREN_TOKEN_RE = regex.compile(r"\([^()]*\)")
TOKEN_SPLIT_RE = regex.compile(r"\([^()]*\)|\S+")


def name_tokens(run: str) -> list[str]:
    """Return the words of a name run, a parenthesised part counting as one word.

    >>> name_tokens("Bupati Kutai (Kukar) Edi")
    ['Bupati', 'Kutai', '(Kukar)', 'Edi']
    """
    return TOKEN_SPLIT_RE.findall(run)


def strip_non_name_words(tokens: list[str], qr: QuoteRules) -> list[str]:
    """Return the tokens without leading words that are not names (sentence openers, cues)."""
    start = 0
    while start < len(tokens) and tokens[start].casefold().rstrip(".,") in qr.non_name_words:
        start += 1
    return tokens[start:]


def _title_end(tokens: list[str], qr: QuoteRules) -> int:
    """Return the index just after the last title of office in the tokens (0 if none)."""
    best = 0
    for i in range(len(tokens) - 1):
        if PAREN_TOKEN_RE.fullmatch(tokens[i]):
            continue
        m = qr.title_re.match(" ".join(tokens[i:]), timeout=MATCH_TIMEOUT_SECONDS)
        if not m or (i > 0 and len(m.group().strip()) < MIN_MID_RUN_TITLE_CHARS):
            continue
        end = i + len(m.group().split())
        if end < len(tokens):
            best = max(best, end)
    return best


def _ends_role(token: str, qr: QuoteRules) -> bool:
    """Return True for a word that a name never follows inside a role: "(OJK)", "dan", "OIKN"."""
    return bool(
        PAREN_TOKEN_RE.fullmatch(token) or token in qr.connectors or ACRONYM_RE.match(token)
    )


def split_role(run: str, qr: QuoteRules) -> tuple[str | None, str | None]:
    """Return (name, role) for one run of capitalised words with no comma.

    The name is what follows the last parenthesised part or the last title of
    office; leading acronyms (an office's initials) go to the role too.
    """
    tokens = strip_non_name_words(name_tokens(run.strip(" ,.")), qr)
    while tokens and (
        PAREN_TOKEN_RE.fullmatch(tokens[-1]) or tokens[-1].casefold() in qr.adjunct_words
    ):
        tokens = tokens[:-1]
    cut = max(
        (i + 1 for i, t in enumerate(tokens[:-1]) if _ends_role(t, qr)),
        default=0,
    )
    cut = max(cut, _title_end(tokens, qr))
    while cut < len(tokens) - 1 and ACRONYM_RE.match(tokens[cut]):
        cut += 1
    name = " ".join(tokens[cut:]) or None
    role = " ".join(tokens[:cut]) or None
    if name is not None and not is_name_like(name, qr):
        return None, role
    return name, role


def is_name_like(name: str, qr: QuoteRules) -> bool:
    """Return True if every word is capitalised (or a name particle) and none opens sentences.

    Rejects phrases such as "melalui pesan singkat" that a loose parse takes
    for a speaker.
    """
    tokens = name.split()
    if not tokens or tokens[0].casefold() in qr.non_name_words:
        return False
    return all(t[:1].isupper() or t[:1] == "(" or t in qr.particles for t in tokens)


def is_role_like(segment: str, qr: QuoteRules) -> bool:
    """Return True if a comma-separated segment reads as a role, not a name.

    A role starts with a title of office or with a lowercase word ("a
    spokesman for ...").
    """
    tokens = strip_non_name_words(segment.split(), qr)
    if not tokens:
        return False
    if qr.determiner_re is not None and qr.determiner_re.fullmatch(tokens[0]):
        return True
    text = " ".join(tokens)
    if any(t in qr.connectors or ACRONYM_RE.match(t) for t in tokens):
        return True
    return text[0].islower() or bool(qr.title_re.match(text, timeout=MATCH_TIMEOUT_SECONDS))


def pick_name(near: str, far: str | None, qr: QuoteRules) -> tuple[str | None, str | None]:
    """Return (name, role) from the segment next to the cue and the one beyond its comma.

    "Sekretaris Daerah Kukar, Sunggono" and "Sunggono, Kepala Dinas X" both
    give "Sunggono": the segment that reads as a role becomes the role.
    """
    near_role = is_role_like(near, qr)
    if far is not None and near_role and not is_role_like(far, qr):
        name, role = split_role(far, qr)
        return name, near.strip(" ,") if name else role
    if far is not None and not near_role and is_role_like(far, qr):
        name, role = split_role(near, qr)
        return name, far.strip(" ,") if role is None else role
    return split_role(near, qr)


@dataclass
class NameIndex:
    """Every name run in a body, by offset and by word, built in one pass."""

    starts: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    titled: list[bool] = field(default_factory=list)
    by_word: dict[str, list[str]] = field(default_factory=dict)
    honorifics: frozenset[str] = frozenset()

    def add(self, start: int, name: str, titled: bool) -> None:
        """Record one name found at an offset (calls come in offset order)."""
        self.starts.append(start)
        self.names.append(name)
        self.titled.append(titled)
        for word in set(name.split()):
            self.by_word.setdefault(word.casefold(), []).append(name)

    def fullest(self, name: str) -> str:
        """Return the longest indexed name holding the name's words in order, else the name."""
        words = name.split()
        if len(words) > 1 and words[0] in self.honorifics:
            return f"{words[0]} {self.fullest(' '.join(words[1:]))}"
        if not words:
            return name
        best = name
        for candidate in self.by_word.get(words[0].casefold(), ()):
            if len(candidate) > len(best) and _holds_in_order(candidate.split(), words):
                best = candidate
        return best

    def person_before(self, offset: int) -> str | None:
        """Return the last name introduced by a title of office before an offset."""
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0:
            if self.titled[i]:
                return self.names[i]
            i -= 1
        return None


def _holds_in_order(candidate: list[str], words: list[str]) -> bool:
    folded = [w.casefold() for w in candidate]
    want = [w.casefold() for w in words]
    n = len(want)
    return any(folded[i : i + n] == want for i in range(len(folded) - n + 1))


def build_name_index(body: str, qr: QuoteRules) -> NameIndex:
    """Return the index of every name run in the body, roles split off."""
    index = NameIndex(honorifics=qr.honorifics)
    for m in qr.name_run_re.finditer(body, timeout=MATCH_TIMEOUT_SECONDS):
        name, role = split_role(m.group(), qr)
        if name and name.split()[0] in qr.honorifics:
            name = " ".join(name.split()[1:])
        if not name or len(name.split()) > MAX_NAME_TOKENS or ACRONYM_RE.match(name):
            continue
        if name.casefold() in qr.non_name_words or name.casefold() in qr.title_words:
            continue
        index.add(m.start(), name, role is not None and _is_title_role(role, qr))
    return index


def _is_title_role(role: str, qr: QuoteRules) -> bool:
    return bool(qr.title_re.match(role + " ", timeout=MATCH_TIMEOUT_SECONDS))
