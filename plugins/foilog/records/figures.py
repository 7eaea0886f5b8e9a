"""Figure cells and the rule that published totals add up."""

from __future__ import annotations

import re
from typing import Any

from foilog.records.model import Cell, FigureTable

_LESS_THAN = re.compile(r"^<\s*([0-9]+)$")
SUPPRESSED_HELP = 'a number, or a suppressed marker such as "<5" or "*"'


def parse_cell(raw: Any, unit: str) -> Cell | None:
    """A Cell, or None when `raw` is neither a number nor a known marker."""
    if unit == "text":
        return Cell(raw, None, False, None) if isinstance(raw, str | int | float) else None
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return Cell(raw, float(raw), False, None)
    if isinstance(raw, str):
        text = raw.strip()
        if text == "*":
            return Cell(raw, None, True, None)
        match = _LESS_THAN.match(text)
        if match and int(match.group(1)) > 0:
            return Cell(raw, None, True, float(int(match.group(1)) - 1))
    return None


def describe_cell(cell: Cell) -> str:
    """The cell in words, as a screen reader or CSV reader should see it."""
    if cell.suppressed:
        if cell.upper_bound is not None:
            return f"fewer than {int(cell.upper_bound) + 1}"
        return "suppressed"
    return str(cell.raw)


def total_problem(cells: list[Cell], total: Cell, unit: str) -> str | None:
    """Why `total` cannot be the sum of `cells`, or None when it can."""
    if unit in ("percentage", "text") or total.number is None:
        return None
    known = sum(c.number for c in cells if c.number is not None)
    suppressed = [c for c in cells if c.suppressed]
    tolerance = 0.005 * (len(cells) + 1) if unit == "money" else 1e-9
    if not suppressed:
        if abs(known - total.number) > tolerance:
            return f"the cells add up to {_show(known)}"
        return None
    if total.number < known - tolerance:
        return f"the known cells already add up to {_show(known)}"
    if all(c.upper_bound is not None for c in suppressed):
        highest = known + sum(c.upper_bound or 0 for c in suppressed)
        if total.number > highest + tolerance:
            return f"the cells add up to at most {_show(highest)}"
    return None


def totals_problems(table: FigureTable) -> list[tuple[str, int | None, str]]:
    """(field, index, problem) for each published total that does not add up."""
    problems: list[tuple[str, int | None, str]] = []
    every_cell = [cell for row in table.cells for cell in row]
    if table.row_totals:
        for index, (row, total) in enumerate(zip(table.cells, table.row_totals, strict=True)):
            if why := total_problem(row, total, table.unit):
                problems.append(("row_totals", index, why))
    if table.column_totals:
        for index, total in enumerate(table.column_totals):
            column = [row[index] for row in table.cells]
            if why := total_problem(column, total, table.unit):
                problems.append(("column_totals", index, why))
    if table.total is not None and (why := total_problem(every_cell, table.total, table.unit)):
        problems.append(("total", None, why))
    return problems


def _show(number: float) -> str:
    return f"{number:,.2f}" if number != int(number) else f"{int(number):,}"
