import textkit


def test_extract_returns_contract_fields(seeds_dir):
    text = (seeds_dir / "000_cc460d36b08c243e.txt").read_text(encoding="utf-8")
    record = textkit.extract(text)
    assert record["lang"] == "id"
    assert set(record) >= {
        "source",
        "lang",
        "title",
        "byline",
        "dateline",
        "published",
        "dates",
        "body",
        "removed",
        "quotes",
    }
