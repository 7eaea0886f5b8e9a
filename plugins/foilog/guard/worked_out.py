"""Suppressed values that everything the record publishes narrows more than their marker
says: exactly, or to fewer values than "<5" allows (two "<5" cells in a row whose total
says they add up to 8 are both 4).

The totals-only case, a value fixed by the declared totals whatever the bounds, is the
`differencing` rule's; this rule (`differencing-bounds`) finds the rest.
"""

from __future__ import annotations

import math

from foilog.guard.differencing import neighbours, recoverable, suppressed_positions
from foilog.guard.figure_relations import record_system
from foilog.guard.figure_system import FigureSystem, Unknown
from foilog.guard.findings import Finding
from foilog.guard.small_numbers import table_threshold
from foilog.guard.tables import Position, cell_at, cell_finding, percentage_columns, place
from foilog.records.model import Disclosure
from foilog.settings import GuardSettings


def worked_out_findings(disclosure: Disclosure, guard: GuardSettings) -> list[Finding]:
    system = record_system(disclosure, guard.allow_zero)
    if system is None:
        return []
    found_by_totals: dict[int, list[Position]] = {}
    findings = []

    def safe(unknown: Unknown, low: float, high: float) -> bool:
        threshold = table_threshold(disclosure.figures[unknown[0]], guard)
        return _narrowed(system, unknown, low, high, threshold) is None

    for (index, position), (low, high) in system.intervals(safe).items():
        table = disclosure.figures[index]
        if index not in found_by_totals:
            found_by_totals[index] = recoverable(table, suppressed_positions(table))
        if position in found_by_totals[index]:
            continue
        how = _narrowed(system, (index, position), low, high, table_threshold(table, guard))
        if how is None:
            continue
        sources = system.sources((index, position))
        raw = cell_at(table, position).raw
        found = f'the suppressed value "{raw}" {how}, from {_listed(sources)}'
        findings.append(
            cell_finding(
                disclosure,
                index,
                table,
                position,
                "differencing-bounds",
                found,
                _fix(system, index, position, sources[0]),
            )
        )
    return findings


def _narrowed(
    system: FigureSystem, unknown: Unknown, low: float, high: float, threshold: int
) -> str | None:
    """How the interval [low, high] gives the value away, or None when it does not: worked
    out exactly, or, for a small count, narrowed to half the values its marker allows or
    fewer (two "<5" that must add up to 7 are each 3 or 4)."""
    own_low, own_high = system.ranges[unknown]
    whole = system.tables[unknown[0]].unit == "count"
    if math.isinf(high):
        return None
    if whole:  # counts are whole numbers
        low, high = math.ceil(low - 1e-6), math.floor(high + 1e-6)
    if high - low < (0.5 if whole else 0.01):
        return "can be worked out exactly"
    ceiling = own_high if not math.isinf(own_high) else threshold - 1
    if not whole or high > ceiling:
        return None
    allowed, left = int(ceiling - own_low) + 1, int(high - low) + 1
    if left > allowed // 2:
        return None
    return f"can be narrowed to one of {left} values, of the {allowed} its marker allows"


def _fix(system: FigureSystem, index: int, position: Position, source: str) -> str:
    table = system.tables[index]
    hidden = {p for (i, p) in system.ranges if i == index}
    candidates = sorted(
        neighbours(table, position, hidden), key=lambda p: cell_at(table, p).number or 0.0
    )
    shares = percentage_columns(table)
    larger = [
        p
        for p in candidates
        if (cell_at(table, p).number or 0) > 0 and not (p[0] == "cell" and p[2] in shares)
    ]
    if larger:
        pick = larger[0]
        short = place(index, table, pick).split(" ", 1)[1]
        return (
            f"also suppress {short} ({cell_at(table, pick).raw}), the smallest value in its row "
            f"or column, or stop publishing {source}"
        )
    return f"stop publishing {source}, or suppress more of its row or column"


def _listed(sources: list[str]) -> str:
    shown = sources[:3] + (["others"] if len(sources) > 3 else [])
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
