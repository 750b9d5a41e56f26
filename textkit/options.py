"""Options: the toggles and thresholds one run uses, built once by the CLI or API."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Options:
    """Settings for a run; the defaults are what ``textkit.extract`` uses."""

    lang: str | None = None
    rules_file: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


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
