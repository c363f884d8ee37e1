"""The JSON exchange format: lossless round trips and a reviewed golden snapshot."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from routines import BlockKind, Catalogue, Level, Plan, PlanError, PlanRequest, Weekday, plan
from strategies import plan_requests

SNAPSHOT = Path(__file__).parent / "snapshots" / "default_plan.json"


@settings(max_examples=25)
@given(plan_requests(max_weeks=10))
def test_json_round_trips_losslessly(request: PlanRequest) -> None:
    from routines import load_catalogue

    try:
        p = plan(request, load_catalogue())
    except PlanError:
        return
    text = p.to_json()
    again = Plan.from_json(text)
    assert again == p
    assert again.to_json() == text
    # equal is not enough: a StrEnum equals its text, so check the types came back
    assert all(type(b.kind) is BlockKind for s in again.sessions for b in s.blocks)
    assert all(type(d) is Weekday for d in again.request.days)
    assert type(again.request.level) is Level


def test_json_has_the_documented_shape(catalogue: Catalogue) -> None:
    p = plan(PlanRequest(start=dt.date(2026, 1, 5), timezone="Europe/Berlin"), catalogue)
    data = json.loads(p.to_json())
    assert next(iter(data)) == "schema_version" and data["schema_version"] == 1
    request = data["request"]
    assert request["start"] == "2026-01-05" and request["time"] == "07:00"
    assert request["days"] == ["mon", "wed", "fri"] and request["long_run"] is None
    week = data["weeks"][0]
    assert week["index"] == 1 and week["deload"] is False
    session = week["sessions"][0]
    assert session["date"] == "2026-01-05" and session["start"] == "07:00"
    kinds = [b["kind"] for b in session["blocks"]]
    assert kinds in (
        ["warmup", "strength", "cooldown"],
        ["warmup", "strength", "mobility", "cooldown"],
    )
    item = session["blocks"][0]["items"][0]
    for key in ("exercise", "sets", "reps", "hold_s", "duration_s", "per_side", "rest_s",
                "effort", "seconds", "reason"):  # fmt: skip
        assert key in item
    assert "not medical advice" in data["safety"]["disclaimer"]


def test_the_default_plan_matches_the_reviewed_snapshot(catalogue: Catalogue) -> None:
    """The snapshot was generated once and read through by a person: warm-up,
    strength and cool-down doses, progression and deload weeks look as a coach
    would write them. Regenerate with ROUTINES_UPDATE_SNAPSHOTS=1, then review."""
    import os

    p = plan(PlanRequest(start=dt.date(2026, 1, 5), timezone="Europe/Berlin"), catalogue)
    if os.environ.get("ROUTINES_UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(p.to_json(), encoding="utf-8")
    assert p.to_json() == SNAPSHOT.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "invalid JSON"),
        ('{"schema_version": 2}', "schema_version: 2 is not supported"),
        ('{"schema_version": 1, "weeks": []}', "not a valid plan"),
    ],
)
def test_bad_plan_json_is_a_plan_error(text: str, message: str) -> None:
    with pytest.raises(PlanError, match=message):
        Plan.from_json(text)


def test_write_json_is_atomic(tmp_path: Path, catalogue: Catalogue) -> None:
    p = plan(PlanRequest(weeks=1, timezone="UTC"), catalogue)
    target = tmp_path / "plan.json"
    p.write_json(target)
    assert Plan.from_json(target.read_text()) == p
    assert [f.name for f in tmp_path.iterdir()] == ["plan.json"]
