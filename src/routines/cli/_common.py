"""Pieces every command shares: errors, the catalogue option, list options."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from routines.catalogue.catalogue import Catalogue
from routines.catalogue.load import load_catalogue
from routines.errors import RoutinesError

E = TypeVar("E", bound=StrEnum)


class UsageError(RoutinesError):
    """The command line itself is wrong (exit status 2)."""


def error_line(exc: BaseException) -> str:
    return f"routines: error: {exc}"


def add_catalogue_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalogue",
        metavar="DIR",
        action="append",
        default=[],
        help="add (or override) exercises from this folder of .toml files; repeatable",
    )


def add_paper_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--paper", choices=["a4", "letter"], default="a4", help="PDF paper size (default a4)"
    )


def catalogue_from(args: argparse.Namespace) -> Catalogue:
    return load_catalogue(*args.catalogue)


def enum_value(enum: type[E], option: str) -> Callable[[str], E]:
    """An argparse type that accepts one value of ``enum`` with a clear error."""

    def parse(text: str) -> E:
        try:
            return enum(text.strip().lower())
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            raise argparse.ArgumentTypeError(
                f"{text!r} is not allowed; use one of: {allowed}"
            ) from None

    parse.__name__ = option
    return parse


def enum_list(enum: type[E], option: str) -> Callable[[str], tuple[E, ...]]:
    """An argparse type for a comma-separated list of ``enum`` values."""
    one = enum_value(enum, option)

    def parse(text: str) -> tuple[E, ...]:
        return tuple(one(part) for part in text.split(",") if part.strip())

    parse.__name__ = option
    return parse
