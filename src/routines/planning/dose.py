"""Dose rules as pure functions: rep bands, time estimates, rest, effort, ramp-up
sets, deload.

Every threshold here comes from the training rules (docs/training-rules.md);
the planner only combines them.
"""

from __future__ import annotations

from routines.catalogue.exercise import Exercise
from routines.catalogue.vocab import Dose, Equipment, Level

__all__ = [
    "DESK_EFFORT",
    "LIGHT_EFFORT",
    "deload_sets",
    "effort",
    "hold_ceiling",
    "item_seconds",
    "max_sets",
    "ramp_up_sets",
    "rep_band",
    "rep_step",
    "rest_range",
]

#: Seconds one repetition takes when no tempo is given (about 1-1-1).
REP_S = 3
#: Seconds to get into position for an exercise.
SETUP_S = {Dose.REPS: 15, Dose.HOLD: 10, Dose.DURATION: 10}
#: Rest after each lighter ramp-up set.
RAMP_UP_REST_S = 60
#: Training bands (ACSM 2009; NSCA): strength up to 6 reps, hypertrophy 8-12,
#: endurance 12-20; a range is kept inside the band its bottom falls in.
_BAND_TOPS = ((6, 6), (11, 12), (50, 20))
#: Holds move on to the harder variant once 3 x 30 s is done with good form
#: (McGill); never past 60 s (planks past 2 minutes add nothing).
HOLD_MOVE_ON_S = 30
HOLD_CAP_S = 60
_WEIGHTS = frozenset(
    {
        Equipment.DUMBBELL,
        Equipment.KETTLEBELL,
        Equipment.BARBELL,
        Equipment.CABLE,
        Equipment.MACHINE,
    }
)

#: The effort of light posture work and of desk breaks.
LIGHT_EFFORT = "RPE 5-6 (light: 4+ reps in reserve)"
DESK_EFFORT = "RPE 6-7 (moderate: 3-4 reps in reserve)"
DELOAD_EFFORT = "RPE 5-6 (easy: 4+ reps in reserve)"
DELOAD_HOLD_EFFORT = "RPE 5-6 (easy: end each hold well before it gets hard)"


def rep_band(reps: tuple[int, int]) -> tuple[int, int]:
    """The catalogue's rep range kept inside one training band, so the reps climb
    only as far as the same load allows (a 6-10 range becomes 6-6: heavy work
    progresses by load; 10-15 becomes 10-12).

    >>> rep_band((6, 10)), rep_band((8, 12)), rep_band((10, 15)), rep_band((12, 15))
    ((6, 6), (8, 12), (10, 12), (12, 15))
    """
    low, high = reps
    for bottom_up_to, top in _BAND_TOPS:
        if low <= bottom_up_to:
            return low, max(low, min(high, top))
    return low, high  # pragma: no cover - the last band takes every low


def rep_step(band: tuple[int, int]) -> int:
    """Reps added in one week: 1 for heavy work (a band topping out at 8 or fewer),
    else 2."""
    return 1 if band[1] <= 8 else 2


def hold_ceiling(exercise: Exercise, level: Level) -> int:
    """The longest hold before the harder variant: 30 s, or the level's own hold
    when the catalogue asks for more (60 s at most)."""
    hold = exercise.dosage_for(level).hold_s or HOLD_MOVE_ON_S
    return min(HOLD_CAP_S, max(HOLD_MOVE_ON_S, hold))


def rep_seconds(tempo: str | None) -> int:
    """Seconds per repetition: the tempo's total, else :data:`REP_S`."""
    if not tempo:
        return REP_S
    return max(2, sum(int(part) for part in tempo.split("-")))


def item_seconds(
    dose: Dose,
    *,
    sets: int,
    amount: int,
    per_side: bool,
    rest_s: int,
    tempo: str | None = None,
    ramp_up: int = 0,
) -> int:
    """Estimated seconds for an item: work, rests between sets, and setting up.

    ``amount`` is reps per set, seconds per hold, or seconds of movement. Both
    sides count for per-side work; the rest comes after each set but the last.
    ``ramp_up`` lighter sets come first, each with a minute's rest.
    """
    sides = 2 if per_side else 1
    work = amount * rep_seconds(tempo) if dose is Dose.REPS else amount
    ramp = ramp_up * (work * sides + RAMP_UP_REST_S)
    return sets * work * sides + (sets - 1) * rest_s + SETUP_S[dose] + ramp


def rest_range(dose: Dose, amount: int) -> tuple[int, int]:
    """Rest between sets (ACSM 2009): 60-180 s for 7-14 reps, 30-60 s for
    endurance sets of 15 or more, 180-300 s for 6 or fewer; 30-90 s after holds."""
    if dose is not Dose.REPS:
        return (30, 90)
    if amount >= 15:
        return (30, 60)
    if amount <= 6:
        return (180, 300)
    return (60, 180)


def max_sets(level: Level) -> int:
    """Sets per exercise go from 2 to 3 (4 for advanced lifters)."""
    return 4 if level is Level.ADVANCED else 3


def deload_sets(sets: int) -> int:
    """About half the sets, at least one (Bell et al. 2022)."""
    return max(1, sets // 2)


def effort(exercise: Exercise, amount: int, *, deload: bool = False) -> str:
    """The effort target, true to the dose: an RPE with reps in reserve (nobody
    knows their 1RM). Heavy sets of 6 or fewer end about 2 reps short; sets of
    8-12 2-3 reps short; long sets 3 short; holds before the form breaks."""
    if deload:
        return DELOAD_EFFORT if exercise.dose is Dose.REPS else DELOAD_HOLD_EFFORT
    if exercise.dose is not Dose.REPS:
        return "RPE 7 (stop before your form breaks)"
    if amount <= 6:
        return "RPE 8 (about 2 reps in reserve)"
    if amount >= 13:
        return "RPE 7 (about 3 reps in reserve)"
    return "RPE 7-8 (2-3 reps in reserve)"


def ramp_up_sets(exercise: Exercise, amount: int) -> int:
    """Lighter sets before a heavy loaded lift (6 reps or fewer): two for a barbell,
    one for other weights, none for bands and body weight (Jeffreys; NSCA)."""
    if exercise.dose is not Dose.REPS or amount > 6:
        return 0
    kit = set(exercise.equipment)
    if Equipment.BARBELL in kit:
        return 2
    return 1 if kit & _WEIGHTS else 0
