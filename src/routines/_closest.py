"""Did you mean ...? The one place routines guesses what a misspelt value meant.

>>> closest("dumbell", ["band", "dumbbell", "kettlebell"])
('dumbbell',)
>>> did_you_mean(closest("dumbell", ["band", "dumbbell", "kettlebell"]))
"; did you mean 'dumbbell'?"
>>> did_you_mean(("band-row", "band-rows", "doorway-row"))
"; did you mean 'band-row', 'band-rows' or 'doorway-row'?"
>>> did_you_mean(("skipped",), brackets=True)
" (did you mean 'skipped'?)"
>>> did_you_mean(())
''
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

__all__ = ["closest", "did_you_mean"]


def closest(
    value: object, choices: Iterable[str], *, n: int = 1, cutoff: float = 0.6
) -> tuple[str, ...]:
    """Up to ``n`` of ``choices`` that look most like ``value``, best first."""
    return tuple(difflib.get_close_matches(str(value), list(choices), n=n, cutoff=cutoff))


def did_you_mean(found: Sequence[str], *, brackets: bool = False) -> str:
    """``"; did you mean 'a' or 'b'?"`` for the guesses in ``found`` (in brackets
    after a value with ``brackets``), or ``""`` when there is none."""
    if not found:
        return ""
    quoted = [repr(item) for item in found]
    if len(quoted) > 1:
        quoted[-2:] = [f"{quoted[-2]} or {quoted[-1]}"]
    question = f"did you mean {', '.join(quoted)}?"
    return f" ({question})" if brackets else f"; {question}"
