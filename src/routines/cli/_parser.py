"""The argument parser every command shares: short errors that help.

An argument error is one line, a guess for a misspelt option or command, and where
to read more (``see `routines plan --help```), instead of the whole usage first.
Text from the command line or from files is shown with control characters
escaped, so nothing in a name can reach the terminal as an escape sequence.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from routines._closest import closest, did_you_mean
from routines._text import shown

__all__ = ["Parser", "unknown_arguments"]

_CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)")


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one line and a pointer to ``--help``."""

    def error(self, message: str) -> NoReturn:
        found = _CHOICE.search(message)
        if found:
            choices = re.findall(r"'([^']*)'", found[2]) or found[2].split(", ")
            guess = did_you_mean(closest(found[1], choices), brackets=True)
            message = f"{message[: found.start()]}{found[1]!r} is not a command{guess}"
        self.exit(2, f"routines: error: {shown(message)}\n  see `{self.prog} --help`\n")


def unknown_arguments(parser: argparse.ArgumentParser, extras: list[str]) -> NoReturn:
    """Stop at arguments ``parser`` does not know, guessing the option meant."""
    options = [o for action in parser._actions for o in action.option_strings]
    first = extras[0]
    guess = ""
    if first.startswith("-"):
        guess = did_you_mean(closest(first.split("=", 1)[0], options), brackets=True)
    print(
        f"routines: error: unrecognized arguments: {shown(' '.join(extras))}{guess}\n"
        f"  see `{parser.prog} --help`",
        file=sys.stderr,
    )
    raise SystemExit(2)
