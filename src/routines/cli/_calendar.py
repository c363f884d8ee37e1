"""``routines feed`` and ``routines serve``: calendar feeds people subscribe to."""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
from pathlib import Path
from typing import Any

from routines._files import check_target
from routines._plan import Plan
from routines.cli._common import UsageError, catalogue_from
from routines.cli._plan import add_force_option, add_request_options, request_of

_FEED_EXAMPLES = """\
examples:
  routines feed public/ --days mon,wed,fri --name "Back plan"
  routines feed public/ --config plan.toml      run again after changing the plan
  routines feed public/ --plan plan.json        publish a plan file (adapted, say)
  routines serve public/                        then subscribe to the printed URL

Re-running keeps the feed's address (its name holds a random token) and every
event's UID, and raises SEQUENCE only on sessions that changed, so subscribed
calendars update in place. --rotate gives a leaked feed a new address.
"""

_SERVE_EXAMPLES = """\
examples:
  routines serve public/                        http://127.0.0.1:8080/...
  routines serve public/ --port 9000
  routines serve public/ --host 0.0.0.0         other devices on your network too

Only calendar files (.ics) directly inside DIR are served: never the plan's
JSON or PDF, the training log, dotfiles or anything outside DIR. To publish for
a phone away from home, copy the .ics file to any static web host (see
docs/calendar.md).
"""


def add_parser(commands: Any) -> None:
    """The ``feed`` and ``serve`` commands."""
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
    feed.add_argument(
        "--rotate",
        action="store_true",
        help="give the feed a new secret address (the old one stops working)",
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
        "--port", type=_port, default=8080, help="port (default 8080; 0 picks a free one)"
    )
    serve.set_defaults(run=run_serve, subparser=serve)


def _port(text: str) -> int:
    if not text.strip().isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port; give 0-65535 (0: any free one)")
    return int(text)


def run_feed(args: argparse.Namespace) -> int:
    from routines.exporters.feeds import feed_target
    from routines.exporters.ics import write_ics

    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: is a file, not a folder; give a folder for the feed")
    from routines.planning.planner import plan

    note = None
    if args.plan:
        result = Plan.read(args.plan)
    else:
        catalogue = catalogue_from(args)
        result = plan(request_of(args), catalogue)
        beside = Path("plan.json")  # where `routines plan` keeps it, with its log
        if beside.is_file():  # adapted to the log, or stopped: the feed says the same
            from routines.cli._replan import over_earlier

            result, note = over_earlier(result, beside, catalogue)
    target = feed_target(folder, result, rotate=args.rotate)
    existed = not target.new
    if target.old is not None:  # the new address starts from the old feed's events
        check_target(target.path)
        shutil.copyfile(target.old, target.path)
    try:
        write_ics(result, target.path, force=args.force)
    except BaseException:
        if target.old is not None:
            target.path.unlink(missing_ok=True)
        raise
    sessions = sum(len(week.sessions) for week in result.weeks)
    if note:
        print(note)
    print(f"{'updated' if existed else 'wrote'} {target.path} ({sessions} sessions)")
    if target.old is not None:
        target.old.unlink(missing_ok=True)
        print(f"removed {target.old}: its address no longer works; subscribe to the new one")
    if result.stopped:
        print(f"STOP: {result.stopped}")
    print(f"serve it with: routines serve {folder}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from routines.exporters.serve import feed_files, make_server

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    try:
        server = make_server(folder, args.host, args.port)
    except (OSError, OverflowError, UnicodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"cannot listen on {args.host}:{args.port} ({why})") from None
    host, port = server.server_address[:2]
    everywhere = {"0.0.0.0", "::"}  # noqa: S104 - naming the wildcard to show a real host
    shown = host if isinstance(host, str) and host not in everywhere else socket.gethostname()
    feeds = feed_files(folder)
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
