"""Figure cells and the rule that published totals add up.

Every cell stands for the values it can take: a number for itself, "<5" for 0 to 4, "*"
and a blank (null) for any value, `{more_than: N}` and `{fewer_than: N}` for what they say.
A total adds up when the range of its cells' sums and the range of the total meet.
"""

from __future__ import annotations

import math
import re
from typing import Any

from foilog.records.model import Cell, FigureTable

_LESS_THAN = re.compile(r"^<\s*([0-9]+)$")
SUPPRESSED_HELP = (
    'a number, a suppressed marker such as "<5" or "*", null for no figure, '
    "or {more_than: N} or {fewer_than: N}"
)
_STEP = {"count": 1.0, "money": 0.01}  # the next value a bounded cell may take; else 0


def parse_cell(raw: Any, unit: str) -> Cell | None:
    """A Cell, or None when `raw` is neither a number nor a known marker."""
    if raw is None:
        return Cell(raw, None, False, None, blank=True)
    if unit == "text":
        return Cell(raw, None, False, None) if isinstance(raw, str | int | float) else None
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return Cell(raw, float(raw), False, None)
    if isinstance(raw, dict) and len(raw) == 1:
        return _bounded(raw, unit)
    if isinstance(raw, str):
        text = raw.strip()
        if text == "*":
            return Cell(raw, None, True, None)
        match = _LESS_THAN.match(text)
        if match and int(match.group(1)) > 0:
            return Cell(raw, None, True, float(int(match.group(1)) - 1))
    return None


def _bounded(raw: dict[str, Any], unit: str) -> Cell | None:
    ((key, value),) = raw.items()
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    step = _STEP.get(unit, 0.0)
    if key == "more_than":
        return Cell(raw, None, False, None, lower_bound=float(value) + step)
    if key == "fewer_than" and value > 0:
        return Cell(raw, None, False, float(value) - step)
    return None


def describe_cell(cell: Cell) -> str:
    """The cell in words, as a screen reader or CSV reader should see it."""
    if cell.blank:
        return "no figure"
    if isinstance(cell.raw, dict):
        ((key, value),) = cell.raw.items()
        return f"{key.replace('_', ' ')} {_show(float(value))}"
    if cell.suppressed:
        if cell.upper_bound is not None:
            return f"fewer than {int(cell.upper_bound) + 1}"
        return "suppressed"
    return str(cell.raw)


def cell_range(cell: Cell) -> tuple[float, float]:
    """The smallest and largest value the cell can stand for (counts are never negative)."""
    if cell.number is not None:
        return cell.number, cell.number
    low = cell.lower_bound if cell.lower_bound is not None else 0.0
    high = cell.upper_bound if cell.upper_bound is not None else math.inf
    return low, high


def total_problem(cells: list[Cell], total: Cell, unit: str) -> str | None:
    """Why `total` cannot be the sum of `cells`, or None when it can."""
    if unit in ("percentage", "text"):
        return None
    ranges = [cell_range(c) for c in cells]
    low, high = sum(r[0] for r in ranges), sum(r[1] for r in ranges)
    total_low, total_high = cell_range(total)
    tolerance = 0.005 * (len(cells) + 1) if unit == "money" else 1e-9
    exact = all(c.number is not None for c in cells)
    if total_high < low - tolerance:
        start = "the cells add up to" if exact else "the known cells already add up to"
        return f"{start} {_show(low)}"
    if total_low > high + tolerance:
        return f"the cells add up to {'' if exact else 'at most '}{_show(high)}"
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
