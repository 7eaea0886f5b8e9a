"""The same figure published differently in two records, so the difference is a small number.

Two published counts are the same figure when they have the same row and column labels,
their tables share a subject (a word of the caption, or a topic), and their periods
overlap: 120 burglaries for January to December 2024 and 121 for January 2024 to January
2025 tell that there was one in January 2025, whatever the records' topics are called.

`cross_record_findings` is pure: the caller finds the earlier records that could match
(`earlier_records`, in one pass over the log) and passes them in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from foilog.guard.findings import Finding
from foilog.guard.tables import Position, cell_finding, entries
from foilog.guard.words import words
from foilog.records.dates import PartialDate
from foilog.records.model import Disclosure, FigureTable, Period

Span = tuple[dt.date, dt.date] | str  # the dates a period covers, or its label alone


@dataclass(frozen=True, slots=True)
class Figure:
    value: float
    index: int  # the table's, in its record
    table: FigureTable
    position: Position
    label: tuple[str, str]  # row and column labels, compared without case or spacing
    subject: frozenset[str]  # the caption's words and the record's topics
    spans: tuple[Span, ...]  # empty when neither the table nor the record gives a period

    def same_as(self, other: Figure) -> bool:
        return (
            self.label == other.label
            and bool(self.subject & other.subject)
            and _overlap(self.spans, other.spans)
        )


def cross_record_findings(
    disclosure: Disclosure, earlier: Iterable[Disclosure], threshold: int
) -> list[Finding]:
    """A finding for each figure of `disclosure` that differs by 1 to threshold - 1 from the
    same figure in an earlier record."""
    findings: list[Finding] = []
    done: set[tuple[int, Position]] = set()
    mine = published_figures(disclosure)
    for other in earlier:
        if other is disclosure:
            continue
        theirs: dict[tuple[str, str], list[Figure]] = {}
        for figure in published_figures(other):
            theirs.setdefault(figure.label, []).append(figure)
        for figure in mine:
            if (figure.index, figure.position) in done:
                continue
            match = next(
                (
                    t
                    for t in theirs.get(figure.label, [])
                    if figure.same_as(t) and 0 < abs(figure.value - t.value) < threshold
                ),
                None,
            )
            if match is None:
                continue
            done.add((figure.index, figure.position))
            findings.append(_finding(disclosure, figure, other, match))
    return findings


def _finding(disclosure: Disclosure, figure: Figure, other: Disclosure, match: Figure) -> Finding:
    difference = abs(figure.value - match.value)
    return cell_finding(
        disclosure,
        figure.index,
        figure.table,
        figure.position,
        "cross-record-difference",
        f"{_show(figure.value)} here and {_show(match.value)} in {other.reference} for the "
        f"same figure over overlapping periods differ by {_show(difference)}, a small number",
        f"publish the same figure as {other.reference}, or explain the change without giving "
        "the difference, and add a review entry",
    )


def published_figures(disclosure: Disclosure) -> list[Figure]:
    """Every published count of the record that another record could publish again. A
    total is named by what it adds up, so the totals of two tables with different rows are
    never taken for the same figure; grand totals are left out for the same reason."""
    found: list[Figure] = []
    topics = frozenset("topic:" + slug for slug in disclosure.topic_slugs)
    for index, table in enumerate(disclosure.figures):
        if table.unit != "count":
            continue
        subject = words(table.caption) | topics
        spans = tuple(_span(p, disclosure) for p in _periods(disclosure, table))
        for position, cell in entries(table):
            if cell.number is None or position[0] == "total":
                continue
            label = (_label(_row(table, position)), _label(_column(table, position)))
            found.append(Figure(cell.number, index, table, position, label, subject, spans))
    return found


def bucket_keys(figure: Figure) -> set[str]:
    """Keys such that two figures over overlapping periods share at least one: each year a
    span covers, or the label of a period without dates."""
    if not figure.spans:
        return {"no period"}
    keys: set[str] = set()
    for span in figure.spans:
        if isinstance(span, str):
            keys.add("label:" + span)
        else:
            start, end = span
            keys.update(str(year) for year in range(start.year, min(end.year, start.year + 30) + 1))
    return keys


def _periods(disclosure: Disclosure, table: FigureTable) -> list[Period]:
    """The table's own period where it has one (record format 1.1), else the record's."""
    own = getattr(table, "period", None)
    return [own] if own is not None else disclosure.periods


def _span(period: Period, disclosure: Disclosure) -> Span:
    if period.start is None and period.end is None:
        return _label(period.label)
    start = period.start or period.end
    end = period.end or disclosure.date or start  # "to date": until the response
    assert start is not None and end is not None
    return _first_day(start), _last_day(end)


def _first_day(date: PartialDate) -> dt.date:
    return dt.date(date.year, date.month, date.day or 1)


def _last_day(date: PartialDate) -> dt.date:
    if date.day:
        return dt.date(date.year, date.month, date.day)
    following = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _overlap(mine: tuple[Span, ...], theirs: tuple[Span, ...]) -> bool:
    if not mine or not theirs:
        return not mine and not theirs  # then the labels must carry the period
    for a in mine:
        for b in theirs:
            if isinstance(a, str) or isinstance(b, str):
                if a == b:
                    return True
            elif a[0] <= b[1] and b[0] <= a[1]:
                return True
    return False


def _row(table: FigureTable, position: Position) -> str:
    if position[0] == "column_total":
        return "total of " + "|".join(table.rows)
    return table.rows[int(position[1])]


def _column(table: FigureTable, position: Position) -> str:
    if position[0] == "row_total":
        return "total of " + "|".join(table.columns)
    if position[0] == "column_total":
        return table.columns[int(position[1])] if table.columns else ""
    return table.columns[int(position[2])] if table.columns else ""


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _show(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)
