"""Golden records: each seed article's full record, compared field by field.

Run ``pytest tests/test_golden.py --update-golden`` after an intended change
and review the diff of tests/golden/ before committing it.
"""

import json
from pathlib import Path

import pytest

import textkit

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_matches_golden_record(seed, update_golden):
    record = textkit.extract(seed.read_text(encoding="utf-8"), source=seed.name)
    golden = GOLDEN / f"{seed.stem}.json"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        pytest.skip("golden record rewritten")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    for field in expected:
        assert record.get(field) == expected[field], f"{seed.name}: field {field!r} changed"
    assert set(record) == set(expected)


def test_every_seed_has_a_golden_record():
    assert SEEDS, "seeds/ holds no articles"
    assert {p.stem for p in SEEDS} == {p.stem for p in GOLDEN.glob("*.json")}
