"""A small HTTP server for calendar feeds: ``routines serve DIR``.

It serves calendar files (``*.ics``) directly inside one folder and nothing else:
not the plan's JSON or PDF, not the training log (a person's health record), not
dotfiles, not sub-folders, not a link that leads out of the folder. It answers
conditional GETs with 304 and labels feeds ``text/calendar; charset=utf-8``.

It is built to stay up on a home network: one thread reads the request of every
waiting connection, and a connection reaches the bounded pool of worker threads
only once its whole request has arrived, so idle or trickling connections neither
make a thread each nor keep others waiting; every connection has a time limit to
send its request, and then to read the answer; the listen backlog is a normal 128.
Bound to 127.0.0.1 unless told otherwise: put a real web server in front of it (or
copy the file to one) to publish a feed on the internet.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.server
import os
import socket
import stat
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from routines._files import read_limited
from routines.errors import ExportError
from routines.exporters.requests import RequestReader

__all__ = ["FEED_LIMIT", "FeedHandler", "FeedServer", "feed_files", "make_server"]

#: The largest feed served (a 52-week plan of 7 days is about 1 MB).
FEED_LIMIT = 16 * 1024 * 1024
#: Seconds a connection may take to send its request or read the answer.
TIMEOUT_S = 10.0
#: Worker threads: at most this many requests are answered at once.
WORKERS = 16
_TYPE = "text/calendar; charset=utf-8"


def _servable(folder: Path, name: str) -> Path | None:
    """The feed ``name`` in ``folder``, if it may be served: a plain name ending in
    ``.ics`` (no dotfile), a regular file, inside ``folder`` once links are
    followed."""
    if (
        not name.endswith(".ics")
        or name.startswith(".")
        or "/" in name
        or "\\" in name
        or "\0" in name
    ):
        return None
    try:
        resolved = (folder / name).resolve(strict=True)
        info = resolved.stat()
    except (OSError, RuntimeError):
        return None
    if resolved.parent != folder or not stat.S_ISREG(info.st_mode):
        return None
    return resolved


def feed_files(folder: str | os.PathLike[str]) -> list[str]:
    """The names of the feeds ``routines serve`` would serve from ``folder``."""
    root = Path(folder).resolve()
    try:
        names = sorted(entry.name for entry in root.iterdir())
    except OSError:
        return []
    return [name for name in names if _servable(root, name) is not None]


class FeedHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD for the feeds of one folder, with ETag and Last-Modified."""

    server_version = "routines-feed"
    timeout = None  # the server sets each connection's time limit (FeedServer)

    def __init__(self, *args: Any, folder: Path, **kwargs: Any) -> None:
        self.folder = folder
        super().__init__(*args, **kwargs)

    def _answer(self, body: bool) -> None:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        file = _servable(self.folder, path.removeprefix("/"))
        if file is None:
            self.send_error(404, "Not found")
            return
        try:
            data = read_limited(file, limit=FEED_LIMIT, what="feed")
            modified_at = file.stat().st_mtime
        except (ExportError, OSError):
            self.send_error(404, "Not found")
            return
        etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
        modified = email.utils.formatdate(modified_at, usegmt=True)
        match = self.headers.get("If-None-Match")
        since = self.headers.get("If-Modified-Since")
        fresh = match is not None and etag in [m.strip() for m in match.split(",")]
        if match is None and since is not None:
            try:
                fresh = email.utils.parsedate_to_datetime(since).timestamp() >= int(modified_at)
            except (TypeError, ValueError):
                fresh = False
        if fresh:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", _TYPE)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
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


class FeedServer(http.server.HTTPServer):
    """An HTTP server that reads each connection's request on one thread, with
    ``timeout`` seconds to send it, and answers complete requests on a bounded pool
    of ``workers`` threads, each answer with ``timeout`` seconds to be read."""

    request_queue_size = 128
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: Any,
        *,
        workers: int = WORKERS,
        timeout: float = TIMEOUT_S,
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.connection_timeout = timeout
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="feed")
        try:
            super().__init__(address, handler)
        except BaseException:
            self._pool.shutdown(wait=False)
            raise
        self._requests = RequestReader(self._answer, self.shutdown_request, timeout)

    def _handle(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:  # a broken connection must not stop the server
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def _answer(self, request: Any, client_address: Any) -> None:
        try:
            self._pool.submit(self._handle, request, client_address)
        except RuntimeError:  # the server is closing
            self.shutdown_request(request)

    def process_request(self, request: Any, client_address: Any) -> None:
        self._requests.add(request, client_address)

    def server_close(self) -> None:
        super().server_close()
        self._requests.close()
        self._pool.shutdown(wait=False, cancel_futures=True)


def make_server(
    folder: str | os.PathLike[str],
    host: str,
    port: int,
    *,
    workers: int = WORKERS,
    timeout: float = TIMEOUT_S,
) -> FeedServer:
    """A server for the feeds of ``folder``; call ``serve_forever()`` on it."""
    root = Path(folder).resolve()
    handler = partial(FeedHandler, folder=root)
    return FeedServer((host, port), handler, workers=workers, timeout=timeout)
