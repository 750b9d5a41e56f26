"""Line probes: skip the line rules on a line whose opening no rule can start with.

Line rules match from the start of a line, and most body lines open with a
word that no rule begins with. The opening of a line (up to and including its
first space) is matched once per process against the rules with the regex
module's partial matching, which says whether some longer text starting that
way could match; the answer is kept per opening. A rule that opens with
``^(?!.{N})`` only takes lines under N characters, so the answer is the
longest line that could match, and a line is tried only when it is no longer.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

import regex

from textkit.lang.patterns import MATCH_TIMEOUT_SECONDS

# A line opening is its first word and the space after it, at most this long.
PROBE_CHARS = 24
# Openings remembered per rule set; past this, unseen openings are not kept
# (their lines are simply tried), so memory stays bounded on any input.
MAX_PROBES = 50_000
LENGTH_CAP_RE = re.compile(r"^\^\(\?!\.\{(\d+)\}\)")
NO_LIMIT = sys.maxsize


def length_cap(source: str) -> int:
    """Return the longest line a pattern opening with ``^(?!.{N})`` can match (or no limit).

    >>> length_cap(r"^(?!.{81}).{0,60}foto$")
    80
    >>> length_cap(r"^iklan$") == NO_LIMIT
    True
    """
    found = LENGTH_CAP_RE.match(source)
    return int(found.group(1)) - 1 if found else NO_LIMIT


@dataclass
class ProbeTable:
    """Line rules with the longest line each takes, and the openings seen so far.

    Rules are tried one by one in file order: one alternation of all of them
    costs more in the regex module than the few single rules a line's
    opening leaves to try.
    """

    rules: tuple[tuple[int, regex.Pattern[str]], ...]
    seen: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, patterns: list[regex.Pattern[str]]) -> ProbeTable:
        """Return the table for line patterns (each matched from the start of a line)."""
        return cls(tuple((length_cap(pattern.pattern), pattern) for pattern in patterns))

    def match(self, text: str) -> int | None:
        """Return the position of the first rule that matches the line, or None.

        >>> table = ProbeTable.build([regex.compile(r"^(?:baca|lihat) juga\\b", regex.I)])
        >>> table.match("Baca juga: Harga Naik"), table.match("Warga berkumpul.")
        (0, None)
        """
        for n in self.rules_for(text):
            if self.rules[n][1].match(text, timeout=MATCH_TIMEOUT_SECONDS) is not None:
                return n
        return None

    def rules_for(self, text: str) -> list[int]:
        """Return the rules that may match the line, judged by its opening and length."""
        space = text.find(" ", 0, PROBE_CHARS)
        probe = text[: space + 1] if space >= 0 else text[:PROBE_CHARS]
        rules = self.seen.get(probe)
        if rules is None:
            rules = self._open_to(probe)
            if len(self.seen) < MAX_PROBES:
                self.seen[probe] = rules
        return [n for n in rules if len(text) <= self.rules[n][0]]

    def _open_to(self, probe: str) -> tuple[int, ...]:
        """Return the rules that could match a line starting with ``probe``, in file order."""
        return tuple(
            n
            for n, (_cap, pattern) in enumerate(self.rules)
            if pattern.match(probe, partial=True, timeout=MATCH_TIMEOUT_SECONDS) is not None
        )
