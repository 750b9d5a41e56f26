"""Options: the toggles and thresholds one run uses, built once by the CLI or API."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Quote search costs about 1.7 s per million characters of dense quoting, date
# search about 1 s per million characters of dense dates; above this size (some
# 60 ordinary articles) quotes are not searched and dates only in the first this
# many characters, so one article stays within its second of work. The record's
# warnings say so.
DEFAULT_MAX_SEARCH_CHARS = 300_000


@dataclass(frozen=True)
class Options:
    """Settings for a run; the defaults are what ``textkit.extract`` uses."""

    lang: str | None = None
    rules_file: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_search_chars: int = DEFAULT_MAX_SEARCH_CHARS


FORMATS = ("table", "json", "jsonl", "csv", "text")
SPEAKER_FORMATS = ("table", "json", "jsonl", "csv")
INPUT_FORMATS = ("text", "jsonl")


@dataclass(frozen=True)
class RunSettings:
    """How the command line runs a batch: inputs, output, format and run control."""

    paths: tuple[str, ...]
    view: str = "extract"  # extract, quotes, clean or speakers
    fmt: str | None = None  # None: table on a terminal, jsonl otherwise
    output: str | None = None
    input_format: str = "text"
    text_field: str = "text"
    id_field: str = "id"
    jobs: int = 1
    quiet: bool = False
    fail_fast: bool = False
    show_removed: bool = False
    include_unknown: bool = False
