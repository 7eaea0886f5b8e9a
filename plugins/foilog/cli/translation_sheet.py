"""The spreadsheet `foilog translate` sends to translators: one row per field the
authority wrote, the English beside a column for the Welsh, and reads back.

A spreadsheet, because every translator and translation agency opens one, and openpyxl (a
dependency already, for the publish guard) writes and reads it. Each row keeps the field's
place and the hash of the English the translator saw, so the Welsh read back is marked as
translating that English, even if the record was edited meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException

HEADINGS = ("Field", "English", "Cymraeg (Welsh)", "Status", "English hash")
WIDTHS = (24, 60, 60, 24, 14)
SHEET = "Translation"
TITLE = "Translation of FOI response "  # the document title, then the record's reference
TO_DO = "to translate"
CHANGED = "English changed: check the Welsh"
CURRENT = "up to date"
_TO_DO_FILL = PatternFill("solid", fgColor="FFF2CC")


class SheetError(Exception):
    """A file that is not a translation sheet `foilog translate` wrote."""


@dataclass(frozen=True, slots=True)
class SheetRow:
    field: str  # the English field's place: "questions[2].answer", "figures[1].rows[3]"
    english: str
    welsh: str  # empty: not yet translated
    status: str
    hash: str  # of the English text (for a label, of all the table's labels)
    row: int = 0  # the spreadsheet's row, read back


def write_sheet(path: Path, reference: str, rows: list[SheetRow]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = SHEET
    sheet.append(HEADINGS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions["ABCDE"[index]].width = width
    for item in rows:
        sheet.append((item.field, item.english, item.welsh, item.status, item.hash))
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if item.status != CURRENT:
            sheet.cell(sheet.max_row, 3).fill = _TO_DO_FILL
    sheet.freeze_panes = "C2"
    book.properties.title = f"{TITLE}{reference}"
    notes = book.create_sheet("Read me")
    for line in (
        f"Welsh translation of FOI response {reference}.",
        "Write the Welsh in column C, one row for each field; leave the other columns as they are.",
        "Text between ** ** or in [ ](…) is Markdown: keep the marks and the addresses.",
        "Rows marked 'English changed' hold a Welsh text for an earlier English: check it.",
        "The requester's questions are shown on the Welsh page as asked and are not here.",
    ):
        notes.append((line,))
    notes.column_dimensions["A"].width = 100
    book.save(path)


def read_sheet(path: Path) -> tuple[str | None, list[SheetRow]]:
    """The reference the sheet was written for (None if its title was lost), and every row
    of a sheet written by `write_sheet`, with the Welsh as the translator left it."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as error:
        raise SheetError(f"{path}: expected a translation spreadsheet (.xlsx); {error}") from None
    if SHEET not in book.sheetnames:
        raise SheetError(f"{path}: expected a sheet named {SHEET!r}; found {book.sheetnames}")
    rows = list(book[SHEET].iter_rows(values_only=True))
    title = book.properties.title or ""
    reference = title[len(TITLE) :] if title.startswith(TITLE) else None
    book.close()
    if not rows or tuple(rows[0][: len(HEADINGS)]) != HEADINGS:
        raise SheetError(f"{path}: expected the columns {', '.join(HEADINGS)} in the first row")
    found = []
    for number, values in enumerate(rows[1:], 2):
        field, english, welsh, status, hash_ = (
            "" if v is None else str(v) for v in (*values, *[None] * 5)[:5]
        )
        if field.strip():
            found.append(
                SheetRow(field.strip(), english, welsh.strip(), status, hash_.strip(), number)
            )
    return reference, found
