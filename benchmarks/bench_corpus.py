"""The benchmark's corpus: articles varied from seeds/, or a folder's, written as files or JSONL.

Nothing is downloaded and no generated text is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FILES_PER_FOLDER = 1000
SYLLABLES = ("ba", "di", "ka", "lu", "ma", "ni", "ra", "sa", "tu", "wi", "jo", "ne", "har", "to")
NUMBER_RE = re.compile(r"\d+")


def read_seeds(folder: Path) -> list[list[str]]:
    """Return each seed article as its list of non-empty lines."""
    seeds = []
    for path in sorted(folder.glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if lines:
            seeds.append(lines)
    if not seeds:
        sys.exit(f"bench: no .txt seeds in {folder}")
    return seeds


def made_up_name(rng: random.Random) -> str:
    """Return a capitalised name built from syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def vary_number(match: re.Match[str], rng: random.Random) -> str:
    """Return a different number of the same shape (years stay years, days stay small)."""
    digits = match.group()
    if len(digits) <= 2:
        return str(rng.randint(1, 12))
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return str(rng.randint(1995, 2029))
    return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))


def names_in(seeds: list[list[str]]) -> set[str]:
    """Return the words of the people textkit itself finds in the seeds (speakers, authors).

    Asking textkit keeps word lists out of the benchmark; if it finds nobody,
    names simply stay as they are.
    """
    import textkit

    words: set[str] = set()
    for lines in seeds:
        try:
            record = textkit.extract("\n".join(lines))
        except Exception:  # a broken pipeline must not stop the benchmark from starting
            continue
        byline = record.get("byline") or {}
        people = [q.get("speaker") for q in record.get("quotes") or []]
        people += [*byline.get("authors", []), *byline.get("editors", [])]
        for person in filter(None, people):
            words.update(w for w in person.split() if len(w) > 2 and w[0].isupper())
    return words


class ArticleMaker:
    """Makes varied articles from seeds: head kept, paragraphs shuffled, names and numbers changed.

    The first three lines of a seed (title, lede, byline or dateline) stay in
    place, so the head stages still see a real article's shape.
    """

    def __init__(self, seeds: list[list[str]], seed: int) -> None:
        self.seeds = seeds
        self.rng = random.Random(seed)
        self.pool = [line for lines in seeds for line in lines[3:]]
        self.names = sorted(names_in(seeds))
        self.names_re = re.compile(r"\b(" + "|".join(map(re.escape, self.names)) + r")\b")

    def make(self, target_bytes: int) -> str:
        """Return one new article of about target_bytes characters."""
        rng = self.rng
        seed = rng.choice(self.seeds)
        head, body = seed[:3], seed[3:]
        paragraphs = rng.sample(body, len(body))
        size = sum(len(p) for p in head + paragraphs)
        while size < target_bytes and self.pool:
            paragraphs.append(rng.choice(self.pool))
            size += len(paragraphs[-1])
        text = "\n".join(head + paragraphs) + "\n"
        if self.names:
            changed = {n: made_up_name(rng) for n in self.names if rng.random() < 0.5}
            text = self.names_re.sub(lambda m: changed.get(m.group(), m.group()), text)
        return NUMBER_RE.sub(lambda m: vary_number(m, rng), text)


def generated_articles(count: int, article_kb: float, seed: int) -> Iterator[tuple[str, str]]:
    """Yield (name, text) for count articles varied from seeds/."""
    maker = ArticleMaker(read_seeds(SEEDS), seed)
    for n in range(count):
        yield f"gen-{n:07d}", maker.make(int(article_kb * 1024))


def folder_articles(folder: Path, count: int | None) -> Iterator[tuple[str, str]]:
    """Yield (name, text) for a folder's .txt articles, repeated to reach count."""
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    if not files:
        sys.exit(f"bench: no .txt files in {folder}")
    total = count or len(files)
    for n in range(total):
        path = files[n % len(files)]
        yield (
            f"{n // len(files):03d}-{path.stem}",
            path.read_text(encoding="utf-8", errors="replace"),
        )


def write_folder(articles: Iterator[tuple[str, str]], target: Path) -> tuple[int, int]:
    """Write articles as .txt files in sub-folders of a thousand; return (count, bytes)."""
    count = size = 0
    for name, text in articles:
        folder = target / f"{count // FILES_PER_FOLDER:04d}"
        if count % FILES_PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"{name}.txt").write_bytes(data)
        count, size = count + 1, size + len(data)
    return count, size


def write_jsonl(articles: Iterator[tuple[str, str]], target: Path) -> tuple[int, int]:
    """Write articles as one JSON Lines file (id, text); return (count, bytes)."""
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for name, text in articles:
            out.write(json.dumps({"id": name, "text": text}, ensure_ascii=False) + "\n")
            count += 1
    return count, target.stat().st_size


def prepare_corpus(args: argparse.Namespace, workdir: Path) -> tuple[Path, str, int, int]:
    """Return (path, input format, article count, bytes) of the corpus to measure."""
    source = args.source
    if source.endswith(".jsonl"):
        path = Path(source)
        count = sum(1 for line in path.open("rb") if line.strip())
        return path, "jsonl", count, path.stat().st_size
    if source == "seeds":
        articles = generated_articles(args.count or 2000, args.article_kb, args.seed)
    elif args.count is None:
        files = [p for p in Path(source).rglob("*.txt") if p.is_file()]
        return Path(source), "text", len(files), sum(p.stat().st_size for p in files)
    else:
        articles = folder_articles(Path(source), args.count)
    if args.as_jsonl:
        target = workdir / "corpus.jsonl"
        return (target, "jsonl", *write_jsonl(articles, target))
    target = workdir / "corpus"
    return (target, "text", *write_folder(articles, target))
