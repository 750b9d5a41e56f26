"""Rich renderers for people reading a terminal; layout only, no logic."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from textkit.tally import flat_row

# A table shows the start of a long quote; JSON Lines and CSV carry it whole.
QUOTE_PREVIEW_CHARS = 280


def make_console(out: IO[str]) -> Console:
    """Return a rich Console writing to out; no colour when NO_COLOR is set and not empty."""
    no_color = os.environ.get("NO_COLOR", "") != ""
    return Console(file=out, highlight=False, no_color=no_color)


def render_article(record: dict[str, Any], console: Console, show_removed: bool = False) -> None:
    """Print one article's record as a two-column table (and its removals if asked)."""
    if "error" in record:
        console.print(
            f"[bold red]{escape(str(record['source']))}[/]: "
            f"{escape(record['error']['type'])}: {escape(record['error']['message'])}",
            markup=True,
            highlight=False,
        )
        return
    table = Table(title=record["source"], show_header=False, title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    byline = record.get("byline") or {}
    dateline = record.get("dateline") or {}
    table.add_row("title", record.get("title") or "")
    table.add_row("lang", record.get("lang") or "")
    table.add_row("authors", ", ".join(byline.get("authors") or []))
    table.add_row("editors", ", ".join(byline.get("editors") or []))
    table.add_row("dateline", dateline.get("text") or "")
    table.add_row("published", record.get("published") or "")
    table.add_row("dates", str(len(record.get("dates") or [])))
    table.add_row("quotes", str(len(record.get("quotes") or [])))
    table.add_row("removed", str(len(record.get("removed") or [])))
    table.add_row("body", _preview(record.get("body") or ""))
    console.print(table)
    if show_removed:
        render_removed(record, console)


def render_removed(record: dict[str, Any], console: Console) -> None:
    """Print what the cleaner removed from one article and which rule removed it."""
    if not record.get("removed"):
        console.print(f"removed from {record['source']}: nothing", markup=False)
        return
    table = Table(title=f"removed from {record['source']}", title_justify="left")
    table.add_column("line", justify="right")
    table.add_column("rule", style="cyan")
    table.add_column("text", overflow="fold")
    for removal in record.get("removed") or []:
        table.add_row(str(removal["line"]), removal["rule"], removal["text"])
    console.print(table)


def render_quotes(rows: list[dict[str, Any]], console: Console) -> None:
    """Print quote rows as one table: speaker, role, quote, cue, kind, article."""
    table = Table(show_lines=True, expand=True)
    # The quote gets most of the width; short columns never wrap mid-word.
    table.add_column("speaker", ratio=2, overflow="fold")
    table.add_column("role", ratio=2, overflow="fold")
    table.add_column("quote", ratio=6, overflow="fold")
    table.add_column("cue", no_wrap=True, overflow="ellipsis", max_width=14)
    table.add_column("kind", no_wrap=True)
    table.add_column("article", overflow="ellipsis", no_wrap=True, max_width=18)
    for row in rows:
        table.add_row(
            row["speaker"] or "-",
            row["role"] or "",
            _preview(row["text"], QUOTE_PREVIEW_CHARS),
            row["cue"] or "",
            row["kind"],
            Path(row["source"]).name,
        )
    console.print(table)


def render_speakers(rows: list[dict[str, Any]], console: Console) -> None:
    """Print a speaker tally: who is quoted, how often, how, in how many articles, as what."""
    table = Table(show_lines=False)
    for name in ("speaker", "quotes", "direct", "indirect", "articles", "roles"):
        numeric = name in ("quotes", "direct", "indirect", "articles")
        table.add_column(name, overflow="fold", justify="right" if numeric else "left")
    for row in map(flat_row, rows):
        table.add_row(
            row["speaker"] or "-",
            *(str(row[k]) for k in ("quotes", "direct", "indirect", "articles")),
            row["roles"],
        )
    console.print(table)


def _preview(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
