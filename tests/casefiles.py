"""Case tables: tests/cases/<lang>/<stage>.jsonl turned into pytest parameters.

Each line is one case: {"label", "input", "expect"} and an optional "xfail"
reason, which marks the case strict xfail so that fixing it forces a move.
"""

import json
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parent / "cases"
LANGS = ("id", "en")


def load_cases(stage, kind=None):
    """Return pytest params (lang, case) for every case of a stage, in both languages.

    With ``kind``, only cases whose "kind" (default: the stage name) equals it.
    """
    params = []
    for lang in LANGS:
        path = CASES / lang / f"{stage}.jsonl"
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            case = json.loads(raw)
            if kind is not None and case.get("kind", stage) != kind:
                continue
            marks = (
                [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            )
            params.append(pytest.param(lang, case, id=f"{lang}-{n}-{case['label']}", marks=marks))
    return params
