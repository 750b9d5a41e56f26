"""Sinks: where each command's records go, one class per output format.

``add`` writes (or collects) one record and returns how many data records it
wrote; ``close`` finishes the output and returns the same count for what it
wrote last. Every write ends on a whole line and is flushed, so an
interrupted run never leaves half a line on standard output. The csv module
and the speaker tally are imported by the sinks that use them (about 3 ms a
run that writes JSON Lines).
"""

from __future__ import annotations

from typing import IO, Any

from textkit.output.jsonl import write_json, write_jsonl
from textkit.output.rows import (
    ARTICLE_COLUMNS,
    CLEAN_COLUMNS,
    QUOTE_COLUMNS,
    article_row,
    clean_row,
    quote_rows,
)


class Sink:
    """Receives records one at a time; ``close`` finishes the output."""

    def __init__(self, out: IO[str], view: str, show_removed: bool = False) -> None:
        self.out = out
        self.view = view  # "extract", "quotes" or "clean"
        self.show_removed = show_removed

    def add(self, record: dict[str, Any]) -> int:
        """Write (or collect) one record; return how many records were written."""
        return 0

    def close(self) -> int:
        """Finish the output; return how many records were written now."""
        return 0


def json_rows(record: dict[str, Any], view: str) -> list[dict[str, Any]]:
    """Return the JSON objects a view prints for one record (an error record as it is)."""
    if "error" in record:
        return [record]
    if view == "quotes":
        return list(quote_rows(record))
    if view == "clean":
        return [clean_row(record)]
    return [record]


class JsonlSink(Sink):
    def add(self, record: dict[str, Any]) -> int:
        rows = json_rows(record, self.view)
        for row in rows:
            write_jsonl(row, self.out)
        return len(rows)


class JsonSink(Sink):
    def add(self, record: dict[str, Any]) -> int:
        rows = json_rows(record, self.view)
        for row in rows:
            write_json(row, self.out)
        return len(rows)


class CsvSink(Sink):
    def __init__(self, out: IO[str], view: str, show_removed: bool = False) -> None:
        import csv

        super().__init__(out, view, show_removed)
        columns = {"quotes": QUOTE_COLUMNS, "clean": CLEAN_COLUMNS}.get(view, ARTICLE_COLUMNS)
        self.writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        self.writer.writeheader()
        self.out.flush()

    def add(self, record: dict[str, Any]) -> int:
        if self.view == "quotes":
            rows = list(quote_rows(record))
        elif self.view == "clean":
            rows = [{**clean_row(record), "error": article_row(record)["error"]}]
        else:
            rows = [article_row(record)]
        self.writer.writerows(rows)
        self.out.flush()
        return len(rows)


class TextSink(Sink):
    """Plain text: the body of each article (a blank line between articles), or quotes."""

    def __init__(self, out: IO[str], view: str, show_removed: bool = False) -> None:
        super().__init__(out, view, show_removed)
        self.written = 0

    def add(self, record: dict[str, Any]) -> int:
        if "error" in record:
            return 0
        if self.view == "quotes":
            rows = list(quote_rows(record))
            self.out.write("".join(f"{row['speaker'] or '?'}: {row['text']}\n" for row in rows))
            self.out.flush()
            return len(rows)
        separator = "\n" if self.written else ""
        self.out.write(separator + record.get("body", "") + "\n")
        self.out.flush()
        self.written += 1
        return 1


class TableSink(Sink):
    def __init__(self, out: IO[str], view: str, show_removed: bool = False) -> None:
        super().__init__(out, view, show_removed)
        from textkit.output.table import make_console

        self.console = make_console(out)
        self.pending: list[dict[str, Any]] = []

    def add(self, record: dict[str, Any]) -> int:
        from textkit.output import table

        if self.view == "quotes":
            self.pending.extend(quote_rows(record))
            return 0
        table.render_article(record, self.console, self.show_removed)
        return 1

    def close(self) -> int:
        from textkit.output import table

        if self.view == "quotes":
            table.render_quotes(self.pending, self.console)
            return len(self.pending)
        return 0


class SpeakersSink(Sink):
    """Collects a speaker tally over all records and prints it when the run ends."""

    def __init__(self, out: IO[str], fmt: str, include_unknown: bool = False) -> None:
        from textkit.tally import SpeakerTally

        super().__init__(out, "speakers")
        self.fmt = fmt
        self.tally = SpeakerTally(include_unknown)

    def add(self, record: dict[str, Any]) -> int:
        self.tally.add(record)
        return 0

    def close(self) -> int:
        rows = self.tally.rows()
        if self.fmt == "table":
            from textkit.output.table import make_console, render_speakers

            render_speakers(rows, make_console(self.out))
        elif self.fmt == "csv":
            import csv

            from textkit.tally import TALLY_COLUMNS, flat_row

            writer = csv.DictWriter(self.out, fieldnames=TALLY_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(flat_row(row) for row in rows)
        else:
            write = write_json if self.fmt == "json" else write_jsonl
            for row in rows:
                write(row, self.out)
        self.out.flush()
        return len(rows)


SINKS: dict[str, type[Sink]] = {
    "jsonl": JsonlSink,
    "json": JsonSink,
    "csv": CsvSink,
    "text": TextSink,
    "table": TableSink,
}


def make_sink(out: IO[str], fmt: str, view: str, **settings: Any) -> Sink:
    """Return the sink that writes one command's records in one format."""
    if view == "speakers":
        return SpeakersSink(out, fmt, settings.get("include_unknown", False))
    return SINKS[fmt](out, view, settings.get("show_removed", False))
