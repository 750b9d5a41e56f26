"""Print the cleaning stages' cost per article (ms) for folders of articles, or hostile inputs.

Usage (from the repository root)::

    .venv/bin/python benchmarks/stage_times.py ../shared/corpus/pfsa/dev ../shared/corpus/dev
    .venv/bin/python benchmarks/stage_times.py --hostile

Each stage runs the way the pipeline runs it, in-process, after a warm-up
pass, so rule compilation is excluded (it happens once per process). The
hostile inputs are generated here from invented lines.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textkit.inputs import InputItem
from textkit.lang import load
from textkit.lang.detect import detect_language
from textkit.runner import read_text
from textkit.stages.boilerplate import strip_boilerplate
from textkit.stages.byline import find_byline
from textkit.stages.dateline import find_dateline
from textkit.stages.segment import join_fragments, join_paragraphs, split_lines
from textkit.stages.title import find_title

STAGES = ("split", "title", "fragments", "byline", "dateline", "boilerplate", "paragraphs")
WARM_UP_TEXT = "Judul\n\nBaca juga: Harga Naik\n\nWarga pulang. (abc)\n"


def stage_inputs(text: str) -> list[tuple[str, Callable[..., Any], tuple[Any, ...]]]:
    """Return each cleaning stage of one text with the arguments the pipeline gives it."""
    rules = load(detect_language(text))
    lines = split_lines(text)
    _title, rest = find_title(lines, rules)
    joined = join_fragments(rest.lines, rules)
    _byline, after_byline = find_byline(joined, rules)
    _dateline, after_dateline = find_dateline(after_byline.lines, rules)
    cleaned = strip_boilerplate(after_dateline.lines, rules)
    return [
        ("split", split_lines, (text,)),
        ("title", find_title, (lines, rules)),
        ("fragments", join_fragments, (rest.lines, rules)),
        ("byline", find_byline, (joined, rules)),
        ("dateline", find_dateline, (after_byline.lines, rules)),
        ("boilerplate", strip_boilerplate, (after_dateline.lines, rules)),
        ("paragraphs", join_paragraphs, (cleaned.lines,)),
    ]


def time_texts(texts: list[str], rounds: int) -> dict[str, float]:
    """Return each stage's CPU ms per article, the fastest of ``rounds`` passes over the texts.

    Each stage runs over all texts in one timed loop (its inputs prepared
    beforehand, which also warms every cache), and CPU time is counted, so
    other work on the machine disturbs the figures little.
    """
    calls = [stage_inputs(text) for text in texts]
    best: dict[str, float] = {}
    for n, name in enumerate(STAGES):
        for _ in range(max(1, rounds)):
            start = time.process_time()
            for stages in calls:
                _name, fn, args = stages[n]
                fn(*args)
            spent = time.process_time() - start
            best[name] = min(best.get(name, spent), spent)
    return {name: 1000 * best[name] / len(texts) for name in STAGES}


def time_cold(text: str) -> dict[str, float]:
    """Return each stage's CPU ms for one first pass over the text (rules compiled beforehand).

    No memo of openings or lines is warm, as for a hostile article met once.
    """
    stage_inputs(WARM_UP_TEXT)
    out: dict[str, float] = {}
    rules = load(detect_language(text))
    args: tuple[Any, ...] = (text,)
    for name, fn in COLD_ORDER:
        start = time.process_time()
        result = fn(*args)
        out[name] = 1000 * (time.process_time() - start)
        args = _next_args(name, result, rules)
    return out


def _next_args(name: str, result: Any, rules: Any) -> tuple[Any, ...]:
    if name == "split":
        return (result, rules)
    if name in ("title", "byline", "dateline"):
        return (result[1].lines, rules)
    if name == "fragments":
        return (result, rules)
    if name == "boilerplate":
        return (result.lines,)
    return ()


def read_folder(folder: Path) -> list[str]:
    """Return the texts of the .txt files in a folder, decoded as the CLI decodes them."""
    paths = sorted(folder.glob("*.txt"))
    return [read_text(InputItem(str(p), data=p.read_bytes())).text for p in paths]


def hostile_texts() -> dict[str, str]:
    """Return invented hostile inputs by name."""
    return {
        "50k related lines": "Judul\n\n" + "Baca Juga: Harga Cabai Turun Lagi\n" * 50_000,
        "50k byline lines": "Judul\n\n" + "Penulis: Budi Santoso | Editor: Siti Aminah\n" * 50_000,
        "200k short lines": "Judul\n\n" + "ab\n" * 200_000,
        "1 MB one line": "Warga desa berkumpul di balai. " * 34_000,
        "100k quote marks": "Judul\n\n" + '"' * 100_000,
        "100k quotes spaced": "Judul\n\n" + 'Kata "dia" pergi. ' * 25_000,
        "50k distinct lines": "Judul\n\n"
        + "".join(f"Kata{n} Warga{n} berkumpul di balai.\n" for n in range(50_000)),
        "50k distinct related": "Judul\n\n"
        + "".join(f"Baca Juga: Harga Cabai Turun {n}\n" for n in range(50_000)),
        "200k distinct short": "Judul\n\n" + "".join(f"w{n}\n" for n in range(200_000)),
    }


def report(name: str, per_stage: dict[str, float]) -> None:
    """Print one row: the name, each stage's ms, and the total."""
    cells = " ".join(f"{stage}={per_stage[stage]:.3f}" for stage in STAGES)
    print(f"{name}: total={sum(per_stage.values()):.3f} ms  {cells}")


COLD_ORDER = (
    ("split", split_lines),
    ("title", find_title),
    ("fragments", join_fragments),
    ("byline", find_byline),
    ("dateline", find_dateline),
    ("boilerplate", strip_boilerplate),
    ("paragraphs", join_paragraphs),
)


def main() -> None:
    """Time the folders given, or the hostile inputs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--hostile", action="store_true")
    parser.add_argument("--cold", action="store_true", help="hostile inputs: one cold pass")
    args = parser.parse_args()
    for folder in args.folders:
        texts = read_folder(folder)
        report(f"{folder} ({len(texts)} articles, ms/article)", time_texts(texts, args.rounds))
    if args.hostile:
        for name, text in hostile_texts().items():
            timed = time_cold(text) if args.cold else time_texts([text], 1)
            report(f"{name} (ms)", timed)


if __name__ == "__main__":
    main()
