"""The case register: every request received, one row each, read through a mapping file.

Rows are joined to published records by reference. A field the row leaves empty is taken
from the record, where there is one; nothing from an unpublished row is ever published
but the counts. Every fault is one line, `file:row: column (field): expected …; found …`,
and stops the build, as a faulty record does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from foilog.core.paths import shown
from foilog.records.column_mapping import Mapping, MappingError, RowError, read_rows
from foilog.records.dates import PartialDate
from foilog.records.model import OUTCOME_LABELS, Disclosure, Timeliness
from foilog.records.problems import Problem
from foilog.records.register import ExemptionRegister
from foilog.records.timeliness import assess_dates, clock_events
from foilog.records.working_days import calendar_for
from foilog.settings.case_register import CaseRegisterSource
from foilog.statistics.cases import (
    NOT_RECORDED,
    STATUSES,
    Case,
    Review,
    case_from_record,
    exemption_key,
    make_review,
)

ACTS = ("foia", "eir", "foisa")
REVIEW_RESULTS = ("upheld", "partly-upheld", "overturned")
_CITED_AS = re.compile(r"^(?:section|sect|sec|s|regulation|reg|r)\.?", re.I)
_YES, _NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0"}


@dataclass
class RegisterCases:
    cases: list[Case]
    from_register: bool
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def site_cases(
    source: CaseRegisterSource | None,
    disclosures: list[Disclosure],
    register: ExemptionRegister,
    jurisdiction: str,
) -> RegisterCases:
    """The requests the statistics count: the register's rows, or without one the records."""
    if source is None:
        return RegisterCases([case_from_record(d, jurisdiction) for d in disclosures], False)
    return load_cases(source, disclosures, register, jurisdiction)


class _Row:
    """One row's cells, read through the mapping; each fault raises RowError."""

    def __init__(self, mapping: Mapping, row: dict[str, Any]) -> None:
        self.mapping, self.row = mapping, row

    def text(self, key: str) -> str | None:
        value = self.mapping.cell(self.row, key)
        return None if value is None else str(value).strip()

    def choice(self, key: str, allowed: tuple[str, ...] | list[str]) -> str | None:
        value = self.text(key)
        if value is not None and value not in allowed:
            raise RowError(
                f"column {self.mapping.columns[key]!r} ({key}): expected one of "
                f"{', '.join(allowed)}; found {value!r}"
            )
        return value

    def day(self, key: str) -> PartialDate | None:
        text = self.mapping.date(self.row, key)
        if text is None:
            return None
        date = PartialDate.parse(text)
        if date.as_date is None:
            raise RowError(
                f"column {self.mapping.columns[key]!r} ({key}): expected a full date such as "
                f"2025-04-03; found {text!r}"
            )
        return date

    def extension(self) -> dt.date | bool:
        """The day an extension was given, True for one given in time, False for none."""
        value = self.mapping.cell(self.row, "extension")
        if value is None or str(value).strip().lower() in _NO:
            return False
        if str(value).strip().lower() in _YES:
            return True
        day = self.day("extension")
        assert day is not None and day.as_date is not None
        return day.as_date


def load_cases(
    source: CaseRegisterSource,
    disclosures: list[Disclosure],
    register: ExemptionRegister,
    jurisdiction: str,
) -> RegisterCases:
    """Every row of the register as a Case, and every published record no row names."""
    name = shown(source.path)
    try:
        header, rows = read_rows(source.path)
        source.mapping.check_header(source.path, header)
    except MappingError as error:
        problem = Problem(name, 1, "", "a readable case register", str(error))
        return RegisterCases([], True, [problem])
    result = RegisterCases([], True)
    records = {d.reference: d for d in disclosures}
    seen: dict[str, int] = {}
    for number, cells in rows:
        try:
            reference, case = _case(_Row(source.mapping, cells), records, register, jurisdiction)
        except RowError as error:
            field_name, _, rest = str(error).partition(": ")
            expected, _, found = rest.partition("; found ")
            if not found:
                expected, found = "a value", rest
            result.problems.append(
                Problem(name, number, field_name, expected.removeprefix("expected "), found)
            )
            continue
        if reference in seen:
            result.problems.append(
                Problem(
                    name,
                    number,
                    "reference",
                    "a reference on no other row",
                    f"{reference!r}, also on row {seen[reference]}",
                )
            )
            continue
        seen[reference] = number
        record = records.get(reference)
        if record is not None and record.received and case.received != record.received:
            result.warnings.append(
                f"{name}:{number}: received is {case.received.iso if case.received else 'empty'}"
                f", but the record {record.source} says {record.received.iso}"
            )
        result.cases.append(case)
    for disclosure in disclosures:
        if disclosure.reference not in seen:
            result.warnings.append(
                f"{disclosure.source}: reference {disclosure.reference} is published but not in "
                f"the case register {name}; it is counted from its record"
            )
            result.cases.append(case_from_record(disclosure, jurisdiction))
    return result


def _case(
    row: _Row, records: dict[str, Disclosure], register: ExemptionRegister, jurisdiction: str
) -> tuple[str, Case]:
    reference = row.text("reference") or ""
    record = records.get(reference)
    act = row.choice("act", ACTS) or (record.act if record else "foia")
    status = row.choice("status", STATUSES) or "open"
    received, closed = row.day("received"), row.day("closed")
    if status == "answered" and closed is None:
        raise RowError(
            f"column {row.mapping.columns.get('closed', 'closed')!r} (closed): expected the "
            "date an answered request was closed; found nothing"
        )
    if status == "open" and closed is not None:
        raise RowError(
            f"column {row.mapping.columns['status']!r} (status): expected answered, withdrawn or "
            f"lapsed for a request closed on {closed.iso}; found 'open'"
        )
    if received and closed and closed.earliest() < received.earliest():
        raise RowError(
            f"column {row.mapping.columns['closed']!r} (closed): expected a date on or after "
            f"received ({received.iso}); found {closed.iso!r}"
        )
    outcome, exemptions, timeliness = None, frozenset[str](), None
    if status == "answered":
        outcome = row.choice("outcome", list(OUTCOME_LABELS))
        if outcome is None:
            outcome = (record.outcome if record else None) or NOT_RECORDED
        exemptions = _exemptions(row, act, register)
        if not exemptions and record is not None:
            exemptions = case_from_record(record, jurisdiction).exemptions
        timeliness = _timeliness(row, record, act, jurisdiction, received, closed)
    return reference, Case(
        act=act,
        received=received,
        closed=closed,
        status=status,
        outcome=outcome,
        exemptions=exemptions,
        timeliness=timeliness,
        reviews=_reviews(row, record, act, jurisdiction),
    )


def _exemptions(row: _Row, act: str, register: ExemptionRegister) -> frozenset[str]:
    keys = set()
    for citation in row.mapping.items(row.row, "exemptions"):
        # "s40(2)", "Section 40(2)", "reg 12(4)(a)" and "40(2)" are the same citation.
        entry = register.resolve(act, _CITED_AS.sub("", citation.replace(" ", "")))
        if entry is None:
            raise RowError(
                f"column {row.mapping.columns['exemptions']!r} (exemptions): expected a "
                f"section of the {act.upper()} register such as 40(2); found {citation!r}"
            )
        keys.add(exemption_key(entry))
    return frozenset(keys)


def _timeliness(
    row: _Row,
    record: Disclosure | None,
    act: str,
    jurisdiction: str,
    received: PartialDate | None,
    closed: PartialDate | None,
) -> Timeliness | None:
    start = received.as_date if received else None
    end = closed.as_date if closed else None
    if start is None or end is None:
        return None
    extension, clarified = row.extension(), row.day("clarified")
    if extension is False and clarified is None and record is not None:
        events = clock_events(record.history)  # the record's own events, when the row has none
    else:
        events = []
        if clarified is not None and clarified.as_date is not None:
            events.append((clarified.as_date, "clarification-received"))
        if extension is True:
            events.append((start, "extension"))  # given in time, as the register says
        elif extension is not False:
            events.append((extension, "extension"))
    return assess_dates(start, end, sorted(events), calendar_for(act, jurisdiction))


def _reviews(
    row: _Row, record: Disclosure | None, act: str, jurisdiction: str
) -> tuple[Review, ...]:
    requested, completed = row.day("review_requested"), row.day("review_completed")
    result = row.choice("review_result", REVIEW_RESULTS)
    if requested is None and completed is None:
        return case_from_record(record, jurisdiction).reviews if record else ()
    if requested is None:
        raise RowError(
            f"column {row.mapping.columns.get('review_requested', 'review_requested')!r} "
            "(review_requested): expected the "
            "date the review was asked for, beside its completion date; found nothing"
        )
    return (make_review(requested, completed, result, act, jurisdiction),)
