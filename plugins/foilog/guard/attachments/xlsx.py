"""Excel workbooks (xlsx, xlsm): what openpyxl shows, plus zip parts it does not read."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter, range_boundaries

from foilog.guard.attachments.issue import Issue

_DC = "http://purl.org/dc/elements/1.1/"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
# Zip parts that carry data outside the visible cells, by the folder they live in.
PARTS = [
    (
        "xl/pivotCache/",
        "xlsx-pivot-cache",
        "a pivot cache, which keeps a full copy of the pivot table's source data",
        "paste the pivot table as values into a new workbook and publish that",
    ),
    (
        "xl/pivotTables/",
        "xlsx-pivot-table",
        "a pivot table, whose source data travels with it",
        "paste the pivot table as values into a new workbook and publish that",
    ),
    (
        "xl/externalLinks/",
        "xlsx-external-link",
        "a link to another workbook, with cached values from it",
        "break the links (Data > Edit Links > Break Link) and save again",
    ),
    (
        "xl/connections.xml",
        "xlsx-external-link",
        "a data connection to an outside source",
        "remove the connection (Data > Queries & Connections) and save again",
    ),
    (
        "xl/model/",
        "xlsx-data-model",
        "a data model (Power Pivot), which can hold whole tables of source data",
        "copy the visible results as values into a new workbook and publish that",
    ),
    (
        "xl/threadedComments/",
        "xlsx-comment",
        "threaded comments",
        "delete the comments and save again",
    ),
]


def check_xlsx(path: Path) -> list[Issue]:
    issues = _zip_issues(path) + _properties(path)
    workbook = load_workbook(path, data_only=True)
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
            issues += _comments(sheet)
            if sheet.title not in hidden_sheets:
                issues += _hidden_rows_and_columns(sheet)
        issues += _hidden_names(workbook, hidden_sheets)
    finally:
        workbook.close()
    return issues


def _zip_issues(path: Path) -> list[Issue]:
    with zipfile.ZipFile(path) as archive:
        names = sorted(archive.namelist())
    return [
        Issue(f"part {name}", rule, found, fix)
        for folder, rule, found, fix in PARTS
        for name in names
        if name.startswith(folder) and not name.endswith(".rels")
    ]


def _properties(path: Path) -> list[Issue]:
    """Read from the zip: openpyxl reports "openpyxl" as the author of a file that has none."""
    with zipfile.ZipFile(path) as archive:
        if "docProps/core.xml" not in archive.namelist():
            return []
        root = etree.fromstring(archive.read("docProps/core.xml"))
    issues = []
    for tag, name, label in (
        (f"{{{_DC}}}creator", "creator", "author"),
        (f"{{{_CP}}}lastModifiedBy", "lastModifiedBy", "last modified by"),
    ):
        element = root.find(tag)
        value = (element.text or "").strip() if element is not None else ""
        if value:
            issues.append(
                Issue(
                    f"property {name}",
                    "xlsx-author",
                    f'the {label} property is "{value}"',
                    "clear it (File > Info > Inspect Document > Document Properties) and save",
                )
            )
    return issues


def _comments(sheet: Any) -> list[Issue]:
    return [
        Issue(
            f'sheet "{sheet.title}" cell {cell.coordinate}',
            "xlsx-comment",
            "a comment or note",
            "delete the comment and save again",
        )
        for row in sheet.iter_rows()
        for cell in row
        if cell.comment is not None
    ]


def _hidden_row_numbers(sheet: Any) -> set[int]:
    return {
        number
        for number, dimension in sheet.row_dimensions.items()
        if dimension.hidden or dimension.height == 0
    }


def _hidden_column_numbers(sheet: Any) -> set[int]:
    hidden: set[int] = set()
    for dimension in sheet.column_dimensions.values():
        if dimension.hidden or (dimension.customWidth and dimension.width == 0):
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


def _hidden_names(workbook: Any, hidden_sheets: set[str]) -> list[Issue]:
    """Defined names whose range is on a hidden sheet or covers hidden rows or columns."""
    named = [(name, d) for name, d in workbook.defined_names.items()]
    for sheet in workbook.worksheets:
        named += [(name, d) for name, d in sheet.defined_names.items()]
    issues = []
    for name, definition in named:
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
