"""Batch plans for a coach: one PDF, calendar and JSON per CSV row, on every core;
bad rows reported with row number, field and reason, without stopping the others."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

import routines
from routines import BatchFailure, Plan, PlanError, batch
from routines.batching.batch import _slug, read_clients
from routines.batching.manifest import Manifest
from routines.cli import main
from strategies import hostile_text

pytestmark = pytest.mark.slow  # PDFs, batches or whole example scripts

HEADER = "name,start,days,minutes,equipment,level,goal,timezone,run_days,long_run\n"
ROWS = [
    'Ann Smith,2026-12-07,"mon,wed,fri",30,"none,band",beginner,,Europe/Berlin,"tue,thu,sun",sun',
    'Bob Jones,2026-12-07,"tue,thu",5,none,beginner,posture,UTC,,',
    'Chloé Ünal,2026-12-07,"mon,thu",25,"band,dumbbell",intermediate,posture,Europe/Paris,,',
    "Dan,2026-12-07,,,,,,Mars/Olympus,,",
    ",2026-12-07,,,,,,UTC,,",
]


@pytest.fixture
def clients(tmp_path: Path) -> Path:
    path = tmp_path / "clients.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    return path


def test_good_rows_make_files_and_bad_rows_say_why(clients: Path, tmp_path: Path) -> None:
    out = tmp_path / "plans"
    out.mkdir()
    seen: list[tuple[int, int | None]] = []
    report = batch(clients, out, workers=1, progress=lambda done, total: seen.append((done, total)))
    assert [(r.row, r.name) for r in report.written] == [(2, "Ann Smith"), (4, "Chloé Ünal")]
    # rows as a spreadsheet numbers them (the header is row 1), with the field at fault
    assert [(f.row, f.field) for f in report.failed] == [
        (3, "minutes"),
        (5, "timezone"),
        (6, "name"),
    ]
    assert "10-90" in report.failed[0].reason and "Mars/Olympus" in report.failed[1].reason
    assert seen == [(n, 5) for n in range(6)]  # every row, failed ones too
    assert not report.ok
    text = str(report)
    assert text.startswith(f"2 plans written to {out} in ")
    assert "3 rows failed:\n  row 3 (Bob Jones): minutes: 5 is outside 10-90" in text
    assert sorted(
        p.name for p in out.iterdir() if not p.name.startswith("batch-manifest")
    ) == sorted(
        f"{stem}.{kind}" for stem in ("ann-smith", "chloe-unal") for kind in ("pdf", "ics", "json")
    )
    ann = report.written[0]
    assert ann.json is not None and ann.pdf is not None and ann.ics is not None
    p = Plan.from_json(ann.json.read_text(encoding="utf-8"))
    assert p.title == "Ann Smith: Upper back and core for runners"
    assert p.request.long_run == routines.Weekday.SUN and p.request.timezone == "Europe/Berlin"
    pdf_text = "".join(page.extract_text() for page in PdfReader(ann.pdf).pages[:1])
    assert "Ann Smith" in pdf_text
    calendar = vobject.readOne(ann.ics.read_text(encoding="utf-8"))
    assert len(calendar.vevent_list) == len(list(p.sessions))


def test_parallel_workers_make_the_same_plans(clients: Path, tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    serial = batch(clients, tmp_path / "one", workers=1)
    parallel = batch(clients, tmp_path / "two", workers=2)
    assert [f.row for f in parallel.failed] == [f.row for f in serial.failed]
    for a, b in zip(serial.written, parallel.written, strict=True):
        assert a.json and b.json and a.pdf and b.pdf
        assert a.json.read_bytes() == b.json.read_bytes()
        assert a.pdf.stat().st_size > 10_000 and b.pdf.read_bytes().startswith(b"%PDF-")


def test_rows_from_python_mappings(tmp_path: Path) -> None:
    report = batch(
        [{"name": "Eve", "weeks": "2", "timezone": "UTC", "screening.dizziness": "yes"},
         {"name": "Fay", "weeks": "two", "timezone": "UTC"},
         {"name": "Gus", "weeks": "1", "timezone": "UTC", "screening.heart_condition": "maybe"}],
        tmp_path,
    )  # fmt: skip
    assert report.written == ()
    assert [(f.row, f.field) for f in report.failed] == [
        (1, "screening"),
        (2, "weeks"),
        (3, "screening.heart_condition"),
    ]
    assert "physician" in report.failed[0].reason


def test_an_existing_pdf_fails_only_its_row(clients: Path, tmp_path: Path) -> None:
    (tmp_path / "ann-smith.pdf").write_bytes(b"last month's plan")
    report = batch(clients, tmp_path, workers=1)
    assert [r.name for r in report.written] == ["Chloé Ünal"]
    assert (report.failed[0].row, report.failed[0].field) == (2, None)
    assert "ann-smith.pdf: exists" in report.failed[0].reason
    assert (tmp_path / "ann-smith.pdf").read_bytes() == b"last month's plan"
    again = batch(clients, tmp_path, workers=1, force=True)
    assert [r.name for r in again.written] == ["Ann Smith"]  # Chloé's was done before
    assert again.skipped == 1


def test_a_missing_name_column_stops_before_anything(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("who,minutes\nAnn,30\n")
    with pytest.raises(PlanError, match="the column name is missing") as info:
        batch(path, tmp_path)
    assert str(path) in str(info.value) and "timezone" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv"]


def test_an_unknown_column_is_a_warning_and_ignored(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("name,minutes,colour,timezone\nAnn,30,blue,UTC\n")
    report = batch(path, tmp_path / "out", workers=1)
    assert report.ok and [r.name for r in report.written] == ["Ann"]
    (warning,) = report.warnings
    assert "ignored the column 'colour'" in warning and "warning: " in str(report)


def test_semicolons_a_bom_and_full_weekday_names_read_fine(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"  # as a European spreadsheet program saves it
    path.write_bytes("\ufeffname;days;timezone\nAnn;Monday,Thursday;UTC\n".encode())
    good, bad = read_clients(path)
    assert bad == [] and [str(d) for d in good[0][2].days] == ["mon", "thu"]


def test_a_windows_1252_file_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("name,timezone\nChlo\xe9,UTC\n".encode("cp1252"))
    with pytest.raises(PlanError, match=r"is not UTF-8 text .*'CSV UTF-8'"):
        read_clients(path)


def test_every_problem_of_a_row_at_once(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("name,minutes,days,level,timezone\nAnn,5,funday,expert,UTC\n")
    _, (failure,) = read_clients(path)
    for field in ("minutes: 5 is outside", "'funday' is not allowed", "level: 'expert'"):
        assert field in failure.reason, failure


def test_names_from_files_are_printed_with_controls_escaped() -> None:
    failure = BatchFailure(3, "Ann\x1b[31m", "minutes", "5 is outside 10-90")
    assert "\x1b" not in str(failure) and "Ann\\x1b[31m" in str(failure)


def test_an_unclosed_quote_is_reported_not_swallowed(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text('name,minutes\n"Ann,30\nBob,30\n')
    with pytest.raises(PlanError, match=r"unexpected end of data\); check the quotes"):
        batch(path, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv"]


def test_a_row_with_too_many_cells(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("name,days\nAnn,mon,thu\n")
    good, bad = read_clients(path)
    assert good == []
    assert bad == [
        BatchFailure(2, "Ann", None, "1 cell(s) more than the header has; quote cells with commas")
    ]


@given(st.lists(hostile_text | st.sampled_from(["a", "a-row-4", "A", "a-row-3"]),
                min_size=1, max_size=8))  # fmt: skip
def test_file_names_are_unique_and_stay_in_the_folder(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        manifest = Manifest(Path(folder))
        people = [manifest.person(name) for name in names]
        stems = [manifest.stem(person, n + 2, _slug(name) or "client")
                 for n, (person, name) in enumerate(zip(people, names, strict=True))]  # fmt: skip
        manifest.close()
        manifest = Manifest(Path(folder))  # the next run, with a row added at the top
        again = [manifest.stem(manifest.person(name), n + 3, "other")
                 for n, name in enumerate(names)]  # fmt: skip
        manifest.close()
    assert len(set(stems)) == len(stems)
    assert again == stems  # a person keeps their file name from one run to the next
    for stem in stems:
        assert stem and Path(stem).name == stem and stem not in {".", ".."}
        assert all(c.isascii() and (c.isalnum() or c == "-") for c in stem)


# -- the command ----------------------------------------------------------------


def test_cli_summary_and_status(
    capsys: pytest.CaptureFixture[str], clients: Path, tmp_path: Path
) -> None:
    status = main(["batch", str(clients), "--out", str(tmp_path), "--workers", "1"])
    out, err = capsys.readouterr()
    assert status == 1  # some rows failed
    assert "2 plans written" in out and "row 6: name: is empty" in out
    # not a terminal: no bar, only progress lines
    assert all(line.startswith("routines batch: ") for line in err.splitlines())
    good = tmp_path / "good.csv"
    with good.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "weeks", "timezone"])
        writer.writerow(["Ann, the first", "1", "UTC"])
    assert main(["batch", str(good), "--out", str(tmp_path), "--workers", "1"]) == 0
    plan_json = json.loads((tmp_path / "ann-the-first.json").read_text())
    assert plan_json["request"]["name"] == "Ann, the first: Upper back and core for runners"
    capsys.readouterr()
    other = tmp_path / "other"
    other.mkdir()
    (other / "ann-the-first.json").write_text("{}")  # not a file routines wrote
    assert main(["batch", str(good), "--out", str(other), "--workers", "1"]) == 1
    out = capsys.readouterr().out
    assert "add --force" in out and "force=True" not in out  # the command line's words


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["batch", "missing.csv"], 1, "missing.csv: no such file"),
        (["batch", "c.csv", "--out", "c.csv"], 1, "c.csv: is a file, not a folder"),
        (["batch", "c.csv", "--workers", "0"], 2, "--workers: 0: give 1 or more"),
        (
            ["batch", "c.csv", "--scheduler", "foo:bar"],
            2,
            "argument --scheduler: 'foo:bar' is not a scheduler address; give tcp://HOST:PORT",
        ),
    ],
)
def test_cli_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], status: int, message: str
) -> None:
    (tmp_path / "c.csv").write_text("name\nAnn\n")
    assert main(argv) == status
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert err.strip().splitlines()[0].startswith("routines: error: ")


def test_progress_lines_off_a_terminal() -> None:
    import io

    from routines.cli._batch import progress_for

    stream = io.StringIO()
    show = progress_for(stream, every=3600)
    for done in range(4):
        show(done, 3)  # only the end is said within the hour
    (line,) = stream.getvalue().splitlines()
    assert line.startswith("routines batch: 3/3 rows, ") and "per second" in line
