"""Differencing: a suppressed value must not be recoverable from the published totals.

Every published total is an equation: the cells it covers add up to it. A suppressed
value is recoverable exactly when those equations fix it, whatever the other suppressed
values are. That is decided by linear algebra over the suppressed values alone, which
covers one suppressed cell alone in a line with a published total, totals worked out
from other totals, and chains of lines in two-dimensional tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from foilog.guard.findings import Finding
from foilog.guard.tables import (
    Position,
    cell_at,
    cell_finding,
    declared_lines,
    entries,
    place,
)
from foilog.records.model import Disclosure, FigureTable

CHECKED_UNITS = ("count", "money")
Equation = dict[Position, int]


def _equations(table: FigureTable, hidden: set[Position]) -> list[Equation]:
    """One equation per published total, over the hidden (suppressed) values only."""
    equations = []
    for total, covered in declared_lines(table):
        equation = {p: 1 for p in covered if p in hidden}
        if total in hidden:
            equation[total] = -1
        if equation:
            equations.append(equation)
    return equations


def recoverable(table: FigureTable, hidden: set[Position]) -> list[Position]:
    """The hidden values that the published totals fix, in table order."""
    variables = [p for p, _ in entries(table) if p in hidden]
    column = {p: i for i, p in enumerate(variables)}
    matrix = []
    for equation in _equations(table, hidden):
        row = [Fraction(0)] * len(variables)
        for position, coefficient in equation.items():
            row[column[position]] = Fraction(coefficient)
        matrix.append(row)
    # Reduced row echelon form: a variable is fixed when its pivot row has nothing else.
    pivots: list[tuple[int, int]] = []
    top = 0
    for j in range(len(variables)):
        found = next((i for i in range(top, len(matrix)) if matrix[i][j] != 0), None)
        if found is None:
            continue
        matrix[top], matrix[found] = matrix[found], matrix[top]
        lead = matrix[top][j]
        matrix[top] = [value / lead for value in matrix[top]]
        for i, row in enumerate(matrix):
            if i != top and row[j] != 0:
                factor = row[j]
                matrix[i] = [a - factor * b for a, b in zip(row, matrix[top], strict=True)]
        pivots.append((top, j))
        top += 1
    fixed = {
        variables[j]
        for i, j in pivots
        if all(value == 0 for k, value in enumerate(matrix[i]) if k != j)
    }
    return [p for p in variables if p in fixed]


def suppressed_positions(table: FigureTable) -> set[Position]:
    return {p for p, cell in entries(table) if cell.suppressed}


def propose_secondary(table: FigureTable) -> list[Position]:
    """Published cells to suppress as well, smallest first, until nothing can be worked out.

    Greedy: for the first recoverable value, take the smallest published cell in its row or
    column that protects it (or, failing that, the smallest there, and go on). Non-zero
    cells are preferred, because a published zero usually says nothing about a person.
    """
    hidden = suppressed_positions(table)
    chosen: list[Position] = []
    for _ in range(sum(len(row) for row in table.cells)):
        exposed = recoverable(table, hidden)
        if not exposed:
            return chosen
        target = exposed[0]
        candidates = sorted(neighbours(table, target, hidden), key=lambda p: _size(table, p))
        if not candidates:
            break
        pick = next(
            (p for p in candidates if target not in recoverable(table, hidden | {p})),
            candidates[0],
        )
        hidden.add(pick)
        chosen.append(pick)
    return chosen if not recoverable(table, hidden) else []


def neighbours(table: FigureTable, target: Position, hidden: set[Position]) -> Iterable[Position]:
    """Published values that share a line with `target`: cells for a cell, totals for a total."""
    for position, cell in entries(table):
        if position in hidden or cell.number is None:
            continue
        if target[0] == "cell" and position[0] == "cell":
            if position[1] == target[1] or position[2] == target[2]:
                yield position
        elif target[0] != "cell" and position[0] != "cell":
            yield position


def _size(table: FigureTable, position: Position) -> tuple[bool, float, Position]:
    number = cell_at(table, position).number or 0.0
    return (number == 0, number, position)


def differencing_findings(disclosure: Disclosure, index: int, table: FigureTable) -> list[Finding]:
    if table.unit not in CHECKED_UNITS or not suppressed_positions(table):
        return []
    hidden = suppressed_positions(table)
    exposed = recoverable(table, hidden)
    if not exposed:
        return []
    proposal = propose_secondary(table)
    if proposal:
        named = " and ".join(
            f"{_short_place(index, table, p)} ({cell_at(table, p).raw})" for p in proposal
        )
        fix = f"also suppress {named}, the smallest values that protect it"
    else:
        fix = "stop publishing the totals that give it away, or suppress more of its row or column"
    return [
        cell_finding(
            disclosure, index, table, position, "differencing", _why(table, position, hidden), fix
        )
        for position in exposed
    ]


def _short_place(index: int, table: FigureTable, position: Position) -> str:
    """The place without its table, which the finding already names."""
    short = place(index, table, position).split(" ", 1)[1]
    return "the grand total" if short == "total" else short


def _why(table: FigureTable, position: Position, hidden: set[Position]) -> str:
    value = f'the suppressed value "{cell_at(table, position).raw}"'
    if position[0] == "cell":
        r, c = int(position[1]), int(position[2])
        alone_in_row = all(
            ("cell", r, k) not in hidden for k in range(len(table.cells[r])) if k != c
        )
        alone_in_column = all(
            ("cell", k, c) not in hidden for k in range(len(table.cells)) if k != r
        )
        if table.row_totals and alone_in_row and ("row_total", r) not in hidden:
            return f"{value} is the only one in its row, whose total is published"
        if table.column_totals and alone_in_column and ("column_total", c) not in hidden:
            line = "column" if table.columns else "table"
            return f"{value} is the only one in its {line}, whose total is published"
        if not table.columns and alone_in_column and table.total is not None:
            return f"{value} is the only one in the table, whose total is published"
    return f"{value} can be worked out by subtraction from the published totals"
