"""Flat rows drawn from records: one per quote, one per article, for CSV and tables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

CLEAN_COLUMNS = ("source", "body", "error")
QUOTE_COLUMNS = ("source", "speaker", "role", "kind", "cue", "text", "start", "end")
ARTICLE_COLUMNS = (
    "source", "lang", "title", "authors", "editors", "location", "outlet",
    "published", "quotes", "removed", "error",
)  # fmt: skip


def quote_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Yield one flat dict per quote of a record, each carrying the record's source."""
    for quote in record.get("quotes") or []:
        yield {"source": record["source"], **{k: quote.get(k) for k in QUOTE_COLUMNS[1:]}}


def article_row(record: dict[str, Any]) -> dict[str, Any]:
    """Return the one-line summary of a record (or of an error record)."""
    if "error" in record:
        error = record["error"]
        return {"source": record["source"], "error": f"{error['type']}: {error['message']}"}
    byline = record.get("byline") or {}
    dateline = record.get("dateline") or {}
    return {
        "source": record["source"],
        "lang": record.get("lang"),
        "title": record.get("title"),
        "authors": "; ".join(byline.get("authors") or []),
        "editors": "; ".join(byline.get("editors") or []),
        "location": dateline.get("location"),
        "outlet": dateline.get("outlet"),
        "published": record.get("published"),
        "quotes": len(record.get("quotes") or []),
        "removed": len(record.get("removed") or []),
        "error": None,
    }


def clean_row(record: dict[str, Any]) -> dict[str, Any]:
    """Return what ``textkit clean`` prints for a record: its source and body (or the error).

    >>> clean_row({"source": "a.txt", "title": "T", "body": "Isi."})
    {'source': 'a.txt', 'body': 'Isi.'}
    """
    if "error" in record:
        return record
    return {"source": record["source"], "body": record.get("body", "")}
