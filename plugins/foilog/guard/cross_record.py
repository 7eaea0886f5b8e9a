"""The same figure published differently in two records, so the difference is a small number.

`cross_record_findings` is pure: the caller finds the earlier records on the same topics
(the build uses the search index for that) and passes them in.
"""

from __future__ import annotations

from collections.abc import Iterable

from foilog.guard.findings import Finding
from foilog.guard.tables import Position, cell_finding, entries
from foilog.records.model import Disclosure, FigureTable, Period

Figure = tuple[float, int, FigureTable, Position]  # value, table index, table, position


def cross_record_findings(
    disclosure: Disclosure, earlier: Iterable[Disclosure], threshold: int
) -> list[Finding]:
    """Advisory findings for figures of `disclosure` that differ from an earlier record's by
    1 to threshold - 1, where both records share a topic and a period and the figure's row
    and column labels are the same."""
    mine = _figures(disclosure)
    findings: list[Finding] = []
    if not mine:
        return findings
    for other in earlier:
        if other is disclosure or not set(disclosure.topic_slugs) & set(other.topic_slugs):
            continue
        if not _same_period(disclosure.periods, other.periods):
            continue
        theirs = _figures(other)
        for label, (value, index, table, position) in mine.items():
            if label not in theirs:
                continue
            difference = abs(value - theirs[label][0])
            if 0 < difference < threshold:
                findings.append(
                    cell_finding(
                        disclosure,
                        index,
                        table,
                        position,
                        "cross-record-difference",
                        f"{_show(value)} here and {_show(theirs[label][0])} in {other.reference} "
                        f"for the same figure differ by {_show(difference)}, a small number",
                        f"publish the same figure as {other.reference}, or explain the change "
                        "without giving the difference, and add a review entry",
                        advisory=True,
                    )
                )
    return findings


def published_counts(disclosure: Disclosure) -> dict[tuple[str, str, str], float]:
    """Each published count by (period, row label, column label): two records can only give
    a finding where they share a key and its values differ by a small number."""
    figures = _figures(disclosure)
    periods = {key for p in disclosure.periods for key in _period_keys(p)} or {""}
    return {
        (period, row, column): figure[0]
        for period in periods
        for (row, column), figure in figures.items()
    }


def _figures(disclosure: Disclosure) -> dict[tuple[str, str], Figure]:
    """Published counts by (row label, column label). A total is named by what it adds up,
    so the totals of two tables with different rows are never taken for the same figure."""
    found: dict[tuple[str, str], Figure] = {}
    for index, table in enumerate(disclosure.figures):
        if table.unit != "count":
            continue
        for position, cell in entries(table):
            if cell.number is None or position[0] == "total":
                continue
            kind = position[0]
            if kind == "cell":
                row = table.rows[int(position[1])]
                column = table.columns[int(position[2])] if table.columns else ""
            elif kind == "row_total":
                row, column = table.rows[int(position[1])], "total of " + "|".join(table.columns)
            else:
                row = "total of " + "|".join(table.rows)
                column = table.columns[int(position[1])] if table.columns else ""
            found.setdefault((_label(row), _label(column)), (cell.number, index, table, position))
    return found


def _same_period(mine: list[Period], theirs: list[Period]) -> bool:
    if not mine and not theirs:
        return True  # then the labels must carry the period
    keys = {key for p in mine for key in _period_keys(p)}
    return any(key in keys for p in theirs for key in _period_keys(p))


def _period_keys(period: Period) -> set[str]:
    """A period is the same as another with the same dates, or with the same label."""
    keys = {"label:" + _label(period.label)}
    if period.start or period.end:
        start = period.start.iso if period.start else ""
        end = period.end.iso if period.end else ""
        keys.add(f"dates:{start}:{end}")
    return keys


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _show(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)
