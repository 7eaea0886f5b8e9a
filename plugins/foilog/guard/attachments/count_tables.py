"""Small numbers in the tables of a CSV file or a worksheet.

A header row (text, or years) with numbers below it is read as a table of counts, column
by column, unless the column's header or format says its numbers are something else
(money, percentages, rates, dates, identifiers) or the numbers are a row numbering.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

from foilog.guard.attachments.issue import Issue
from foilog.settings import GuardSettings


class Cell(NamedTuple):
    place: str  # as a finding names it: "Sheet2!C7", "cell C7"
    value: object  # str, int, float, bool, date or None, as the file holds it
    number_format: str = "General"


# Suppression markers written in place of a count; they neither end a column nor count.
MARKER = re.compile(
    r"^(?:[*~x\-–—.]+|<\s*\d+|\[[a-z]\]|n/?a|nil|none|suppressed|redacted|withheld)$",
    re.IGNORECASE,
)
# Headers whose numbers are not counts of people or events.
NOT_COUNTS = re.compile(
    r"%|£|\$|€|\b(?:percent|percentage|proportion|ratio|rate|average|mean|median|cost|spend|"
    r"amount|price|salary|pay|budget|value|id|identifier|ref|reference|code|rank|position|"
    r"year|month|date|time|hours?|days?|minutes?|weeks?|age|score|weight|height|length|"
    r"distance|speed|mph|miles|km|size|version|page)\b",
    re.IGNORECASE,
)
NOT_COUNT_FORMATS = re.compile(r"%|£|\$|€|0\.0")
_NUMBER_TEXT = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")


def _is_year(number: float | None) -> bool:
    return number is not None and number.is_integer() and 1900 <= number <= 2100


def is_number_text(text: str) -> bool:
    """Text that is a number, such as "1,204" in a CSV file or a Word table."""
    return _NUMBER_TEXT.fullmatch(text.strip()) is not None


def _number(cell: Cell) -> float | None:
    """The cell's number; text such as "1,204" is read as a number too."""
    if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
        return float(cell.value)
    if isinstance(cell.value, str) and is_number_text(cell.value):
        return float(cell.value.strip().replace(",", ""))
    return None


def _text(cell: Cell) -> str | None:
    """The cell's text when it is words (not a number, a marker or empty)."""
    if not isinstance(cell.value, str):
        return None
    text = cell.value.strip()
    if not text or MARKER.match(text) or _number(cell) is not None:
        return None
    return text


def is_header_row(row: list[Cell]) -> bool:
    """Only words and years: words alone, or two years or more (a label beside one year,
    "Burglary, 2019", is a row of data)."""
    filled = [c for c in row if c.value is not None and str(c.value).strip()]
    if not filled:
        return False
    words = [c for c in filled if _text(c) is not None]
    years = [c for c in filled if _is_year(_number(c))]
    return len(words) + len(years) == len(filled) and (not years or len(years) >= 2)


def _under_headers(rows: list[list[Cell]]) -> Iterator[tuple[tuple[int, int], str, Cell]]:
    """(header row and column, header, cell) for each filled cell below a header."""
    headers: dict[int, str] = {}
    header_row = -1
    for index, row in enumerate(rows):
        if is_header_row(row):
            header_row = index
            headers = {c: str(cell.value).strip() for c, cell in enumerate(row) if cell.value}
            continue
        for column, cell in enumerate(row):
            if column in headers and cell.value is not None and str(cell.value).strip():
                yield (header_row, column), headers[column], cell


def small_number_issues(rows: list[list[Cell]], guard: GuardSettings) -> list[Issue]:
    """Counts from 1 to the threshold minus 1 (and 0 when zero is not allowed)."""
    columns: dict[tuple[int, int], tuple[str, list[Cell]]] = {}
    spoilt: set[tuple[int, int]] = set()
    for key, header, cell in _under_headers(rows):
        if _number(cell) is not None:
            columns.setdefault(key, (header, []))[1].append(cell)
        elif not (isinstance(cell.value, str) and MARKER.match(cell.value.strip())):
            spoilt.add(key)  # words or dates among the numbers: not a count column
    issues = []
    for key, (header, cells) in sorted(columns.items()):
        if key in spoilt or not _counts(header, cells):
            continue
        for cell in cells:
            number = _number(cell)
            if number is not None and (
                0 < number < guard.threshold or (number == 0 and not guard.allow_zero)
            ):
                issues.append(_issue(cell, header, number, guard))
    return issues


def _counts(header: str, cells: list[Cell]) -> bool:
    if NOT_COUNTS.search(header) or any(NOT_COUNT_FORMATS.search(c.number_format) for c in cells):
        return False
    numbers = [_number(c) for c in cells]
    if any(n is None or n < 0 or not n.is_integer() for n in numbers):
        return False
    # 1, 2, 3, ... down a column numbers the rows rather than counting anything.
    return not (len(numbers) >= 3 and numbers == [float(n) for n in range(1, len(numbers) + 1)])


def _issue(cell: Cell, header: str, number: float, guard: GuardSettings) -> Issue:
    shown = int(number)
    found = f'{shown} in the column "{header}" is below the threshold of {guard.threshold}'
    if shown == 0:
        found = f'0 in the column "{header}" is published, and this site does not allow zero'
    return Issue(
        cell.place,
        "small-number",
        found,
        f'write "<{guard.threshold}" or "*" instead of {shown} in the file, and suppress '
        "enough other cells that it cannot be worked out from the totals",
    )


def date_pieces(rows: list[list[Cell]]) -> list[tuple[str, str]]:
    """Each date under a header, as "header: date", so that a column headed "Date of birth"
    is read by the text rules as a date of birth."""
    return [
        (cell.place, f"{header}: {cell.value:%d/%m/%Y}")
        for _, header, cell in _under_headers(rows)
        if isinstance(cell.value, dt.date)
    ]
