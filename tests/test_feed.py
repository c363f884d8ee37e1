"""`routines feed` and `routines serve`: update in place, serve safely, 304s."""

from __future__ import annotations

import http.client
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
import vobject

from routines.cli import main


@pytest.fixture
def feed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "public"
    folder.mkdir()
    argv = ["feed", str(folder), "--tz", "Europe/Berlin", "--name", "Back, neck"]
    assert main([*argv, "--weeks", "2", "--start", "2030-03-25"]) == 0
    return folder


def test_feed_rerun_updates_in_place(feed_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (feed,) = feed_folder.iterdir()
    before = {
        str(e["UID"]): int(str(e["SEQUENCE"]))
        for e in icalendar.Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
    }
    assert main(["feed", str(feed_folder), "--tz", "Europe/Berlin", "--name", "Back, neck",
                 "--weeks", "2", "--start", "2030-03-25", "--time", "18:00"]) == 0  # fmt: skip
    assert [f.name for f in feed_folder.iterdir()] == [feed.name]
    after = {
        str(e["UID"]): int(str(e["SEQUENCE"]))
        for e in icalendar.Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
    }
    assert after.keys() == before.keys()
    assert all(after[uid] == before[uid] + 1 for uid in after), "every session moved"
    assert "updated" in capsys.readouterr().out


@pytest.fixture
def server(feed_folder: Path) -> Iterator[tuple[int, Path]]:
    (feed_folder.parent / "secret.txt").write_text("outside the folder")
    process = subprocess.Popen(
        [sys.executable, "-m", "routines", "serve", str(feed_folder), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"ROUTINES_QUIET_SERVER": "1", **__import__("os").environ},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("serving ") and "127.0.0.1" in first, first
        port = int(first.split("http://127.0.0.1:")[1].split("/")[0])
        urls = [process.stdout.readline().strip() for _ in range(2)]
        assert urls[0].startswith(f"http://127.0.0.1:{port}/") and urls[0].endswith(".ics")
        assert urls[1].startswith(f"webcal://127.0.0.1:{port}/")
        yield port, feed_folder
    finally:
        process.terminate()
        process.communicate(timeout=10)  # also closes the pipes


class Reply:
    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.headers = response.headers
        self.body = response.read()

    def getheader(self, name: str) -> str | None:
        return self.headers.get(name)

    def read(self) -> bytes:
        return self.body


def get(port: int, path: str, headers: dict[str, str] | None = None) -> Reply:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        return Reply(connection.getresponse())
    finally:
        connection.close()


def test_serve_feeds_with_etag_and_304(server: tuple[int, Path]) -> None:
    port, folder = server
    (feed,) = folder.iterdir()
    response = get(port, f"/{feed.name}")
    body = response.read()
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/calendar; charset=utf-8"
    etag, modified = response.getheader("ETag"), response.getheader("Last-Modified")
    assert etag and modified
    assert body == feed.read_bytes()
    assert len(vobject.readOne(body.decode()).vevent_list) == 6
    again = get(port, f"/{feed.name}", {"If-None-Match": etag})
    assert again.status == 304 and again.read() == b""
    since = get(port, f"/{feed.name}", {"If-Modified-Since": modified})
    assert since.status == 304


@pytest.mark.parametrize(
    "path",
    ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
     "/sub/../../secret.txt", "/", "/nothing.ics", "/%00"],
)  # fmt: skip
def test_serve_refuses_paths_outside_the_folder(server: tuple[int, Path], path: str) -> None:
    port, _ = server
    response = get(port, path)
    assert response.status == 404
    assert b"outside the folder" not in response.read()


def test_plan_ics_option_writes_and_guards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.ics"
    assert (
        main(["plan", "--tz", "UTC", "--weeks", "1", "--ics", str(target), "--alarm", "none"]) == 0
    )
    assert not list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VALARM"))
    other = tmp_path / "notes.txt"
    other.write_text("keep me")
    capsys.readouterr()
    assert main(["plan", "--tz", "UTC", "--weeks", "1", "--ics", str(other)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "--force" in err
    assert other.read_text() == "keep me"
    assert main(["plan", "--tz", "UTC", "--weeks", "1", "--alarm", "soon"]) == 2
