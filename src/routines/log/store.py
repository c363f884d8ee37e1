"""A :class:`TrainingLog` stores the entries of one plan in an SQLite file (write-
ahead log, a full sync on every commit, one transaction per record), so a crash
or a second program writing at the same time never loses or damages an entry
already recorded. Recording a date again supersedes the earlier entry; the
earlier row is kept in :meth:`TrainingLog.history`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from routines.errors import LogError
from routines.log.entry import UNITS, Clearance, LogEntry

if TYPE_CHECKING:
    from routines._plan import Plan

__all__ = ["SCHEMA_VERSION", "UNITS", "TrainingLog", "log_path_for"]


def log_path_for(plan_file: str | os.PathLike[str]) -> Path:
    """Where the log of the plan saved in ``plan_file`` lives: beside it, named like
    it (``plan.json`` -> ``plan.log.sqlite``). The one rule, for every command.

    >>> log_path_for("plans/ann.json").as_posix()
    'plans/ann.log.sqlite'
    """
    path = Path(plan_file)
    if not path.name or path.name in (".", ".."):
        raise LogError(f"{str(plan_file)!r} is not a plan file; give one such as plan.json")
    return path.with_name(path.name.removesuffix(".json") + ".log.sqlite")


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
#: Made when the first clearance is recorded (older logs open unchanged).
_CLEARANCES = """CREATE TABLE IF NOT EXISTS clearances (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL,
    by_whom TEXT NOT NULL,
    recorded_at TEXT NOT NULL
)"""
#: The units loads may be logged in; they are stored in kilograms.


class TrainingLog:
    """The log of one plan, in an SQLite file; use it as a context manager.

    The file is made if missing, and remembers ``plan_id`` (see :meth:`for_plan`);
    opening another plan's log is a :class:`LogError`. Reading needs no plan.
    ``read_only=True`` opens an existing log without writing anything, so a log in a
    read-only folder (or on a read-only disk) can still be read.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        plan_id: str | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self.plan_id = plan_id
        self.read_only = read_only
        self._db: sqlite3.Connection | None = self._connect()
        try:
            self.plan_id = self._prepare(plan_id)
        except BaseException:
            self.close()
            raise

    @classmethod
    def for_plan(cls, plan: Plan, path: str | os.PathLike[str] | None = None) -> TrainingLog:
        """The log of ``plan``; by default beside ``plan.json`` here (:func:`log_path_for`)."""
        from routines._plan import plan_identity

        where = path if path is not None else log_path_for("plan.json")
        return cls(where, plan_id=plan_identity(plan))

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
        with self._sql("record to") as db, _immediate(db):
            db.executemany("INSERT INTO entries (date, recorded_at, entry) VALUES (?, ?, ?)", rows)
        return len(batch)

    def record_clearance(self, clearance: Clearance) -> None:
        """Record that a professional cleared the person to train again (a stopped plan
        goes on from ``clearance.date``)."""
        if not isinstance(clearance, Clearance):
            raise LogError(f"{clearance!r} is not a Clearance")
        row = (clearance.date.isoformat(), clearance.by, dt.datetime.now(dt.UTC).isoformat())
        with self._sql("record to") as db, _immediate(db):
            db.execute(_CLEARANCES)
            db.execute("INSERT INTO clearances (date, by_whom, recorded_at) VALUES (?, ?, ?)", row)

    def set_unit(self, unit: str) -> None:
        """Remember the unit the person logs loads in (``"kg"`` or ``"lb"``)."""
        if unit not in UNITS:
            raise LogError(f"{unit!r} is not a unit; use kg or lb", field="unit")
        with self._sql("record to") as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('unit', ?)", (unit,))

    # -- reading

    @property
    def unit(self) -> str:
        """The unit the person logs loads in: ``"kg"`` unless they chose ``"lb"``."""
        with self._sql("read") as db:
            found = db.execute("SELECT value FROM meta WHERE key = 'unit'").fetchone()
        return found[0] if found and found[0] in UNITS else "kg"

    def clearances(self) -> tuple[Clearance, ...]:
        """Every clearance recorded, in date order."""
        with self._sql("read") as db:
            exists = db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'clearances'"
            ).fetchone()
            rows = (
                db.execute("SELECT date, by_whom FROM clearances ORDER BY date, id").fetchall()
                if exists
                else []
            )
        found = []
        for date, who in rows:
            try:
                found.append(Clearance(date=dt.date.fromisoformat(date), by=who))
            except (ValueError, LogError):
                raise self._fail(f"a clearance ({date!r}, {who!r}) is damaged") from None
        return tuple(found)

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
        if self.read_only:
            return self._connect_read_only()
        try:
            return sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._fail(f"cannot open it ({exc})") from None

    def _connect_read_only(self) -> sqlite3.Connection:
        """Read-only; where SQLite cannot even make its shared-memory file beside the
        log (a read-only folder), as an unchanging file."""
        if not self.path.is_file():
            raise self._fail("no such training log; record a session with `routines log`")
        address = self.path.resolve().as_uri()
        last: sqlite3.Error | None = None
        for mode in ("mode=ro", "immutable=1"):
            try:
                db = sqlite3.connect(f"{address}?{mode}", uri=True, isolation_level=None)
                db.execute("PRAGMA application_id").fetchone()
                return db
            except sqlite3.Error as exc:
                last = exc
        raise self._fail(f"cannot read it ({last})")

    def _prepare(self, plan_id: str | None) -> str | None:
        """Check (or create) the file; returns the plan id it belongs to."""
        not_a_log = "is not a routines training log; give the log file, or a new file name"
        with self._sql("open") as db:
            try:
                application = db.execute("PRAGMA application_id").fetchone()[0]
            except sqlite3.DatabaseError:
                raise self._fail(not_a_log) from None
            if application == 0 and not self.read_only:
                application = self._create(db, plan_id)
            if application != _APPLICATION_ID:
                raise self._fail(not_a_log)
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise self._fail(
                    f"was written by a newer routines (log format {version}); upgrade routines"
                )
            if not self.read_only:
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
        with _immediate(db):
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


@contextlib.contextmanager
def _immediate(db: sqlite3.Connection) -> Iterator[None]:
    """A write transaction taken at once (BEGIN IMMEDIATE): committed when the block
    ends, rolled back if anything stops it, a kill included."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


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
