"""Running the command line inside the test process, and Python in a fresh one."""

from __future__ import annotations

import os
import subprocess
import sys

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


def modules_loaded_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``code``.

    Coverage's start-up in a child process imports more (tomllib among them),
    so the child runs without it.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return set(out.split())
