"""Read: bytes -> article text (encoding, BOM, NUL bytes, line endings)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from textkit.errors import InputError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of NUL bytes above which input is taken for binary, not damaged text.
MAX_NUL_SHARE = 0.01


@dataclass
class Decoded:
    """Text decoded from bytes, with warnings about anything that was repaired."""

    text: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes) -> Decoded:
    """Return the text of an article's bytes; raise InputError for binary data.

    >>> decode_bytes(b"\\xef\\xbb\\xbfHalo\\r\\ndunia").text
    'Halo\\ndunia'
    """
    warnings: list[str] = []
    encoding = next((enc for bom, enc in BOMS if data.startswith(bom)), None)
    if encoding is None:
        if data and data.count(0) / len(data) > MAX_NUL_SHARE:
            raise InputError("binary data, not text (NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = data.decode("utf-8", errors="replace")
            warnings.append(f"invalid UTF-8 at byte {exc.start}: undecodable bytes replaced")
    else:
        text = data.decode(encoding, errors="replace")
    return Decoded(normalize_text(text), warnings)


def normalize_text(text: str) -> str:
    """Return text with a BOM and NUL characters dropped and line endings made ``\\n``.

    >>> normalize_text("\\ufeffa\\r\\nb\\rc\\x00")
    'a\\nb\\nc'
    """
    text = text.removeprefix("\ufeff").replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n")
