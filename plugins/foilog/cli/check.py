"""`foilog check`: everything the build checks before publishing, without building."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

from foilog.checks import CheckResult, check_site

from .site import load_site, progress_bar


def add_parser(commands: Any) -> argparse.ArgumentParser:
    return commands.add_parser(
        "check",
        help="check every record as the build does, without building",
        description="Check every record with the same rules as the build, and list each "
        "problem on one line. The exit code is 1 when there is a problem, so scripts can "
        "stop before publishing.",
    )


def finding_lines(result: CheckResult) -> Iterator[str]:
    """One line per finding, as the build prints them."""
    for problem in result.problems:
        yield str(problem)


def run(args: argparse.Namespace) -> int:
    site = load_site(args.settings)
    with progress_bar("Checking records") as progress:
        result = check_site(site, progress)
    for line in finding_lines(result):
        print(line)
    if result.problems:
        files = len({p.file for p in result.problems})
        print(
            f"{len(result.problems)} problem(s) in {files} record(s). "
            "The build would stop: fix them before publishing."
        )
        return 1
    count = len(result.log.disclosures)
    print(f"All {count} record(s) passed every check: the log can be published.")
    return 0
