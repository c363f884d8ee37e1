"""MkDocs hook: run the Python examples the how-to pages include, so they never rot.

Each ``docs/howto/*.py`` runs in a fresh interpreter inside a scratch folder;
one that fails is a warning (so ``mkdocs build --strict`` fails) with its output.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.examples")


def on_pre_build(config: MkDocsConfig) -> None:
    for script in sorted((Path(config.docs_dir) / "howto").glob("*.py")):
        with tempfile.TemporaryDirectory() as scratch:
            # our own example file, run with the interpreter that builds the docs
            done = subprocess.run(  # noqa: S603
                [sys.executable, str(script.resolve())],
                cwd=scratch,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        if done.returncode:
            log.warning("%s failed (exit %d):\n%s", script, done.returncode, done.stderr[-2000:])
