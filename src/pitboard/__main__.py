"""``python -m pitboard`` runs the CLI."""

from pitboard.cli import main

main()
