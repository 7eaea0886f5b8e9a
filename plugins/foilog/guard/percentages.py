"""Percentages with a published base give counts back: 7.5% of 40 is 3.

A percentage shown to one decimal place stands for anything within half of that place, so
each one says: (p - h)% of the base <= count <= (p + h)% of the base. That is linear in the
count and the base, whether each is published or suppressed.
"""

from __future__ import annotations

import math
import re
from typing import Any

from foilog.guard.figure_system import OWN_TABLE, SOLVED_UNITS, FigureSystem, Linear, sum_of
from foilog.guard.findings import Finding
from foilog.guard.tables import cell_finding, is_total_label, percentage_columns, place
from foilog.records.model import Cell, Disclosure, FigureTable

# "(n = 40)", "n=40", "Base: 40", "base of 40 people"
_BASE = re.compile(r"\b(?:n\s*=\s*|base\s*(?:[:=]|of)?\s*)(\d[\d,]*)\b", re.IGNORECASE)


def half_unit(raw: Any) -> float:
    """Half the last decimal place shown: 7.5 stands for 7.45 to 7.55."""
    text = str(raw).strip().rstrip("%").strip()
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    return 0.5 * 10**-decimals


def add_share(
    system: FigureSystem, count: Linear, base: Linear, percent: Cell, source: str
) -> None:
    assert percent.number is not None
    h = half_unit(percent.raw)
    system.add_at_most(count, base.times((percent.number + h) / 100), source, OWN_TABLE)
    system.add_at_most(base.times(max(percent.number - h, 0.0) / 100), count, source, OWN_TABLE)


def add_percentage_columns(system: FigureSystem, index: int, table: FigureTable) -> None:
    """A "%" column beside a count column: each percentage is of that column's total."""
    shares = percentage_columns(table)
    counts = [c for c in range(len(table.columns)) if c not in shares]
    if not shares or not counts:
        return
    totals = [r for r, label in enumerate(table.rows) if is_total_label(label)]
    for c in sorted(shares):
        of = max((k for k in counts if k < c), default=counts[0])
        base = _column_base(system, index, table, of, totals)
        for r in range(len(table.rows)):
            count = system.value(index, ("cell", r, of))
            percent = table.cells[r][c]
            if r in totals or count is None or percent.number is None:
                continue
            add_share(system, count, base, percent, place(index, table, ("cell", r, c)))


def _column_base(
    system: FigureSystem, index: int, table: FigureTable, column: int, totals: list[int]
) -> Linear:
    if table.column_totals:
        found = system.value(index, ("column_total", column))
        if found is not None:
            return found
    if len(totals) == 1:
        found = system.value(index, ("cell", totals[0], column))
        if found is not None:
            return found
    rows = [r for r in range(len(table.rows)) if r not in totals]
    return sum_of([v for r in rows if (v := system.value(index, ("cell", r, column)))])


def add_percentage_tables(system: FigureSystem) -> None:
    """A `percentage` table with the same rows and columns as a count table of the record
    gives the share of each of its cells: of the table's total, or of each row's or each
    column's, whichever its published percentages add up to 100 along."""
    for p_index, shares in enumerate(system.tables):
        if shares.unit != "percentage":
            continue
        for c_index, counts in enumerate(system.tables):
            if counts.unit not in SOLVED_UNITS:
                continue
            cells = _matching_cells(shares, counts)
            if not cells:
                continue
            along = _hundred_along(shares)
            for (pr, pc), (cr, cc) in cells.items():
                percent = shares.cells[pr][pc]
                count = system.value(c_index, ("cell", cr, cc))
                if percent.number is None or count is None:
                    continue
                if along == "row":
                    base_cells = [(cr, k) for (_, _), (r, k) in cells.items() if r == cr]
                elif along == "column":
                    base_cells = [(r, cc) for (_, _), (r, k) in cells.items() if k == cc]
                else:
                    base_cells = list(cells.values())
                base = sum_of(
                    [v for r, k in base_cells if (v := system.value(c_index, ("cell", r, k)))]
                )
                add_share(system, count, base, percent, place(p_index, shares, ("cell", pr, pc)))


def _matching_cells(
    shares: FigureTable, counts: FigureTable
) -> dict[tuple[int, int], tuple[int, int]]:
    """Each cell of `shares` and the cell of `counts` with the same labels, when every row
    and column that is not a total has its match."""
    rows = _by_label(shares.rows, counts.rows)
    columns = _by_label(shares.columns, counts.columns) if shares.columns else {0: 0}
    if rows is None or columns is None or bool(shares.columns) != bool(counts.columns):
        return {}
    return {(pr, pc): (cr, cc) for pr, cr in rows.items() for pc, cc in columns.items()}


def _by_label(mine: list[str], theirs: list[str]) -> dict[int, int] | None:
    where = {_label(t): k for k, t in enumerate(theirs) if not is_total_label(t)}
    found = {i: where.get(_label(m)) for i, m in enumerate(mine) if not is_total_label(m)}
    if not found or None in found.values() or len(found) != len(where):
        return None
    return {i: k for i, k in found.items() if k is not None}


def _hundred_along(table: FigureTable) -> str:
    """ "row" or "column" when every fully published row or column adds up to 100."""
    for along, lines in (("row", table.cells), ("column", list(zip(*table.cells, strict=True)))):
        full = [line for line in lines if all(c.number is not None for c in line)]
        if len(lines) > 1 and full and all(_near_hundred(line) for line in full):
            return along
    return "table"


def _near_hundred(cells: list[Cell] | tuple[Cell, ...]) -> bool:
    total = sum(c.number or 0.0 for c in cells)
    return abs(total - 100) <= sum(half_unit(c.raw) for c in cells) + 0.5


def percentage_base_findings(
    disclosure: Disclosure, index: int, table: FigureTable, threshold: int
) -> list[Finding]:
    """Percentages whose base is given in the caption, note, or the row or column label
    ("n = 40"), that make a count from 1 to the threshold minus 1."""
    if table.unit != "percentage":
        return []
    whole = _base(table.caption) or _base(table.note or "")
    findings = []
    for r, row in enumerate(table.cells):
        for c, percent in enumerate(row):
            column = table.columns[c] if table.columns else ""
            base = _base(column) or _base(table.rows[r]) or whole
            if percent.number is None or base is None:
                continue
            h = half_unit(percent.raw)
            low = math.ceil((percent.number - h) * base / 100 - 1e-9)
            high = math.floor((percent.number + h) * base / 100 + 1e-9)
            if low > high or low < 1 or high >= threshold:
                continue
            count = str(low) if low == high else f"{low} to {high}"
            findings.append(
                cell_finding(
                    disclosure,
                    index,
                    table,
                    ("cell", r, c),
                    "percentage-small-number",
                    f"{percent.raw}% of the published base of {base} is a count of {count}, "
                    f"below the threshold of {threshold}",
                    f'write "<{threshold}" or "*" instead, or stop publishing the base',
                )
            )
    return findings


def _base(text: str) -> int | None:
    match = _BASE.search(text)
    return int(match.group(1).replace(",", "")) if match else None


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()
