"""The relations a reader can see between a record's figures, gathered into one system:
declared totals, rows and columns labelled as totals, percentages, and the same total
published in another table or in the text (see docs/publish-guard.md)."""

from __future__ import annotations

from foilog.guard.figure_system import DECLARED, OWN_TABLE, SOLVED_UNITS, FigureSystem
from foilog.guard.percentages import add_percentage_columns, add_percentage_tables
from foilog.guard.tables import Line, declared_lines, labelled_lines, place
from foilog.guard.totals_elsewhere import add_totals_elsewhere
from foilog.records.model import Disclosure


def record_system(disclosure: Disclosure, allow_zero: bool) -> FigureSystem | None:
    """None when the record has no suppressed or bounded value to solve for."""
    system = FigureSystem(disclosure.figures, allow_zero)
    if not system.ranges:
        return None
    for index, table in enumerate(disclosure.figures):
        if table.unit not in SOLVED_UNITS:
            continue
        _add_lines(system, index, declared_lines(table), DECLARED)
        _add_lines(system, index, labelled_lines(table), OWN_TABLE)
        add_percentage_columns(system, index, table)
    add_percentage_tables(system)
    add_totals_elsewhere(system, disclosure)
    return system


def _add_lines(system: FigureSystem, index: int, lines: list[Line], layer: int) -> None:
    table = system.tables[index]
    for total, covered in lines:
        whole = system.value(index, total)
        if whole is None:
            continue
        parts = [v for v in (system.value(index, p) for p in covered) if v is not None]
        system.add_total(whole, parts, place(index, table, total), layer)
