"""Run the pipeline over a stream of inputs: one record per input, in input order.

``jobs == 1`` runs in this process. ``jobs > 1`` feeds chunks of items to
worker processes and yields their records in input order, byte for byte what
``jobs == 1`` gives. Memory stays bounded: at most ``window`` chunks are in
flight at once, and a chunk closes at ``chunk_size`` items or
``chunk_bytes`` bytes, so a million-line input never sits in memory.

A worker that dies (killed, out of memory) breaks the pool: the pool is
rebuilt, the chunks that were in flight are retried one at a time, and an
item that still kills its worker alone gets an error record. On
KeyboardInterrupt the workers are terminated and the interrupt re-raised.
"""

from __future__ import annotations

import contextlib
import itertools
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from textkit.errors import TextkitError, error_type_of
from textkit.inputs import InputItem
from textkit.options import Options
from textkit.record import error_record

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from textkit.stages.read import Decoded

# multiprocessing and concurrent.futures are imported where workers start
# (about 18 ms), so a --jobs 1 run and a one-off command never load them.

Record = dict[str, Any]
Process = Callable[[InputItem, Options], Record]

# Measured on ~5 KB articles: 32 items keep a chunk around 40 ms of work,
# long enough to hide the pickling round trip, short enough to keep order.
DEFAULT_CHUNK_SIZE = 32
# A chunk also closes at this many input bytes, so big files do not pile up.
DEFAULT_CHUNK_BYTES = 512 * 1024
# Input bytes held in flight above which no more chunks are sent than workers.
DEFAULT_WINDOW_BYTES = 16 * 1024 * 1024
# Chunks in flight per worker: one running, the rest queued so no worker idles.
CHUNKS_PER_WORKER = 3
WORKER_DIED = "WorkerDied"
# How long to wait for killed workers to be reaped on an interrupt.
SHUTDOWN_WAIT_SECONDS = 2.0
# Threads of terminated pools still blocked after that wait (a worker killed while
# sending its result leaves the pool's manager thread reading forever). The
# interpreter joins such threads at exit and would hang: see pool_threads_stuck.
STUCK_THREADS: list[Any] = []
# A made-up article shape (title, paragraph, a numeric date) that makes every stage compile.
WARM_UP_TEXT = "T\n\nA b, C d 1/2/2020.\n\n\u201cE f.\u201d\n"


def process_item(item: InputItem, options: Options) -> Record:
    """Return the record for one input, or its error record; never raise."""
    if item.error_type is not None:
        return error_record(item.source, item.error_type, item.error_message or "")
    try:
        from textkit.pipeline import run

        decoded = read_text(item)
        text, warnings = decoded.text, [*item.warnings, *decoded.warnings]
        if not text.strip():
            return error_record(item.source, "EmptyInput", "no text (empty or whitespace only)")
        record = run(text, item.source, options)
        record.warnings.extend(warnings)
        return record.to_dict()
    except TextkitError as exc:
        return error_record(item.source, error_type_of(exc), str(exc))
    except Exception as exc:  # one bad article must never stop the run
        return error_record(item.source, error_type_of(exc), f"internal error: {exc}")


def read_text(item: InputItem) -> Decoded:
    """Return an item's article text (bytes decoded by the read stage) and warnings.

    Text from JSON Lines was already prepared by the input reader.

    >>> read_text(InputItem("a", data=b"Satu\\r\\nDua")).text
    'Satu\\nDua'
    """
    from textkit.stages.read import Decoded, decode_bytes

    if item.text is not None:
        return Decoded(item.text)
    return decode_bytes(item.data or b"")


def run_batch(
    items: Iterable[InputItem],
    options: Options,
    jobs: int = 1,
    *,
    process: Process = process_item,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    window: int | None = None,
    window_bytes: int = DEFAULT_WINDOW_BYTES,
    mp_context: str | None = None,
) -> Iterator[Record]:
    """Yield one record per item, in input order; ``jobs`` > 1 uses worker processes.

    ``process`` turns one item into its record (a test can inject a faulty
    one; it must be a module-level function so workers can unpickle it).
    An input that fits in one chunk runs in this process whatever ``jobs``
    says, so one-off commands start no workers. ``window`` is the most
    chunks in flight (default ``jobs * 3``; at least the two read to decide),
    fewer while they hold over ``window_bytes`` of input;
    ``mp_context`` names a multiprocessing start method (default: the
    platform's).
    """
    if jobs <= 1:
        for item in items:
            yield process_safely(item, options, process)
        return
    chunks = iter_chunks(items, chunk_size, chunk_bytes)
    first = next(chunks, [])
    second = next(chunks, None)
    if second is None:  # one chunk or less: starting workers would cost more than it saves
        for item in first:
            yield process_safely(item, options, process)
        return
    chunks = itertools.chain([first, second], chunks)
    limit = window or jobs * CHUNKS_PER_WORKER
    yield from _run_parallel(chunks, options, jobs, process, limit, window_bytes, mp_context)


def iter_chunks(
    items: Iterable[InputItem], chunk_size: int, chunk_bytes: int
) -> Iterator[list[InputItem]]:
    """Yield lists of consecutive items, each closed at chunk_size items or chunk_bytes.

    >>> [len(c) for c in iter_chunks([InputItem("a", text="x")] * 5, 2, 1000)]
    [2, 2, 1]
    """
    chunk: list[InputItem] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += item_size(item)
        if len(chunk) >= chunk_size or size >= chunk_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def item_size(item: InputItem) -> int:
    """Return roughly how many bytes an item holds (text counted by characters).

    >>> item_size(InputItem("a", data=b"abc"))
    3
    """
    return len(item.data or b"") + len(item.text or "")


def chunk_size_bytes(chunk: list[InputItem]) -> int:
    """Return roughly how many bytes a chunk of items holds.

    >>> chunk_size_bytes([InputItem("a", text="xy"), InputItem("b", data=b"z")])
    3
    """
    return sum(item_size(item) for item in chunk)


def process_chunk(chunk: list[InputItem], options: Options, process: Process) -> list[Record]:
    """Return the records of a chunk of items (run inside a worker)."""
    return [process_safely(item, options, process) for item in chunk]


def process_safely(item: InputItem, options: Options, process: Process) -> Record:
    """Return ``process(item, options)``, or an error record if it raises."""
    try:
        return process(item, options)
    except Exception as exc:  # a custom process must not lose the chunk's other records
        return error_record(item.source, error_type_of(exc), f"internal error: {exc}")


def warm_worker(options: Options) -> None:
    """Prepare a worker to ignore Ctrl-C (the parent stops us); return nothing.

    The rules are not compiled here: each stage compiles what it needs at the
    first article that needs it, so a worker that only meets Indonesian never
    compiles the English rules (about 80 ms a worker).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def warm_rules(options: Options) -> None:
    """Load and compile the rules a run needs, so the first article pays nothing.

    Running the pipeline on a tiny made-up text makes every stage build its
    compiled patterns through the per-process rule cache. A failure here
    (even an import error) is left for the real articles to report.
    """
    with contextlib.suppress(Exception):
        from textkit.lang import available
        from textkit.pipeline import run

        for code in [options.lang] if options.lang else available():
            run(WARM_UP_TEXT, "-", Options(lang=code, rules_file=options.rules_file))


def pool_threads_stuck() -> bool:
    """Return True when a terminated worker pool left a thread that would block the exit."""
    return any(thread.is_alive() for thread in STUCK_THREADS)


class _Pool:
    """A ProcessPoolExecutor that can be rebuilt after a worker dies."""

    def __init__(self, jobs: int, options: Options, mp_context: str | None) -> None:
        import multiprocessing

        self.jobs = jobs
        self.options = options
        self.context = multiprocessing.get_context(mp_context)
        if self.context.get_start_method() == "fork":
            # Forked workers inherit the stage modules imported here once,
            # instead of each importing them again (about 0.1 s a worker).
            import textkit.pipeline  # noqa: F401
        self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=self.context,
            initializer=warm_worker,
            initargs=(self.options,),
        )

    def submit(self, chunk: list[InputItem], process: Process) -> Future[list[Record]]:
        """Return the future records of a chunk (already failed if the pool is broken)."""
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.executor.submit(process_chunk, chunk, self.options, process)
        except BrokenProcessPool as exc:
            # Noticed here before the head chunk says so: fail this chunk the same way.
            future: Future[list[Record]] = Future()
            future.set_exception(exc)
            return future

    def rebuild(self) -> None:
        """Replace a broken executor by a fresh one (its workers are already stopped)."""
        self.executor.shutdown(wait=True)
        self.executor = self._new_executor()

    def terminate(self) -> None:
        """Stop every worker now, without waiting for queued work.

        The executor has no public way to kill its workers (before Python
        3.14), so this reaches for its process table and manager thread.
        """
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        manager = getattr(self.executor, "_executor_manager_thread", None)
        for proc in processes:
            proc.terminate()
        self.executor.shutdown(wait=False, cancel_futures=True)
        if manager is not None:
            manager.join(timeout=SHUTDOWN_WAIT_SECONDS)
            if manager.is_alive():  # blocked reading what a killed worker half sent
                STUCK_THREADS.append(manager)
        for proc in processes:
            proc.join(timeout=SHUTDOWN_WAIT_SECONDS)


def _run_parallel(
    chunks: Iterator[list[InputItem]],
    options: Options,
    jobs: int,
    process: Process,
    window: int,
    window_bytes: int,
    mp_context: str | None,
) -> Iterator[Record]:
    """Yield the records of chunks run by a pool, in order, holding at most a window of them.

    The window is ``window`` chunks, and fewer (but never under one per
    worker) while the chunks held add up to more than ``window_bytes``.
    """
    pool = _Pool(jobs, options, mp_context)
    in_flight: deque[tuple[list[InputItem], Future[list[Record]]]] = deque()
    held = 0
    try:
        for chunk in chunks:
            in_flight.append((chunk, pool.submit(chunk, process)))
            held += chunk_size_bytes(chunk)
            while len(in_flight) >= window or (held > window_bytes and len(in_flight) > jobs):
                held -= chunk_size_bytes(in_flight[0][0])
                yield from _finish_head(in_flight, pool, process)
        while in_flight:
            yield from _finish_head(in_flight, pool, process)
    except BaseException:
        pool.terminate()
        raise
    pool.executor.shutdown(wait=True)


def _finish_head(
    in_flight: deque[tuple[list[InputItem], Future[list[Record]]]],
    pool: _Pool,
    process: Process,
) -> Iterator[Record]:
    """Yield the records of the oldest chunk in flight, recovering from a dead worker."""
    from concurrent.futures.process import BrokenProcessPool

    future = in_flight[0][1]
    try:
        records = future.result()
    except BrokenProcessPool:
        _recover(in_flight, pool, process)
        future = in_flight[0][1]
        records = future.result()
    in_flight.popleft()
    yield from records


def _recover(
    in_flight: deque[tuple[list[InputItem], Future[list[Record]]]],
    pool: _Pool,
    process: Process,
) -> None:
    """Rebuild the pool and redo every broken chunk in flight, one chunk at a time.

    A broken pool fails every unfinished chunk, not just the one that killed
    its worker, so each is retried alone; a chunk that breaks the pool again
    is redone item by item, and an item that kills its worker by itself gets
    an error record. Finished chunks keep their results.
    """
    pool.rebuild()
    for index, (chunk, future) in enumerate(in_flight):
        if has_failed(future):
            in_flight[index] = (chunk, _done(_retry_chunk(chunk, pool, process)))


def has_failed(future: Future[Any]) -> bool:
    """Return whether a future ended in an exception or was cancelled (waits for it)."""
    from concurrent.futures import CancelledError

    try:
        return future.exception() is not None
    except CancelledError:
        return True


def _retry_chunk(chunk: list[InputItem], pool: _Pool, process: Process) -> list[Record]:
    """Return the records of a chunk run alone, item by item if it breaks the pool."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.submit(chunk, process).result()
    except BrokenProcessPool:
        pool.rebuild()
    return [_retry_item(item, pool, process) for item in chunk]


def _retry_item(item: InputItem, pool: _Pool, process: Process) -> Record:
    """Return the record of one item run alone, or an error record if it kills its worker."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.submit([item], process).result()[0]
    except BrokenProcessPool:
        pool.rebuild()
    message = "the worker process died while processing this input (killed or out of memory)"
    return error_record(item.source, WORKER_DIED, message)


def _done(records: list[Record]) -> Future[list[Record]]:
    """Return a finished future holding records."""
    from concurrent.futures import Future

    future: Future[list[Record]] = Future()
    future.set_result(records)
    return future
