"""The publish guard: findings that could identify a person, and the reviews that accept them.

One small module per family of checks; `guard_log` runs them all over a checked log.
See docs/publish-guard.md for the rules.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from foilog.core.cache_files import KeptValues
from foilog.core.fingerprint import code_fingerprint
from foilog.guard.attachments import attachment_findings
from foilog.guard.cross_record import cross_record_findings
from foilog.guard.differencing import differencing_findings
from foilog.guard.earlier_records import earlier_records
from foilog.guard.findings import Accepted, Finding, UnmatchedReview, apply_reviews
from foilog.guard.name_labels import name_label_findings
from foilog.guard.percentages import percentage_base_findings
from foilog.guard.personal_data import personal_data_findings
from foilog.guard.small_numbers import small_number_findings, table_threshold
from foilog.guard.text_counts import text_count_findings
from foilog.guard.translations import translation_findings
from foilog.guard.worked_out import worked_out_findings
from foilog.records.model import Disclosure, DisclosureLog
from foilog.settings import GuardSettings

__all__ = ["Accepted", "Finding", "GuardResult", "UnmatchedReview", "guard_log"]


@dataclass
class GuardResult:
    findings: list[Finding] = field(default_factory=list)  # not accepted by any review
    accepted: list[Accepted] = field(default_factory=list)
    unmatched_reviews: list[UnmatchedReview] = field(default_factory=list)


def guard_log(
    log: DisclosureLog,
    guard: GuardSettings,
    cache_folder: Path | None = None,
    languages: tuple[str, ...] = ("en",),
) -> GuardResult:
    """`languages`: FOILOG_LANGUAGES, each of whose translations every record must hold.
    `cache_folder`, when given, keeps each record's own findings (those that depend on
    nothing but its file, the guard settings and this code) between runs, under a hash of
    the record's file, and each attachment's under a hash of its bytes, as well as the keys
    its figures are compared under and the records found close (foilog.guard.earlier_records).
    Comparisons with other records are made on every run."""
    result = GuardResult()
    kept = KeptValues(cache_folder, version=_version(guard)) if cache_folder else None
    earlier = earlier_records(log, guard.threshold, kept)
    for disclosure in log.disclosures:
        findings = _own_findings(disclosure, guard, kept)
        findings += attachment_findings(disclosure, guard, kept)
        if disclosure.reference in earlier:
            findings += cross_record_findings(
                disclosure, earlier[disclosure.reference], guard.threshold
            )
        findings += _translation_findings(disclosure, languages, kept)
        open_findings, accepted, unmatched = apply_reviews(disclosure, findings)
        result.findings += open_findings
        result.accepted += accepted
        result.unmatched_reviews += unmatched
    for disclosure in log.withdrawn:
        open_findings, accepted, unmatched = apply_reviews(
            disclosure, personal_data_findings(disclosure, guard.contacts)
        )
        result.findings += open_findings
        result.accepted += accepted
    if kept:
        kept.save()
    return result


def _own_findings(
    disclosure: Disclosure, guard: GuardSettings, kept: KeptValues | None
) -> list[Finding]:
    def find() -> list[Finding]:
        found = []
        for index, table in enumerate(disclosure.figures):
            found += small_number_findings(disclosure, index, table, guard)
            found += differencing_findings(disclosure, index, table)
            found += percentage_base_findings(
                disclosure, index, table, table_threshold(table, guard)
            )
        found += worked_out_findings(disclosure, guard)
        found += name_label_findings(disclosure)
        found += text_count_findings(disclosure, guard.threshold)
        found += personal_data_findings(disclosure, guard.contacts)
        return found

    return _kept_findings(kept, f"{disclosure.content_hash}\0{disclosure.source}", find)


def _translation_findings(
    disclosure: Disclosure, languages: tuple[str, ...], kept: KeptValues | None
) -> list[Finding]:
    """Kept as the record's own findings are: they too depend on nothing but its file (and
    the languages), and would read every field of every record on every build."""
    text = f"translations\0{disclosure.content_hash}\0{disclosure.source}\0{languages}"
    return _kept_findings(kept, text, lambda: translation_findings(disclosure, languages))


def _kept_findings(
    kept: KeptValues | None, text: str, find: Callable[[], list[Finding]]
) -> list[Finding]:
    """The findings `find` gives, kept under a hash of `text` when `kept` is given."""
    key = hashlib.sha256(text.encode()).hexdigest()
    found: list[Finding] | None = kept.get(key) if kept else None
    if found is None:
        found = find()
        if kept:
            kept.put(key, found)
    return list(found)


def _version(guard: GuardSettings) -> str:
    """Changes with the code and with every setting a record's own findings depend on."""
    settings = (guard.threshold, guard.allow_zero, guard.contacts, sorted(guard.allowed_types))
    return repr((code_fingerprint(), *settings))
