"""``python -m generator`` runs the ``servefirst`` command line."""

from .cli import main

main()
