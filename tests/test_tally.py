"""Speaker tally over record dicts (invented names and roles)."""

from textkit.tally import flat_row, tally_speakers


def quote(speaker, kind="direct", role=None):
    return {"text": "x", "speaker": speaker, "role": role, "kind": kind, "cue": "kata"}


RECORDS = [
    {
        "source": "a.txt",
        "quotes": [
            quote("Rina Wati", role="Camat Sukamaju"),
            quote("Rina Wati", kind="indirect", role="Camat Sukamaju"),
            quote("Joko"),
            quote(None),
        ],
    },
    {"source": "b.txt", "error": {"type": "EmptyInput", "message": "no text"}},
    {"source": "c.txt", "quotes": [quote("rina  wati", role="Camat"), quote("Joko", "indirect")]},
    {"source": "d.txt", "quotes": [quote("Ani", role="Guru")]},
]


def test_rows_sorted_by_count_then_articles_then_name():
    rows = tally_speakers(RECORDS)
    assert [(r["speaker"], r["quotes"], r["articles"]) for r in rows] == [
        ("Rina Wati", 3, 2),
        ("Joko", 2, 2),
        ("Ani", 1, 1),
    ]


def test_direct_indirect_and_roles_are_counted():
    rina = tally_speakers(RECORDS)[0]
    assert (rina["direct"], rina["indirect"]) == (2, 1)
    assert rina["roles"] == [{"role": "Camat Sukamaju", "count": 2}, {"role": "Camat", "count": 1}]
    assert flat_row(rina)["roles"] == "Camat Sukamaju (2); Camat (1)"


def test_unknown_speakers_only_when_asked():
    assert all(r["speaker"] for r in tally_speakers(RECORDS))
    rows = tally_speakers(RECORDS, include_unknown=True)
    unknown = [r for r in rows if r["speaker"] is None]
    assert unknown == [
        {"speaker": None, "quotes": 1, "direct": 1, "indirect": 0, "articles": 1, "roles": []}
    ]


def test_same_source_twice_counts_as_two_articles():
    records = [{"source": "-", "quotes": [quote("Ani")]}] * 2
    assert tally_speakers(records)[0]["articles"] == 2


def test_empty_input_gives_no_rows():
    assert tally_speakers([]) == []
    assert tally_speakers([{"source": "a", "quotes": []}]) == []


def test_spellings_that_differ_in_initials_dots_are_one_speaker():
    records = [{"source": "a", "quotes": [quote("Teguh P. Nugroho"), quote("Teguh P Nugroho")]}]
    rows = tally_speakers(records)
    assert [(r["speaker"], r["quotes"]) for r in rows] == [("Teguh P. Nugroho", 2)]  # first seen
