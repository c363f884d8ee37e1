"""Running the command line inside the test process."""

from __future__ import annotations

import pytest

from routines.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``routines ARGV...``: the exit status (argparse's exits included), stdout, stderr."""
    try:
        status = main(list(argv))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err
