"""Numeric tables in a letter as figure tables.

The readers give each table row as one line of cells between "|". A run of such lines with
the same number of cells is a table; it becomes a figure table when every cell but the
row labels is a figure: a number, money, a percentage, a suppressed marker ("<5", "*"), a
bound ("more than 20,500", "fewer than 10") or blank. Other tables stay in the letter.
"""

from __future__ import annotations

import re
from typing import Any

_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_MONEY = re.compile(rf"^£\s?({_NUMBER})$")
_PERCENT = re.compile(rf"^({_NUMBER})\s?%$")
_COUNT = re.compile(rf"^({_NUMBER})$")
_MORE = re.compile(rf"^(?:more\s+than|over|greater\s+than|>)\s*(£)?\s?({_NUMBER})$", re.I)
_FEWER = re.compile(rf"^(?:fewer\s+than|less\s+than|under)\s*(£)?\s?({_NUMBER})$", re.I)
_SUPPRESSED = re.compile(r"^(?:<\s?[0-9]+|\*)$")
_BLANK = {"", "-", "–", "—", "n/a", "N/A"}
_TOTAL = re.compile(r"^(?:grand\s+)?totals?$", re.I)


def table_blocks(lines: list[str]) -> list[list[list[str]]]:
    """Each run of two or more lines with the same number (two or more) of cells."""
    blocks: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*lines, ""]:
        cells = [c.strip() for c in line.split("|")] if "|" in line else []
        if current and 2 <= len(cells) < len(current[0]):
            # A PDF shows nothing for empty cells at the end of a row.
            cells += [""] * (len(current[0]) - len(cells))
        if len(cells) >= 2 and (not current or len(cells) == len(current[0])):
            current.append(cells)
            continue
        if len(current) >= 2:
            blocks.append(current)
        current = [cells] if len(cells) >= 2 else []
    return blocks


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _whole(number: float) -> int | float:
    return int(number) if number == int(number) else number


def parse_figure(text: str) -> tuple[str, Any] | None:
    """(unit or "" when any unit fits, value) for a figure cell, or None when not a figure."""
    text = " ".join(text.split())
    if text in _BLANK:
        return "", None
    if _SUPPRESSED.match(text):
        return "", text.replace(" ", "")
    for pattern, unit in ((_MONEY, "money"), (_PERCENT, "percentage"), (_COUNT, "count")):
        if match := pattern.match(text):
            return unit, _whole(_number(match.group(1)))
    for pattern, key in ((_MORE, "more_than"), (_FEWER, "fewer_than")):
        if match := pattern.match(text):
            return ("money" if match.group(1) else ""), {key: _whole(_number(match.group(2)))}
    return None


def figure_tables(lines: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """The numeric tables as figure tables, and notes on what was made up from headings."""
    tables: list[dict[str, Any]] = []
    notes: list[str] = []
    for block in table_blocks(lines):
        table = _figure_table(block)
        if table is None:
            continue
        tables.append(table)
        notes.append(
            f"figures[{len(tables)}]: the caption is made from the table's headings, and the "
            "period and questions it covers are not set; check them"
        )
    return tables, notes


def _figure_table(block: list[list[str]]) -> dict[str, Any] | None:
    header: list[str] | None = None
    if all(parse_figure(c) is None for c in block[0][1:]):
        header, block = block[0], block[1:]
    parsed = [[parse_figure(c) for c in row[1:]] for row in block]
    if not block or any(cell is None for row in parsed for cell in row):
        return None
    units = {cell[0] for row in parsed for cell in row if cell and cell[0]}
    if len(units) > 1 or any(not row[0] for row in block):
        return None
    unit = units.pop() if units else "count"
    values = [[cell[1] for cell in row if cell] for row in parsed]
    rows = [row[0] for row in block]
    columns = header[1:] if header else [f"Column {n}" for n in range(1, len(block[0]))]
    table: dict[str, Any] = {"caption": _caption(header, rows), "unit": unit}
    total_row = values.pop() if _TOTAL.match(rows[-1]) and len(rows) > 2 else None
    if total_row is not None:
        rows.pop()
    total_column = (
        [row.pop() for row in values] if len(columns) > 1 and _TOTAL.match(columns[-1]) else None
    )
    if total_column is not None:
        columns = columns[:-1]
    table["rows"] = rows
    if len(columns) == 1:
        table["values"] = [row[0] for row in values]
        if total_row is not None:
            table["total"] = total_row[0]
    else:
        table["columns"] = columns
        table["values"] = values
        if total_column is not None:
            table["row_totals"] = total_column
        if total_row is not None:
            table["column_totals"] = total_row[: len(columns)]
            if total_column is not None:
                table["total"] = total_row[-1]
    return table


def _caption(header: list[str] | None, rows: list[str]) -> str:
    if header and header[0] and len(header) == 2 and header[1]:
        return f"{header[1]} by {header[0].lower()}"
    if header and header[0]:
        return f"Figures by {header[0].lower()}"
    return f"Figures for {rows[0]} to {rows[-1]}" if len(rows) > 1 else f"Figures for {rows[0]}"
