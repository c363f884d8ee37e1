"""MkDocs hook: ``reference/cli.md``, the ``--help`` of every command.

Written at build time from ``routines.cli.build_parser()``, so a new command or
option shows up here without anyone editing the docs.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Iterator
from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from routines.cli import build_parser

#: A fixed width, so the page does not depend on the terminal that builds it.
WIDTH = 88


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, "reference/cli.md", content=cli_page()))
    return files


def commands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """``parser`` and each of its subcommands' parsers, depth first."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # aliases share a parser
                yield from commands(sub)


def help_text(parser: argparse.ArgumentParser) -> str:
    formatter = cast("type[argparse.HelpFormatter]", parser.formatter_class)
    parser.formatter_class = functools.partial(formatter, width=WIDTH)
    if hasattr(parser, "color"):  # Python 3.14+: no terminal colours in the page
        parser.color = False
    return parser.format_help().rstrip()


def cli_page() -> str:
    lines = [
        "# Command line",
        "",
        "The `routines` command and each of its subcommands, with the text `--help` "
        "prints. This page is generated from the command's own argument parser each "
        "time the site is built, so it always matches the code.",
        "",
        "Options that describe the plan (`--days`, `--minutes`, ...) have the names of "
        "the config file's fields, with dashes for underscores; see the "
        "[tutorial](../tutorial.md).",
    ]
    for parser in commands(build_parser()):
        lines += ["", f"## {parser.prog}", "", "```text", help_text(parser), "```"]
    return "\n".join(lines) + "\n"
