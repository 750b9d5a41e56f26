"""Speaker tally: who is quoted across a corpus, how often, in which roles, in how many articles.

Pure aggregation over record dicts (as ``textkit.extract`` returns them); the
``textkit speakers`` command feeds it records one at a time and prints the rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

TALLY_COLUMNS = ("speaker", "quotes", "direct", "indirect", "articles", "roles")


@dataclass
class _SpeakerCounts:
    spellings: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)


@dataclass
class SpeakerTally:
    """Running counts per speaker; ``add`` one record at a time, then read ``rows()``."""

    include_unknown: bool = False
    articles_seen: int = 0
    _by_key: dict[str | None, _SpeakerCounts] = field(default_factory=dict)

    def add(self, record: dict[str, Any]) -> None:
        """Count the quotes of one record; error records are ignored."""
        if "error" in record:
            return
        self.articles_seen += 1
        article = f"{self.articles_seen}:{record.get('source')}"
        for quote in record.get("quotes") or []:
            speaker = quote.get("speaker")
            if not speaker and not self.include_unknown:
                continue
            key = speaker_key(speaker) if speaker else None
            counts = self._by_key.setdefault(key, _SpeakerCounts())
            if speaker:
                counts.spellings[" ".join(speaker.split())] += 1
            counts.kinds[quote.get("kind") or "direct"] += 1
            if quote.get("role"):
                counts.roles[" ".join(quote["role"].split())] += 1
            counts.articles.add(article)

    def rows(self) -> list[dict[str, Any]]:
        """Return one row per speaker, most quoted first (then most articles, then name)."""
        rows = [_row(counts) for counts in self._by_key.values()]
        rows.sort(key=lambda r: (-r["quotes"], -r["articles"], (r["speaker"] or "").casefold()))
        return rows


def _row(counts: _SpeakerCounts) -> dict[str, Any]:
    name = counts.spellings.most_common(1)[0][0] if counts.spellings else None
    return {
        "speaker": name,
        "quotes": counts.kinds.total(),
        "direct": counts.kinds["direct"],
        "indirect": counts.kinds["indirect"],
        "articles": len(counts.articles),
        "roles": [{"role": role, "count": n} for role, n in _most_common(counts.roles)],
    }


def _most_common(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0].casefold()))


def speaker_key(name: str) -> str:
    """Return the key that groups spellings of one speaker (case, spacing and the dots
    after initials ignored).

    >>> speaker_key("  Budi   SANTOSO "), speaker_key("Teguh P. Nugroho")
    ('budi santoso', 'teguh p nugroho')
    """
    return " ".join(name.replace(".", " ").split()).casefold()


def tally_speakers(
    records: Iterable[dict[str, Any]], include_unknown: bool = False
) -> list[dict[str, Any]]:
    """Return per-speaker rows (quotes, direct, indirect, articles, roles) over records.

    >>> quote = {"speaker": "Budi", "role": "Camat", "kind": "direct"}
    >>> tally_speakers([{"source": "a", "quotes": [quote, {**quote, "kind": "indirect"}]}])
    [{'speaker': 'Budi', 'quotes': 2, 'direct': 1, 'indirect': 1, 'articles': 1, 'roles': [{'role': 'Camat', 'count': 2}]}]
    """  # noqa: E501 (a doctest line shows the whole row)
    tally = SpeakerTally(include_unknown)
    for record in records:
        tally.add(record)
    return tally.rows()


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """Return a tally row with its roles as one string, for CSV and tables.

    >>> flat_row({"speaker": "Budi", "roles": [{"role": "Camat", "count": 2}]})["roles"]
    'Camat (2)'
    """
    roles = "; ".join(f"{r['role']} ({r['count']})" for r in row.get("roles") or [])
    return {**row, "roles": roles}
