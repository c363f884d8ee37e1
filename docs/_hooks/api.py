"""MkDocs hook: fail the build when the API page leaves out a public name.

Every name in ``routines.__all__`` (but ``__version__``, described in prose)
must have its ``::: routines.NAME`` block in ``reference/api.md``; the errors
may come as one ``::: routines.errors`` block.
"""

from __future__ import annotations

import logging
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import routines
import routines.errors

log = logging.getLogger("mkdocs.hooks.api")
_DOCUMENTED = re.compile(r"^::: routines\.(\w+)\s*$", re.MULTILINE)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != "reference/api.md":
        return markdown
    documented = set(_DOCUMENTED.findall(markdown))
    if "errors" in documented:  # the whole module, so every error class
        documented |= set(routines.errors.__all__)
    missing = sorted(set(routines.__all__) - {"__version__"} - documented)
    if missing:
        log.warning("reference/api.md: add a '::: routines.NAME' block for %s", missing)
    return markdown
