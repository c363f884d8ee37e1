"""MkDocs hook: fill ``safety.md`` with the safety notes every plan carries.

``safety.md`` marks each place with a comment on a line of its own, such as
``<!-- safety: stop_signs -->`` (indented inside an admonition). The hook puts
there the notes of ``routines._safety`` (or the readiness questions, for
``screening``): a list, or a paragraph for a single note. So the site says
exactly what the printed plan says.
"""

from __future__ import annotations

import logging
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from routines._request import SCREENING_QUESTIONS
from routines._safety import safety_notes

log = logging.getLogger("mkdocs.hooks.safety")
_MARKER = re.compile(r"^(?P<indent>[ \t]*)<!-- safety: (?P<name>[a-z_]+) -->$", re.MULTILINE)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != "safety.md":
        return markdown
    notes = safety_notes()
    lists: dict[str, tuple[str, ...]] = {
        "disclaimer": (notes.disclaimer,),
        "pain_rule": notes.pain_rule,
        "stop_signs": notes.stop_signs,
        "see_a_professional": notes.see_a_professional,
        "progression": notes.progression,
        "screening": tuple(
            f"{question} (`{key}`)" for key, question in SCREENING_QUESTIONS.items()
        ),
    }

    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in lists:
            log.warning("safety.md: unknown marker %r; use one of %s", name, sorted(lists))
            return match.group(0)
        lines = lists[name]
        shown = lines if len(lines) == 1 else [f"- {line}" for line in lines]
        return "\n".join(match["indent"] + line for line in shown)

    filled, count = _MARKER.subn(fill, markdown)
    if not count:
        log.warning("safety.md: no <!-- safety: ... --> marker; the notes would be missing")
    return filled
