"""Files and feeds that hold (the issue's reproductions, as written): no device or
FIFO is ever written or read, output folders are made, a plan's own files update
without a flag, `serve` serves only feeds and stays up, feed addresses are private
and stable, and times survive clock changes. Devices and FIFOs are made inside each
test's own folder, never the real /dev."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import os
import socket
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
import vobject

from clitools import run_cli
from routines import Plan, PlanError, PlanRequest, plan
from routines.exporters import requests
from routines.exporters.feeds import feed_target, identity_of_feed
from routines.exporters.ics import to_ics
from routines.exporters.serve import feed_files, make_server


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run_cli(capsys, *argv)
    assert status == 0, err
    return out


def fails(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run_cli(capsys, *argv)
    assert status != 0 and out == "", out
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def read_calendar(path: str) -> vobject.base.Component:
    """The file read by vobject, which caches time zones by TZID across files: the
    cache is emptied first, so this file's own VTIMEZONE is the one used."""
    vobject.icalendar.__dict__["__tzidMap"].clear()
    return vobject.readOne(Path(path).read_text(encoding="utf-8"))


def device(path: Path) -> Path | None:
    """A character device at ``path`` (like /dev/null), or None without the right."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        return None
    return path


# -- files ----------------------------------------------------------------------------


def test_force_never_writes_onto_a_fifo_or_device(capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo("pipe.pdf")
    for flags in ((), ("--force",)):
        err = fails(capsys, "plan", "--tz", "UTC", "--pdf", "pipe.pdf", *flags)
        assert "pipe.pdf: is a FIFO (named pipe), not a file" in err
    assert stat.S_ISFIFO(Path("pipe.pdf").stat().st_mode)
    if device(Path("dev.pdf")) is None:
        pytest.skip("cannot make a device node here (not root)")
    err = fails(capsys, "plan", "--tz", "UTC", "--pdf", "dev.pdf", "--force")
    assert "dev.pdf: is a device, not a file" in err
    assert stat.S_ISCHR(Path("dev.pdf").stat().st_mode)


@pytest.mark.parametrize(
    "argv",
    [
        ("plan", "--config", "{x}"),
        ("log", "--plan", "{x}"),
        ("adapt", "--plan", "{x}"),
        ("batch", "{x}", "--out", "out"),
        ("log", "--import", "{x}"),
        ("plan", "--tz", "UTC", "--json", "{x}"),
        ("feed", "public", "--plan", "{x}"),
    ],
)
def test_reading_a_fifo_is_a_clear_line_never_a_hang(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    os.mkfifo("pipe")
    if argv[0] == "log" and argv[1] == "--import":
        ok(capsys, "plan", "--tz", "UTC", "--weeks", "1", "--pdf", "none")
    started = time.monotonic()
    err = fails(capsys, *(a.replace("{x}", "pipe") for a in argv))
    assert "pipe: is a FIFO (named pipe)" in err
    assert time.monotonic() - started < 30


def test_a_huge_file_is_refused_by_its_size(capsys: pytest.CaptureFixture[str]) -> None:
    with Path("huge.toml").open("wb") as handle:  # sparse: 2 MB of nothing on disk
        handle.truncate(2 * 1024 * 1024)
    err = fails(capsys, "plan", "--config", "huge.toml")
    assert "huge.toml: is 2,097,152 bytes; a config is at most 1,048,576 bytes" in err


def test_output_folders_are_made(capsys: pytest.CaptureFixture[str]) -> None:
    ok(capsys, "plan", "--tz", "UTC", "--weeks", "1", "--out", "my-plan/")
    assert sorted(p.name for p in Path("my-plan").iterdir()) == [
        "plan.ics", "plan.json", "plan.pdf"
    ]  # fmt: skip
    ok(capsys, "feed", "public/", "--tz", "UTC", "--weeks", "1")
    assert len(feed_files("public")) == 1
    Path("clients.csv").write_text("name,weeks,timezone\nAnn,1,UTC\n")
    ok(capsys, "batch", "clients.csv", "--out", "plans/", "--workers", "1")
    made = sorted(p.suffix for p in Path("plans").iterdir() if p.stem != "batch-manifest")
    assert made == [".ics", ".json", ".pdf"]


def test_force_on_one_file_does_not_disarm_the_others(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--force replaces the files the command names; the calendar and JSON of
    another plan beside them stay protected, and the run writes nothing at all."""
    Path("theirs").mkdir()
    ok(capsys, "plan", "--tz", "UTC", "--weeks", "1", "--name", "Theirs", "--out", "theirs")
    before = {p.name: p.read_bytes() for p in Path("theirs").iterdir()}
    err = fails(capsys, "plan", "--tz", "UTC", "--weeks", "1", "--name", "Mine", "--force",
                "--out", "theirs", "--pdf", "theirs/plan.pdf")  # fmt: skip
    assert "theirs/plan.ics: belongs to another plan (Theirs)" in err
    assert {p.name: p.read_bytes() for p in Path("theirs").iterdir()} == before
    # named, it is replaced
    ok(capsys, "plan", "--tz", "UTC", "--weeks", "1", "--name", "Mine", "--force",
       "--out", "theirs", "--pdf", "theirs/plan.pdf", "--ics", "theirs/plan.ics",
       "--json", "theirs/plan.json")  # fmt: skip
    assert Plan.read("theirs/plan.json").title == "Mine"


# -- serve --------------------------------------------------------------------------


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, Path, str]]:
    folder = tmp_path / "public"
    folder.mkdir()
    p = plan(PlanRequest(weeks=1, timezone="UTC", start=dt.date(2030, 1, 7)))
    feed = feed_target(folder, p).path
    feed.write_bytes(to_ics(p))
    (folder / "plan.json").write_text(p.to_json())
    (folder / "plan.log.sqlite").write_bytes(b"SQLite format 3\0 health data")
    (folder / ".hidden.ics").write_bytes(to_ics(p))
    (tmp_path / "outside.ics").write_bytes(to_ics(p))
    (folder / "link.ics").symlink_to(tmp_path / "outside.ics")
    server = make_server(folder, "127.0.0.1", 0, workers=4, timeout=0.5)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], folder, feed.name
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def status_of(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_serve_answers_only_feeds(served: tuple[int, Path, str]) -> None:
    port, folder, feed = served
    assert status_of(port, f"/{feed}") == 200
    for path in ("/plan.json", "/plan.log.sqlite", "/.hidden.ics", "/link.ics", "/"):
        assert status_of(port, path) == 404, path
    assert feed_files(folder) == [feed]  # what `routines serve` lists at start-up


def test_a_half_sent_request_is_closed_after_the_time_limit(
    served: tuple[int, Path, str],
) -> None:
    port, _, feed = served
    with socket.create_connection(("127.0.0.1", port), timeout=10) as idle:
        idle.sendall(b"GET /" + feed.encode() + b" HTTP/1.1\r\n")  # never finished
        started = time.monotonic()
        assert idle.recv(1024) == b""  # closed by the server, no answer
        assert 0.3 <= time.monotonic() - started < 5  # after its 0.5 s limit


def test_idle_connections_do_not_make_a_thread_each(served: tuple[int, Path, str]) -> None:
    port, _, feed = served
    before = threading.active_count()
    idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(60)]
    try:
        time.sleep(0.2)
        assert threading.active_count() <= before + 4  # the pool, not 60 threads
        # ... and they keep nobody waiting: 60 idle connections on 4 workers with a
        # 0.5 s limit each would hold a reader up for 7.5 s if they took a worker
        started = time.monotonic()
        assert status_of(port, f"/{feed}") == 200
        assert time.monotonic() - started < 0.4  # less than one connection's limit
    finally:
        for connection in idle:
            connection.close()


def test_a_trickling_request_is_closed_at_its_deadline(served: tuple[int, Path, str]) -> None:
    port, _, feed = served
    with socket.create_connection(("127.0.0.1", port), timeout=10) as slow:
        started = time.monotonic()
        closed = False
        for byte in b"GET /" + feed.encode() + b" HTTP/1.1\r\nHost: x\r\n":  # one byte a tick
            try:
                slow.sendall(bytes([byte]))
            except OSError:  # closed by the server
                closed = True
                break
            time.sleep(0.05)
            if time.monotonic() - started > 3:
                break
        if not closed:
            slow.settimeout(3)
            closed = slow.recv(1024) == b""
        assert closed and time.monotonic() - started < 2  # its 0.5 s, not 0.5 s a byte


def test_an_oversized_request_head_is_closed(served: tuple[int, Path, str]) -> None:
    port, _, _ = served
    with socket.create_connection(("127.0.0.1", port), timeout=10) as big:
        with contextlib.suppress(OSError):  # the server may close while we still send
            big.sendall(b"GET /x HTTP/1.1\r\nX: " + b"a" * (64 * 1024))
        assert big.recv(1024) == b""


def test_past_the_waiting_limit_the_oldest_connection_is_closed(
    served: tuple[int, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    port, _, feed = served
    monkeypatch.setattr(requests, "WAITING", 5)
    started = time.monotonic()
    idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(8)]
    try:
        assert idle[0].recv(1024) == b""  # the oldest gave way,
        assert time.monotonic() - started < 0.3  # well before its 0.5 s limit
        assert status_of(port, f"/{feed}") == 200
    finally:
        for connection in idle:
            connection.close()


# -- feed addresses -----------------------------------------------------------------


def test_feed_addresses_are_random_stable_and_rotate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    common = ("feed", "public", "--name", "Back plan", "--tz", "UTC", "--weeks", "2")
    ok(capsys, *common, "--start", "2030-01-07")
    (first,) = Path("public").iterdir()
    token = first.stem.rsplit("-", 1)[1]
    assert len(token) == 32 and int(token, 16) >= 0  # 128 random bits, in hex
    # next week's plan updates the same subscription, its old sessions cancelled
    ok(capsys, *common, "--start", "2030-01-14")
    assert list(Path("public").iterdir()) == [first]
    events = vobject.readOne(first.read_text(encoding="utf-8")).vevent_list
    gone = [e for e in events if e.dtstart.value.date() < dt.date(2030, 1, 14)]
    assert gone and all(e.status.value == "CANCELLED" for e in gone)
    # a leaked address: a new token, the old file gone
    identity = identity_of_feed(first)
    out = ok(capsys, *common, "--start", "2030-01-14", "--rotate")
    (second,) = Path("public").iterdir()
    assert second != first and "no longer works" in out
    assert identity is not None and identity_of_feed(second) == identity


def test_another_folder_or_plan_gets_its_own_token(tmp_path: Path) -> None:
    a = plan(PlanRequest(weeks=1, name="A", timezone="UTC"))
    b = plan(PlanRequest(weeks=1, name="B", timezone="UTC"))
    names = {feed_target(tmp_path, p).path.name for p in (a, b, a)}
    assert len(names) == 3  # nothing written yet: every call a fresh token


# -- names and times ----------------------------------------------------------------


def test_control_characters_in_a_name_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_cli(capsys, "plan", "--tz", "UTC", "--name", "a\x0bb")
    assert status == 2 and list(Path().iterdir()) == []
    first, hint = err.splitlines()  # a usage error: the reason, then where to read more
    assert first.startswith("routines: error: argument --name: 'a\\x0bb' holds a control")
    assert hint == "  see `routines plan --help`"
    with pytest.raises(PlanError, match="control character"):
        PlanRequest(name="line\nbreak")


def test_a_start_in_the_skipped_hour_moves_to_the_first_valid_minute(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, "plan", "--tz", "Europe/Berlin", "--start", "2027-03-22", "--weeks", "1",
       "--days", "sun", "--time", "02:30", "--pdf", "none")  # fmt: skip
    (event,) = read_calendar("plan.ics").vevent_list
    start = event.dtstart.value
    assert (start.hour, start.minute) == (3, 0) and start.utcoffset() == dt.timedelta(hours=2)
    assert event.duration.value == dt.timedelta(minutes=30)
    assert event.description.value.startswith("Starts at 03:00: 02:30 does not exist")


def test_a_start_in_the_repeated_hour_is_its_first_occurrence_with_an_exact_length(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ok(capsys, "plan", "--tz", "Europe/Berlin", "--start", "2027-10-25", "--weeks", "1",
       "--days", "sun", "--time", "02:30", "--pdf", "none")  # fmt: skip
    text = Path("plan.ics").read_text(encoding="utf-8")
    (event,) = read_calendar("plan.ics").vevent_list
    assert event.dtstart.value.utcoffset() == dt.timedelta(hours=2)  # the first 02:30
    assert event.duration.value == dt.timedelta(minutes=30)
    (parsed,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert parsed.decoded("DURATION") == dt.timedelta(minutes=30)  # both parsers agree


@pytest.mark.parametrize("alias", ["Etc/UTC", "GMT", "Universal", "Zulu"])
def test_utc_aliases_write_plain_utc(alias: str, capsys: pytest.CaptureFixture[str]) -> None:
    ok(capsys, "plan", "--tz", alias, "--weeks", "1", "--pdf", "none")
    text = Path("plan.ics").read_text(encoding="utf-8")
    assert "BEGIN:VTIMEZONE" not in text and "TZID" not in text
    assert all(line.endswith("Z") for line in text.splitlines() if line.startswith("DTSTART"))
    assert Plan.read("plan.json").request.timezone == "UTC"


def test_temporary_files_of_another_machine_are_left_alone(tmp_path: Path) -> None:
    """In a shared folder, a process number from another machine means nothing
    here: only a temporary file of this machine whose process is gone is stale."""
    from routines._files import _host, clean_stale

    other = "deadbeef" if _host() != "deadbeef" else "feedface"
    theirs = tmp_path / f".plan.pdf.{other}-999999.0123abcd.tmp"
    ours_dead = tmp_path / f".plan.pdf.{_host()}-999999.0123abcd.tmp"
    older = tmp_path / ".plan.ics.999999.0123abcd.tmp"  # named before machines were
    for path in (theirs, ours_dead, older):
        path.write_bytes(b"half")
    assert clean_stale(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [theirs.name]


def test_a_process_reads_a_folder_for_leftovers_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch writes thousands of files into one folder: looking for leftovers of
    killed runs each time made it slower with every file."""
    from routines import _files

    calls: list[Path] = []
    real = _files.clean_stale

    def counted(folder: Path) -> int:
        calls.append(folder)
        return real(folder)

    monkeypatch.setattr(_files, "clean_stale", counted)
    for n in range(5):
        _files.write_atomic(tmp_path / f"f{n}.txt", b"x")
    assert calls == [tmp_path]
