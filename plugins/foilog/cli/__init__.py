"""The staff command line, `foilog`: new, check, import, migrate, stats, search, withdraw
and translate.

See docs/command-line.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from foilog.cli import check, import_records, migrate, new, search, stats, translate, withdraw
from foilog.cli.site import CommandError
from foilog.core.garbage_collection import collect_less_often

COMMANDS = (new, check, import_records, migrate, stats, search, withdraw, translate)
CLOSED_PIPE = 141  # as a shell reports a command stopped by SIGPIPE (`foilog stats | head`)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="foilog",
        description="Staff tools for the FOI disclosure log. Run in the site's folder.",
    )
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = command.add_parser(commands)
        sub.add_argument(
            "--settings",
            default="pelicanconf.py",
            help="the site's settings file (default: pelicanconf.py in this folder)",
        )
        sub.set_defaults(run=command.run)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _run(argv)
        sys.stdout.flush()  # here, so that a closed pipe is met while it can be handled
        return code
    except BrokenPipeError:
        # Whoever read the output stopped reading; later writes go nowhere, quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return CLOSED_PIPE


def _run(argv: Sequence[str] | None) -> int:
    args = parser().parse_args(argv)
    collect_less_often()
    try:
        return int(args.run(args))
    except EOFError:  # Ctrl-D, or piped answers that ran out
        sys.stderr.write(f"\nfoilog {args.command}: the input ended; nothing was written\n")
        return 2
    except CommandError as error:
        for line in str(error).splitlines():
            sys.stderr.write(f"foilog {args.command}: {line}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("Stopped.\n")
        return 130
