"""run_batch: ordered output equal across jobs, bounded in-flight items, dead workers."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from textkit.inputs import InputItem
from textkit.options import Options
from textkit.runner import WORKER_DIED, run_batch

INVENTED = [
    "Warga Desa Sukamaju Gelar Kerja Bakti\n\nBANDUNG - Warga desa berkumpul pada Senin "
    "(5/7/2021) pagi.\n\n“Kami ingin desa tetap bersih,” ujar Kepala Desa Sukamaju, Budi "
    "Santoso.\n\nBaca Juga: Judul lain yang tidak perlu\n\nKegiatan selesai pukul 11.00 WIB.",
    "Rain Delays Harbour Works\n\nBy Jane Doe\n\nPORTVILLE - Work on the harbour stopped on "
    '5 July 2021.\n\n"We will start again next week," the mayor said.',
    "Judul pendek\n\nSatu paragraf saja tanpa kutipan.",
]


def make_items(count: int) -> list[InputItem]:
    """Return a mix of good articles, error items, empty text, bytes and binary data."""
    items = []
    for n in range(count):
        kind = n % 7
        source = f"item-{n}"
        if kind == 3:
            items.append(InputItem(source, error_type="FileNotFound", error_message="no file"))
        elif kind == 4:
            items.append(InputItem(source, text="   \n "))
        elif kind == 5:
            items.append(InputItem(source, data=b"\x00\x01\x00\x02" * 50))
        elif kind == 6:
            items.append(InputItem(source, data=INVENTED[n % 3].encode("utf-8")))
        else:
            items.append(InputItem(source, text=INVENTED[n % 3] + f"\n\nAngka {n}."))
    return items


def dump(records: Iterator[dict[str, Any]]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def echo(item: InputItem, options: Options) -> dict[str, Any]:
    """A fast stand-in for process_item: the record is just the source."""
    return {"source": item.source}


def die_on_kill(item: InputItem, options: Options) -> dict[str, Any]:
    """Kill the worker process on items whose source starts with 'kill'."""
    if item.source.startswith("kill"):
        os._exit(3)
    return {"source": item.source, "pid_free": True}


def pid_of_worker(item: InputItem, options: Options) -> dict[str, Any]:
    return {"source": item.source, "pid": os.getpid()}


def raise_on_bad(item: InputItem, options: Options) -> dict[str, Any]:
    if item.source == "bad":
        raise RuntimeError("boom")
    return {"source": item.source}


def slow(item: InputItem, options: Options) -> dict[str, Any]:
    time.sleep(0.05)
    return {"source": item.source}


@pytest.fixture(scope="module")
def serial_output() -> list[str]:
    return dump(run_batch(make_items(60), Options(), jobs=1))


@pytest.mark.parametrize(
    ("jobs", "chunk_size", "window"),
    [(2, 32, None), (2, 1, 2), (3, 4, None), (3, 5, 1), (2, 7, 3)],
)
def test_output_equal_across_jobs(
    serial_output: list[str], jobs: int, chunk_size: int, window: int | None
) -> None:
    records = run_batch(make_items(60), Options(), jobs, chunk_size=chunk_size, window=window)
    assert dump(records) == serial_output


def test_serial_output_has_one_record_per_item(serial_output: list[str]) -> None:
    records = [json.loads(line) for line in serial_output]
    assert [r["source"] for r in records] == [f"item-{n}" for n in range(60)]
    assert records[3]["error"]["type"] == "FileNotFound"
    assert records[4]["error"]["type"] == "EmptyInput"
    assert "error" in records[5]  # binary data
    assert "body" in records[0] or "error" in records[0]


def test_spawn_context_gives_the_same_output(serial_output: list[str]) -> None:
    records = run_batch(make_items(60), Options(), 2, chunk_size=8, mp_context="spawn")
    assert dump(records) == serial_output


def test_seeds_equal_across_jobs(seeds_dir: Any) -> None:
    from textkit.inputs import iter_items

    paths = [str(seeds_dir)] * 5
    one = dump(run_batch(iter_items(paths), Options(), 1))
    assert dump(run_batch(iter_items(paths), Options(), 2, chunk_size=1)) == one
    assert len(one) == 5 * len(list(seeds_dir.glob("*.txt")))


class InFlight:
    """Items made on demand, counting the most made but not yet consumed at once (peak)."""

    def __init__(self, count: int, text: str) -> None:
        self.count, self.text = count, text
        self.produced = self.consumed = self.peak = 0

    def items(self) -> Iterator[InputItem]:
        for n in range(self.count):
            self.peak = max(self.peak, self.produced - self.consumed)
            self.produced += 1
            yield InputItem(f"s{n}", text=self.text)

    def consume(self, records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """Yield the records, counting each as consumed once the caller is done with it."""
        for record in records:
            yield record
            self.consumed += 1


def test_in_flight_items_stay_within_the_window() -> None:
    flight = InFlight(50_000, "x")
    chunk_size, window = 50, 4
    records = run_batch(
        flight.items(), Options(), 2, process=echo, chunk_size=chunk_size, window=window
    )
    for n, record in enumerate(flight.consume(records)):
        assert record["source"] == f"s{n}"
    assert flight.consumed == 50_000
    assert flight.peak <= chunk_size * window
    assert flight.peak >= chunk_size  # the window was actually used


def test_chunks_close_at_the_byte_limit() -> None:
    flight = InFlight(400, "x" * 1000)
    records = run_batch(
        flight.items(), Options(), 2, process=echo, chunk_size=1000, chunk_bytes=10_000, window=2
    )
    for _ in flight.consume(records):
        pass
    assert flight.consumed == 400
    assert flight.peak <= 2 * 10


def test_big_items_shrink_the_window_to_its_byte_budget() -> None:
    flight = InFlight(60, "x" * 1_000_000)
    records = run_batch(
        flight.items(), Options(), 2, process=echo, chunk_bytes=1, window=10, window_bytes=3_000_000
    )
    for n, record in enumerate(flight.consume(records)):
        assert record == {"source": f"s{n}"}
    assert flight.consumed == 60
    assert 2 <= flight.peak <= 3  # ten chunks allowed by count, three by bytes


def test_dead_worker_becomes_an_error_record_and_the_run_goes_on() -> None:
    sources = [f"ok{n}" for n in range(40)]
    sources[7] = "kill-a"
    sources[30] = "kill-b"
    items = [InputItem(s, text="x") for s in sources]
    records = list(run_batch(items, Options(), 2, process=die_on_kill, chunk_size=4))
    assert [r["source"] for r in records] == sources
    for record in records:
        if record["source"].startswith("kill"):
            assert record["error"]["type"] == WORKER_DIED
        else:
            assert record == {"source": record["source"], "pid_free": True}


def test_every_item_killing_its_worker_still_gives_one_record_each() -> None:
    items = [InputItem(f"kill{n}", text="x") for n in range(5)]
    records = list(run_batch(items, Options(), 2, process=die_on_kill, chunk_size=2))
    assert [r["error"]["type"] for r in records] == [WORKER_DIED] * 5


@pytest.mark.parametrize(("count", "in_process"), [(1, True), (8, True), (9, False)])
def test_an_input_of_one_chunk_starts_no_workers(count: int, in_process: bool) -> None:
    items = [InputItem(f"s{n}", text="x") for n in range(count)]
    records = list(run_batch(items, Options(), 2, process=pid_of_worker, chunk_size=8))
    assert [r["source"] for r in records] == [f"s{n}" for n in range(count)]
    assert all(r["pid"] == os.getpid() for r in records) is in_process


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_raising_process_gives_an_error_record(jobs: int) -> None:
    items = [InputItem(s, text="x") for s in ("a", "bad", "c")]
    records = list(run_batch(items, Options(), jobs, process=raise_on_bad, chunk_size=1))
    assert records[0] == {"source": "a"}
    assert records[1]["error"]["type"] == "RuntimeError"
    assert records[2] == {"source": "c"}


def test_closing_the_stream_early_stops_the_workers() -> None:
    items = (InputItem(f"s{n}", text="x") for n in range(1000))
    records = run_batch(items, Options(), 2, process=slow, chunk_size=2)
    assert next(records) == {"source": "s0"}
    records.close()
    assert multiprocessing.active_children() == []


def test_keyboard_interrupt_is_re_raised_and_workers_stop() -> None:
    def generate() -> Iterator[InputItem]:
        for n in range(100):
            if n == 20:
                raise KeyboardInterrupt
            yield InputItem(f"s{n}", text="x")

    seen = []
    with pytest.raises(KeyboardInterrupt):
        for record in run_batch(generate(), Options(), 2, process=slow, chunk_size=2):
            seen.append(record["source"])
    assert seen == [f"s{n}" for n in range(len(seen))]
    assert multiprocessing.active_children() == []


def test_a_large_jsonl_file_streams_in_bounded_memory(tmp_path: Any) -> None:
    import tracemalloc

    from textkit.inputs import iter_items

    corpus = tmp_path / "big.jsonl"
    line = json.dumps({"id": "x", "text": "Kalimat rekaan yang panjang. " * 80}) + "\n"
    count = 10_000
    with corpus.open("w", encoding="utf-8") as out:
        for _ in range(count):
            out.write(line)
    assert corpus.stat().st_size > 20_000_000
    tracemalloc.start()
    try:
        records = run_batch(iter_items([str(corpus)], "jsonl"), Options(), 2, process=echo)
        seen = sum(1 for _ in records)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    assert peak < 4_000_000  # the file is over 20 MB; only a window of it is ever held


DUPLICATE_PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
from test_runner import die_on_kill
from textkit.inputs import InputItem
from textkit.options import Options
from textkit.runner import run_batch
items = [InputItem("kill" if n == 50 else f"ok{n}", text="x") for n in range(100)]
for record in run_batch(items, Options(), 2, process=die_on_kill, chunk_size=4):
    sys.stdout.write(record["source"] + "\\n")  # buffered: never flushed here
"""


def test_restarted_workers_do_not_repeat_buffered_output() -> None:
    # Forked workers flush their copy of stdout on exit; multiprocessing empties
    # the parent's buffers before each fork, and this keeps it that way.
    import subprocess
    import sys
    from pathlib import Path

    here = str(Path(__file__).parent)
    done = subprocess.run(
        [sys.executable, "-c", DUPLICATE_PROBE, here],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert len(lines) == 100
    assert len(set(lines)) == 100


class _BlockedExecutor:
    """An executor whose manager thread stays blocked until released (as when a worker is
    killed while sending its result)."""

    def __init__(self) -> None:
        import threading

        self.release = threading.Event()
        self._processes: dict[int, Any] = {}
        self._executor_manager_thread = threading.Thread(target=self.release.wait, daemon=True)
        self._executor_manager_thread.start()

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_a_thread_a_terminated_pool_leaves_blocked_is_reported(monkeypatch: Any) -> None:
    from textkit import runner

    monkeypatch.setattr(runner, "SHUTDOWN_WAIT_SECONDS", 0.05)
    monkeypatch.setattr(runner, "STUCK_THREADS", [])
    pool = runner._Pool.__new__(runner._Pool)
    pool.executor = _BlockedExecutor()
    assert not runner.pool_threads_stuck()
    pool.terminate()
    assert runner.pool_threads_stuck()
    pool.executor.release.set()
    pool.executor._executor_manager_thread.join()
    assert not runner.pool_threads_stuck()
