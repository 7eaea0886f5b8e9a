"""Positions in a figure table, named the way findings and review entries name them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from foilog.guard.findings import Finding
from foilog.records.model import Cell, Disclosure, FigureTable
from foilog.records.yaml_source import Path_

# ("cell", row, column), ("row_total", row), ("column_total", column) or ("total",)
Position = tuple[str | int, ...]


def entries(table: FigureTable) -> Iterator[tuple[Position, Cell]]:
    """Every cell and published total of the table."""
    for r, row in enumerate(table.cells):
        for c, cell in enumerate(row):
            yield ("cell", r, c), cell
    for r, cell in enumerate(table.row_totals or []):
        yield ("row_total", r), cell
    for c, cell in enumerate(table.column_totals or []):
        yield ("column_total", c), cell
    if table.total is not None:
        yield ("total",), table.total


def cell_at(table: FigureTable, position: Position) -> Cell:
    kind = position[0]
    if kind == "cell":
        return table.cells[int(position[1])][int(position[2])]
    if kind == "row_total":
        return (table.row_totals or [])[int(position[1])]
    if kind == "column_total":
        return (table.column_totals or [])[int(position[1])]
    assert table.total is not None
    return table.total


def place(index: int, table: FigureTable, position: Position) -> str:
    """'figures[2] row "Fireworks", column "Arrest"', numbered as staff count tables."""
    base = f"figures[{index + 1}]"
    kind = position[0]
    if kind == "cell":
        row = f'{base} row "{table.rows[int(position[1])]}"'
        return f'{row}, column "{table.columns[int(position[2])]}"' if table.columns else row
    if kind == "row_total":
        return f'{base} total of row "{table.rows[int(position[1])]}"'
    if kind == "column_total" and table.columns:
        return f'{base} total of column "{table.columns[int(position[1])]}"'
    return f"{base} total"


def yaml_path(index: int, table: FigureTable, position: Position) -> Path_:
    figure: Path_ = ("figures", index)
    kind = position[0]
    if kind == "cell":
        row = (*figure, "values", int(position[1]))
        return (*row, int(position[2])) if table.columns else row
    if kind == "total":
        return (*figure, "total")
    return (*figure, f"{kind}s", int(position[1]))


def cell_finding(
    disclosure: Disclosure,
    index: int,
    table: FigureTable,
    position: Position,
    rule: str,
    found: str,
    fix: str,
) -> Finding:
    """A finding about one cell or total of the record's table `index`."""
    return Finding(
        disclosure.source,
        disclosure.line_of(yaml_path(index, table, position)),
        place(index, table, position),
        rule,
        found,
        fix,
    )


# A row or column that adds up the others, typed as ordinary values: "Total", "All
# offences", "Overall", "Grand total", "Force total", "Totals". "All other …" is a category.
_TOTAL_LABEL = re.compile(
    r"^\s*(?:(?:grand\s+)?totals?\b|all\b(?!\s+others?\b)|overall\b|sum\b)|\btotals?\s*$",
    re.IGNORECASE,
)
_PERCENT_LABEL = re.compile(r"%|\bper\s*cent|\bpercentage\b|\bproportion\b", re.IGNORECASE)

Line = tuple[Position, Sequence[Position]]  # a total and the places it adds up


def is_total_label(label: str) -> bool:
    return bool(_TOTAL_LABEL.search(label))


def percentage_columns(table: FigureTable) -> set[int]:
    """Columns of a count or money table that hold percentages ("%", "Per cent")."""
    return {c for c, label in enumerate(table.columns) if _PERCENT_LABEL.search(label)}


def declared_lines(table: FigureTable) -> list[Line]:
    """One line per published row total, column total and grand total."""
    width = len(table.cells[0]) if table.cells else 0
    rows = range(len(table.cells))
    lines: list[Line] = []
    for r in range(len(table.row_totals or [])):
        lines.append((("row_total", r), [("cell", r, c) for c in range(width)]))
    for c in range(len(table.column_totals or [])):
        lines.append((("column_total", c), [("cell", r, c) for r in rows]))
    if table.total is not None:
        lines.append((("total",), [("cell", r, c) for r in rows for c in range(width)]))
    return lines


def labelled_lines(table: FigureTable) -> list[Line]:
    """The sums that a single row or column labelled as a total makes, when the table does
    not declare totals of its own in that direction."""
    width = len(table.cells[0]) if table.cells else 0
    skipped = percentage_columns(table)
    total_rows = [r for r, label in enumerate(table.rows) if is_total_label(label)]
    total_columns = [c for c, label in enumerate(table.columns) if is_total_label(label)]
    lines: list[Line] = []
    if len(total_rows) == 1 and len(table.rows) > 1 and not table.column_totals:
        t = total_rows[0]
        for c in set(range(width)) - skipped:
            others = [("cell", r, c) for r in range(len(table.rows)) if r != t]
            lines.append((("cell", t, c), others))
    if len(total_columns) == 1 and width > 1 and not table.row_totals:
        t = total_columns[0]
        for r in range(len(table.rows)):
            others = [("cell", r, c) for c in range(width) if c != t and c not in skipped]
            lines.append((("cell", r, t), others))
    return lines
