"""Asking how a session went, question by question (``routines log`` at a terminal).

:func:`ask_entry` takes the functions that ask and answer, so a test or another
front end can drive it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, TypeVar

from routines._plan import Block, BlockKind, Item, Plan, Session
from routines.catalogue.vocab import Equipment
from routines.errors import LogError
from routines.log.csv_file import cell_value
from routines.log.entry import (
    RED_FLAGS,
    UNITS,
    ItemResult,
    LogEntry,
    SessionStatus,
    red_flag_problem,
)

__all__ = ["Ask", "Say", "ask_entry"]

T = TypeVar("T")
#: Reads one answer, like :func:`input`; and writes one line, like :func:`print`.
Ask = Callable[[str], str]
Say = Callable[[str], None]

_WEIGHTS = {Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BARBELL, Equipment.CABLE}
_WEIGHTS |= {Equipment.MACHINE}


def _answer(ask: Ask, say: Say, question: str, parse: Callable[[str], T]) -> T:
    """Ask until the answer parses; a wrong answer is explained, then asked again."""
    while True:
        text = ask(question)
        try:
            return parse(text.strip())
        except (LogError, ValueError) as exc:
            say(f"  {exc}")


def _optional(column: str, default: Any = None) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        return default if not text else cell_value(column, text)

    return parse


def _yes_no(default: bool) -> Callable[[str], bool]:
    def parse(text: str) -> bool:
        answer = {"": default, "y": True, "yes": True, "n": False, "no": False}.get(text.lower())
        if answer is None:
            raise ValueError(f"{text!r}: answer yes or no")
        return answer

    return parse


def _done(item: Item) -> Callable[[str], tuple[int, int | None]]:
    planned = item.amount

    def parse(text: str) -> tuple[int, int | None]:
        if not text:
            return item.sets, planned
        if text.lower() in {"0", "no", "n", "skip", "-"}:
            return 0, None
        found = re.fullmatch(r"(?:([0-9]+)\s*[x\u00d7*]\s*)?([0-9]+)\s*s?", text.lower())
        if found is None:
            raise ValueError(
                f"{text!r}: give sets x amount such as 2 x 10, one number for the amount, "
                "or 0 if you did not do it"
            )
        sets = int(found[1]) if found[1] is not None else item.sets
        return sets, int(found[2])

    return parse


def _load(unit: str) -> Callable[[str], float | None]:
    """A load in ``unit``, stored in kilograms."""
    factor = UNITS[unit]

    def parse(text: str) -> float | None:
        value = cell_value("load_kg", text) if text else None
        return None if value is None else round(value * factor, 2)

    return parse


def _ask_item(plan: Plan, block: Block, item: Item, ask: Ask, say: Say, unit: str) -> ItemResult:
    exercise = plan.exercises.get(item.exercise)
    name = f"{item.exercise} ({exercise.name})" if exercise else item.exercise
    unit = "" if item.reps is not None else " s"
    amount = item.amount
    sets, done = _answer(
        ask, say, f"{name}, planned {item.dose_text}: done? [{item.sets} x {amount}{unit}] ",
        _done(item),
    )  # fmt: skip
    reps, hold_s = (done, None) if item.reps is not None else (None, done)
    if sets == 0 or block.kind is not BlockKind.STRENGTH:
        return ItemResult(exercise=item.exercise, sets=sets, reps=reps, hold_s=hold_s)
    load = None
    if exercise is not None and _WEIGHTS & set(exercise.equipment):
        load = _answer(ask, say, f"  load in {unit}? [none] ", _load(unit))
    rpe = _answer(ask, say, "  effort, RPE 1-10? [not rated] ", _optional("rpe"))
    pain = _answer(ask, say, "  pain during it, 0-10? [not recorded] ", _optional("pain"))
    return ItemResult(
        exercise=item.exercise,
        sets=sets,
        reps=reps,
        hold_s=hold_s,
        load_kg=load,
        rpe=rpe,
        pain=pain,
    )


def _as_planned(item: Item) -> ItemResult:
    if item.reps is not None:
        return ItemResult(exercise=item.exercise, sets=item.sets, reps=item.reps)
    return ItemResult(exercise=item.exercise, sets=item.sets, hold_s=item.amount)


def _ask_block(plan: Plan, block: Block, ask: Ask, say: Say, unit: str) -> list[ItemResult]:
    """Strength item by item; a warm-up or cool-down first as a whole."""
    if block.kind is not BlockKind.STRENGTH and block.items:
        count = len(block.items)
        question = f"{block.kind.label} ({count} exercises): done as planned? [yes] "
        if _answer(ask, say, question, _yes_no(True)):
            return [_as_planned(item) for item in block.items]
    return [_ask_item(plan, block, item, ask, say, unit) for item in block.items]


def _red_flag_keys(text: str) -> tuple[str, ...]:
    keys = list(RED_FLAGS)
    found = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;\s]+", text))):
        if part.isdigit() and 1 <= int(part) <= len(keys):
            found.append(keys[int(part) - 1])
            continue
        problem = red_flag_problem(part.lower().replace("-", "_"))
        if problem:
            raise ValueError(f"{problem}, or their numbers")
        found.append(part.lower().replace("-", "_"))
    return tuple(found)


def ask_entry(
    plan: Plan,
    session: Session,
    *,
    ask: Ask,
    say: Say,
    skipped: bool = False,
    unit: str = "kg",
    done_on: dt.date | None = None,
) -> LogEntry:
    """Ask how ``session`` went, item by item; Enter accepts the answer in brackets,
    and an answer left empty where nothing is in brackets stays "not recorded".

    ``ask`` reads one answer (like :func:`input`) and ``say`` writes a line (like
    :func:`print`), so tests and other front ends can drive it. Loads are asked in
    ``unit`` (``"kg"`` or ``"lb"``) and stored in kilograms; ``done_on`` is the day
    it was really done, when not the session's own day.
    """
    say(f"{session.date:%a %d %b %Y}: {session.focus}, about {session.minutes} min")
    say("Press Enter to accept the answer in [brackets].")
    if not skipped:
        skipped = not _answer(ask, say, "Did you do this session? [yes] ", _yes_no(True))
    items = []
    if not skipped:
        for block in session.blocks:
            items += _ask_block(plan, block, ask, say, unit)
    pain = settled = None
    if not skipped:
        worst = max((i.pain for i in items if i.pain is not None), default=None)
        shown = "not recorded" if worst is None else worst
        pain = _answer(
            ask, say, f"Worst pain during the session, 0-10? [{shown}] ", _optional("pain", worst)
        )
        if pain:
            settled = _answer(
                ask, say, "Had the pain settled by the next morning? (yes/no) [not known yet] ",
                _optional("settled"),
            )  # fmt: skip
    say("Red flags: did you notice any of these?")
    for number, text in enumerate(RED_FLAGS.values(), start=1):
        say(f"  {number:2}. {text}")
    flags = _answer(ask, say, "Their numbers, separated by commas [none] ", _red_flag_keys)
    notes = ask("Notes [none] ").strip()
    return LogEntry(
        date=session.date,
        status=SessionStatus.SKIPPED if skipped else SessionStatus.DONE,
        items=tuple(items),
        pain=pain,
        settled=settled,
        red_flags=flags,
        notes=notes,
        done_on=done_on,
    )


# ---------------------------------------------------------------- showing
