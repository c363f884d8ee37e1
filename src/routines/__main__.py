"""``python -m routines`` runs the command-line interface."""

from routines.cli import main

raise SystemExit(main())
