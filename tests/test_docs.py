"""README.md documents every command and every option the CLI has."""

from pathlib import Path

import click
import pytest

from textkit.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)
OPTIONS = sorted(
    {
        opt
        for command in main.commands.values()
        for param in command.params
        if isinstance(param, click.Option)
        for opt in param.opts
        if opt.startswith("--")
    }
)


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_shows_command(command):
    assert f"textkit {command}" in README


@pytest.mark.parametrize("option", OPTIONS)
def test_readme_mentions_option(option):
    assert option in README


def test_readme_opens_with_install_and_test_commands():
    code_lines = [line.strip() for line in README.splitlines() if line.startswith("    ")]
    assert code_lines[0].startswith("pip install . && textkit extract seeds/")
    assert "pytest" in code_lines[1]
