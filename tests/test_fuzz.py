"""Fuzz run (slow): 100,000 generated inputs through the reader and pipeline.

Inputs are the seeds and invented pieces, mutated at random (spans cut,
doubled, shuffled, re-encoded, salted with control characters and stray
bytes). Every input must give one record with no internal error, within the
time bound. ``TEXTKIT_FUZZ_N`` sets the count (default 100,000).
"""

import os
import random
import time
from pathlib import Path

import pytest

from textkit.inputs import InputItem
from textkit.options import Options
from textkit.runner import process_item

ROOT = Path(__file__).resolve().parent.parent
FUZZ_N = int(os.environ.get("TEXTKIT_FUZZ_N", "100000"))
SECONDS_PER_INPUT = 1.0
# Inputs are cut to about four articles' length; hostile sizes live in test_bad_inputs.py.
MAX_CHARS = 20_000
PIECES = [
    "“", "”", '"', "'", "‘", "’", "(", ")", "[", "]", "\n", "\n\n", "\r\n", "\t", "\x00",
    "\x0c", "\u2028", "\ufeff", "\ufffd", "Baca Juga: ", "Penulis: ", " | Editor: ",
    "JAKARTA, KOMPAS.com - ", "kata dia", "ujarnya", "-nya", "Selasa (6/7/2021)",
    "31/31/2021", "5 Juli 2021 10:00 WIB", "said", "According to", "<p>", "</p>", "<br>",
]  # fmt: skip
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252"]


def seed_texts():
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def mutate(text, rng):
    """Return text with one to five random edits."""
    for _ in range(rng.randint(1, 5)):
        n = len(text)
        i, j = sorted(rng.randrange(n + 1) for _ in range(2))
        op = rng.randrange(7)
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:j] + text[i:j] * rng.randint(2, 20) + text[j:]
        elif op == 2:
            text = text[:i] + rng.choice(PIECES) * rng.randint(1, 50) + text[i:]
        elif op == 3:
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        elif op == 4:
            text = text[:i] + "".join(chr(rng.randrange(0x110000)) for _ in range(8)) + text[i:]
        elif op == 5:
            text = text[: max(1, i)]
        else:
            text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 200)))
    return text


def to_bytes(text, rng):
    """Return text encoded at random, sometimes with stray bytes."""
    data = text.encode(rng.choice(ENCODINGS), errors="replace")
    if rng.random() < 0.1:
        k = rng.randrange(len(data) + 1)
        data = data[:k] + bytes(rng.randrange(256) for _ in range(4)) + data[k:]
    return data


def generate(n, seed=20261123):
    """Yield n (label, bytes) inputs, reproducibly."""
    rng = random.Random(seed)
    bases = [*seed_texts(), "".join(PIECES), "Judul\n\nIsi berita."]
    for index in range(n):
        text = mutate(rng.choice(bases), rng)[:MAX_CHARS]
        yield f"fuzz-{index}", to_bytes(text, rng)


@pytest.mark.slow
def test_fuzz_inputs_never_crash_and_stay_in_time():
    options = Options()
    process_item(InputItem("warm", text="Judul\n\nIsi."), options)
    crashes, slow = [], []
    started = time.perf_counter()
    for label, data in generate(FUZZ_N):
        t0 = time.perf_counter()
        record = process_item(InputItem(label, data=data), options)
        elapsed = time.perf_counter() - t0
        if elapsed > SECONDS_PER_INPUT:
            slow.append((label, round(elapsed, 2), data[:80]))
        if "internal error" in record.get("error", {}).get("message", ""):
            crashes.append((label, record["error"], data[:80]))
        assert record["source"] == label
    total = time.perf_counter() - started
    print(f"fuzz: {FUZZ_N} inputs in {total:.1f} s")
    assert crashes == [], crashes[:5]
    assert slow == [], slow[:5]
