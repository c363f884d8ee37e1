"""Impossible or malformed requests get a PlanError that names the field and the fix."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from routines import Catalogue, Modality, PlanError, PlanRequest, plan


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"weeks": 0}, "weeks: 0 is outside 1-52"),
        ({"weeks": 53}, "weeks: 53 is outside 1-52"),
        ({"minutes": 9}, "minutes: 9 is outside 10-90"),
        ({"days": ()}, "days: no training day given"),
        ({"days": ("mon", "mon")}, "days: 'mon' is listed twice"),
        ({"timezone": "Mars/Olympus"}, "timezone: 'Mars/Olympus' is not an IANA time zone"),
        ({"deload_every": 7}, "deload_every: 7 must be 3, 4, 5 or 6"),
        ({"time": dt.time(7, 0, 30)}, "time: '07:00:30' has seconds; give HH:MM such as 07:00"),
        ({"name": "   "}, "name: '   ' must be 1-120 characters"),
    ],
)
def test_request_values_are_checked(fields: dict[str, object], message: str) -> None:
    with pytest.raises(PlanError) as caught:
        PlanRequest(**{"timezone": "UTC", **fields})  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_unknown_goal_lists_the_presets(catalogue: Catalogue) -> None:
    with pytest.raises(PlanError) as caught:
        plan(PlanRequest(goal="postur", timezone="UTC"), catalogue)
    message = str(caught.value)
    assert "goal: 'postur' is not a goal preset (did you mean 'posture'?)" in message
    assert "upper-back-runner" in message


def test_unknown_avoid_value_suggests_ids_and_lists_cautions(catalogue: Catalogue) -> None:
    with pytest.raises(PlanError) as caught:
        plan(PlanRequest(avoid=("plnak",), timezone="UTC"), catalogue)
    message = str(caught.value)
    assert "avoid: 'plnak' is neither an exercise id nor a caution" in message
    assert "'plank'" in message and "wrist_load" in message


def test_avoiding_by_caution_removes_every_exercise_with_it(catalogue: Catalogue) -> None:
    p = plan(PlanRequest(avoid=("wrist_load", "neck"), weeks=4, timezone="UTC"), catalogue)
    for session in p.sessions:
        for item in session.items:
            assert not {"wrist_load", "neck"} & set(p.exercise(item.exercise).cautions)


def test_too_few_warmup_moves_is_refused_with_the_fix(catalogue: Catalogue) -> None:
    kept = [
        attrs.evolve(e, progressions=(), regressions=())
        for e in catalogue
        if not e.modality.is_warmup or e.id == "arm-circles"
    ]
    with pytest.raises(PlanError, match=r"warm-up: too few warm-up moves .* --avoid"):
        plan(PlanRequest(timezone="UTC"), Catalogue(kept))


def test_too_few_stretches_is_refused_with_the_fix(catalogue: Catalogue) -> None:
    kept = [
        attrs.evolve(e, progressions=(), regressions=())
        for e in catalogue
        if e.modality is not Modality.STATIC_STRETCH or e.id == "childs-pose"
    ]
    with pytest.raises(PlanError, match=r"cool-down: too few stretches .* --avoid"):
        plan(PlanRequest(timezone="UTC"), Catalogue(kept))
