"""Griffe extension: our Sphinx-style docstrings, made to read well as Markdown.

The API reference renders docstrings as Markdown, but ours are plain prose
written with three Sphinx habits. This extension translates them:

- ``#:`` comments above an attribute document it: they become its docstring;
- roles such as ``:class:`~routines.errors.CatalogueError``` become a link to
  the object when the API reference documents it, else plain code;
- ``>>>`` examples (run as doctests) become ``pycon`` code blocks, where
  Markdown would otherwise read the ``>>>`` as nested quotes.

``code`` in double backticks is already a Markdown code span, so it stays.
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

_ROLE = re.compile(
    r":(?:py:)?(?:class|meth|func|data|attr|mod|exc|obj|const):`(?P<tilde>~?)(?P<target>[^`]+)`"
)
_TITLED = re.compile(r"(?P<title>.+?)\s*<(?P<target>[^>]+)>$")


class SphinxDocstrings(griffe.Extension):
    """Translate every docstring griffe loads (see the module's docstring)."""

    def on_object(self, *, obj: griffe.Object, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        if obj.docstring is None and isinstance(obj, griffe.Attribute):
            comment = _doc_comment(obj)
            if comment:
                obj.docstring = griffe.Docstring(comment, parent=obj)
        if obj.docstring is None:
            return
        text = _ROLE.sub(lambda match: _link(obj, loader, match), obj.docstring.value)
        obj.docstring.value = _fence_examples(text)


def _doc_comment(obj: griffe.Attribute) -> str:
    """The ``#:`` comment lines right above ``obj``, without the ``#:``."""
    lines = obj.module.lines
    found: list[str] = []
    index = (obj.lineno or 0) - 2
    while 0 <= index < len(lines) and lines[index].lstrip().startswith("#:"):
        found.insert(0, lines[index].lstrip().removeprefix("#:").strip())
        index -= 1
    return "\n".join(found)


def _link(obj: griffe.Object, loader: griffe.GriffeLoader, match: re.Match[str]) -> str:
    target = match["target"].strip()
    title = None
    titled = _TITLED.match(target)
    if titled:
        title, target = titled["title"], titled["target"]
    target = target.lstrip("~.")
    if title is None:
        title = target.rsplit(".", 1)[-1] if match["tilde"] else target
    if target.rsplit(".", 1)[-1][:1].islower() and match.group(0).startswith((":meth:", ":func:")):
        title += "()"
    identifier = _public_path(_resolve(obj, loader, target) or target, loader)
    # "optional": a link when the reference documents the object, plain code when not
    return (
        f'<autoref identifier="{html.escape(identifier)}" optional>'
        f"<code>{html.escape(title)}</code></autoref>"
    )


def _resolve(obj: griffe.Object, loader: griffe.GriffeLoader, target: str) -> str | None:
    """The full path ``target`` names, seen from ``obj``; None when unknown."""
    try:
        found: griffe.Object | griffe.Alias = loader.modules_collection[target]
        return found.path
    except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        pass
    first, _, rest = target.partition(".")
    try:
        path = obj.resolve(first)
    except griffe.NameResolutionError:
        return None
    return f"{path}.{rest}" if rest else path


def _public_path(path: str, loader: griffe.GriffeLoader) -> str:
    """``routines._plan.Plan.to_json`` -> ``routines.Plan.to_json``: the API
    reference documents objects under the names ``routines`` exports."""
    try:
        package = loader.modules_collection["routines"]
    except KeyError:
        return path
    parts = path.split(".")
    for end in range(len(parts), 1, -1):
        prefix = ".".join(parts[:end])
        name = parts[end - 1]
        if name in (package.exports or ()) and name in package.members:
            member = package.members[name]
            target = member.target_path if member.is_alias else member.path
            if target == prefix:
                return ".".join(["routines", name, *parts[end:]])
    return path


def _fence_examples(text: str) -> str:
    """Wrap each run of ``>>>`` lines (and the output after them) in a code block."""
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        starts = line.lstrip().startswith(">>>")
        if starts and not inside:
            out.append("```pycon")
            inside = True
        elif inside and not line.strip():
            out.append("```")
            inside = False
        out.append(line)
    if inside:
        out.append("```")
    return "\n".join(out)
