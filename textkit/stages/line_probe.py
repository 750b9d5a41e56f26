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
    """Rule patterns grouped by the longest line they take, and the openings seen so far."""

    groups: tuple[tuple[int, regex.Pattern[str]], ...]
    seen: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, patterns: list[regex.Pattern[str]]) -> ProbeTable:
        """Return the table for line patterns (each matched from the start of a line)."""
        by_cap: dict[tuple[int, int], list[str]] = {}
        for pattern in patterns:
            key = (length_cap(pattern.pattern), pattern.flags)
            by_cap.setdefault(key, []).append(f"(?:{pattern.pattern})")
        groups = tuple(
            (cap, regex.compile("|".join(sources), flags))
            for (cap, flags), sources in by_cap.items()
        )
        return cls(groups)

    def may_match(self, text: str) -> bool:
        """Return False when no rule can match the line (True: it must be tried).

        >>> table = ProbeTable.build([regex.compile(r"^(?:baca|lihat) juga\\b", regex.I)])
        >>> table.may_match("Baca juga: Harga Naik"), table.may_match("Warga berkumpul.")
        (True, False)
        """
        space = text.find(" ", 0, PROBE_CHARS)
        probe = text[: space + 1] if space >= 0 else text[:PROBE_CHARS]
        cap = self.seen.get(probe)
        if cap is None:
            cap = self._longest(probe)
            if len(self.seen) < MAX_PROBES:
                self.seen[probe] = cap
        return len(text) <= cap

    def _longest(self, probe: str) -> int:
        """Return the longest line starting with ``probe`` that some rule could match (-1: none)."""
        caps = [
            cap
            for cap, pattern in self.groups
            if pattern.match(probe, partial=True, timeout=MATCH_TIMEOUT_SECONDS) is not None
        ]
        return max(caps, default=-1)
