"""The command line: parse arguments, build Options and RunSettings, run, exit.

Kept light on purpose: ``textkit --help`` and ``--version`` import only click
and this module; rules, rich and the pipeline are imported inside commands.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from textkit import __version__
from textkit.errors import EXIT_USAGE, TextkitError
from textkit.options import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    INPUT_FORMATS,
    SPEAKER_FORMATS,
    Options,
    RunSettings,
)

Command = Callable[..., Any]


# The inputs and options every processing command shares, in --help order.
COMMON_OPTIONS = [
    click.argument("paths", nargs=-1, required=True),
    click.option(
        "--lang",
        type=click.Choice(["id", "en"]),
        help="Article language. Default: detected per article.",
    ),
    click.option(
        "--rules",
        "rules_file",
        metavar="FILE",
        help="A TOML rules file merged over the shipped rules.",
    ),
    click.option(
        "--input-format",
        type=click.Choice(INPUT_FORMATS),
        default="text",
        show_default=True,
        help="Plain-text articles, or JSON Lines records.",
    ),
    click.option(
        "--text-field",
        default="text",
        show_default=True,
        help="JSON Lines field holding the article text.",
    ),
    click.option(
        "--id-field",
        default="id",
        show_default=True,
        help="JSON Lines field used as the record's source.",
    ),
    click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Inputs (files, JSON lines) larger than this get an error record.",
    ),
    click.option(
        "--output",
        "-o",
        metavar="FILE",
        type=click.Path(dir_okay=False),
        help="Write to FILE (via a temporary file, renamed when the run completes).",
    ),
    click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        help="Worker processes; 1 runs in-process. Default: the cores (1 for a single file).",
    ),
    click.option(
        "--quiet",
        "-q",
        is_flag=True,
        help="No progress bar and no summary line (errors are still reported).",
    ),
    click.option("--fail-fast", is_flag=True, help="Stop at the first input that fails."),
]


def common_options(func: Command) -> Command:
    """Return the command with the COMMON_OPTIONS added."""
    return functools.reduce(lambda f, d: d(f), reversed(COMMON_OPTIONS), func)


def format_option(choices: tuple[str, ...], default_help: str) -> Callable[[Command], Command]:
    """Return the one ``--format`` choice option, with the command's own choices."""
    return click.option(
        "--format", "-f", "fmt", type=click.Choice(choices), help=f"Output format. {default_help}"
    )


TABLE_OR_JSONL = "Default: table on a terminal, jsonl in a pipe or file."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="textkit")
def main() -> None:
    """Turn raw online news text into clean, structured records.

    Data goes to standard output, messages to standard error. Exit status: 0 when
    every input was processed, 1 when some failed, 2 for a usage error, 130 on Ctrl-C.
    """


@main.command()
@common_options
@format_option(FORMATS, TABLE_OR_JSONL)
@click.option("--show-removed", is_flag=True, help="Table: list what was removed, by which rule.")
def extract(**kwargs: Any) -> None:
    """Extract title, byline, dateline, dates, body and quotes from each article."""
    run("extract", kwargs)


@main.command()
@common_options
@format_option(FORMATS, TABLE_OR_JSONL)
def quotes(**kwargs: Any) -> None:
    """List the quotes of each article with speaker, role and cue."""
    run("quotes", kwargs)


@main.command()
@common_options
@format_option(FORMATS, "Default: text.")
def clean(**kwargs: Any) -> None:
    """Print only the cleaned body text of each article."""
    kwargs["fmt"] = kwargs["fmt"] or "text"
    run("clean", kwargs)


@main.command()
@common_options
@format_option(SPEAKER_FORMATS, TABLE_OR_JSONL)
@click.option("--include-unknown", is_flag=True, help="Count quotes with no speaker as one row.")
def speakers(**kwargs: Any) -> None:
    """Tally who is quoted across all articles: quotes, direct, indirect, articles, roles."""
    run("speakers", kwargs)


def run(view: str, kwargs: dict[str, Any]) -> None:
    """Build Options and RunSettings from the parsed arguments, run the batch, exit."""
    from textkit.output.batch import run_command

    options = Options(
        lang=kwargs.pop("lang"),
        rules_file=kwargs.pop("rules_file"),
        max_bytes=kwargs.pop("max_bytes"),
    )
    check_rules(options)
    kwargs["jobs"] = kwargs["jobs"] or default_jobs(kwargs["paths"], kwargs["input_format"])
    settings = RunSettings(paths=tuple(kwargs.pop("paths")), view=view, **kwargs)
    code = run_command(settings, options)
    runner = sys.modules.get("textkit.runner")
    if runner is not None and runner.pool_threads_stuck():
        exit_now(code)
    sys.exit(code)


def exit_now(code: int) -> None:
    """Flush what can be flushed and end the process with ``code``, running no exit hooks.

    Used when stopped workers left a thread that the interpreter would wait for
    forever at exit; every record and message has been written by then.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def default_jobs(paths: tuple[str, ...], input_format: str) -> int:
    """Return the worker count when --jobs is not given: 1 for one article, else the cores.

    One text file (or standard input) runs in-process: starting workers would
    cost more than the article.
    """
    one_article = len(paths) == 1 and (paths[0] == "-" or Path(paths[0]).is_file())
    if input_format == "text" and one_article:
        return 1
    return os.cpu_count() or 1


def check_rules(options: Options) -> None:
    """Load the rules a run needs; a bad rules file is a usage error (one line, exit 2)."""
    from textkit.lang import available, load

    try:
        for code in [options.lang] if options.lang else available():
            load(code, options.rules_file)
    except TextkitError as exc:
        click.echo(f"textkit: rules: {' '.join(str(exc).split())}", err=True)
        sys.exit(EXIT_USAGE)
