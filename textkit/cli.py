"""The command line: parse arguments, build Options, run the pipeline, pick a sink."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from textkit import __version__
from textkit.errors import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, TextkitError
from textkit.options import DEFAULT_MAX_BYTES, Options

FORMAT_CHOICES = ("table", "json", "jsonl", "csv", "text")


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the options every processing command shares."""
    decorators = [
        click.argument("paths", nargs=-1, required=True),
        click.option(
            "--format",
            "-f",
            "fmt",
            type=click.Choice(FORMAT_CHOICES),
            help="Output format. Default: table on a terminal, jsonl in a pipe.",
        ),
        click.option(
            "--lang",
            type=click.Choice(["id", "en"]),
            help="Language of the articles. Default: detected per article.",
        ),
        click.option(
            "--rules",
            "rules_file",
            type=click.Path(exists=True, dir_okay=False),
            help="A TOML rules file merged over the shipped rules.",
        ),
        click.option(
            "--input-format",
            type=click.Choice(["text", "jsonl"]),
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
            help="Inputs larger than this get an error record.",
        ),
        click.option(
            "--output",
            "-o",
            type=click.Path(dir_okay=False, writable=True),
            help="Write to this file instead of standard output.",
        ),
    ]
    return functools.reduce(lambda f, d: d(f), reversed(decorators), func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="textkit")
def main() -> None:
    """Turn raw online news text into clean, structured records."""


@main.command()
@common_options
@click.option("--show-removed", is_flag=True, help="List what was removed and by which rule.")
def extract(**kwargs: Any) -> None:
    """Extract title, byline, dateline, dates, body and quotes from each article."""
    _run_command("extract", **kwargs)


@main.command()
@common_options
def quotes(**kwargs: Any) -> None:
    """List the quotes of each article with speaker, role and cue."""
    _run_command("quotes", **kwargs)


@main.command()
@common_options
def clean(**kwargs: Any) -> None:
    """Print only the cleaned body text of each article."""
    kwargs["fmt"] = kwargs["fmt"] or "text"
    _run_command("clean", **kwargs)


def _run_command(view: str, **kwargs: Any) -> None:
    from textkit.inputs import iter_items
    from textkit.output.sinks import SINKS
    from textkit.runner import run_batch

    options = Options(
        lang=kwargs["lang"], rules_file=kwargs["rules_file"], max_bytes=kwargs["max_bytes"]
    )
    _check_rules(options)
    out = Path(kwargs["output"]).open("w", encoding="utf-8") if kwargs["output"] else sys.stdout  # noqa: SIM115
    fmt = kwargs["fmt"] or ("table" if out.isatty() else "jsonl")
    sink = SINKS[fmt](out, view, kwargs.get("show_removed", False))
    items = iter_items(
        kwargs["paths"],
        kwargs["input_format"],
        kwargs["text_field"],
        kwargs["id_field"],
        options.max_bytes,
    )
    failed = 0
    for record in run_batch(items, options):
        if "error" in record:
            failed += 1
            err = record["error"]
            click.echo(f"textkit: {record['source']}: {err['type']}: {err['message']}", err=True)
        sink.add(record)
    sink.close()
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _check_rules(options: Options) -> None:
    from textkit.lang import available, load

    try:
        for code in [options.lang] if options.lang else available():
            load(code, options.rules_file)
    except TextkitError as exc:
        click.echo(f"textkit: {exc}", err=True)
        sys.exit(EXIT_USAGE)
