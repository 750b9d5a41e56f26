"""Speakers: a role split off a name, from the phrase a cue names (cases/<lang>/speakers.jsonl)."""

import pytest
from test_quotes import load_quote_cases

from textkit.lang import load
from textkit.stages.name_index import build_name_index
from textkit.stages.quote_rules import quote_rules
from textkit.stages.sentences import sentence_start
from textkit.stages.speakers import pick_from_chain


@pytest.mark.parametrize(("lang", "case"), load_quote_cases("speakers"))
def test_speaker_phrase_case(lang, case):
    qr = quote_rules(load(lang))
    name, role = pick_from_chain(case["input"].split(", "), qr)
    assert [name, role] == case["expect"]


@pytest.mark.parametrize(
    ("body", "short", "full"),
    [
        ("Bupati Ardi Sulaiman membuka rapat. Ardi lalu pulang.", "Ardi", "Ardi Sulaiman"),
        ("Mayor Linda Park opened the market. Park left.", "Park", "Linda Park"),
        ("Tidak ada nama panjang di sini. Budi pulang.", "Budi", "Budi"),
        (  # a heading glued to a first name is no fuller name of that person
            "Ketua regu Toni Raharjo memimpin pencarian. Pasien dirawat di Rumah Sakit "
            "Melati Kusuma Toni menjelaskan, regu bekerja. Toni mengatakan, semua aman.",
            "Toni",
            "Toni Raharjo",
        ),
        (  # the firm a title names is no fuller name of the person
            "Rina Wati, Direktur PT Rina Wati Group, membuka toko. Rina lalu pulang.",
            "Rina",
            "Rina Wati",
        ),
        (  # a short name no fuller name holds: the first name that ends in it
            "Kepala Bidang Roslina Dewi membuka rapat. Rapat selesai, kata Lina.",
            "Lina",
            "Roslina Dewi",
        ),
        (  # no first name ends in it: the short name stays
            "Kepala Bidang Roslina Dewi membuka rapat. Rapat selesai, kata Wati.",
            "Wati",
            "Wati",
        ),
        (  # of two fuller names, the one given with a title of office
            "Praktis Budi tidak keluar rumah. Bupati Bogor Budi Arya pulang. Budi senang.",
            "Budi",
            "Budi Arya",
        ),
    ],
)
def test_fullest_name_in_the_article(body, short, full):
    rules = load("en" if "Mayor" in body else "id")
    index = build_name_index(body, quote_rules(rules))
    assert index.fullest(short) == full


def test_names_inside_quotes_are_not_used_for_fullest_names():
    body = "“Kami bertemu Budi Prakoso kemarin,” kata warga. Budi pulang."
    index = build_name_index(body, quote_rules(load("id")), [(1, 33)])
    assert index.fullest("Budi") == "Budi"


@pytest.mark.parametrize(
    ("text", "pos", "start"),
    [("Satu. Dua tiga", 10, 6), ("Mr. Smith said so.", 12, 0), ("Baris satu\nBaris dua", 15, 11)],
)
def test_sentence_start(text, pos, start):
    assert sentence_start(text, pos, 0, quote_rules(load("en"))) == start


def test_sentence_start_without_rules_breaks_at_every_dot():
    assert sentence_start("Mr. Smith said so.", 12, 0) == 4
