"""``python -m textkit`` runs the command line."""

from textkit.cli import main

main()
