"""A publish-guard finding, and how review entries in a record accept findings."""

from __future__ import annotations

from dataclasses import dataclass

from foilog.records.model import Disclosure, ReviewEntry


@dataclass(frozen=True, slots=True)
class Finding:
    """Something that could identify a person if published.

    `place` is written so that staff can copy it into a review entry: a field and line in
    the record, or an attachment's name followed by its sheet and cell, page or part.
    """

    file: str  # the record, as shown in messages
    line: int  # the record's line for the field or attachment concerned
    place: str
    rule: str
    found: str
    fix: str  # one sentence

    def __str__(self) -> str:
        return f"{self.summary()}. Fix: {self.fix}"

    def summary(self) -> str:
        return f"{self.file}:{self.line}: {self.rule}: {self.place}: {self.found}"

    def matches(self, review: ReviewEntry) -> bool:
        return _same(review.rule, self.rule) and _same(review.place, self.place)


@dataclass(frozen=True, slots=True)
class Accepted:
    finding: Finding
    review: ReviewEntry

    def __str__(self) -> str:
        r = self.review
        return f"{self.finding.summary()}; reviewed by {r.by} on {r.date.iso}: {r.reason}"


@dataclass(frozen=True, slots=True)
class UnmatchedReview:
    file: str
    line: int
    index: int  # 0-based position in the record's review list
    review: ReviewEntry

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}: review[{self.index + 1}]: matches no finding "
            f"(rule {self.review.rule!r}, place {self.review.place!r}); remove it, or copy the "
            "rule and place exactly from the finding"
        )


def apply_reviews(
    disclosure: Disclosure, findings: list[Finding]
) -> tuple[list[Finding], list[Accepted], list[UnmatchedReview]]:
    """Split a record's findings into open and accepted, and list reviews that accept nothing."""
    open_findings: list[Finding] = []
    accepted: list[Accepted] = []
    used: set[int] = set()
    for finding in findings:
        index = next((i for i, r in enumerate(disclosure.review) if finding.matches(r)), None)
        if index is None:
            open_findings.append(finding)
        else:
            used.add(index)
            accepted.append(Accepted(finding, disclosure.review[index]))
    unmatched = [
        UnmatchedReview(disclosure.source, disclosure.line_of(("review", i)), i, review)
        for i, review in enumerate(disclosure.review)
        if i not in used
    ]
    return open_findings, accepted, unmatched


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
