"""The disclosure log's objects, built from records that have passed validation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from foilog.core.pickling import quick_pickling
from foilog.core.translation import N_
from foilog.records.dates import PartialDate
from foilog.records.register import ACT_SHORT, ExemptionEntry
from foilog.records.yaml_source import Path_, nearest_line, unpack_lines

OUTCOME_LABELS = {
    "disclosed": N_("Disclosed"),
    "partially-disclosed": N_("Partially disclosed"),
    "refused": N_("Refused"),
    "not-held": N_("Information not held"),
    "neither-confirm-nor-deny": N_("Neither confirmed nor denied"),
    "not-recorded": N_("Not recorded in the original response"),  # a legacy record's null outcome
}
NOT_RECORDED = N_("Not recorded in the original response")  # a legacy record's null field

EVENT_LABELS = {
    "clarification-requested": N_("Clarification requested"),
    "clarification-received": N_("Clarification received"),
    "combined-for-cost": N_("Requests combined for cost"),
    "advice-and-assistance": N_("Advice and assistance (section 16)"),
    "internal-review-requested": N_("Internal review requested"),
    "internal-review-outcome": N_("Internal review outcome"),
    "ico-decision": N_("ICO decision notice"),
    "extension": N_("Time limit extended"),
    "withdrawn": N_("Withdrawn"),
    "follow-up": N_("Follow-up letter"),
    "correction": N_("Correction"),
}

ACT_LABELS = {
    "foia": N_("Freedom of Information Act 2000"),
    "eir": N_("Environmental Information Regulations 2004"),
    "foisa": N_("Freedom of Information (Scotland) Act 2002"),
}


# An internal review's result, as its history event gives it.
REVIEW_RESULT_LABELS = {
    "upheld": N_("upheld"),
    "partly-upheld": N_("partly upheld"),
    "overturned": N_("overturned"),
}

STATUS_LABELS = {
    "on-time": N_("On time"),
    "extended": N_("On time with an extension"),
    "late": N_("Late"),
}


@quick_pickling
@dataclass(frozen=True, slots=True)
class Translated:
    """One field in another language, with the short hash of the English it translates."""

    text: str | list[str]  # a list for a figure's row or column labels
    hash: str  # foilog.records.translated_fields.english_hash of the English, when written


# language code -> field name -> its translation: the object's `cy:` mapping
Translations = dict[str, dict[str, Translated]]


@quick_pickling
@dataclass(frozen=True, slots=True)
class Timeliness:
    working_days: int  # taken, with the clock's stops left out
    clock_started: dt.date  # receipt, or the last clarification received
    deadline: dt.date  # working day 20
    extended_deadline: dt.date | None  # working day 40, when an extension was given in time
    status: str  # a key of STATUS_LABELS

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(slots=True)
class Part:
    number: str  # "2b"
    text: str | None  # None only in a legacy record: not recorded
    outcome: str  # "not-recorded" for a legacy record's null
    answer: str | None
    answer_recorded: bool = True  # False: a legacy record's null answer
    translations: Translations = field(default_factory=dict)


@dataclass(slots=True)
class Question:
    number: str  # "2"
    text: str | None  # None only in a legacy record: not recorded
    outcome: str  # "not-recorded" for a legacy record's null
    answer: str | None
    parts: list[Part]
    answer_recorded: bool = True  # False: a legacy record's null answer
    translations: Translations = field(default_factory=dict)


@dataclass(slots=True)
class Period:
    kind: str
    label: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    translations: Translations = field(default_factory=dict)


@dataclass(slots=True)
class CitedExemption:
    citation: str  # exactly as cited: "31(1)(a)(b)"
    entry: ExemptionEntry  # the register entry it resolves to
    questions: list[str]
    reason: str | None  # None only in a legacy record: not recorded
    public_interest: str | None
    ncnd: bool
    ncnd_scope: str | None = None  # the class of information an NCND statement covers
    translations: Translations = field(default_factory=dict)

    @property
    def label(self) -> str:
        """'Section 31(1)(a)(b)', as cited."""
        return f"{ACT_SHORT[self.entry.act]} {self.citation}"


@dataclass(slots=True)
class Cell:
    """One figure: `number` is None for suppressed, bounded, blank or text cells.

    The bounds are the values the cell can take, both included: a "<5" marker and a
    `{fewer_than: 5}` count have upper_bound 4, a `{more_than: 20}` count lower_bound 21."""

    raw: Any
    number: float | None
    suppressed: bool
    upper_bound: float | None  # the largest value a "<N" marker or {fewer_than: N} allows
    lower_bound: float | None = None  # the smallest value {more_than: N} allows
    blank: bool = False  # null: no figure given, distinct from 0 and from suppressed

    @property
    def bounded(self) -> bool:
        return (
            self.number is None
            and not self.suppressed
            and not self.blank
            and (self.upper_bound is not None or self.lower_bound is not None)
        )


@dataclass(slots=True)
class FigureTable:
    caption: str
    unit: str
    rows: list[str]
    columns: list[str]  # empty for a one-dimensional table
    cells: list[list[Cell]]  # one list per row; one cell per column (or one cell)
    row_totals: list[Cell] | None
    column_totals: list[Cell] | None
    total: Cell | None
    questions: list[str]
    outside_act: bool
    note: str | None
    threshold: int | None = None  # a reviewed per-table small-number threshold
    period: Period | None = None  # the time the figures cover
    translations: Translations = field(default_factory=dict)

    @property
    def two_dimensional(self) -> bool:
        return bool(self.columns)

    @property
    def has_suppressed(self) -> bool:
        return any(cell.suppressed for row in self.cells for cell in row)


@dataclass(slots=True)
class Redirection:
    body: str
    about: str
    url: str | None
    questions: list[str]
    translations: Translations = field(default_factory=dict)


@dataclass(slots=True)
class Attachment:
    title: str
    file: str | None  # path relative to the record's folder
    url: str | None
    kind: str  # "CSV", "PDF document" …
    size: int | None  # bytes, for local files
    withdrawn: HistoryEvent | None = None  # the history event that withdrew it
    published: bool = True  # False: released to the requester but not published here
    reason: str | None = None  # why an unpublished attachment is not here
    translations: Translations = field(default_factory=dict)


@dataclass(slots=True)
class HistoryEvent:
    date: PartialDate
    event: str
    note: str
    references: list[str]
    result: str | None
    file: str | None = None  # with a withdrawal: the attachment withdrawn
    text: str | None = None  # a later letter's own text
    translations: Translations = field(default_factory=dict)

    @property
    def label(self) -> str:
        return N_("Attachment withdrawn") if self.file else EVENT_LABELS[self.event]

    @property
    def result_label(self) -> str | None:
        """An internal review's result in words: "partly upheld"."""
        return REVIEW_RESULT_LABELS.get(self.result, self.result) if self.result else None


@dataclass(slots=True)
class ReviewEntry:
    rule: str
    place: str
    by: str
    date: PartialDate
    reason: str


class KeptBody(Protocol):
    """The fields a record read back from the cache left out (see Disclosure.kept_body)."""

    @property
    def fields(self) -> tuple[str, ...]:
        """Their names."""

    @property
    def outcomes_present(self) -> frozenset[str]:
        """Disclosure.outcomes_present, known without the questions."""

    def load(self, disclosure: Disclosure) -> None:
        """Set the fields left out."""


@dataclass(slots=True)
class Disclosure:
    reference: str
    title: str
    act: str
    received: PartialDate | None
    responded: PartialDate | None
    outcome: str
    questions: list[Question]
    topics: list[str]  # as written
    topic_slugs: list[str]
    periods: list[Period]
    exemptions: list[CitedExemption]
    figures: list[FigureTable]
    redirections: list[Redirection]
    response: str | None
    attachments: list[Attachment]
    history: list[HistoryEvent]
    related: list[str]
    sensitive: bool
    review: list[ReviewEntry]
    source: str  # the record file, as shown in messages
    source_path: Path
    reference_line: int
    slug: str
    url: str  # "disclosures/2025/000123-25/"
    related_disclosures: list[Disclosure] = field(default_factory=list)
    related_unpublished: list[str] = field(default_factory=list)  # named, not in the log
    field_lines: bytes = field(default=b"", repr=False)  # yaml_source.pack_lines
    timeliness: Timeliness | None = None  # set by load_log, with the act's working days
    content_hash: str = ""  # of the record file's bytes, set by load_log
    legacy: bool = False  # migrated from an older log; null fields were not recorded
    draft: bool = False  # made by `foilog migrate`, not yet reviewed
    migration_notes: list[str] = field(default_factory=list)
    translations: Translations = field(default_factory=dict)
    language: str = "en"  # the language of the authority's fields: see records.translations
    # Set on a record read back from the cache (checks.checked_records) whose longest fields
    # (its questions, figures, letter text...) are read in only when first asked for: a
    # rebuild reads every record, and needs those of a few. (Such a record is read, never
    # changed: a field set before they are read in would be overwritten by them.)
    kept_body: KeptBody | None = field(default=None, init=False, repr=False, compare=False)

    if not TYPE_CHECKING:  # to the type checker, as to the code, every field is always there

        def __getattr__(self, name: str) -> Any:
            # Called only for a field not set: one a record from the cache left out.
            body = self.kept_body if name != "kept_body" else None
            if body is None or name not in body.fields:
                raise AttributeError(name)
            self.kept_body = None
            try:
                body.load(self)
            except BaseException:
                self.kept_body = body  # so that the next read fails the same way
                raise
            return getattr(self, name)

    @property
    def withdrawn(self) -> HistoryEvent | None:
        """The history event that withdrew the whole record, if one did."""
        return next((h for h in self.history if h.event == "withdrawn" and not h.file), None)

    @property
    def published_attachments(self) -> list[Attachment]:
        return [a for a in self.attachments if not a.withdrawn]

    def line_of(self, path: Path_) -> int:
        """The record file's line for a field, so messages can point at it."""
        return nearest_line(unpack_lines(self.field_lines), path)

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS[self.outcome]

    @property
    def date(self) -> PartialDate | None:
        return self.responded or self.received

    @property
    def outcomes_present(self) -> set[str]:
        """Every outcome given to a question or part, and the overall outcome."""
        if self.kept_body is not None:  # known without reading the questions in
            return set(self.kept_body.outcomes_present)
        found = {self.outcome}
        for question in self.questions:
            found.add(question.outcome)
            found.update(part.outcome for part in question.parts)
        return found

    def sort_key(self) -> tuple[int, str, str]:
        date = self.date
        return (1 if date else 0, date.iso if date else "", self.reference)


@dataclass
class DisclosureLog:
    disclosures: list[Disclosure]  # newest first; the published ones
    withdrawn: list[Disclosure] = field(default_factory=list)  # a notice at each old address

    def by_reference(self) -> dict[str, Disclosure]:
        return {d.reference: d for d in self.disclosures}

    @cached_property
    def topic_labels(self) -> dict[str, str]:
        """Each topic slug's label, as the newest record wrote it ('stop-and-search' -> ...)."""
        labels: dict[str, str] = {}
        for disclosure in self.disclosures:
            for slug, label in zip(disclosure.topic_slugs, disclosure.topics, strict=True):
                labels.setdefault(slug, label)
        return labels
