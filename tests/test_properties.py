"""Property tests: for any text, extract returns a contract record; bytes never crash the reader.

"Body only holds text from the input" is checked token by token: every
whitespace-separated token of the body occurs in the input, as given, NFKC
normalised, with whitespace squeezed, or with line breaks removed (stages may
rejoin broken lines and normalise whitespace, but never invent words).
"""

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textkit
from textkit.inputs import InputItem
from textkit.options import Options
from textkit.runner import process_item
from textkit.stages.read import prepare_text

# Invented pieces that look like what the stages look for, to reach their code paths.
PIECES = [
    "Judul berita hari ini",
    "Penulis: Rina Wati | Editor: Budi",
    "Reporter: Ani",
    "By Jane Roe",
    "JAKARTA, KOMPAS.com - ",
    "SAMARINDA - ",
    "Baca Juga: Berita lain",
    "ADVERTISEMENT",
    "Selasa (6/7/2021)",
    "5 Juli 2021 10:00 WIB",
    "“Kami siap,” kata Camat Sukamaju, Rina Wati.",
    '"We are ready," the mayor said.',
    "Menurut dia, warga sudah siap.",
    "ujarnya",
    "“",
    "”",
    '"',
    "'",
    "(",
    ")",
    "-nya",
    "\n",
    "\n\n",
    " ",
    "\t",
    "\r\n",
    "\x00",
    "\u2028",
    "\ufeff",
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join),
)
PROFILE = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def is_str_or_none(value):
    return value is None or isinstance(value, str)


def check_contract(record):
    """Assert the record has the contract's fields and types (DESIGN.md)."""
    assert isinstance(record["source"], str)
    if "error" in record:
        assert record["error"]["type"] in ("BinaryInput", "HostileInput")
        assert isinstance(record["error"]["message"], str)
        return
    assert record["lang"] in ("id", "en")
    assert is_str_or_none(record["title"])
    byline = record["byline"]
    assert all(isinstance(a, str) for a in byline["authors"])
    assert all(isinstance(e, str) for e in byline["editors"])
    assert is_str_or_none(byline["text"])
    if record["dateline"] is not None:
        assert {"location", "outlet", "text"} <= set(record["dateline"])
        assert isinstance(record["dateline"]["text"], str)
    assert is_str_or_none(record["published"])
    assert isinstance(record["body"], str)
    for removal in record["removed"]:
        assert isinstance(removal["line"], int)
        assert isinstance(removal["text"], str)
        assert isinstance(removal["rule"], str)
        assert removal["rule"]
    for date in record["dates"]:
        assert isinstance(date["text"], str)
        assert isinstance(date["value"], str)
        assert 0 <= date["start"] <= date["end"] <= len(record["body"])
    for quote in record["quotes"]:
        assert isinstance(quote["text"], str)
        assert quote["kind"] in ("direct", "indirect")
        assert is_str_or_none(quote["speaker"])
        assert is_str_or_none(quote["role"])
        assert is_str_or_none(quote["cue"])
        assert isinstance(quote["start"], int)
        assert isinstance(quote["end"], int)


def squeeze(text):
    return " ".join(text.split())


def foreign_tokens(body, source):
    """Return the body tokens that occur nowhere in the source text."""
    joined = "".join(source.splitlines())  # a line rejoined to the next (broken words)
    unspaced = "".join(source.split())  # pieces split at space runs, rejoined as fragments
    haystacks = (source, unicodedata.normalize("NFKC", source), squeeze(source), joined, unspaced)
    return [tok for tok in body.split() if not any(tok in h for h in haystacks)]


@PROFILE
@given(texts)
def test_extract_returns_a_contract_record(text):
    record = textkit.extract(text)
    check_contract(record)


@PROFILE
@given(texts)
def test_body_only_holds_text_from_the_input(text):
    record = textkit.extract(text)
    if "error" not in record:
        assert foreign_tokens(record["body"], prepare_text(text).text) == []


@PROFILE
@given(texts)
def test_quote_offsets_point_into_the_body(text):
    record = textkit.extract(text)
    body = record.get("body", "")
    for quote in record.get("quotes", []):
        assert 0 <= quote["start"] <= quote["end"] <= len(body)
        assert squeeze(quote["text"]) in squeeze(body[quote["start"] : quote["end"]])


@PROFILE
@given(texts)
def test_date_offsets_point_at_the_date_text(text):
    record = textkit.extract(text)
    for date in record.get("dates", []):
        assert record["body"][date["start"] : date["end"]] == date["text"]


@PROFILE
@given(st.binary(max_size=600))
def test_any_bytes_give_exactly_one_record(data):
    record = process_item(InputItem("x.txt", data=data), Options())
    assert record["source"] == "x.txt"
    if "error" in record:
        assert set(record) == {"source", "error"}
        assert isinstance(record["error"]["type"], str)
        assert record["error"]["message"]
        assert "internal error" not in record["error"]["message"], record["error"]
    else:
        check_contract(record)
