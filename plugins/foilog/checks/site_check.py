"""Everything that decides whether the log may be published, in one call.

The build (disclosure_records) and the staff command line both go through `check_log`
(the command line by `check_site`), so that they can never disagree, and both print
`CheckResult.report()`. The staff search's Whoosh index is not part of the check: nothing
in the site reads it, so `foilog search` brings it up to date when it is used. A build runs
the guard in a child process beside its own work (`check_log` with `beside`), and takes
its findings before it writes a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from foilog.checks.record_log import Progress, load_log
from foilog.core.forked import Forked
from foilog.guard import Accepted, Finding, GuardResult, UnmatchedReview, guard_log
from foilog.records.model import DisclosureLog
from foilog.records.problems import Problem
from foilog.settings import SiteSettings
from foilog.statistics.case_register import RegisterCases, site_cases

# A record new to the build (not read back from the cache) is guarded afresh, which takes
# memory; the child holds that memory beside the build's own, and a build of a whole log
# from an empty cache would need nearly twice its memory (2.5 GB at 100,000 records), so
# only a build of a few new records forks. (A record read back has its long fields left
# out, `kept_body`, until they are first read.)
BESIDE_AT_MOST_NEW = 1000


@dataclass
class CheckResult:
    log: DisclosureLog
    problems: list[Problem]  # each one stops the build
    findings: list[Finding] = field(default_factory=list)  # publish-guard, not accepted
    accepted: list[Accepted] = field(default_factory=list)  # accepted by a review entry
    unmatched_reviews: list[UnmatchedReview] = field(default_factory=list)  # always warnings
    guard_mode: str = "error"  # FOILOG_GUARD: whether findings stop the build
    # The requests the statistics count: the case register's rows, or the records.
    cases: RegisterCases = field(default_factory=lambda: RegisterCases([], False))

    @property
    def blocking_findings(self) -> list[Finding]:
        if self.guard_mode != "error":
            return []
        return self.findings

    @property
    def warnings(self) -> list[Finding]:
        blocking = self.blocking_findings
        return [f for f in self.findings if f not in blocking]

    @property
    def stops_build(self) -> bool:
        return bool(self.problems or self.blocking_findings)

    def report(self, building: bool = True) -> list[str]:
        """One line per problem, finding, warning and accepted finding; the counts last.

        `building` is False for `foilog check`, which says what a build would do.
        """
        lines = [str(p) for p in self.problems]
        lines += [str(f) for f in self.blocking_findings]
        lines += [f"warning: {w}" for w in [*self.warnings, *self.unmatched_reviews]]
        lines += [f"warning: {w}" for w in self.cases.warnings]
        lines += [f"accepted: {a}" for a in self.accepted]
        if self.stops_build:
            parts = []
            drafts = sum(1 for p in self.problems if p.draft)
            if len(self.problems) > drafts:
                parts.append(f"{len(self.problems) - drafts} problem(s)")
            if drafts:
                parts.append(f"{drafts} draft(s)")
            if self.blocking_findings:
                parts.append(f"{len(self.blocking_findings)} publish-guard finding(s)")
            files = len({p.file for p in self.problems} | {f.file for f in self.blocking_findings})
            verdict = "The build stopped" if building else "A build would stop"
            consequence = "Nothing was published." if building else "Fix them before publishing."
            lines.append(f"{verdict}: {' and '.join(parts)} in {files} record(s). {consequence}")
        elif self.findings or self.accepted or self.unmatched_reviews:
            warnings = len(self.warnings) + len(self.unmatched_reviews)
            note = ""
            if self.warnings:
                note = ' With FOILOG_GUARD = "error", as in publishconf.py, the build would stop.'
            lines.append(
                f"Publish guard: {warnings} warning(s), {len(self.accepted)} finding(s) "
                f"accepted by review.{note}"
            )
        return lines


def check_site(site: SiteSettings, progress: Progress | None = None) -> CheckResult:
    """`progress`, when given, is told of each record as it is read (for progress bars)."""
    log, problems = load_log(site, progress)
    return check_log(site, log, problems).result()


@dataclass
class PendingCheck:
    """A loaded log whose guard may still be running (`result` waits for it)."""

    log: DisclosureLog
    problems: list[Problem]
    cases: RegisterCases
    guard: Forked[GuardResult]
    guard_mode: str

    def result(self) -> CheckResult:
        guard = self.guard.result()
        return CheckResult(
            self.log,
            self.problems,
            guard.findings,
            guard.accepted,
            guard.unmatched_reviews,
            self.guard_mode,
            self.cases,
        )


def check_log(
    site: SiteSettings, log: DisclosureLog, problems: list[Problem], beside: bool = False
) -> PendingCheck:
    """Guard a loaded log and count its cases. With `beside`, and when at most
    BESIDE_AT_MOST_NEW records are new since the last build, the guard runs in a child
    process (foilog.core.forked) while the caller goes on, until it asks for the result."""
    guard = Forked(
        lambda: guard_log(log, site.guard, site.cache_path / "guard-findings", site.languages),
        "foilog-guard",
        fork=beside and _new_records(log) <= BESIDE_AT_MOST_NEW,
    )
    cases = site_cases(site.case_register, log.disclosures, site.register, site.jurisdiction)
    return PendingCheck(log, problems + cases.problems, cases, guard, site.guard.mode)


def _new_records(log: DisclosureLog) -> int:
    """The records checked afresh by this build, not read back from the cache."""
    return sum(1 for disclosure in log.disclosures if disclosure.kept_body is None)
