"""Reading HTTP requests for the feed server without a thread per connection.

One thread watches every connection that has not yet sent its whole request head
(with a selector, so a thousand idle connections cost a thousand sockets, not a
thousand threads), and hands a connection on only once its head has arrived. A
connection that closes, sends more than ``HEAD_LIMIT`` bytes of head, or has not
finished within its time limit is closed; when more than ``WAITING`` wait at once,
the oldest is closed. So neither idle nor trickling connections can keep the
server's workers from answering the feed readers that do send a request.
"""

from __future__ import annotations

import contextlib
import io
import queue
import selectors
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

__all__ = ["HEAD_LIMIT", "WAITING", "Received", "RequestReader"]

#: Connections that may wait for their request at once; beyond it the oldest is closed.
WAITING = 1024
#: The largest request head read (a feed reader sends a few hundred bytes).
HEAD_LIMIT = 16 * 1024


class Received:
    """A connection whose request head has been read already: the handler reads the
    head from memory and writes its answer to the socket."""

    def __init__(self, connection: socket.socket, head: bytes) -> None:
        self._connection = connection
        self._head = head

    def makefile(self, mode: str = "r", buffering: int | None = None) -> Any:
        if "r" in mode:
            return io.BytesIO(self._head)
        return self._connection.makefile("wb", buffering)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)


class RequestReader:
    """The thread that reads request heads: every waiting connection is watched by
    one selector, and handed to ``ready`` once its head is complete; one that is
    closed, too large or past its deadline is dropped."""

    def __init__(
        self,
        ready: Callable[[Received, Any], None],
        drop: Callable[[socket.socket], None],
        timeout: float,
    ) -> None:
        self._ready, self._drop, self._timeout = ready, drop, timeout
        self._arrivals: queue.SimpleQueue[tuple[socket.socket, Any]] = queue.SimpleQueue()
        self._selector = selectors.DefaultSelector()
        self._wake, self._waker = socket.socketpair()
        self._wake.setblocking(False)
        self._waker.setblocking(False)
        self._selector.register(self._wake, selectors.EVENT_READ)
        # connection -> [client address, deadline, bytes so far]; oldest first
        self._waiting: dict[socket.socket, list[Any]] = {}
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="feed-requests", daemon=True)
        self._thread.start()

    def add(self, connection: socket.socket, client_address: Any) -> None:
        self._arrivals.put((connection, client_address))
        with contextlib.suppress(OSError):  # a full wake-up pipe: the thread is awake anyway
            self._waker.send(b"\0")

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self._waker.send(b"\0")  # wakes the thread, which then stops
        self._thread.join(timeout=5)

    def _run(self) -> None:
        try:
            while not self._closed:
                self._step()
        finally:
            for connection in list(self._waiting):
                self._forget(connection, drop=True)
            self._selector.close()
            self._wake.close()
            self._waker.close()
            while not self._arrivals.empty():
                connection, _ = self._arrivals.get()
                self._drop(connection)

    def _step(self) -> None:
        first = next(iter(self._waiting.values()), None)
        wait = 1.0 if first is None else max(0.0, min(1.0, first[1] - time.monotonic()))
        for key, _ in self._selector.select(wait):
            if key.fileobj is self._wake:
                self._arrive()
            else:
                self._read(key.fileobj)  # type: ignore[arg-type]
        now = time.monotonic()
        for connection, (_, deadline, _) in list(self._waiting.items()):
            if deadline > now:
                break  # the rest arrived later
            self._forget(connection, drop=True)

    def _arrive(self) -> None:
        with contextlib.suppress(OSError):
            while self._wake.recv(4096):
                pass
        while not self._arrivals.empty():
            connection, client_address = self._arrivals.get()
            if self._closed:
                self._drop(connection)
                continue
            if len(self._waiting) >= WAITING:
                self._forget(next(iter(self._waiting)), drop=True)
            connection.setblocking(False)
            deadline = time.monotonic() + self._timeout
            self._waiting[connection] = [client_address, deadline, b""]
            self._selector.register(connection, selectors.EVENT_READ)

    def _read(self, connection: socket.socket) -> None:
        waiting = self._waiting.get(connection)
        if waiting is None:
            return
        try:
            chunk = connection.recv(4096)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        head = waiting[2] + chunk
        waiting[2] = head
        if not chunk or len(head) > HEAD_LIMIT:
            self._forget(connection, drop=True)
        elif b"\r\n\r\n" in head or b"\n\n" in head:
            self._forget(connection, drop=False)
            connection.setblocking(True)
            connection.settimeout(self._timeout)
            self._ready(Received(connection, head), waiting[0])

    def _forget(self, connection: socket.socket, *, drop: bool) -> None:
        self._waiting.pop(connection, None)
        with contextlib.suppress(KeyError, ValueError, OSError):
            self._selector.unregister(connection)
        if drop:
            self._drop(connection)
