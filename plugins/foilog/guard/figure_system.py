"""Everything a record publishes about its figures, as one linear system, and how far it
narrows each suppressed value.

Each suppressed or bounded value of a `count` or `money` table is an unknown, bounded by
what its marker says ("<5" is 1 to 4 where zeros are published, as FOILOG_GUARD_ALLOW_ZERO
lets them be, and 0 to 4 where they are suppressed too).
Each published relation between values is a linear equation or inequality: a total, a
row labelled "Total", a percentage of a published base, the same total given elsewhere.
A linear program (HiGHS, through SciPy) then finds the smallest and largest value each
unknown can take; that interval is what a reader can work out.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from foilog.guard.tables import Position, cell_at, entries, percentage_columns
from foilog.records.model import Cell, FigureTable

SOLVED_UNITS = ("count", "money")
Unknown = tuple[int, Position]  # table index in the record, position in the table
Settled = Callable[[Unknown, float, float], bool]  # values seen so far leave it safe


@dataclass
class Linear:
    """sum(coefficient * unknown) + constant."""

    terms: dict[Unknown, float] = field(default_factory=dict)
    constant: float = 0.0

    def plus(self, other: Linear, factor: float = 1.0) -> Linear:
        terms = dict(self.terms)
        for unknown, coefficient in other.terms.items():
            terms[unknown] = terms.get(unknown, 0.0) + factor * coefficient
        return Linear(terms, self.constant + factor * other.constant)

    def times(self, factor: float) -> Linear:
        return Linear().plus(self, factor)


def sum_of(parts: list[Linear]) -> Linear:
    whole = Linear()
    for part in parts:
        whole = whole.plus(part)
    return whole


@dataclass
class Relation:
    """`linear` == 0 (equal) or `linear` <= 0; `source` says what published it."""

    linear: Linear
    equal: bool
    source: str
    layer: int  # DECLARED, or how far from the declared totals it was read (see intervals)


DECLARED, OWN_TABLE, ELSEWHERE = 0, 1, 2


def is_blank(cell: Cell) -> bool:
    return bool(getattr(cell, "blank", False))


def is_unknown(table: FigureTable, cell: Cell) -> bool:
    return table.unit in SOLVED_UNITS and cell.number is None and not is_blank(cell)


def own_range(cell: Cell, lowest: float) -> tuple[float, float]:
    """What the cell's marker itself allows: "<5" is `lowest` to 4, "*" at least `lowest`,
    "more than N" at least its lower bound."""
    lower = getattr(cell, "lower_bound", None)
    upper = cell.upper_bound
    return (
        lower if lower is not None else lowest,
        upper if upper is not None else math.inf,
    )


class FigureSystem:
    def __init__(self, tables: list[FigureTable], allow_zero: bool) -> None:
        self.tables = tables
        self.ranges: dict[Unknown, tuple[float, float]] = {}
        self.relations: list[Relation] = []
        for index, table in enumerate(tables):
            percentages = percentage_columns(table)
            for position, cell in entries(table):
                if position[0] == "cell" and position[2] in percentages:
                    continue
                if is_unknown(table, cell):
                    # Where zeros are published, a suppressed count is at least 1.
                    lowest = 1.0 if allow_zero and table.unit == "count" else 0.0
                    self.ranges[(index, position)] = own_range(cell, lowest)

    def value(self, index: int, position: Position) -> Linear | None:
        """The value at a place as a linear term; None for a blank cell or a text value."""
        table = self.tables[index]
        cell = cell_at(table, position)
        if (index, position) in self.ranges:
            return Linear({(index, position): 1.0})
        if cell.number is None or is_blank(cell):
            return None
        return Linear(constant=cell.number)

    def add_total(self, total: Linear, parts: list[Linear], source: str, layer: int) -> None:
        """`total` is the sum of `parts`."""
        linear = total
        for part in parts:
            linear = linear.plus(part, -1.0)
        if linear.terms:
            self.relations.append(Relation(linear, True, source, layer))

    def add_at_most(self, smaller: Linear, larger: Linear, source: str, layer: int) -> None:
        linear = smaller.plus(larger, -1.0)
        if linear.terms:
            self.relations.append(Relation(linear, False, source, layer))

    def sum_range(self, linear: Linear) -> tuple[float, float]:
        """The range of `linear` from the unknowns' own ranges alone."""
        low = high = linear.constant
        for unknown, coefficient in linear.terms.items():
            ends = [coefficient * end for end in self.ranges[unknown]]
            low, high = low + min(ends), high + max(ends)
        return low, high

    def intervals(self, settled: Settled) -> dict[Unknown, tuple[float, float]]:
        """The smallest and largest value of each unknown that appears in a relation, or,
        for an unknown that `settled` says values seen so far already leave safe, the range
        of those values (each linear program's answer is a feasible value of every unknown,
        so most need no program of their own). What was read from labels, text or
        percentages may not be what it looked like: when the relations cannot all hold,
        those from elsewhere in the record are dropped, then those read from the table's
        own labels."""
        # Some authorities suppress zeros too, whatever the site's setting says.
        from_zero = {u: (min(low, 0.0), high) for u, (low, high) in self.ranges.items()}
        for ranges in (self.ranges, from_zero):
            for layer in (ELSEWHERE, OWN_TABLE, DECLARED):
                found = _solve([r for r in self.relations if r.layer <= layer], ranges, settled)
                if found is not None:
                    return found
        return {}

    def sources(self, unknown: Unknown) -> list[str]:
        return list(dict.fromkeys(r.source for r in self.relations if unknown in r.linear.terms))


def _solve(
    relations: list[Relation], ranges: dict[Unknown, tuple[float, float]], settled: Settled
) -> dict[Unknown, tuple[float, float]] | None:
    """None when the relations cannot all hold."""
    import numpy as np  # SciPy loads in a fraction of a second: only for records that need it
    from scipy.optimize import linprog

    unknowns = list(dict.fromkeys(u for r in relations for u in r.linear.terms))
    if not unknowns:
        return {}
    column = {u: i for i, u in enumerate(unknowns)}
    rows: dict[bool, tuple[list[list[float]], list[float]]] = {True: ([], []), False: ([], [])}
    for relation in relations:
        row = [0.0] * len(unknowns)
        for unknown, coefficient in relation.linear.terms.items():
            row[column[unknown]] = coefficient
        matrix, right = rows[relation.equal]
        matrix.append(row)
        right.append(-relation.linear.constant)
    bounds = [(ranges[u][0], None if math.isinf(ranges[u][1]) else ranges[u][1]) for u in unknowns]

    def arrays(equal: bool) -> tuple[object, object]:
        matrix, right = rows[equal]
        return (np.array(matrix), np.array(right)) if matrix else (None, None)

    a_eq, b_eq = arrays(True)
    a_ub, b_ub = arrays(False)
    seen: dict[Unknown, tuple[float, float]] = {}
    for i, unknown in enumerate(unknowns):
        for sign in (1.0, -1.0):
            if unknown in seen and settled(unknown, *seen[unknown]):
                break
            objective = np.zeros(len(unknowns))
            objective[i] = sign
            result = linprog(
                objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs"
            )
            if result.status == 2:
                return None
            if result.status == 3:  # unbounded above
                low, _ = seen.get(unknown, (ranges[unknown][0], math.inf))
                seen[unknown] = (low, math.inf)
                continue
            for u, value in zip(unknowns, result.x, strict=True):
                low, high = seen.get(u, (value, value))
                seen[u] = (min(low, value), max(high, value))
    return seen
