"""Where a person's files go in the output folder: the folder layouts.

- ``flat``: ``ann.pdf``, ``ann.ics``, ``ann.json`` side by side (a coach's list);
- ``person``: a folder per person, ``ann/plan.pdf``... (their training log then
  sits beside their plan: ``ann/plan.log.sqlite``);
- ``sharded``: the person folders spread over 256 folders by a hash of the name,
  ``3f/ann/plan.pdf``..., so no folder holds more than a few hundred entries even
  for 100,000 people.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["FOLDERS", "KINDS", "paths_for"]

#: The folder layouts.
FOLDERS = ("flat", "person", "sharded")
#: The files of each person, in the order they are written.
KINDS = ("pdf", "ics", "json")


def paths_for(out_dir: Path, stem: str, folders: str) -> dict[str, Path]:
    """The files of the person named ``stem`` (a file-safe slug) in ``out_dir``."""
    if folders == "flat":
        return {kind: out_dir / f"{stem}.{kind}" for kind in KINDS}
    home = out_dir / stem
    if folders == "sharded":
        home = out_dir / hashlib.sha256(stem.encode()).hexdigest()[:2] / stem
    return {kind: home / f"plan.{kind}" for kind in KINDS}
