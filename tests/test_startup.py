"""Start-up stays light: --help and --version load no dateparser, rich or rule files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Modules that only a processing run may import: heavy, or a sign rule files were read.
HEAVY = ("dateparser", "rich", "tomllib", "textkit.pipeline", "textkit.lang.schema")

PROBE = """
import json, sys
sys.argv = ["textkit", *json.loads(sys.argv[1])]
from textkit.cli import main
try:
    main()
except SystemExit:
    pass
lang = sys.modules.get("textkit.lang")
loaded = lang._load_cached.cache_info().currsize if lang else 0
sys.stderr.write(json.dumps({"modules": sorted(sys.modules), "rules_loaded": loaded}))
"""


def probe(args: list[str]) -> dict[str, object]:
    """Return the modules a fresh interpreter holds after running textkit with args."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stderr.strip().splitlines()[-1])
    return result


def heavy_modules(modules: object) -> list[str]:
    assert isinstance(modules, list)
    return [m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY]


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["extract", "--help"], ["quotes", "--help"], ["clean", "--help"]],
)
def test_help_and_version_stay_light(args: list[str]) -> None:
    result = probe(args)
    assert heavy_modules(result["modules"]) == []
    assert result["rules_loaded"] == 0


def test_the_probe_does_see_a_real_run(tmp_path: object) -> None:
    # The same probe on a processing command must see the pipeline, or it proves nothing.
    from pathlib import Path

    article = Path(str(tmp_path)) / "a.txt"
    article.write_text("Judul\n\nIsi berita pendek.\n", encoding="utf-8")
    result = probe(["extract", "--format", "jsonl", "--jobs", "1", str(article)])
    assert "textkit.pipeline" in heavy_modules(result["modules"])


@pytest.mark.parametrize("module", ["textkit", "textkit.runner", "textkit.progress"])
def test_library_imports_stay_light(module: str) -> None:
    code = f"import {module}, sys, json; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert heavy_modules(json.loads(done.stdout)) == []
