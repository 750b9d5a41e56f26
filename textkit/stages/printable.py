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
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return False  # a lone surrogate
    if len(data.translate(None, controls)) != len(data):
        return False
    wide = data.translate(None, ASCII).decode("utf-8")
    for char in wide_kept:
        wide = wide.replace(char, " ")
    return wide.isprintable()
