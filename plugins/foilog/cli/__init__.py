"""The staff command line, `foilog`: new, check, import, stats, search and withdraw.

See docs/command-line.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from foilog.cli import check, import_records, new, search, stats, withdraw
from foilog.cli.site import CommandError
from foilog.core.garbage_collection import collect_less_often

COMMANDS = (new, check, import_records, stats, search, withdraw)


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
    args = parser().parse_args(argv)
    collect_less_often()
    try:
        return int(args.run(args))
    except CommandError as error:
        for line in str(error).splitlines():
            sys.stderr.write(f"foilog {args.command}: {line}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("Stopped.\n")
        return 130
