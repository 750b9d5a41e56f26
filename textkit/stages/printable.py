"""Printability of a whole text, asked of its UTF-8 bytes (cheap when most of it is ASCII).

ASCII controls are found by deleting them from the bytes; only the non-ASCII
characters, a few in most texts, are then asked whether they print.
"""

from __future__ import annotations

ASCII = bytes(range(128))


def control_bytes(kept: str) -> bytes:
    """Return the ASCII control bytes (0-31 and 127) but those of the kept characters.

    >>> len(control_bytes("\\t\\n"))
    31
    """
    return bytes(c for c in [*range(32), 127] if chr(c) not in kept)


def prints_but(text: str, controls: bytes, wide_kept: str = "") -> bool:
    """Return True when the text holds none of the controls and its non-ASCII characters
    print (those in ``wide_kept`` count as printable). A lone surrogate does not print.

    >>> prints_but("Satu\\tdua\\u00a0tiga", control_bytes("\\t"), "\\u00a0")
    True
    >>> prints_but("Satu\\tdua", control_bytes("\\n"))
    False
    """
    parts = _parts_of(text)
    if parts is None:
        return False  # a lone surrogate
    data, wide = parts
    if len(data.translate(None, controls)) != len(data):
        return False
    for char in wide_kept:
        wide = wide.replace(char, " ")
    return wide.isprintable()


def _parts_of(text: str) -> tuple[bytes, str] | None:
    """Return the text's UTF-8 bytes and its non-ASCII characters (None: a lone surrogate).

    The read and line stages both ask about an article's whole text: the parts
    of the last text asked about are kept (that one text object, no more).
    """
    last_text, last_parts = _LAST.entry
    if text is last_text:
        return last_parts
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        parts = None
    else:
        parts = data, data.translate(None, ASCII).decode("utf-8")
    _LAST.entry = (text, parts)  # one assignment: threads see a text with its own parts
    return parts


def remember_utf8(text: str, data: bytes) -> None:
    """Keep ``data`` as the UTF-8 bytes of ``text`` (as it must be: ``text`` decoded from it)."""
    _LAST.entry = (text, (data, data.translate(None, ASCII).decode("utf-8")))


class _LastText:
    """The last text whose parts were made, and its parts."""

    entry: tuple[str | None, tuple[bytes, str] | None] = (None, None)


_LAST = _LastText()
