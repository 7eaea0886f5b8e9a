"""The publish guard: findings that could identify a person, and the reviews that accept them.

One small module per family of checks; `guard_log` runs them all over a checked log.
See docs/publish-guard.md for the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import DisclosureLog
from ..settings import GuardSettings
from .attachments import attachment_findings
from .cross_record import cross_record_findings
from .differencing import differencing_findings
from .earlier_records import earlier_records
from .findings import Accepted, Finding, UnmatchedReview, apply_reviews
from .personal_data import personal_data_findings
from .small_numbers import small_number_findings

__all__ = ["Accepted", "Finding", "GuardResult", "UnmatchedReview", "guard_log"]


@dataclass
class GuardResult:
    findings: list[Finding] = field(default_factory=list)  # not accepted by any review
    accepted: list[Accepted] = field(default_factory=list)
    unmatched_reviews: list[UnmatchedReview] = field(default_factory=list)


def guard_log(log: DisclosureLog, guard: GuardSettings) -> GuardResult:
    result = GuardResult()
    earlier = earlier_records(log, guard.threshold)
    for disclosure in log.disclosures:
        findings: list[Finding] = []
        for index, table in enumerate(disclosure.figures):
            findings += small_number_findings(disclosure, index, table, guard)
            findings += differencing_findings(disclosure, index, table)
        findings += personal_data_findings(disclosure, guard.contacts)
        findings += attachment_findings(disclosure, guard)
        findings += cross_record_findings(
            disclosure, earlier.get(disclosure.reference, []), guard.threshold
        )
        open_findings, accepted, unmatched = apply_reviews(disclosure, findings)
        result.findings += open_findings
        result.accepted += accepted
        result.unmatched_reviews += unmatched
    return result
