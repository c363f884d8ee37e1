"""``routines feed`` and ``routines serve``: calendar feeds people subscribe to."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path
from typing import Any

from routines._plan import Plan
from routines.cli._common import UsageError, catalogue_from
from routines.cli._plan import add_force_option, add_request_options, request_of
from routines.planning.planner import plan

_FEED_EXAMPLES = """\
examples:
  routines feed public/ --days mon,wed,fri --name "Back plan"
  routines feed public/ --config plan.toml      run again after changing the plan
  routines feed public/ --plan plan.json        publish a plan file (adapted, say)
  routines serve public/                        then subscribe to the printed URL

Re-running keeps every event's UID and raises SEQUENCE only on sessions that
changed, so subscribed calendars update in place instead of duplicating events.
"""

_SERVE_EXAMPLES = """\
examples:
  routines serve public/                        http://127.0.0.1:8080/...
  routines serve public/ --port 9000
  routines serve public/ --host 0.0.0.0         other devices on your network too

Only files directly inside DIR are served. To publish for a phone away from
home, copy the .ics file to any static web host (see docs/calendar.md).
"""


def add_parsers(commands: Any) -> None:
    feed: argparse.ArgumentParser = commands.add_parser(
        "feed",
        help="write or update a calendar feed file in a folder to host",
        description="Write or update the plan's calendar feed in DIR.",
        epilog=_FEED_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    feed.add_argument("folder", metavar="DIR", help="the folder to write the feed into")
    feed.add_argument(
        "--plan", metavar="FILE", help="publish this plan file instead of planning from options"
    )
    add_request_options(feed)
    add_force_option(feed)
    feed.set_defaults(run=run_feed, subparser=feed)

    serve: argparse.ArgumentParser = commands.add_parser(
        "serve",
        help="serve a folder of calendar feeds over HTTP",
        description="Serve the feed files in DIR over HTTP (ETag, Last-Modified, 304).",
        epilog=_SERVE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("folder", metavar="DIR")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    serve.add_argument(
        "--port", type=int, default=8080, help="port (default 8080; 0 picks a free one)"
    )
    serve.set_defaults(run=run_serve, subparser=serve)


def run_feed(args: argparse.Namespace) -> int:
    from routines.exporters.ics import plan_identity, write_ics

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder; create it first")
    if args.plan:
        result = Plan.read(args.plan)
    else:
        result = plan(request_of(args), catalogue_from(args))
    target = folder / f"{plan_identity(result)}.ics"
    existed = target.exists()
    write_ics(result, target, force=args.force)
    sessions = sum(len(week.sessions) for week in result.weeks)
    print(f"{'updated' if existed else 'wrote'} {target} ({sessions} sessions)")
    if result.stopped:
        print(f"STOP: {result.stopped}")
    print(f"serve it with: routines serve {folder}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from routines.exporters.serve import make_server

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    try:
        server = make_server(folder, args.host, args.port)
    except OSError as exc:
        raise UsageError(f"cannot listen on {args.host}:{args.port} ({exc.strerror})") from None
    host, port = server.server_address[:2]
    everywhere = {"0.0.0.0", "::"}  # noqa: S104 - naming the wildcard to show a real host
    shown = host if isinstance(host, str) and host not in everywhere else socket.gethostname()
    feeds = sorted(p.name for p in folder.iterdir() if p.suffix == ".ics")
    print(f"serving {folder.resolve()} on http://{shown}:{port}/ (Ctrl-C stops)")
    for name in feeds or ["<your-feed>.ics"]:
        print(f"  http://{shown}:{port}/{name}")
        print(f"  webcal://{shown}:{port}/{name}")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopped")
    finally:
        server.server_close()
    return 0
