"""The safety notes every plan carries and every exporter prints.

Sources: ACSM's pre-participation screening and warning signs, and the pain
monitoring model of Silbernagel et al. (2007). See docs/training-rules.md.
"""

from __future__ import annotations

import attrs

__all__ = [
    "DISCLAIMER",
    "PAIN_HOLD",
    "PAIN_RISE_FLOOR",
    "PAIN_TOO_MUCH",
    "SafetyNotes",
    "safety_notes",
]

# The pain monitoring model (Silbernagel et al. 2007), on a 0-10 scale: 0-2 safe,
# up to 5 acceptable, over 5 too much. The adaptation rules and the advice texts
# read these, and only these.
#: Pain above this is too much: stop or regress the exercise.
PAIN_TOO_MUCH = 5
#: Pain from this up is acceptable but no longer comfortable: no step up.
PAIN_HOLD = 4
#: A week-to-week rise in worst pain that ends here or higher reduces volume.
PAIN_RISE_FLOOR = 3

DISCLAIMER = (
    "General information, not medical advice. Check with a health professional "
    "before starting if you are unsure whether exercise is safe for you."
)


@attrs.frozen
class SafetyNotes:
    """What to watch for while following a plan."""

    #: "General information, not medical advice", and to check when unsure.
    disclaimer: str
    #: How to rate pain from 0 to 10, and what each range means.
    pain_rule: tuple[str, ...]
    #: Signs to stop at once and seek medical help.
    stop_signs: tuple[str, ...]
    #: Signs to have checked by a professional before going on.
    see_a_professional: tuple[str, ...]
    #: Effort, when to move on, and rest days.
    progression: tuple[str, ...]

    @property
    def one_line(self) -> str:
        """A short form for calendars and footers."""
        return (
            "Stop at once for chest, jaw, neck or arm pain or pressure; back pain that is new, "
            "sudden or tearing or comes with breathlessness, sweating or nausea; dizziness or "
            "numbness (the familiar upper back ache is not a stop sign). "
            f"Pain above {PAIN_TOO_MUCH}/10, not settled by next morning or rising week to "
            "week: ease off; unchanged after 2-4 weeks: see a professional. " + DISCLAIMER
        )


def safety_notes() -> SafetyNotes:
    return SafetyNotes(
        disclaimer=DISCLAIMER,
        pain_rule=(
            "Rate pain from 0 (none) to 10 (worst imaginable) during and after each session.",
            "0-2: safe. Up to 5: acceptable while training. Over 5: too much, stop that exercise.",
            "Pain must settle by the next morning and must not rise from week to week.",
            "If it does not settle or keeps rising: repeat the easier week, use the easier "
            "variant, and lower the load.",
        ),
        stop_signs=(
            "Chest, jaw, neck or arm pain or pressure.",
            "Upper back pain that is new, sudden or tearing, or that comes with "
            "breathlessness, sweating, nausea or light-headedness.",
            "Dizziness or fainting, severe breathlessness, an irregular heartbeat or a cold sweat.",
            "Sudden numbness or weakness, confusion, or a change in vision.",
            "Any of these: stop at once and seek medical help (call emergency services if "
            "severe). The familiar ache between the shoulder blades, and the stiff neck, that "
            "this plan is for are not stop signs: follow the pain rule.",
        ),
        see_a_professional=(
            "Pain that began with a fall, accident or other trauma.",
            "Pain at night or at rest, or with fever or unexplained weight loss.",
            "Numbness, tingling, leg weakness, balance problems, or bowel or bladder changes.",
            "Pain that is constant or getting worse, or unchanged after 2-4 weeks.",
            "Upper (thoracic) back pain is more often serious than neck or low back pain: "
            "have it checked when in doubt.",
        ),
        progression=(
            "Stop each set with 2-3 good reps still in reserve (effort 7-8 out of 10); "
            "training to failure is not needed.",
            "Move to the next week's step only when you completed this week's target with good "
            "form in 2 sessions in a row; otherwise repeat the week.",
            "Rest days matter: the plan never loads the same muscles on two days in a row.",
        ),
    )
