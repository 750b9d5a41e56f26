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
