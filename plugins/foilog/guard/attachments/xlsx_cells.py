"""What a worksheet's cells say and how they are shown: every cell of every sheet (visible
or not) read by the text rules, columns of names by the name rule, tables of counts by
the small-number rule, and cells that are there but not seen (white or fill-coloured
font, ";;;" formats), drop-down lists, and print headers and footers."""

from __future__ import annotations

import re
from typing import Any

from foilog.guard.attachments.count_tables import Cell, date_pieces, small_number_issues
from foilog.guard.attachments.issue import Issue
from foilog.guard.attachments.name_columns import name_issues
from foilog.guard.attachments.text_scan import text_issues
from foilog.settings import GuardSettings

_PLAIN_SHEET_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
_WHITE = {"FFFFFFFF", "00FFFFFF", "FFFFFF"}
# A format whose sections are all empty shows nothing whatever the cell holds.
_HIDING_FORMAT = re.compile(r"^(?:;{2,3}|;;;@)$")
# Codes in a header or footer (&P page number, &D date, &"Arial,Bold", &12 size).
_NAME_LIKE = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+$")
_HEADER_CODES = re.compile(r'&(?:"[^"]*"|\d+|[A-Za-z&+-])')
_HEADER_WORDS = re.compile(r"\b(?:page|of|confidential|official|sensitive)\b", re.IGNORECASE)


def cell_place(title: str, coordinate: str) -> str:
    """Sheet2!C7, or 'Stop and search'!C7, as Excel's Name Box takes it."""
    sheet = title if _PLAIN_SHEET_NAME.match(title) else "'" + title.replace("'", "''") + "'"
    return f"{sheet}!{coordinate}"


def cell_issues(sheet: Any, guard: GuardSettings) -> list[Issue]:
    rows: list[list[Cell]] = []
    issues = []
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            place = cell_place(sheet.title, cell.coordinate)
            cells.append(Cell(place, cell.value, cell.number_format or "General"))
            if cell.value is not None and str(cell.value).strip():
                issues += _unseen(cell, place)
        rows.append(cells)
    pieces = [(c.place, c.value) for r in rows for c in r if isinstance(c.value, str)]
    issues += text_issues([*pieces, *date_pieces(rows)], guard)
    issues += name_issues(rows) + small_number_issues(rows, guard)
    issues += _validation_lists(sheet, guard)
    issues += _headers_and_footers(sheet, guard)
    return issues


def _unseen(cell: Any, place: str) -> list[Issue]:
    fix = "delete what the cell holds, or show it in an ordinary colour and format"
    if _HIDING_FORMAT.match(cell.number_format or ""):
        return [Issue(place, "xlsx-hidden-format", 'the ";;;" number format hides its value', fix)]
    colour = _rgb(cell.font.color if cell.font else None)
    fill = cell.fill
    background = "FFFFFF"
    if fill is not None and fill.fill_type == "solid":
        background = _rgb(fill.fgColor) or background
    if colour and colour == background:
        return [
            Issue(
                place,
                "xlsx-invisible-text",
                "the font is the colour of the cell's background, so the value cannot be seen",
                fix,
            )
        ]
    return []


def _rgb(color: Any) -> str | None:
    """The colour as RRGGBB; theme colour 0 (the background, white by default) as white."""
    if color is None:
        return None
    if color.type == "rgb" and isinstance(color.rgb, str):
        return color.rgb[-6:].upper()
    if color.type == "theme" and color.theme == 0 and not color.tint:
        return "FFFFFF"
    return None


def _validation_lists(sheet: Any, guard: GuardSettings) -> list[Issue]:
    """Lists typed into a drop-down travel with the sheet. A list holding something shaped
    like a name ("Jo Bloggs": two or more capitalised words) is reported; lists of words
    (Yes, No, Not known) are ordinary and are only read by the text rules."""
    issues = []
    for validation in sheet.data_validations.dataValidation:
        formula = (validation.formula1 or "").strip()
        if validation.type != "list" or not formula.startswith('"'):
            continue
        items = [i.strip() for i in formula.strip('"').split(",") if i.strip()]
        place = cell_place(sheet.title, str(validation.sqref).split()[0])
        if any(_NAME_LIKE.match(item) for item in items):
            issues.append(
                Issue(
                    place,
                    "xlsx-validation-list",
                    f"a drop-down list of {len(items)} values typed into the cell's rules",
                    "remove the list (Data > Data Validation > Clear All), or keep only words "
                    "that may be published",
                )
            )
        issues += text_issues([(place, "\n".join(items))], guard)
    return issues


def _headers_and_footers(sheet: Any, guard: GuardSettings) -> list[Issue]:
    """Print headers and footers, which do not show on screen."""
    issues = []
    for name in (
        "oddHeader",
        "oddFooter",
        "evenHeader",
        "evenFooter",
        "firstHeader",
        "firstFooter",
    ):
        part = getattr(sheet, name, None)
        for side in ("left", "center", "right"):
            text = getattr(getattr(part, side, None), "text", None) or ""
            words = _HEADER_WORDS.sub("", _HEADER_CODES.sub("", text)).strip(" -–:/")
            place = f'sheet "{sheet.title}" {name[:-6].lower()} {name[-6:].lower()} {side}'
            if words or "&F" in text or "&Z" in text:
                issues.append(
                    Issue(
                        place,
                        "xlsx-header-footer",
                        "a print header or footer with text of its own (or the file's name or "
                        "folder), which does not show on screen",
                        "clear it (Page Layout > Print Titles > Header/Footer) or keep only "
                        "page numbers",
                    )
                )
            issues += text_issues([(place, _HEADER_CODES.sub(" ", text))], guard)
    return issues
