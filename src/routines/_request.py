"""What a person asks for: :class:`PlanRequest` and its parts."""

from __future__ import annotations

import datetime as dt
import unicodedata
from enum import StrEnum
from typing import Any

import attrs

from routines._request_values import level, time_of_day, vocabulary, weekday, whole
from routines._request_values import start as start_date
from routines._zones import system_timezone, zone_name, zone_valid
from routines.catalogue.vocab import Equipment, Level
from routines.errors import PlanError

__all__ = [
    "LAYOUTS",
    "MIN_MINUTES",
    "PAPERS",
    "SCREENING_QUESTIONS",
    "PlanRequest",
    "Screening",
    "Weekday",
    "next_monday",
    "system_timezone",
]


#: The shortest session a request may ask for: a desk break.
MIN_MINUTES = 10
#: The paper sizes a plan prints on.
PAPERS = ("a4", "letter")


_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @classmethod
    def _missing_(cls, value: object) -> Weekday | None:
        """``Weekday("Monday")``, ``Weekday("TUE")``, ``Weekday("thurs")``."""
        text = str(value).strip().lower()
        for day in cls:
            if text == day.value or (len(text) >= 3 and _DAY_NAMES[day.number].startswith(text)):
                return day
        return None

    @property
    def number(self) -> int:
        """Monday is 0, as in :meth:`datetime.date.weekday`."""
        return list(Weekday).index(self)

    @classmethod
    def of(cls, day: dt.date) -> Weekday:
        return list(cls)[day.weekday()]


#: The readiness questions (PAR-Q style), by the key used in configs and flags.
SCREENING_QUESTIONS: dict[str, str] = {
    "heart_condition": "Has a doctor ever said you have a heart condition?",
    "chest_pain_activity": "Do you feel pain in your chest when you are physically active?",
    "chest_pain_rest": "In the past month, have you had chest pain when not active?",
    "dizziness": "Do you lose your balance because of dizziness, or ever lose consciousness?",
    "bone_joint": "Do you have a bone or joint problem that activity could make worse?",
    "medication": "Do you take medicine for your blood pressure or a heart condition?",
    "other_reason": "Do you know of any other reason you should not be physically active?",
}


@attrs.frozen
class Screening:
    """Answers to the readiness questions (``True`` means yes).

    Any yes means routines will not make a plan: see a physician first.
    """

    heart_condition: bool = False
    chest_pain_activity: bool = False
    chest_pain_rest: bool = False
    dizziness: bool = False
    bone_joint: bool = False
    medication: bool = False
    other_reason: bool = False

    def yes_answers(self) -> list[str]:
        return [key for key in SCREENING_QUESTIONS if getattr(self, key)]


def next_monday(today: dt.date | None = None) -> dt.date:
    """The first Monday after ``today`` (a week ahead when today is a Monday)."""
    today = today or dt.date.today()
    return today + dt.timedelta(days=7 - today.weekday())


def _problem(field: str, value: object, fix: str) -> PlanError:
    return PlanError(f"{value!r} {fix}", field=field)


def _in_range(low: int, high: int) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise _problem(
                attribute.name, value, f"is outside {low}-{high}; pick a whole number in that range"
            )

    return check


def _weekdays(value: Any, field: str = "days") -> tuple[Weekday, ...]:
    items = value.split(",") if isinstance(value, str) else value
    try:
        listed = list(items)
    except TypeError:
        raise _problem(
            field, value, "is not a list of weekdays; give one such as mon,wed,fri"
        ) from None
    return tuple(weekday(item, field) for item in listed if str(item).strip())


def _no_repeats(
    instance: Any, attribute: attrs.Attribute[tuple[Any, ...]], value: tuple[Any, ...]
) -> None:
    seen = set()
    for item in value:
        if item in seen:
            raise _problem(attribute.name, str(item), "is listed twice; list each once")
        seen.add(item)


def _days_valid(
    instance: Any, attribute: attrs.Attribute[tuple[Weekday, ...]], value: tuple[Weekday, ...]
) -> None:
    if not value:
        raise PlanError(
            "no training day given; name at least one, such as mon,wed,fri", field="days"
        )
    _no_repeats(instance, attribute, value)


#: The printed plan's layouts.
LAYOUTS = ("handout", "diary")


def _layout_valid(instance: Any, attribute: Any, value: str) -> None:
    if value not in LAYOUTS:
        raise _problem("layout", value, f"is not a layout; use {' or '.join(LAYOUTS)}")


def _url_valid(instance: Any, attribute: Any, value: str | None) -> None:
    if value is None:
        return
    ok = (
        isinstance(value, str)
        and value.startswith(("https://", "http://", "webcal://"))
        and len(value) <= 400
        and value.isprintable()
        and " " not in value
    )
    if not ok:
        raise _problem(
            attribute.name, value, "is not a web address; give one such as https://example.org/plan"
        )


def _goal_valid(instance: Any, attribute: Any, value: object) -> None:
    if not isinstance(value, str) or not 0 < len(value) <= 60 or not value.isprintable():
        raise _problem("goal", value, "is not a goal preset's name, such as upper-back-runner")


def _seed_valid(instance: Any, attribute: Any, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**63:
        raise _problem("seed", value, "must be a whole number, 0 or more")


def _deload_valid(instance: Any, attribute: Any, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or value not in range(3, 7)):
        raise _problem(
            "deload_every", value, "must be 3, 4, 5 or 6 (weeks), or none to turn deloads off"
        )


def _name_valid(instance: Any, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise _problem(attribute.name, value, "is not text")
    control = next((c for c in value if unicodedata.category(c) in ("Cc", "Zl", "Zp")), None)
    if control is not None:
        raise _problem(
            attribute.name,
            value,
            f"holds a control character (U+{ord(control):04X}); use plain text on one line",
        )
    if not 1 <= len(value.strip()) <= 120:
        raise _problem(attribute.name, value, "must be 1-120 characters")


def _alarm_valid(instance: Any, attribute: Any, value: int | None) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1440
    ):
        raise _problem("alarm", value, "must be minutes 0-1440 before the session, or none")


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def _paper_valid(instance: Any, attribute: Any, value: str) -> None:
    if value not in PAPERS:
        raise _problem("paper", value, f"is not a paper size; use {' or '.join(PAPERS)}")


def _day_list(value: Any) -> tuple[Weekday, ...]:
    """Weekdays from a list or a comma-separated string, in week order."""
    return tuple(sorted(_weekdays(value), key=lambda d: d.number))


def _run_day_list(value: Any) -> tuple[Weekday, ...]:
    return tuple(sorted(_weekdays(value, "run_days"), key=lambda d: d.number))


def _long_run(value: Any) -> Weekday | None:
    return None if value is None else weekday(value, "long_run")


def _equipment_list(value: Any) -> tuple[Equipment, ...]:
    items = value.split(",") if isinstance(value, str) else value
    one = vocabulary("equipment", Equipment)
    try:
        return tuple(one(item) for item in items if str(item).strip())
    except TypeError:
        raise _problem(
            "equipment", value, "is not a list; give one such as band,dumbbell"
        ) from None


def _text_list(value: Any) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    try:
        return tuple(str(item).strip() for item in items if str(item).strip())
    except TypeError:
        raise _problem(
            "avoid", value, "is not a list; give ids or tags such as wrist_load"
        ) from None


@attrs.frozen(kw_only=True)
class PlanRequest:
    """Everything the planner needs to know about a person and their week.

    Every field has a sensible default, so ``PlanRequest()`` is the founding
    program: upper back and core for runners, three 30-minute sessions a week.

    >>> request = PlanRequest(start=dt.date(2026, 1, 5), days=("mon", "thu"), minutes=25)
    >>> request.days
    (<Weekday.MON: 'mon'>, <Weekday.THU: 'thu'>)
    """

    #: The first day of the plan; its weeks count from here (default: next Monday).
    start: dt.date = attrs.field(factory=next_monday, converter=start_date)
    #: How many weeks, 1-52 (default 8).
    weeks: int = attrs.field(default=8, converter=whole, validator=_in_range(1, 52))
    #: Training days; a comma-separated string such as ``"mon,wed,fri"`` works too.
    days: tuple[Weekday, ...] = attrs.field(
        default=(Weekday.MON, Weekday.WED, Weekday.FRI),
        converter=_day_list,
        validator=_days_valid,
    )
    #: Minutes per session, 10-90 (default 30). 10-15 minutes makes desk breaks for
    #: most days; a session is never more than 10% longer, and ends early (the plan
    #: says so) when its work is done.
    minutes: int = attrs.field(default=30, converter=whole, validator=_in_range(MIN_MINUTES, 90))
    #: Start time of each session, a plain time such as 07:00 (the default).
    time: dt.time = attrs.field(default=dt.time(7, 0), converter=time_of_day)
    #: An IANA time zone name such as ``"Europe/Berlin"`` (default: this computer's).
    timezone: str = attrs.field(factory=system_timezone, converter=zone_name, validator=zone_valid)
    #: Beginner (the default), intermediate or advanced.
    level: Level = attrs.field(default=Level.BEGINNER, converter=level)
    #: What the person has (default none and a band); a mat, a wall, a doorway, a
    #: towel and a chair always count as available.
    equipment: tuple[Equipment, ...] = attrs.field(
        default=(Equipment.NONE, Equipment.BAND),
        converter=_equipment_list,
        validator=_no_repeats,
    )
    #: The name of a goal preset in :data:`routines.GOALS`.
    goal: str = attrs.field(default="upper-back-runner", validator=_goal_valid)
    #: Days the person runs.
    run_days: tuple[Weekday, ...] = attrs.field(
        default=(), converter=_run_day_list, validator=_no_repeats
    )
    #: The day of the long run: no heavy leg work the day before.
    long_run: Weekday | None = attrs.field(default=None, converter=_long_run)
    #: Exercise ids or caution tags (such as ``"wrist_load"``) to leave out.
    avoid: tuple[str, ...] = attrs.field(default=(), converter=_text_list, validator=_no_repeats)
    #: A number that varies the exercise choice; the same request and seed always
    #: give the same plan.
    seed: int = attrs.field(default=0, converter=whole, validator=_seed_valid)
    #: The plan's title (default: the goal's title).
    name: str | None = attrs.field(default=None, validator=_name_valid)
    #: A stable identity for calendar exports (default: from the name, or the title).
    id: str | None = attrs.field(default=None, validator=_name_valid)
    #: A lighter week every N weeks, 3-6 (default 4), or ``None`` for no deloads.
    deload_every: int | None = attrs.field(default=4, converter=whole, validator=_deload_valid)
    #: Answers to the readiness questions; any yes and no plan is made, unless
    #: ``cleared_by`` records that a professional has cleared the person.
    screening: Screening | None = None
    #: A reminder this many minutes before each session in the calendar (0-1440), or
    #: ``None`` for none (default 15).
    alarm: int | None = attrs.field(default=15, converter=whole, validator=_alarm_valid)
    #: The printed plan's paper: ``"a4"`` (the default) or ``"letter"``.
    paper: str = attrs.field(default="a4", converter=_lower, validator=_paper_valid)
    #: Who cleared the person to exercise after a yes on the readiness questions (a
    #: name such as ``"Dr Smith"``, or ``"yes"``); the plan says it was made after
    #: clearance.
    cleared_by: str | None = attrs.field(
        default=None, validator=_name_valid, metadata={"omit_if_default": True}
    )
    #: Who the plan is for, printed on the handout's cover (``"Ann Smith"``).
    for_person: str | None = attrs.field(
        default=None, validator=_name_valid, metadata={"omit_if_default": True}
    )
    #: Who prepared it (a physiotherapist or coach), printed on the cover.
    prepared_by: str | None = attrs.field(
        default=None, validator=_name_valid, metadata={"omit_if_default": True}
    )
    #: How to reach them (a phone number or e-mail address), printed on the cover.
    contact: str | None = attrs.field(
        default=None, validator=_name_valid, metadata={"omit_if_default": True}
    )
    #: The address the calendar feed is published at (``https://...``): a QR code on
    #: the cover, and the calendar's own URL and SOURCE.
    feed_url: str | None = attrs.field(
        default=None, validator=_url_valid, metadata={"omit_if_default": True}
    )
    #: A page with the plan's instructions (where its PDF is, say): each calendar
    #: event links to it.
    instructions_url: str | None = attrs.field(
        default=None, validator=_url_valid, metadata={"omit_if_default": True}
    )
    #: The printed plan's layout: ``"handout"`` (the default: a page per session,
    #: week by week in a grid) or ``"diary"`` (a heading per week, a table per date).
    layout: str = attrs.field(
        default="handout",
        converter=_lower,
        validator=_layout_valid,
        metadata={"omit_if_default": True},
    )

    def week_start(self, week: int) -> dt.date:
        """The first day of week ``week`` (1-based): ``start + 7 * (week - 1)``."""
        return self.start + dt.timedelta(days=7 * (week - 1))

    @property
    def end(self) -> dt.date:
        """The last day of the plan."""
        return self.week_start(self.weeks) + dt.timedelta(days=6)
