"""``python -m textkit`` runs the command line."""

from textkit.cli import main

if __name__ == "__main__":
    main(prog_name="textkit")
