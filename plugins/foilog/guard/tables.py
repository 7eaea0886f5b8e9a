"""Positions in a figure table, named the way findings and review entries name them."""

from __future__ import annotations

from collections.abc import Iterator

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
    advisory: bool = False,
) -> Finding:
    """A finding about one cell or total of the record's table `index`."""
    return Finding(
        disclosure.source,
        disclosure.line_of(yaml_path(index, table, position)),
        place(index, table, position),
        rule,
        found,
        fix,
        advisory=advisory,
    )
