"""Read stage: bytes -> text. Each case is invented: (label, bytes, expected text or error)."""

import codecs
import random

import pytest

from textkit.errors import BinaryInputError
from textkit.stages.read import _is_plain, decode_bytes, guess_utf16, prepare_text
from textkit.stages.read_html import looks_like_html, strip_html

TEXT = "Judul Berita\n\nWarga berkumpul di balai desa pada Senin pagi.\n"

DECODE_CASES = [
    ("plain utf-8", TEXT.encode(), TEXT, []),
    ("utf-8 bom", codecs.BOM_UTF8 + TEXT.encode(), TEXT, []),
    ("utf-16 bom le", TEXT.encode("utf-16"), TEXT, []),
    ("utf-16 bom be", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, []),
    ("utf-32 bom", TEXT.encode("utf-32"), TEXT, []),
    ("crlf", TEXT.replace("\n", "\r\n").encode(), TEXT, []),
    ("old mac cr", TEXT.replace("\n", "\r").encode(), TEXT, []),
    ("form feed is a line break", b"a\x0cb", "a\nb", []),
    ("unicode line separator", "a\u2028b".encode(), "a\nb", []),
    ("stray controls dropped", b"a\x01b\x1bc\td" + b"." * 30, "abc\td" + "." * 30, []),
    ("a few NULs dropped", b"x" * 200 + b"\x00" + b"y", "x" * 200 + "y", []),
    (
        "invalid utf-8 replaced and warned",
        b"Isi \xff berita",
        "Isi \ufffd berita",
        ["invalid UTF-8 at byte 4: undecodable bytes replaced with U+FFFD"],
    ),
    (
        "utf-16 without bom",
        TEXT.encode("utf-16-le"),
        TEXT,
        ["no byte order mark: read as UTF-16-LE"],
    ),
    (
        "html page stripped",
        b"<!DOCTYPE html><html><head><title>Judul</title><style>p{}</style></head>"
        b"<body><p>Satu &amp; dua.</p><p>Tiga<br>empat</p></body></html>",
        "Judul\n\nSatu & dua.\n\nTiga\nempat",
        ["input looks like HTML: tags stripped, text kept"],
    ),
    ("angle brackets in text stay", b"Nilai a < b dan c > d.", "Nilai a < b dan c > d.", []),
    ("empty", b"", "", []),
]


@pytest.mark.parametrize(
    ("data", "text", "warnings"),
    [case[1:] for case in DECODE_CASES],
    ids=[case[0] for case in DECODE_CASES],
)
def test_decode_bytes(data, text, warnings):
    decoded = decode_bytes(data)
    assert decoded.text == text
    assert decoded.warnings == warnings


BINARY_CASES = [
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "a PNG image"),
    ("jpeg", b"\xff\xd8\xff\xe0" + b"JFIF" + bytes(100), "a JPEG image"),
    ("gif", b"GIF89a" + bytes(50), "a GIF image"),
    ("pdf", b"%PDF-1.7\n" + b"x" * 100, "a PDF document"),
    ("zip", b"PK\x03\x04" + bytes(30), "a ZIP archive"),
    ("gzip", b"\x1f\x8b\x08" + bytes(30), "a gzip archive"),
    ("many NULs", b"ab\x00\x00cd\x00\x00" * 100, "NUL bytes"),
    ("random high bytes", bytes(range(128, 256)) * 20, "mostly undecodable bytes"),
    ("control characters", bytes(range(1, 9)) * 50, "control characters"),
]


@pytest.mark.parametrize(
    ("data", "why"), [case[1:] for case in BINARY_CASES], ids=[case[0] for case in BINARY_CASES]
)
def test_binary_is_refused_with_reason(data, why):
    with pytest.raises(BinaryInputError, match=why):
        decode_bytes(data)


def test_guess_utf16_needs_a_regular_pattern():
    assert guess_utf16(b"ab") is None
    assert guess_utf16("Halo".encode("utf-16-be")) == "utf-16-be"
    assert guess_utf16(b"a\x00b\x00c") is None  # odd length


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("<div><p>Satu</p></div>", True),
        ("<html lang='id'>", True),
        ("  <!doctype html>\n<p>x", True),
        ("Pasal <b>tebal</b> saja", False),  # one tag pair is not a page
        ("Harga naik <5% dan >3%.", False),
        ("<p>a</p><p>b</p><br>", True),
    ],
)
def test_looks_like_html(text, expect):
    assert looks_like_html(text) is expect


def test_strip_html_skips_scripts_and_keeps_entities():
    html = (
        "<p>A&nbsp;b</p><script>var s = '<p>no</p>';</script><noscript>x</noscript><p>c &lt; d</p>"
    )
    assert strip_html(html) == "A b\n\nc < d"


def test_strip_html_survives_broken_markup():
    assert strip_html("<p>Satu<p>Dua</div></span><p") == "Satu\n\nDua"


def test_prepare_text_refuses_control_garbage():
    with pytest.raises(BinaryInputError):
        prepare_text("\x01\x02\x03\x04" * 100)


def test_plain_text_check_agrees_with_printability():
    rng = random.Random(3)
    pool = [*map(chr, range(300)), "\u2028", "\u2029", "\ud800", "\u200b", "“", "\U0001f600"]
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 6)))
        spaced = text.replace("\n", " ").replace("\t", " ").replace("\u00a0", " ")
        assert _is_plain(text) is spaced.isprintable(), repr(text)


def test_printability_of_decoded_text_is_that_of_the_text_itself():
    from textkit.stages.printable import control_bytes, prints_but

    for data in [b"Halo dunia", b"Halo\tdunia", "Halo\u00a0“dunia”".encode(), "a\u2028b".encode()]:
        text = decode_bytes(data).text
        copy = "".join(list(text))  # another object: its parts are made afresh
        for controls in (control_bytes("\n"), control_bytes("\t\n")):
            for kept in ("", "\u00a0"):
                assert prints_but(text, controls, kept) == prints_but(copy, controls, kept)
