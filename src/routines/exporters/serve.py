"""A small HTTP server for calendar feeds: ``routines serve DIR``.

It serves the files directly inside one folder (never anything outside it, and
no sub-folders), answers conditional GETs with 304, and labels ``.ics`` files as
``text/calendar; charset=utf-8``. Bound to 127.0.0.1 unless told otherwise: put a
real web server in front of it (or copy the file to one) to publish a feed.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.server
import os
import urllib.parse
from functools import partial
from pathlib import Path

__all__ = ["FeedHandler", "make_server"]

_TYPES = {
    ".ics": "text/calendar; charset=utf-8",
    ".json": "application/json",
    ".pdf": "application/pdf",
}


class FeedHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD for the files of one folder, with ETag and Last-Modified."""

    server_version = "routines-feed"

    def __init__(self, *args: object, folder: Path, **kwargs: object) -> None:
        self.folder = folder
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def _file(self) -> Path | None:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        name = path.removeprefix("/")
        if not name or "/" in name or "\\" in name or name in {".", ".."} or "\0" in name:
            return None
        candidate = self.folder / name
        try:
            resolved = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if resolved.parent != self.folder or not resolved.is_file() or name.startswith("."):
            return None
        return resolved

    def _answer(self, body: bool) -> None:
        file = self._file()
        if file is None:
            self.send_error(404, "Not found")
            return
        data = file.read_bytes()
        etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
        modified = email.utils.formatdate(file.stat().st_mtime, usegmt=True)
        match = self.headers.get("If-None-Match")
        since = self.headers.get("If-Modified-Since")
        fresh = match is not None and etag in [m.strip() for m in match.split(",")]
        if match is None and since is not None:
            try:
                fresh = email.utils.parsedate_to_datetime(since).timestamp() >= int(
                    file.stat().st_mtime
                )
            except (TypeError, ValueError):
                fresh = False
        if fresh:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", _TYPES.get(file.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def log_message(self, format: str, *args: object) -> None:
        if os.environ.get("ROUTINES_QUIET_SERVER") != "1":
            super().log_message(format, *args)


def make_server(
    folder: str | os.PathLike[str], host: str, port: int
) -> http.server.ThreadingHTTPServer:
    """A server for the files of ``folder``; call ``serve_forever()`` on it."""
    root = Path(folder).resolve()
    handler = partial(FeedHandler, folder=root)
    return http.server.ThreadingHTTPServer((host, port), handler)
