"""Time find_quotes per article on bodies taken from a textkit JSON Lines output.

Usage: python benchmarks/quote_times.py RECORDS.jsonl [--cold] [--profile N]
(--cold: the memos of name splits start empty in each timed pass)
Prints ms/article per corpus folder (warm-up first, best of five runs, CPU time of this process).
"""

from __future__ import annotations

import cProfile
import json
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

from textkit.lang import load
from textkit.stages.quote_rules import quote_rules
from textkit.stages.quotes import find_quotes


def main(argv: list[str]) -> None:
    """Print ms/article of find_quotes per folder; optionally profile it."""
    lines = Path(argv[0]).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in records:
        groups[r["source"].rsplit("/", 1)[0]].append((r["body"], r["lang"]))
    for folder, items in groups.items():
        loaded = [(body, load(lang)) for body, lang in items]
        for body, rules in loaded:
            find_quotes(body, rules)
        best = min(_run(loaded, cold="--cold" in argv) for _ in range(5))
        print(f"{folder:40s} {len(loaded):4d} docs  {1000 * best / len(loaded):.3f} ms/article")
    if "--profile" in argv:
        n = int(argv[argv.index("--profile") + 1])
        loaded = [(r["body"], load(r["lang"])) for r in records]
        prof = cProfile.Profile()
        prof.enable()
        _run(loaded)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(n)


def _run(loaded: list, cold: bool = False) -> float:
    """Return the seconds one pass takes; cold empties the per-language memos first."""
    if cold:
        for _, rules in loaded:
            quote_rules(rules).memo.clear()
    start = time.process_time()
    for body, rules in loaded:
        find_quotes(body, rules)
    return time.process_time() - start


if __name__ == "__main__":
    main(sys.argv[1:])
