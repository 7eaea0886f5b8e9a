"""Excel workbooks (xlsx, xlsm): hidden sheets, rows, columns and names, and comments;
with what the cells say (xlsx_cells.py), the package's parts (office_parts.py) and the
document properties (office_properties.py)."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter, range_boundaries

from foilog.guard.attachments.issue import Issue
from foilog.guard.attachments.office_parts import package_issues
from foilog.guard.attachments.office_properties import property_issues
from foilog.guard.attachments.package import Package
from foilog.guard.attachments.text_scan import text_issues
from foilog.guard.attachments.xlsx_cells import cell_issues, cell_place
from foilog.settings import GuardSettings


def check_xlsx(data: bytes, guard: GuardSettings, depth: int = 0) -> list[Issue]:
    package = Package(data)
    issues = package_issues(package, guard, depth) + property_issues(package, "xlsx")
    workbook = load_workbook(io.BytesIO(data), data_only=True)
    try:
        hidden_sheets = set()
        for sheet in [*workbook.worksheets, *workbook.chartsheets]:
            state = getattr(sheet, "sheet_state", "visible")  # worksheets and chartsheets have it
            if state != "visible":
                hidden_sheets.add(sheet.title)
                very = state == "veryHidden"
                issues.append(
                    Issue(
                        f'sheet "{sheet.title}"',
                        "xlsx-hidden-sheet",
                        "the sheet is very hidden (it does not even show in Unhide)"
                        if very
                        else "the sheet is hidden",
                        "delete the sheet, or unhide it if it is meant to be published",
                    )
                )
        for sheet in workbook.worksheets:
            issues += _comments(sheet, guard)
            if sheet.title not in hidden_sheets:
                issues += _hidden_rows_and_columns(sheet)
            issues += cell_issues(sheet, guard)
        issues += _hidden_names(workbook, hidden_sheets) + _constant_names(workbook, guard)
    finally:
        workbook.close()
    return issues


def _comments(sheet: Any, guard: GuardSettings) -> list[Issue]:
    issues = []
    for cell in (c for row in sheet.iter_rows() for c in row if c.comment is not None):
        place = cell_place(sheet.title, cell.coordinate)
        issues.append(
            Issue(place, "xlsx-comment", "a comment or note", "delete the comment and save again")
        )
        issues += text_issues([(f"{place} comment", cell.comment.text)], guard)
    return issues


def _hidden_row_numbers(sheet: Any) -> set[int]:
    return {
        number
        for number, dimension in sheet.row_dimensions.items()
        if dimension.hidden or dimension.height == 0
    }


def _hidden_column_numbers(sheet: Any) -> set[int]:
    hidden: set[int] = set()
    for dimension in sheet.column_dimensions.values():
        if dimension.hidden or (dimension.width is not None and dimension.width < 0.5):
            hidden.update(range(dimension.min or 1, (dimension.max or dimension.min or 1) + 1))
    return hidden


def _hidden_rows_and_columns(sheet: Any) -> list[Issue]:
    issues = []
    rows, columns = _hidden_row_numbers(sheet), _hidden_column_numbers(sheet)
    filled_rows, filled_columns = set(), set()
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None and str(cell.value).strip():
                if cell.row in rows:
                    filled_rows.add(cell.row)
                if cell.column in columns:
                    filled_columns.add(cell.column)
    for number in sorted(filled_rows):
        issues.append(
            Issue(
                f'sheet "{sheet.title}" row {number}',
                "xlsx-hidden-rows",
                "a hidden row holds values",
                "delete the row, or unhide it if it is meant to be published",
            )
        )
    for number in sorted(filled_columns):
        issues.append(
            Issue(
                f'sheet "{sheet.title}" column {get_column_letter(number)}',
                "xlsx-hidden-columns",
                "a hidden column holds values",
                "delete the column, or unhide it if it is meant to be published",
            )
        )
    return issues


def _defined_names(workbook: Any) -> list[tuple[str, Any]]:
    named = [(name, d) for name, d in workbook.defined_names.items()]
    for sheet in workbook.worksheets:
        named += [(name, d) for name, d in sheet.defined_names.items()]
    return named


def _constant_names(workbook: Any, guard: GuardSettings) -> list[Issue]:
    """Names that hold a value of their own (="Jo Bloggs", ={1,3}) rather than point at
    cells: Name Manager is the only place that shows them."""
    issues = []
    for name, definition in _defined_names(workbook):
        if definition.type not in ("TEXT", "NUMBER", "ARRAY"):
            continue
        place = f'name "{name}"'
        issues.append(
            Issue(
                place,
                "xlsx-name-constant",
                f"the name holds a value of its own ({len(definition.attr_text)} characters)",
                "delete the name (Formulas > Name Manager) and save",
            )
        )
        issues += text_issues([(place, definition.attr_text)], guard)
    return issues


def _hidden_names(workbook: Any, hidden_sheets: set[str]) -> list[Issue]:
    """Defined names whose range is on a hidden sheet or covers hidden rows or columns."""
    issues = []
    for name, definition in _defined_names(workbook):
        for title, reference in definition.destinations:
            if title not in workbook.sheetnames:
                continue
            sheet = workbook[title]
            if title in hidden_sheets or _covers_hidden(sheet, reference):
                issues.append(
                    Issue(
                        f'name "{name}"',
                        "xlsx-hidden-name",
                        f"the name points at hidden cells ({title}!{reference.replace('$', '')})",
                        "delete the name and the hidden cells it points at",
                    )
                )
    return issues


def _covers_hidden(sheet: Any, reference: str) -> bool:
    try:
        min_col, min_row, max_col, max_row = range_boundaries(reference.replace("$", ""))
    except ValueError:
        return False

    def within(number: int, low: int | None, high: int | None) -> bool:
        return (low is None or number >= low) and (high is None or number <= high)

    return any(within(r, min_row, max_row) for r in _hidden_row_numbers(sheet)) or any(
        within(c, min_col, max_col) for c in _hidden_column_numbers(sheet)
    )
