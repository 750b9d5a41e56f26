"""The command line as a user sees it: formats, stdin, exit codes, stderr lines, files, pipes."""

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import textkit
from textkit.cli import main
from textkit.output.rows import ARTICLE_COLUMNS, QUOTE_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_cc460d36b08c243e.txt"
SEED_2 = "seeds/003_0c05776076f70064.txt"
SUMMARY_RE = re.compile(
    r"^textkit: \d+ articles? read, \d+ records? written, \d+ errors?, \d+\.\d\d s$"
)
COLOR_RE = re.compile(r"\x1b\[[0-9;]*(3[0-7]|38;)[0-9;]*m")


@pytest.fixture(autouse=True)
def _in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def invoke(runner, *args, input=None, env=None):
    return runner.invoke(
        main, ["--jobs", "1", *args] if False else list(args), input=input, env=env
    )


def run(runner, command, *args, **kwargs):
    """Invoke a command in-process (jobs 1) and return the click Result."""
    return runner.invoke(main, [command, "--jobs", "1", *args], **kwargs)


def library_line(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    return json.dumps(textkit.extract(text, source=path), ensure_ascii=False) + "\n"


def jsonl(text):
    return [json.loads(line) for line in text.splitlines()]


# --- help and start-up -------------------------------------------------------------------------


SHARED_OPTIONS = "--format --lang --rules --input-format --text-field --id-field --max-bytes"
SHARED_OPTIONS = [*SHARED_OPTIONS.split(), "--output", "--jobs", "--quiet", "--fail-fast"]


@pytest.mark.parametrize("command", ["extract", "quotes", "clean", "speakers"])
def test_help_per_command_lists_shared_options(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    for option in SHARED_OPTIONS:
        assert option in result.output


def test_version_and_help_do_not_import_heavy_modules():
    code = (
        "import sys; from click.testing import CliRunner; from textkit.cli import main\n"
        "for args in (['--version'], ['--help'], ['extract', '--help']):\n"
        "    assert CliRunner().invoke(main, args).exit_code == 0\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('dateparser', 'rich', 'regex')"
        " or m.startswith(('textkit.lang', 'textkit.pipeline', 'textkit.stages'))]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_version_prints_the_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.output == f"textkit, version {textkit.__version__}\n"


# --- formats ----------------------------------------------------------------------------------


def test_extract_jsonl_is_exactly_the_library_record(runner):
    result = run(runner, "extract", SEED, "--format", "jsonl")
    assert result.exit_code == 0
    assert result.stdout == library_line(SEED)


def test_extract_directory_jsonl_one_line_per_seed_in_order(runner):
    result = run(runner, "extract", "seeds/", "-q")
    assert result.exit_code == 0
    assert result.stdout == library_line(SEED) + library_line(SEED_2)
    assert result.stderr == ""


def test_parallel_output_equals_in_process(runner):
    one = run(runner, "extract", "seeds/", "-q").stdout
    two = runner.invoke(main, ["extract", "--jobs", "2", "seeds/", "-q"]).stdout
    assert one == two


def test_extract_json_is_pretty_and_equal(runner):
    result = run(runner, "extract", SEED, "--format", "json")
    assert result.stdout.startswith("{\n  ")
    assert json.loads(result.stdout) == json.loads(library_line(SEED))


def test_extract_csv_has_article_columns(runner):
    result = run(runner, "extract", "seeds/", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == ARTICLE_COLUMNS
    assert [r["source"] for r in rows] == [SEED, SEED_2]


def test_quotes_jsonl_rows_carry_source(runner):
    result = run(runner, "quotes", "seeds/", "--format", "jsonl")
    assert result.exit_code == 0
    expected = [
        {"source": path, **q}
        for path in (SEED, SEED_2)
        for q in json.loads(library_line(path))["quotes"]
    ]
    got = jsonl(result.stdout)
    assert [r["source"] for r in got] == [r["source"] for r in expected]
    assert all(set(QUOTE_COLUMNS) <= set(r) for r in got)


def test_quotes_csv_header(runner):
    result = run(runner, "quotes", SEED, "--format", "csv")
    assert result.stdout.splitlines()[0] == ",".join(QUOTE_COLUMNS)


def test_clean_defaults_to_body_text(runner):
    result = run(runner, "clean", SEED)
    assert result.stdout == json.loads(library_line(SEED))["body"] + "\n"


def test_clean_separates_articles_with_a_blank_line(runner):
    result = run(runner, "clean", SEED, SEED_2)
    bodies = [json.loads(library_line(p))["body"] for p in (SEED, SEED_2)]
    assert result.stdout == bodies[0] + "\n\n" + bodies[1] + "\n"


def test_extract_table_and_show_removed(runner):
    result = run(runner, "extract", SEED, "-f", "table", "--show-removed", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert SEED in result.stdout
    assert "title" in result.stdout
    assert f"removed from {SEED}" in result.stdout


def test_table_respects_no_color(runner, tmp_path):
    args = ["extract", "--jobs", "1", "-f", "table", str(tmp_path / "missing.txt")]
    colored = runner.invoke(main, args, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert COLOR_RE.search(colored.stdout)
    plain = runner.invoke(main, args, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "missing.txt" in plain.stdout
    assert not COLOR_RE.search(plain.stdout)


# --- inputs -----------------------------------------------------------------------------------


def test_stdin_dash(runner):
    text = (ROOT / SEED).read_text(encoding="utf-8")
    result = run(runner, "extract", "-", input=text.encode())
    assert result.stdout == json.dumps(textkit.extract(text), ensure_ascii=False) + "\n"
    assert jsonl(result.stdout)[0]["source"] == "-"


def test_jsonl_input_with_custom_fields(runner, tmp_path):
    text = (ROOT / SEED).read_text(encoding="utf-8")
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"url": "http://x/1", "content": text}) + "\n", encoding="utf-8")
    result = run(
        runner, "extract", str(path), "--input-format", "jsonl",
        "--text-field", "content", "--id-field", "url",
    )  # fmt: skip
    assert result.exit_code == 0
    record = jsonl(result.stdout)[0]
    assert record == {**json.loads(library_line(SEED)), "source": "http://x/1"}


def test_lang_option_is_passed(runner):
    result = run(runner, "extract", SEED, "--lang", "en")
    assert jsonl(result.stdout)[0]["lang"] == "en"


# --- exit statuses and stderr -----------------------------------------------------------------


def test_all_good_exits_0_with_summary_on_stderr_only(runner):
    result = run(runner, "extract", "seeds/")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert SUMMARY_RE.match(lines[0])
    assert lines[0].startswith("textkit: 2 articles read, 2 records written, 0 errors")
    assert "textkit:" not in result.stdout


def test_quiet_drops_summary_but_keeps_error_lines(runner):
    result = run(runner, "extract", "nope.txt", "-q")
    assert result.exit_code == 1
    assert result.stderr == "textkit: nope.txt: FileNotFound: no such file or directory\n"


def test_some_failed_exits_1_with_one_record_each(runner):
    result = run(runner, "extract", "nope.txt", SEED)
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert records[0] == {
        "source": "nope.txt",
        "error": {"type": "FileNotFound", "message": "no such file or directory"},
    }
    assert records[1]["source"] == SEED
    assert result.stderr.splitlines()[-1].startswith(
        "textkit: 2 articles read, 2 records written, 1 error,"
    )


def test_fail_fast_stops_at_first_error(runner):
    result = run(runner, "extract", "nope.txt", SEED, "--fail-fast")
    assert result.exit_code == 1
    assert len(jsonl(result.stdout)) == 1
    assert "stopped at the first error (--fail-fast) after 1 article" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["extract", SEED, "--format", "xml"],
        ["extract", SEED, "--jobs", "0"],
        ["speakers", SEED, "--format", "text"],
        ["nosuchcommand"],
    ],
)
def test_usage_errors_exit_2(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_bad_rules_file_is_one_line_exit_2(runner, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[quotes\ncues = ", encoding="utf-8")
    result = run(runner, "extract", SEED, "--rules", str(bad))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"textkit: rules: {bad}: not valid TOML")


def test_missing_rules_file_is_one_line_exit_2(runner, tmp_path):
    result = run(runner, "extract", SEED, "--rules", str(tmp_path / "none.toml"))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "cannot read rules file" in result.stderr


def test_unknown_rules_section_is_a_usage_error(runner, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[nonsense]\nx = 1\n", encoding="utf-8")
    result = run(runner, "extract", SEED, "--rules", str(bad))
    assert result.exit_code == 2
    assert "unknown section" in result.stderr


def test_empty_rules_file_is_fine(runner, tmp_path):
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    result = run(runner, "extract", SEED, "--rules", str(empty))
    assert result.exit_code == 0


# --- -o FILE ----------------------------------------------------------------------------------


def test_output_file_is_written_whole(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    result = run(runner, "extract", "seeds/", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == library_line(SEED) + library_line(SEED_2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_output_file_untouched_when_run_stops_early(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    result = run(runner, "extract", "nope.txt", SEED, "-o", str(out), "--fail-fast")
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert f"textkit: {out} not written" in result.stderr


def interrupted_batch(items, options, jobs=1):
    """A run_batch that yields one record and then gets Ctrl-C."""
    yield {"source": "first.txt", "lang": "id", "body": "x"}
    raise KeyboardInterrupt


def test_ctrl_c_in_process_exits_130_and_says_how_far(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("textkit.runner.run_batch", interrupted_batch)
    out = tmp_path / "out.jsonl"
    result = run(runner, "extract", SEED, "-o", str(out))
    assert result.exit_code == 130
    assert "textkit: interrupted after 1 article (1 record written, 0 errors)" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


# --- speakers ---------------------------------------------------------------------------------


def fake_quoted_batch(items, options, jobs=1):
    """A run_batch giving records with known quotes, whatever the quote stage does today."""
    q = {"text": "x", "cue": "kata", "start": 0, "end": 1}
    quotes = [
        {**q, "speaker": "Rina", "role": "Camat", "kind": "direct"},
        {**q, "speaker": "Budi", "role": None, "kind": "indirect"},
        {**q, "speaker": "Rina", "role": None, "kind": "indirect"},
    ]
    yield {"source": "a", "quotes": quotes}
    yield {"source": "b", "error": {"type": "EmptyInput", "message": "no text"}}


def test_speakers_jsonl(runner, monkeypatch):
    monkeypatch.setattr("textkit.runner.run_batch", fake_quoted_batch)
    result = run(runner, "speakers", SEED, "-f", "jsonl")
    assert result.exit_code == 1  # one input failed
    assert result.stdout == (
        '{"speaker": "Rina", "quotes": 2, "direct": 1, "indirect": 1, "articles": 1, '
        '"roles": [{"role": "Camat", "count": 1}]}\n'
        '{"speaker": "Budi", "quotes": 1, "direct": 0, "indirect": 1, "articles": 1, '
        '"roles": []}\n'
    )
    assert "textkit: b: EmptyInput: no text" in result.stderr


def test_speakers_csv_and_table(runner, monkeypatch):
    monkeypatch.setattr("textkit.runner.run_batch", fake_quoted_batch)
    result = run(runner, "speakers", SEED, "-f", "csv")
    assert result.stdout.splitlines() == [
        "speaker,quotes,direct,indirect,articles,roles",
        "Rina,2,1,1,1,Camat (1)",
        "Budi,1,0,1,1,",
    ]
    table = run(runner, "speakers", SEED, "-f", "table").stdout
    assert table.index("Rina") < table.index("Budi")
    assert "Camat (1)" in table


def test_speakers_real_run_on_seeds(runner):
    result = run(runner, "speakers", "seeds/", "-f", "jsonl")
    assert result.exit_code == 0
    rows = jsonl(result.stdout)
    counts = [r["quotes"] for r in rows]
    assert counts == sorted(counts, reverse=True)


# --- real processes: default format, closed pipe, Ctrl-C ---------------------------------------


def textkit_cmd(*args):
    return [sys.executable, "-m", "textkit", *args]


def test_default_format_is_jsonl_in_a_pipe_and_table_on_a_terminal():
    piped = subprocess.run(textkit_cmd("extract", SEED), capture_output=True, text=True, cwd=ROOT)
    assert json.loads(piped.stdout)["source"] == SEED
    main_fd, child_fd = os.openpty()
    proc = subprocess.run(
        textkit_cmd("extract", "-q", SEED), stdout=child_fd, cwd=ROOT, check=False
    )
    os.close(child_fd)
    shown = os.read(main_fd, 65536).decode("utf-8", "replace")
    os.close(main_fd)
    assert proc.returncode == 0
    assert "title" in shown
    assert not shown.lstrip().startswith("{")


def article_lines(n, start=0):
    body = "Warga desa berkumpul di balai pada pagi hari untuk rapat. " * 20
    return "".join(
        json.dumps({"id": f"n{i}", "text": f"Judul {i}\n\n{body}"}) + "\n"
        for i in range(start, start + n)
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_pipe_ends_quietly_with_0(tmp_path, jobs):
    corpus = tmp_path / "big.jsonl"
    corpus.write_text(article_lines(3000), encoding="utf-8")
    args = textkit_cmd("extract", "--jobs", jobs, "--input-format", "jsonl", str(corpus))
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) as proc:
        try:
            first = proc.stdout.readline()
            proc.stdout.close()
            stderr = proc.stderr.read().decode()
            status = proc.wait(timeout=60)
        finally:
            proc.kill()
    assert status == 0
    assert json.loads(first)["source"] == "n0"
    assert "Traceback" not in stderr
    assert "Error" not in stderr


def feed(stream, data):
    """Write data to a child's stdin from a thread (the child's stdout may fill up first)."""
    try:
        stream.write(data)
        stream.flush()
    except (BrokenPipeError, ValueError, OSError):
        pass


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_exits_130_with_whole_lines_and_progress_note(jobs):
    import signal
    import threading

    args = textkit_cmd("extract", "--jobs", jobs, "--input-format", "jsonl", "-")
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    with subprocess.Popen(args, cwd=ROOT, **pipes) as proc:
        try:
            writer = threading.Thread(target=feed, args=(proc.stdin, article_lines(200).encode()))
            writer.daemon = True
            writer.start()
            seen = [proc.stdout.readline() for _ in range(3)]
            proc.send_signal(signal.SIGINT)
            out = b"".join(seen) + proc.stdout.read()
            stderr = proc.stderr.read().decode()
            status = proc.wait(timeout=60)
        finally:
            proc.kill()
            writer.join(timeout=5)
    assert status == 130
    assert out.endswith(b"\n")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["source"] for r in records] == [f"n{i}" for i in range(len(records))]
    note = stderr.strip().splitlines()[-1]
    pattern = r"textkit: interrupted after \d+ articles? \(\d+ records? written, 0 errors\)"
    assert re.fullmatch(pattern, note)
    assert "Traceback" not in stderr


def test_clean_jsonl_and_csv_give_source_and_body(runner):
    body = json.loads(library_line(SEED))["body"]
    result = run(runner, "clean", SEED, "-f", "jsonl")
    assert jsonl(result.stdout) == [{"source": SEED, "body": body}]
    rows = list(csv.DictReader(io.StringIO(run(runner, "clean", SEED, "-f", "csv").stdout)))
    assert rows == [{"source": SEED, "body": body, "error": ""}]


def test_default_jobs_is_one_for_a_single_article(tmp_path):
    from textkit.cli import default_jobs

    assert default_jobs((SEED,), "text") == 1
    assert default_jobs(("-",), "text") == 1
    assert default_jobs(("seeds/",), "text") == (os.cpu_count() or 1)
    assert default_jobs((SEED, SEED_2), "text") == (os.cpu_count() or 1)
    assert default_jobs(("-",), "jsonl") == (os.cpu_count() or 1)


def test_output_into_a_missing_folder_is_a_usage_error(runner, tmp_path):
    target = tmp_path / "no" / "such" / "out.jsonl"
    result = run(runner, "extract", SEED, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"textkit: --output {target}: No such file or directory\n"


def test_ctrl_c_during_a_write_waits_for_the_line_to_end():
    import signal

    from textkit.output.batch import InterruptGuard

    written = []
    with InterruptGuard() as guard, pytest.raises(KeyboardInterrupt), guard.writing():
        os.kill(os.getpid(), signal.SIGINT)
        written.append("whole line\n")
    assert written == ["whole line\n"]
    assert signal.getsignal(signal.SIGINT) != guard._on_sigint  # handler restored


def test_fail_fast_in_parallel_stops_and_exits_1(runner):
    args = ["extract", "--jobs", "2", "--fail-fast", SEED, "nope.txt", SEED_2, SEED]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert [r["source"] for r in jsonl(result.stdout)] == [SEED, "nope.txt"]


def test_error_lines_stay_on_one_line():
    from textkit.errors import error_line

    record = {"source": "a.txt", "error": {"type": "BadJSON", "message": "line\none\r\ntwo"}}
    assert error_line(record) == "textkit: a.txt: BadJSON: line one two"


def test_disk_full_leaves_no_file_and_exits_1(runner, tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("textkit.output.sinks.write_jsonl", full)
    out = tmp_path / "out.jsonl"
    result = run(runner, "extract", SEED, "-o", str(out))
    assert result.exit_code == 1
    assert "textkit: cannot write the output: No space left on device" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "closed", "status"),
    [
        (["extract", "-"], "stdin", 1),
        (["extract", "--input-format", "jsonl", "-"], "stdin", 1),
        (["extract", SEED], "stdout", 2),
        (["extract", SEED], "stderr", 0),
    ],
)
def test_closed_standard_streams_never_give_a_traceback(args, closed, status):
    redirect = {"stdin": "<&-", "stdout": ">&-", "stderr": "2>&-"}[closed]
    script = f'"$0" -m textkit "$@" {redirect}'
    proc = subprocess.run(
        ["bash", "-c", script, sys.executable, *args], capture_output=True, cwd=ROOT, timeout=60
    )
    assert proc.returncode == status
    assert b"Traceback" not in proc.stderr


def test_a_blocked_worker_thread_ends_the_process_at_once_with_its_status(runner, monkeypatch):
    from textkit import cli
    from textkit import runner as pool_runner

    exits = []

    def record_exit(code):
        exits.append(code)
        raise SystemExit(code)

    monkeypatch.setattr(pool_runner, "pool_threads_stuck", lambda: True)
    monkeypatch.setattr(cli.os, "_exit", record_exit)
    result = runner.invoke(main, ["extract", "--jobs", "2", "seeds/", "-q"])
    assert exits == [0] and result.exit_code == 0
    assert len(result.stdout.splitlines()) == len(list(Path("seeds").glob("*.txt")))
