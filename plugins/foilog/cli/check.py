"""`foilog check`: everything the build checks before publishing, without building."""

from __future__ import annotations

import argparse
from typing import Any

from foilog.checks.site_check import check_site
from foilog.cli.site import load_site
from foilog.core.progress import progress_bar


def add_parser(commands: Any) -> argparse.ArgumentParser:
    return commands.add_parser(
        "check",
        help="check every record as the build does, without building",
        description="Check every record with the same rules as the build, and list each "
        "problem on one line. The exit code is 1 when there is a problem, so scripts can "
        "stop before publishing.",
    )


def run(args: argparse.Namespace) -> int:
    site = load_site(args.settings)
    with progress_bar("Checking records") as progress:
        result = check_site(site, progress)
    for line in result.report(building=False):
        print(line)
    if result.stops_build:
        return 1
    count = len(result.log.disclosures)
    print(f"All {count} record(s) can be published.")
    return 0
