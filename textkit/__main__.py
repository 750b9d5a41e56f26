"""``python -m textkit`` runs the command line."""

from textkit.cli import main

main(prog_name="textkit")
