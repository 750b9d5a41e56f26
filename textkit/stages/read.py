"""Read: bytes -> article text (encoding, BOM, NUL bytes, controls, line endings, HTML)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from textkit.errors import BinaryInputError
from textkit.stages.printable import control_bytes, prints_but, remember_utf8
from textkit.stages.read_html import looks_like_html, strip_html

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures of common binary formats that end up in scraped folders.
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
)
# Share of NUL bytes above which input is taken for binary, not damaged text.
MAX_NUL_SHARE = 0.01
# Share of undecodable or control characters above which text is taken for binary.
MAX_JUNK_SHARE = 0.10
# Form feeds, vertical tabs and Unicode separators end a line, as str.splitlines says.
_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROLS = "".join(chr(c) for c in [*range(32), 127] if chr(c) not in "\t\n\r" + _LINE_BREAKS)
_NORMALISE = str.maketrans({**dict.fromkeys(_LINE_BREAKS, "\n"), **dict.fromkeys(_CONTROLS)})
# The ASCII controls that need repair: all but tab and newline.
_ASCII_CONTROLS = control_bytes("\t\n")
# Lone surrogates come from JSON escapes ("\\ud800") and cannot be written as UTF-8.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# str.translate walks every character in Python; most articles need no change, so look first.
_ODD_CHAR_RE = re.compile(f"[{re.escape(_LINE_BREAKS + _CONTROLS)}]")


@dataclass
class Decoded:
    """Text decoded from bytes, with warnings about anything that was repaired."""

    text: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes) -> Decoded:
    """Return the text of an article's bytes; raise BinaryInputError for binary data.

    >>> decode_bytes(b"\\xef\\xbb\\xbfHalo\\r\\ndunia").text
    'Halo\\ndunia'
    >>> decode_bytes(b"Halo \\xff dunia").warnings
    ['invalid UTF-8 at byte 5: undecodable bytes replaced with U+FFFD']
    """
    warnings: list[str] = []
    encoding = next((enc for bom, enc in BOMS if data.startswith(bom)), None)
    if encoding is None:
        encoding = guess_utf16(data)
        if encoding is not None:
            warnings.append(f"no byte order mark: read as {encoding.upper()}")
    if encoding is not None:
        text = data.decode(encoding, errors="replace")
    else:
        check_binary(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = data.decode("utf-8", errors="replace")
            warnings.append(
                f"invalid UTF-8 at byte {exc.start}: undecodable bytes replaced with U+FFFD"
            )
            if text.count("\ufffd") > MAX_JUNK_SHARE * len(text):
                raise BinaryInputError("binary data, not text (mostly undecodable bytes)") from None
        else:
            remember_utf8(text, data)  # the printability checks need not encode it again
    prepared = prepare_text(text)
    return Decoded(prepared.text, warnings + prepared.warnings)


def check_binary(data: bytes) -> None:
    """Raise BinaryInputError when the bytes start like a binary format or hold NUL bytes.

    >>> check_binary(b"Halo dunia")
    >>> check_binary(b"\\x89PNG\\r\\n\\x1a\\n....")
    Traceback (most recent call last):
    textkit.errors.BinaryInputError: binary data, not text (a PNG image)
    """
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"binary data, not text ({kind})")
    if data and data.count(0) > MAX_NUL_SHARE * len(data):
        raise BinaryInputError("binary data, not text (NUL bytes)")


def guess_utf16(data: bytes) -> str | None:
    """Return "utf-16-le" or "utf-16-be" for UTF-16 text without a BOM, else None.

    Latin-script UTF-16 has a NUL in every other byte, on the same side.

    >>> guess_utf16("Halo dunia".encode("utf-16-le"))
    'utf-16-le'
    >>> guess_utf16(b"Halo dunia") is None
    True
    """
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even == 0:
        return "utf-16-le"
    if even > 0.4 * half and odd == 0:
        return "utf-16-be"
    return None


def prepare_text(text: str) -> Decoded:
    """Return article text normalised, HTML stripped, with warnings; raise for binary text.

    >>> prepare_text("<p>Satu</p><p>Dua</p><br></p>").text
    'Satu\\n\\nDua'
    >>> prepare_text("Satu\\r\\nDua").text
    'Satu\\nDua'
    """
    warnings: list[str] = []
    text = normalize_text(text)
    if not _is_plain(text):
        text = _repaired(text, warnings)
    if looks_like_html(text):
        text = strip_html(text)
        warnings.append("input looks like HTML: tags stripped, text kept")
    return Decoded(text, warnings)


def _repaired(text: str, warnings: list[str]) -> str:
    """Return the text with control characters and lone surrogates dealt with, adding warnings."""
    if _ODD_CHAR_RE.search(text):
        cleaned = text.translate(_NORMALISE)
        if len(text) - len(cleaned) > MAX_JUNK_SHARE * len(text):
            raise BinaryInputError("binary data, not text (control characters)")
        text = cleaned
    if _SURROGATE_RE.search(text):
        text = _SURROGATE_RE.sub("\ufffd", text)
        warnings.append("lone surrogate code points replaced with U+FFFD")
    return text


def _is_plain(text: str) -> bool:
    """Return True when the text holds no control, line-break or surrogate character to repair.

    Each of those characters is unprintable (as are tabs, newlines and
    no-break spaces, which need no repair).

    >>> _is_plain("Satu\\tdua\\u00a0tiga\\n"), _is_plain("Satu\\x0bdua"), _is_plain("\\ud800")
    (True, False, False)
    """
    return prints_but(text, _ASCII_CONTROLS, "\u00a0")


def normalize_text(text: str) -> str:
    """Return text with a BOM and NUL characters dropped and line endings made ``\\n``.

    >>> normalize_text("\\ufeffa\\r\\nb\\rc\\x00")
    'a\\nb\\nc'
    """
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
