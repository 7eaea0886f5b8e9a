"""CSV: every cell is read by the text rules, columns of names by the name rule, tables of
counts by the small-number rule, and rows with more values than the header have columns
nobody labelled."""

from __future__ import annotations

import csv
import io

from openpyxl.utils.cell import get_column_letter

from foilog.guard.attachments.count_tables import Cell, small_number_issues
from foilog.guard.attachments.issue import Issue
from foilog.guard.attachments.kinds import decode_text
from foilog.guard.attachments.name_columns import name_issues
from foilog.guard.attachments.text_scan import text_issues
from foilog.settings import GuardSettings


def check_csv(data: bytes, guard: GuardSettings, depth: int = 0) -> list[Issue]:
    """`depth` is unused: nothing is embedded in a CSV file."""
    issues = []
    rows: list[list[Cell]] = []
    reader = csv.reader(io.StringIO(decode_text(data), newline=""))
    header: list[str] | None = None
    for number, row in enumerate(reader, 1):
        rows.append([Cell(f"cell {get_column_letter(c)}{number}", v) for c, v in enumerate(row, 1)])
        if header is None:
            header = row
        elif len(row) > len(header):
            issues.append(
                Issue(
                    f"line {reader.line_num}",
                    "csv-extra-columns",
                    f"{len(row)} values under a header of {len(header)} columns",
                    "remove the values past the last column, or give them a header",
                )
            )
    pieces = [(cell.place, str(cell.value)) for row in rows for cell in row]
    issues += text_issues(pieces, guard) + name_issues(rows)
    return issues + small_number_issues(rows, guard)
