"""The benchmark's --profile mode: time per pipeline step and per module, top functions."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any


def profile_pipeline(path: Path, input_format: str, top: int) -> None:
    """Profile the pipeline in this process: time per stage and per module, top functions."""
    import cProfile
    import pstats

    from textkit.inputs import iter_items
    from textkit.options import Options
    from textkit.runner import process_item, warm_rules

    items = list(iter_items([str(path)], input_format))
    warm_rules(Options())
    print_step_times(items)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for item in items:
        process_item(item, Options())
    profiler.disable()
    seconds = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    per = 1e6 / len(items)
    print(
        f"{len(items)} articles, {seconds:.2f} s under the profiler ({len(items) / seconds:.0f}/s)"
    )
    print("\nper pipeline step (cumulative, called from pipeline.run), us/article:")
    for name, cumulative in stage_times(stats):
        print(f"  {cumulative * per:>9.0f}  {name}")
    print("\nper module (own time, C calls such as regex charged to their caller), us/article:")
    for name, own in module_times(stats)[:top]:
        print(f"  {own * per:>9.0f}  {name}")
    print(f"\ntop {top} functions by own time:")
    stats.sort_stats("tottime").print_stats(top)


class StepTimer:
    """Wraps one function the pipeline calls and adds up its wall time."""

    def __init__(self, func: Any) -> None:
        self.func = func
        self.seconds = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return self.func(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started


def print_step_times(items: list[Any]) -> None:
    """Print the real (unprofiled) microseconds per article of each step pipeline.run calls."""
    import textkit.pipeline as pipeline
    from textkit.options import Options
    from textkit.runner import process_item

    timers = {
        name: StepTimer(value)
        for name, value in vars(pipeline).items()
        if callable(value)
        and getattr(value, "__module__", "").startswith("textkit.")
        and not isinstance(value, type)
        and name != "run"
    }
    for name, timer in timers.items():
        setattr(pipeline, name, timer)
    started = time.perf_counter()
    try:
        for item in items:
            process_item(item, Options())
    finally:
        for name, timer in timers.items():
            setattr(pipeline, name, timer.func)
    seconds = time.perf_counter() - started
    per = 1e6 / len(items)
    print(
        f"without the profiler: {len(items) / seconds:.0f} articles/s, "
        f"{seconds * per:.0f} us/article; per pipeline step, us/article:"
    )
    for name, timer in sorted(timers.items(), key=lambda kv: -kv[1].seconds):
        if timer.seconds * per >= 1:
            print(f"  {timer.seconds * per:>9.0f}  {timer.func.__module__}.{name}")
    print()


def short(func: tuple[str, int, str]) -> str:
    """Return "module.py:line(name)" for a profiler function key."""
    filename, line, name = func
    if filename == "~":
        return name
    tail = filename.split("/textkit/")[-1] if "/textkit/" in filename else Path(filename).name
    return f"{tail}:{line}({name})"


def stage_times(stats: object) -> list[tuple[str, float]]:
    """Return (function, cumulative seconds) for each call made directly by pipeline.run."""
    rows = []
    for func, (_cc, _nc, _tt, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        for caller, timing in callers.items():
            if caller[0].endswith("textkit/pipeline.py") and caller[2] == "run":
                rows.append((short(func), timing[3]))
    return sorted(rows, key=lambda row: -row[1])


def module_times(stats: object) -> list[tuple[str, float]]:
    """Return (module, own seconds) with built-in calls charged to the calling module."""
    totals: dict[str, float] = {}
    for func, (_cc, _nc, tt, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if func[0] == "~":
            for caller, timing in callers.items():
                module = short(caller).split(":")[0]
                totals[module] = totals.get(module, 0.0) + timing[2]
        else:
            module = short(func).split(":")[0]
            totals[module] = totals.get(module, 0.0) + tt
    return sorted(totals.items(), key=lambda row: -row[1])
