"""The training log: what was done in each session, kept safely beside the plan.

A :class:`LogEntry` is one session: its date, done or skipped, an
:class:`ItemResult` per exercise (sets, reps or hold, load, RPE, pain), the
worst pain, whether the pain settled by the next morning, red flags and notes.
Every value is checked when the entry is made:

>>> import datetime as dt
>>> row = ItemResult(exercise="band-row", sets=2, reps=12, rpe=7, pain=2)
>>> entry = LogEntry(date=dt.date(2026, 1, 5), items=(row,), pain=1)
>>> entry.worst_pain
2
>>> ItemResult(exercise="band-row", pain=11)
Traceback (most recent call last):
  ...
routines.errors.LogError: pain: 11 is not 0-10; rate pain from 0 (none) to 10 (worst)

A :class:`TrainingLog` stores the entries of one plan in an SQLite file (write-
ahead log, a full sync on every commit, one transaction per record), so a crash
or a second program writing at the same time never loses or damages an entry
already recorded. Recording a date again supersedes the earlier entry; the
earlier row is kept in :meth:`TrainingLog.history`.

CSV import format (:func:`read_log_csv`), UTF-8, rows counted from 1 at the
header as a spreadsheet shows them::

    date,status,exercise,sets,reps,hold_s,load_kg,rpe,pain,settled,form_ok,red_flags,notes
    2026-01-05,done,,,,,,,3,yes,,,"slept badly, ""tight"" neck"
    2026-01-05,,band-row,2,12,,,7,2,,yes,,
    2026-01-05,,plank,3,,30,,,0,,,,
    2026-01-07,skipped,,,,,,,,,,,travelling

- The header names the columns, in any order; ``date`` is required, any other
  may be left out. An unknown column is an error.
- Rows with the same date (YYYY-MM-DD) make one session. A row with an
  ``exercise`` is that exercise's result: sets, reps (the fewest in a set),
  hold_s (seconds held or done), load_kg, rpe (1-10), pain (0-10 during it),
  settled, form_ok (default yes) and its own notes.
- A row without an exercise holds the session: status (``done``, the default,
  or ``skipped``), pain (the worst, 0-10), settled, red_flags and notes.
  One such row per date at most.
- ``red_flags`` takes keys of :data:`RED_FLAGS` separated by ``;``; flags on an
  exercise row count for the whole session.
- Booleans are ``yes`` or ``no``; an empty cell means not known.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import math
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import attrs

from routines._closest import closest, did_you_mean
from routines.errors import LogError

if TYPE_CHECKING:
    from routines._plan import Plan, Session

__all__ = [
    "CSV_COLUMNS",
    "RED_FLAGS",
    "SCHEMA_VERSION",
    "ItemResult",
    "LogEntry",
    "SessionStatus",
    "TrainingLog",
    "cell_value",
    "check_entry",
    "log_csv",
    "parse_log_csv",
    "read_log_csv",
    "red_flag_problem",
    "session_on",
]


class SessionStatus(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"


#: Red flags, by key: any of them stops the plan; see a health professional.
RED_FLAGS: dict[str, str] = {
    "chest_pain": "pain, pressure or tightness in the chest, jaw, arm or between the "
    "shoulder blades",
    "dizziness": "dizziness, light-headedness or fainting",
    "breathlessness": "severe breathlessness",
    "irregular_heartbeat": "an irregular heartbeat or a cold sweat",
    "numbness": "numbness or tingling",
    "weakness": "sudden weakness, leg weakness or balance problems",
    "night_pain": "pain at night or at rest",
    "trauma": "pain that began with a fall, accident or other trauma",
    "fever_weight_loss": "fever or unexplained weight loss",
    "bladder_bowel": "bladder or bowel changes",
}

# ---------------------------------------------------------------- checks
# One check per field name; ItemResult and LogEntry share them (both have pain,
# settled, notes), and the CSV reader checks cell by cell with the same ones.

Check = Callable[[str, Any], None]


def _whole(low: int, high: int | None, fix: str) -> Check:
    def check(name: str, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise LogError(f"{name}: {value!r} is not a whole number; {fix}")
        if value < low or (high is not None and value > high):
            span = f"{low}-{high}" if high is not None else f"{low} or more"
            raise LogError(f"{name}: {value!r} is not {span}; {fix}")

    return check


def _number(low: float, high: float | None, fix: str) -> Check:
    def check(name: str, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise LogError(f"{name}: {value!r} is not a number; {fix}")
        if not math.isfinite(value) or value < low or (high is not None and value > high):
            span = f"{low:g}-{high:g}" if high is not None else f"{low:g} or more"
            raise LogError(f"{name}: {value!r} is not {span}; {fix}")

    return check


def _yes_no(optional: bool) -> Check:
    unknown = ", or empty if not known" if optional else ""

    def check(name: str, value: Any) -> None:
        if not isinstance(value, bool) and not (optional and value is None):
            raise LogError(f"{name}: {value!r} is not yes or no (True or False){unknown}")

    return check


def _text(name: str, value: Any) -> None:
    if not isinstance(value, str):
        raise LogError(f"{name}: {value!r} is not text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise LogError(f"{name}: {value!r} has characters that cannot be stored") from None


def _exercise_id(name: str, value: Any) -> None:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise LogError(
            f"{name}: {value!r} is not an exercise id; give the plan's id, such as 'band-row'"
        )


def _date(name: str, value: Any) -> None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise LogError(f"{name}: {value!r} is not a date; use YYYY-MM-DD such as 2026-01-05")


_CHECKS: dict[str, Check] = {
    "date": _date,
    "exercise": _exercise_id,
    "sets": _whole(0, None, "give the number of sets done"),
    "reps": _whole(0, None, "give the reps done per set (the fewest in a set)"),
    "hold_s": _whole(0, None, "give the seconds held (or done, for timed exercises)"),
    "load_kg": _number(0, None, "give the load in kilograms (leave it empty for none)"),
    "rpe": _number(1, 10, "rate effort from 1 (very easy) to 10 (maximal)"),
    "pain": _whole(0, 10, "rate pain from 0 (none) to 10 (worst)"),
    "settled": _yes_no(optional=True),
    "form_ok": _yes_no(optional=False),
    "notes": _text,
}


def _valid(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _CHECKS[attribute.name](attribute.name, value)


def _status(value: SessionStatus | str) -> SessionStatus:
    if isinstance(value, str):
        try:
            return SessionStatus(value)
        except ValueError:
            pass
    allowed = [s.value for s in SessionStatus]
    guess = did_you_mean(closest(value, allowed), brackets=True)
    raise LogError(
        f"{value!r} is not allowed{guess}; use one of: {', '.join(allowed)}", field="status"
    )


def red_flag_problem(key: object) -> str | None:
    """Why ``key`` is not a red flag, or ``None`` when it is one."""
    if isinstance(key, str) and key in RED_FLAGS:
        return None
    guess = did_you_mean(closest(key, RED_FLAGS), brackets=True)
    return f"{key!r} is not a red flag{guess}; use one of: {', '.join(RED_FLAGS)}"


def _red_flags(value: Iterable[str]) -> tuple[str, ...]:
    """Checked keys, each once, in the order of :data:`RED_FLAGS`."""
    if isinstance(value, str):
        raise LogError(
            f"red_flags: {value!r} is one text; give a tuple of keys such as ({value!r},)"
        )
    keys = tuple(value)
    for key in keys:
        problem = red_flag_problem(key)
        if problem:
            raise LogError(f"red_flags: {problem}")
    return tuple(key for key in RED_FLAGS if key in keys)


def _items(value: Iterable[ItemResult]) -> tuple[ItemResult, ...]:
    items = (value,) if isinstance(value, ItemResult) else tuple(value)
    for item in items:
        if not isinstance(item, ItemResult):
            raise LogError(f"items: {item!r} is not an ItemResult")
    return items


# ---------------------------------------------------------------- values


@attrs.frozen(kw_only=True)
class ItemResult:
    """What was done for one exercise of a session; ``None`` means not recorded."""

    #: The exercise id, as in the plan (:attr:`routines.Item.exercise`).
    exercise: str = attrs.field(validator=_valid)
    sets: int | None = attrs.field(default=None, validator=_valid)
    #: Reps per set actually done (the fewest in a set).
    reps: int | None = attrs.field(default=None, validator=_valid)
    #: Seconds held (holds) or done (timed exercises).
    hold_s: int | None = attrs.field(default=None, validator=_valid)
    load_kg: float | None = attrs.field(default=None, validator=_valid)
    #: Rate of perceived exertion, 1-10.
    rpe: float | None = attrs.field(default=None, validator=_valid)
    #: Pain during this exercise, 0-10.
    pain: int | None = attrs.field(default=None, validator=_valid)
    #: Whether the pain had settled by the next morning.
    settled: bool | None = attrs.field(default=None, validator=_valid)
    form_ok: bool = attrs.field(default=True, validator=_valid)
    notes: str = attrs.field(default="", validator=_valid)


@attrs.frozen(kw_only=True)
class LogEntry:
    """One session as it went. A skipped session has no items.

    A done session without items was done with no details recorded.
    """

    date: dt.date = attrs.field(validator=_valid)
    status: SessionStatus = attrs.field(default=SessionStatus.DONE, converter=_status)
    items: tuple[ItemResult, ...] = attrs.field(default=(), converter=_items)
    #: The worst pain during the session, 0-10 (see :attr:`worst_pain`).
    pain: int | None = attrs.field(default=None, validator=_valid)
    #: Whether the pain had settled by the next morning.
    settled: bool | None = attrs.field(default=None, validator=_valid)
    #: Keys of :data:`RED_FLAGS`: any of them stops the plan.
    red_flags: tuple[str, ...] = attrs.field(default=(), converter=_red_flags)
    notes: str = attrs.field(default="", validator=_valid)

    def __attrs_post_init__(self) -> None:
        if self.status is SessionStatus.SKIPPED and self.items:
            raise LogError(
                "items: a skipped session has no exercise results; record it as done "
                "with the exercises you did"
            )

    @property
    def worst_pain(self) -> int | None:
        """The highest pain recorded for the session or any of its items."""
        found = [p for p in (self.pain, *(i.pain for i in self.items)) if p is not None]
        return max(found, default=None)

    @property
    def unsettled(self) -> bool:
        """True when the session's or any item's pain had not settled by next morning."""
        return self.settled is False or any(item.settled is False for item in self.items)


# ---------------------------------------------------------------- the plan


def session_on(plan: Plan, date: dt.date) -> Session:
    """The plan's session on ``date``; :class:`LogError` names the nearest ones."""
    sessions = list(plan.sessions)
    for session in sessions:
        if session.date == date:
            return session
    if not sessions:
        raise LogError(f"{date}: the plan has no sessions")
    before = [s.date for s in sessions if s.date < date][-1:]
    after = [s.date for s in sessions if s.date > date][:1]
    nearest = " and ".join(f"{d:%a} {d}" for d in before + after)
    raise LogError(
        f"{date} ({date:%a}) is not a session day of the plan "
        f"(it runs {sessions[0].date} to {sessions[-1].date}); the nearest: {nearest}"
    )


def check_entry(plan: Plan, entry: LogEntry) -> None:
    """Check ``entry`` fits ``plan``: a session day, and only that session's exercises."""
    session = session_on(plan, entry.date)
    planned = [item.exercise for item in session.items]
    for result in entry.items:
        if result.exercise not in planned:
            guess = did_you_mean(closest(result.exercise, planned)) or ";"
            raise LogError(
                f"{entry.date}: {result.exercise!r} is not in that session{guess} "
                f"it has: {', '.join(dict.fromkeys(planned))}"
            )


# ---------------------------------------------------------------- storage

#: The format of the log file (``PRAGMA user_version``).
SCHEMA_VERSION = 1
_APPLICATION_ID = 0x52544C47  # "RTLG" in the SQLite header: a routines training log
_BUSY_TIMEOUT_S = 10.0
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    entry TEXT NOT NULL
);
CREATE INDEX entries_by_date ON entries (date, id);
"""


class TrainingLog:
    """The log of one plan, in an SQLite file; use it as a context manager.

    The file is made if missing, and remembers ``plan_id`` (see :meth:`for_plan`);
    opening another plan's log is a :class:`LogError`. Reading needs no plan.
    """

    def __init__(self, path: str | os.PathLike[str], *, plan_id: str | None = None) -> None:
        self.path = Path(path)
        self.plan_id = plan_id
        self._db: sqlite3.Connection | None = self._connect()
        try:
            self.plan_id = self._prepare(plan_id)
        except BaseException:
            self.close()
            raise

    @classmethod
    def for_plan(cls, plan: Plan, path: str | os.PathLike[str] | None = None) -> TrainingLog:
        """The log of ``plan``; by default ``<plan identity>.log.sqlite`` here."""
        from routines._plan import plan_identity

        identity = plan_identity(plan)
        return cls(path if path is not None else f"{identity}.log.sqlite", plan_id=identity)

    def __repr__(self) -> str:
        return f"TrainingLog({str(self.path)!r}, plan_id={self.plan_id!r})"

    def __enter__(self) -> TrainingLog:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- writing

    def record(self, entry: LogEntry) -> None:
        """Add ``entry``; it supersedes an earlier entry of the same date."""
        self.record_many([entry])

    def record_many(self, entries: Iterable[LogEntry]) -> int:
        """Add every entry in one transaction (all or nothing); returns how many."""
        batch = list(entries)
        for entry in batch:
            if not isinstance(entry, LogEntry):
                raise LogError(f"{entry!r} is not a LogEntry")
        if not batch:
            return 0
        now = dt.datetime.now(dt.UTC).isoformat()
        rows = [(e.date.isoformat(), now, _dumps(e)) for e in batch]
        with self._sql("record to") as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany(
                    "INSERT INTO entries (date, recorded_at, entry) VALUES (?, ?, ?)", rows
                )
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        return len(batch)

    # -- reading

    def entries(self) -> tuple[LogEntry, ...]:
        """The current entry of each date (the latest recorded), in date order."""
        return self._read(
            "SELECT id, entry FROM entries WHERE id IN "
            "(SELECT max(id) FROM entries GROUP BY date) ORDER BY date"
        )

    def history(self) -> tuple[LogEntry, ...]:
        """Every entry ever recorded, superseded ones too, in recording order."""
        return self._read("SELECT id, entry FROM entries ORDER BY id")

    def __iter__(self) -> Iterator[LogEntry]:
        return iter(self.entries())

    def __len__(self) -> int:
        with self._sql("read") as db:
            count: int = db.execute("SELECT count(DISTINCT date) FROM entries").fetchone()[0]
        return count

    # -- the file

    def _fail(self, message: str) -> LogError:
        return LogError(f"{self.path}: {message}")

    def _connect(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise self._fail(
                f"is a folder; give a file name such as {self.path / 'plan.log.sqlite'}"
            )
        folder = self.path.parent
        if not folder.is_dir():
            raise self._fail(f"the folder {str(folder)!r} does not exist; create it first")
        try:
            return sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._fail(f"cannot open it ({exc})") from None

    def _prepare(self, plan_id: str | None) -> str | None:
        """Check (or create) the file; returns the plan id it belongs to."""
        not_a_log = "is not a routines training log; give the log file, or a new file name"
        with self._sql("open") as db:
            try:
                application = db.execute("PRAGMA application_id").fetchone()[0]
            except sqlite3.DatabaseError:
                raise self._fail(not_a_log) from None
            if application == 0:
                application = self._create(db, plan_id)
            if application != _APPLICATION_ID:
                raise self._fail(not_a_log)
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise self._fail(
                    f"was written by a newer routines (log format {version}); upgrade routines"
                )
            _write_ahead(db)
            db.execute("PRAGMA synchronous=FULL")
            found = db.execute("SELECT value FROM meta WHERE key = 'plan_id'").fetchone()
        stored: str | None = found[0] if found else None
        if stored is not None and plan_id is not None and stored != plan_id:
            raise self._fail(
                f"is the log of plan {stored!r}, not of plan {plan_id!r}; "
                "give this plan its own log file (routines log --log FILE)"
            )
        return stored if stored is not None else plan_id

    def _create(self, db: sqlite3.Connection, plan_id: str | None) -> int:
        """Make the tables in an empty file; returns the application id found or made."""
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another program may have made it while we waited for the lock.
            application: int = db.execute("PRAGMA application_id").fetchone()[0]
            empty = not db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if application == 0 and empty:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                meta = [("format", "routines training log")]
                if plan_id is not None:
                    meta.append(("plan_id", plan_id))
                db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta)
                db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                application = _APPLICATION_ID
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return application

    def _read(self, query: str) -> tuple[LogEntry, ...]:
        with self._sql("read") as db:
            rows = db.execute(query).fetchall()
        return tuple(self._loads(row_id, text) for row_id, text in rows)

    def _loads(self, row_id: int, text: str) -> LogEntry:
        from routines._convert import converter, describe

        try:
            entry: LogEntry = converter.structure(json.loads(text), LogEntry)
        except LogError as exc:
            raise self._fail(f"entry {row_id} is damaged: {exc}") from None
        except Exception as exc:  # any damage is reported alike
            found = "; ".join(f"{field}: {msg}" if field else msg for field, msg in describe(exc))
            raise self._fail(f"entry {row_id} is damaged: {found or exc}") from None
        return entry

    @contextlib.contextmanager
    def _sql(self, doing: str) -> Iterator[sqlite3.Connection]:
        """The connection; SQLite errors become a :class:`LogError` naming the file."""
        if self._db is None:
            raise self._fail("the log is closed; open it again")
        try:
            yield self._db
        except sqlite3.Error as exc:
            main_code = "_".join(exc.sqlite_errorname.split("_")[:2])  # SQLITE_BUSY_RECOVERY
            why = _WHY.get(main_code, f"({exc})")
            raise self._fail(f"cannot {doing} it: {why}") from None


#: Plain words for SQLite's error codes (``sqlite_errorname``, by its main code).
_WHY = {
    "SQLITE_BUSY": f"another program kept it busy for {_BUSY_TIMEOUT_S:g} s; try again",
    "SQLITE_LOCKED": f"another program kept it busy for {_BUSY_TIMEOUT_S:g} s; try again",
    "SQLITE_READONLY": "it is read-only; check its permissions and its folder's",
    "SQLITE_CANTOPEN": "it cannot be opened; check its permissions and its folder's",
    "SQLITE_FULL": "the disk is full; free some space",
    "SQLITE_CORRUPT": "it is damaged; restore it from a backup",
    "SQLITE_NOTADB": "it is not a routines training log; give the log file, or a new file name",
}


def _write_ahead(db: sqlite3.Connection) -> None:
    """Switch to the write-ahead log; SQLite waits for no lock here, so retry a while."""
    deadline = time.monotonic() + _BUSY_TIMEOUT_S
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _dumps(entry: LogEntry) -> str:
    from routines._convert import converter

    return json.dumps(converter.unstructure(entry), ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------- CSV

#: The columns a log CSV may have, in the order :func:`log_csv` writes them.
CSV_COLUMNS = (
    "date",
    "status",
    "exercise",
    "sets",
    "reps",
    "hold_s",
    "load_kg",
    "rpe",
    "pain",
    "settled",
    "form_ok",
    "red_flags",
    "notes",
)
_ITEM_ONLY = ("sets", "reps", "hold_s", "load_kg", "rpe", "form_ok")
_WHOLE_TEXT = re.compile(r"[+-]?[0-9]+")
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def cell_value(column: str, text: str) -> Any:
    """The value of one CSV cell (or option); :class:`LogError` names the column."""
    if column == "notes":
        return text
    text = text.strip()
    if not text:
        return None
    value: Any = text
    if column == "date" and _DATE_TEXT.fullmatch(text):
        with contextlib.suppress(ValueError):
            value = dt.date.fromisoformat(text)
    elif column in ("sets", "reps", "hold_s", "pain") and _WHOLE_TEXT.fullmatch(text):
        value = int(text)
    elif column in ("load_kg", "rpe"):
        with contextlib.suppress(ValueError):
            value = float(text)
    elif column in ("settled", "form_ok"):
        value = {"yes": True, "no": False}.get(text.lower(), text)
    elif column == "status":
        return _status(text.lower())
    elif column == "red_flags":
        keys = [key.strip() for key in text.split(";") if key.strip()]
        for key in keys:
            problem = red_flag_problem(key)
            if problem:
                raise LogError(f"red_flags: {problem}")
        return tuple(keys)
    elif column == "exercise":
        return text
    _CHECKS[column](column, value)
    return value


@attrs.define
class _Day:
    """The rows of one date while a CSV is read."""

    first_row: int
    session_row: int | None = None
    session: dict[str, Any] = attrs.Factory(dict)
    statuses: dict[SessionStatus, int] = attrs.Factory(dict)
    flags: list[str] = attrs.Factory(list)
    items: list[ItemResult] = attrs.Factory(list)


def _header(cells: list[str]) -> tuple[list[str], list[str]]:
    columns = [cell.strip().lower() for cell in cells]
    problems = []
    for index, column in enumerate(columns, start=1):
        if column not in CSV_COLUMNS:
            guess = did_you_mean(closest(column, CSV_COLUMNS), brackets=True)
            problems.append(
                f"column {index} {column!r} is not known{guess}; "
                f"the columns are: {', '.join(CSV_COLUMNS)}"
            )
        elif columns.index(column) != index - 1:
            problems.append(f"column {column!r} appears twice; keep one")
    if "date" not in columns:
        problems.append("there is no date column; the first row names the columns")
    return columns, problems


def _rows(text: str, source: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return list(reader)
    except csv.Error as exc:
        raise LogError(
            f"{source}: line {reader.line_num}: not valid CSV ({exc}); a quoted value ends "
            'with a quote followed by a comma, and a quote inside it is written twice ("")'
        ) from None


def parse_log_csv(text: str, source: str = "<csv>") -> tuple[LogEntry, ...]:
    """The entries in ``text`` (the CSV format above); ``source`` names it in errors."""
    rows = _rows(text, source)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise LogError(
            f"{source}: is empty; the first row names the columns: {', '.join(CSV_COLUMNS)}"
        )
    columns, found = _header(rows[0])
    problems = [(1, problem) for problem in found]
    days: dict[dt.date, _Day] = {}
    if not problems:
        for number, cells in enumerate(rows[1:], start=2):
            problems += [(number, p) for p in _read_row(days, number, columns, cells)]
    entries = []
    for date, day in days.items():
        try:
            entries.append(_entry(date, day))
        except LogError as exc:
            problems.append((day.session_row or day.first_row, str(exc)))
    listed = [
        f"row {number}: {problem}" for number, problem in sorted(problems, key=lambda p: p[0])
    ]
    if len(listed) == 1:
        raise LogError(f"{source}: {listed[0]}")
    if listed:
        lines = "\n".join(f"  - {line}" for line in listed)
        raise LogError(f"{source}: {len(listed)} problems:\n{lines}")
    return tuple(entries)


def _read_row(
    days: dict[dt.date, _Day], number: int, columns: list[str], cells: list[str]
) -> list[str]:
    """Add one data row to ``days``; returns its problems."""
    if not any(cell.strip() for cell in cells):
        return []
    extra = [cell for cell in cells[len(columns) :] if cell.strip()]
    if extra:
        return [f"{len(cells)} values for {len(columns)} columns; quote text that has commas"]
    values: dict[str, Any] = {}
    problems = []
    for column, text in zip(columns, cells, strict=False):
        try:
            values[column] = cell_value(column, text)
        except LogError as exc:
            problems.append(str(exc))
    date = values.pop("date", None)
    if date is None and "date" not in [p.partition(":")[0] for p in problems]:
        problems.append("date: is empty; give the session's date as YYYY-MM-DD")
    if problems or date is None:
        return problems
    day = days.setdefault(date, _Day(first_row=number))
    status = values.pop("status", None)
    if status is not None:
        day.statuses.setdefault(status, number)
    day.flags += values.pop("red_flags", None) or ()
    given = {key: value for key, value in values.items() if value not in (None, "")}
    exercise = given.pop("exercise", None)
    if exercise is not None:
        day.items.append(ItemResult(exercise=exercise, **given))
        return []
    wrong = [column for column in _ITEM_ONLY if column in given]
    if wrong:
        return [
            f"{wrong[0]}: only exercise rows have {', '.join(wrong)}; "
            "put the exercise id in the exercise column"
        ]
    if day.session_row is not None:
        return [
            f"a second session row for {date} (the first is row {day.session_row}); "
            "give each date one row without an exercise"
        ]
    day.session_row = number
    day.session = given
    return []


def _entry(date: dt.date, day: _Day) -> LogEntry:
    if len(day.statuses) > 1:
        (first, _), (second, other) = sorted(day.statuses.items(), key=lambda kv: kv[1])[:2]
        raise LogError(
            f"status: {first.value!r} here but {second.value!r} in row {other} for {date}; "
            "give one status per date"
        )
    status = next(iter(day.statuses), SessionStatus.DONE)
    return LogEntry(
        date=date, status=status, items=tuple(day.items), red_flags=day.flags, **day.session
    )


def read_log_csv(path: str | os.PathLike[str]) -> tuple[LogEntry, ...]:
    """The entries of a CSV file in the format above.

    Every problem is listed, each naming the row, the column, the value and a fix.
    """
    source = Path(path)
    try:
        with source.open(encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise LogError(f"{source}: no such file; give the CSV file to import") from None
    except IsADirectoryError:
        raise LogError(f"{source}: is a folder; give the CSV file to import") from None
    except UnicodeDecodeError:
        raise LogError(f"{source}: is not UTF-8 text; save the CSV as UTF-8") from None
    except OSError as exc:
        raise LogError(f"{source}: cannot read it ({exc.strerror})") from None
    return parse_log_csv(text, str(source))


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def log_csv(entries: Iterable[LogEntry]) -> str:
    """``entries`` as CSV text that :func:`read_log_csv` reads back unchanged."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; quotes a lone \r too
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        session = {
            "date": entry.date,
            "status": entry.status.value,
            "pain": entry.pain,
            "settled": entry.settled,
            "red_flags": ";".join(entry.red_flags),
            "notes": entry.notes,
        }
        writer.writerow([_csv_value(session.get(column)) for column in CSV_COLUMNS])
        for item in entry.items:
            values = attrs.asdict(item) | {"date": entry.date}
            writer.writerow([_csv_value(values.get(column)) for column in CSV_COLUMNS])
    return out.getvalue()
