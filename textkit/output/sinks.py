"""Sinks: where each command's records go, one class per output format."""

from __future__ import annotations

import csv
from typing import IO, Any

from textkit.output.jsonl import write_json, write_jsonl
from textkit.output.rows import ARTICLE_COLUMNS, QUOTE_COLUMNS, article_row, quote_rows


class Sink:
    """Receives records one at a time; ``close`` finishes the output."""

    def __init__(self, out: IO[str], view: str, show_removed: bool = False) -> None:
        self.out = out
        self.view = view  # "extract", "quotes" or "clean"
        self.show_removed = show_removed

    def add(self, record: dict[str, Any]) -> None:
        """Write (or collect) one record."""

    def close(self) -> None:
        """Finish the output."""


class JsonlSink(Sink):
    def add(self, record: dict[str, Any]) -> None:
        if self.view == "quotes" and "error" not in record:
            for row in quote_rows(record):
                write_jsonl(row, self.out)
        else:
            write_jsonl(record, self.out)


class JsonSink(Sink):
    def add(self, record: dict[str, Any]) -> None:
        if self.view == "quotes" and "error" not in record:
            for row in quote_rows(record):
                write_json(row, self.out)
        else:
            write_json(record, self.out)


class CsvSink(Sink):
    def __init__(self, out: IO[str], view: str, show_removed: bool = False) -> None:
        super().__init__(out, view, show_removed)
        columns = QUOTE_COLUMNS if view == "quotes" else ARTICLE_COLUMNS
        self.writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        self.writer.writeheader()

    def add(self, record: dict[str, Any]) -> None:
        if self.view == "quotes":
            for row in quote_rows(record):
                self.writer.writerow(row)
        else:
            self.writer.writerow(article_row(record))
        self.out.flush()


class TextSink(Sink):
    def add(self, record: dict[str, Any]) -> None:
        if "error" in record:
            return
        if self.view == "quotes":
            for row in quote_rows(record):
                speaker = row["speaker"] or "?"
                self.out.write(f"{speaker}: {row['text']}\n")
        else:
            self.out.write(record.get("body", "") + "\n")
        self.out.flush()


class TableSink(Sink):
    def __init__(self, out: IO[str], view: str, show_removed: bool = False) -> None:
        super().__init__(out, view, show_removed)
        from rich.console import Console

        self.console = Console(file=out)
        self.pending: list[dict[str, Any]] = []

    def add(self, record: dict[str, Any]) -> None:
        from textkit.output import table

        if self.view == "quotes":
            self.pending.append(record)
        else:
            table.render_article(record, self.console, self.show_removed)

    def close(self) -> None:
        from textkit.output import table

        if self.view == "quotes":
            table.render_quotes(self.pending, self.console)


SINKS: dict[str, type[Sink]] = {
    "jsonl": JsonlSink,
    "json": JsonSink,
    "csv": CsvSink,
    "text": TextSink,
    "table": TableSink,
}
FORMATS = tuple(SINKS)
