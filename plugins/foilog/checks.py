"""Everything that decides whether the log may be published, in one call.

The build (disclosure_records) and the staff command line both call `check_site`, so
that they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .log import Progress, load_log
from .model import DisclosureLog
from .problems import Problem
from .settings import SiteSettings


@dataclass
class CheckResult:
    log: DisclosureLog
    problems: list[Problem]  # each one stops the build


def check_site(site: SiteSettings, progress: Progress | None = None) -> CheckResult:
    """`progress`, when given, is told of each record as it is read (for progress bars)."""
    log, problems = load_log(site, progress)
    return CheckResult(log, problems)
