#!/usr/bin/env python3
"""Score gate: run ../shared/tools/score.py on each gold set and compare with pinned floors.

    python scripts/score_gate.py              # check every set whose files exist
    python scripts/score_gate.py --raise      # also raise floors to what was reached

Floors live in benchmarks/floors.json as {set: {figure: floor}}, where a figure is
``<name>.f1``, ``<name>.recall``, ``<name>.precision`` or ``<name>.accuracy`` as the
scorer's --json summary names them. Floors only go up: --raise never lowers one.
Exit status: 0 all figures at or above their floors (or no corpus here), 1 a figure fell.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLOORS = ROOT / "benchmarks" / "floors.json"
SETS = {
    "seeds": (SHARED / "seeds" / "gold", ROOT / "seeds"),
    "dev": (SHARED / "corpus" / "gold", SHARED / "corpus" / "dev"),
    "pfsa": (SHARED / "corpus" / "pfsa" / "gold", SHARED / "corpus" / "pfsa" / "dev"),
    "polnear": (SHARED / "corpus" / "polnear" / "gold", SHARED / "corpus" / "polnear" / "dev"),
}
# Never fail a build on rounding noise in the scorer's four-digit figures.
TOLERANCE = 1e-4


def textkit_command() -> str:
    """Return the command that runs textkit: the installed script, else the module."""
    found = shutil.which("textkit")
    return found if found else f"{sys.executable} -m textkit"


def score_set(gold: Path, texts: Path) -> dict[str, float]:
    """Return the scorer's figures for one set, flattened to ``name.metric``."""
    argv = [
        sys.executable,
        str(SHARED / "tools" / "score.py"),
        "--gold",
        str(gold),
        "--texts",
        str(texts),
        "--textkit",
        textkit_command(),
        "--json",
    ]
    out = subprocess.run(argv, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"score_gate: scorer failed on {texts}:\n{out.stderr[-2000:]}")
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    figures: dict[str, float] = {}
    for name, value in summary.items():
        if not isinstance(value, dict):
            continue
        for metric in ("precision", "recall", "f1", "accuracy"):
            if isinstance(value.get(metric), int | float):
                figures[f"{name}.{metric}"] = float(value[metric])
    return figures


def check(floors: dict[str, dict[str, float]], raise_floors: bool) -> int:
    """Print each figure against its floor; return the number that fell below."""
    fallen = 0
    for name, (gold, texts) in SETS.items():
        if not gold.is_dir() or not texts.is_dir():
            print(f"{name}: skipped (no {gold})")
            continue
        figures = score_set(gold, texts)
        set_floors = floors.setdefault(name, {})
        for figure, floor in sorted(set_floors.items()):
            value = figures.get(figure)
            ok = value is not None and value + TOLERANCE >= floor
            fallen += not ok
            print(
                f"{name:8} {figure:40} {value if value is not None else 'absent':>8}"
                f"  floor {floor:.4f}  {'ok' if ok else 'BELOW FLOOR'}"
            )
        if raise_floors:
            for figure, value in figures.items():
                if figure in set_floors and value > set_floors[figure]:
                    set_floors[figure] = value
    return fallen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--raise",
        dest="raise_floors",
        action="store_true",
        help="raise floors to the figures reached (never lowers one)",
    )
    args = parser.parse_args()
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    fallen = check(floors, args.raise_floors)
    if args.raise_floors:
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if fallen:
        print(f"score_gate: {fallen} figure(s) below their floor", file=sys.stderr)
        return 1
    print("score_gate: all figures at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
