"""Tables of counts on a PDF page, found from where its words are.

A PDF has no tables, only words placed on the page, so a table is read from their
positions: a line whose words are a label followed by numbers (or suppression markers) is
a row of figures; rows of figures one under another are a table's body, and the lines of
words just above them are its header. Each number belongs to the column it lines up with,
and each column's header is the header text above it. The rows are then judged by the
same small-number rule as a worksheet (count_tables.py), and by the name rule
(name_columns.py), which also reads a table of words under a heading line that names
people ("Surname  Initials  Rank").

A body needs two rows of figures, or one row with two numbers or more, and a header above
it, so that a line of a letter ("Unit 3") is not read as a table. A table whose header is
on an earlier page is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

from foilog.guard.attachments.count_tables import (
    MARKER,
    Cell,
    is_header_row,
    is_number_text,
    small_number_issues,
)
from foilog.guard.attachments.issue import Issue
from foilog.guard.attachments.name_columns import HEADING_WORDS, is_people_heading, name_issues
from foilog.settings import GuardSettings

_WHOLE_NUMBER = re.compile(r"(?<![\w.,])\d+(?![\w.,%])")
_ENDS_IN_NUMBER = re.compile(r"\s\d[\d,]*\s*$")
_HEADER_LINES = 2  # a header may wrap onto a second line
_LINE_GAP = 2.0  # line heights between the rows of one table, at most
_PHRASE_GAP = 0.8  # line heights between the words of one label or header, at most
_CELL_GAP = 1.0  # line heights between two cells of a row, at least
_EDGE = 2  # lines of a running header or footer, such as "Page 2 of 3", at most


class Word(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float  # from the bottom of the page, as PDF measures
    bottom: float

    @property
    def height(self) -> float:
        return self.top - self.bottom


def may_hold_tables(text: str, guard: GuardSettings) -> bool:
    """Whether the page's text has a whole number the small-number rule would report, a
    word that heads a column of names, or last lines that end in numbers (a table that
    may go on over the page, whose heading the next page needs): only then are its words
    placed, which takes longer than reading its text."""
    last_lines = [line for line in text.splitlines() if line.strip()][-_EDGE - 1 :]
    return (
        HEADING_WORDS.search(text) is not None
        or any(_ENDS_IN_NUMBER.search(line) for line in last_lines)
        or any(
            0 < int(n) < guard.threshold or (int(n) == 0 and not guard.allow_zero)
            for n in _WHOLE_NUMBER.findall(text)
        )
    )


def cells_apart(text_page: Any) -> str:
    """The page's text, with " | " in place of a space that pdfium adds between words a
    wide gap sets apart (the cells of a table's row), so that the text rules do not read
    one cell into the next ("Constable | Northtown" is not a rank and a name)."""
    text: str = text_page.get_text_range()
    if len(text) != text_page.count_chars():
        return text  # characters outside the Basic Multilingual Plane: offsets differ
    pieces = []
    for index, char in enumerate(text):
        if char == " " and 0 < index < len(text) - 1 and _wide_gap(text_page, index):
            pieces.append(" | ")
        else:
            pieces.append(char)
    return "".join(pieces)


def _wide_gap(text_page: Any, index: int) -> bool:
    if not pdfium_c.FPDFText_IsGenerated(text_page.raw, index):
        return False
    before = text_page.get_charbox(index - 1, loose=True)
    after = text_page.get_charbox(index + 1, loose=True)
    return after[0] - before[2] > _CELL_GAP * max(before[3] - before[1], 1.0)


class PageTables:
    """The tables of a PDF's pages, read in order: a table that runs on to the next page,
    where its rows go on at the top with no heading, is read there under its heading (a
    page between with no small number keeps it: it may be the same table's middle)."""

    def __init__(self) -> None:
        self.carried: list[Line] = []  # the heading of the table the last page ended with

    def issues(self, number: int, text_page: Any, guard: GuardSettings) -> list[Issue]:
        lines = [_phrases(words) for words in _lines(_words(text_page))]
        tables = list(_tables(lines, self.carried))
        last = tables[-1] if tables else None
        self.carried = last.header if last and last.end >= len(lines) - _EDGE else []
        return _table_issues(number, tables, guard)


class Table(NamedTuple):
    header: list[Line]
    rows: list[list[str | None]]  # the heading's rows, then the rows of figures
    end: int  # the index of the page's line after the table
    first_row: int  # the number of the table's first row: below 1 for a heading carried over


def _table_issues(number: int, tables: list[Table], guard: GuardSettings) -> list[Issue]:
    issues = []
    for index, table in enumerate(tables, 1):
        place = f"page {number} table {index}"
        cells = [
            [Cell(f"{place} row {r} column {c}", value) for c, value in enumerate(row, 1)]
            for r, row in enumerate(table.rows, table.first_row)
        ]
        issues += name_issues(cells) + small_number_issues(cells, guard)
    return issues


def _words(text_page: Any) -> list[Word]:
    """Each run of characters between spaces (pdfium adds a space between text placed
    apart on a line, and a line break between lines)."""
    words: list[Word] = []
    chars: list[tuple[str, tuple[float, float, float, float]]] = []
    for index in range(text_page.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(text_page.raw, index))
        box = text_page.get_charbox(index, loose=True)  # left, bottom, right, top
        if chars and (char.isspace() or _apart(chars[-1][1], box)):
            words.append(_word(chars))
            chars = []
        if not char.isspace():
            chars.append((char, box))
    if chars:
        words.append(_word(chars))
    return words


def _apart(before: tuple[float, ...], box: tuple[float, ...]) -> bool:
    """Characters with no space between them that are not next to each other."""
    height = max(before[3] - before[1], box[3] - box[1], 1.0)
    return box[0] - before[2] > _PHRASE_GAP * height / 2 or abs(box[1] - before[1]) > height


def _word(chars: list[tuple[str, tuple[float, float, float, float]]]) -> Word:
    boxes = [box for _, box in chars]
    return Word(
        "".join(c for c, _ in chars),
        min(b[0] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
        min(b[1] for b in boxes),
    )


def _lines(words: list[Word]) -> list[list[Word]]:
    """Words that share a line, top of the page first, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: -(w.top + w.bottom)):
        middle = (word.top + word.bottom) / 2
        if lines and lines[-1][0].bottom <= middle <= lines[-1][0].top:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


class Line(NamedTuple):
    cells: list[Word]  # words joined into phrases; each number on its own
    figures: list[Word]  # the numbers after the label, when the line is a row of figures
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)

    def label_only(self, right: float) -> bool:
        return all(c.x1 < right for c in self.cells)


def _figures(cells: list[Word]) -> list[Word]:
    """The numbers after the label, unless the line is a header of years ("Offence 2023
    2024")."""
    if is_header_row([Cell("", c.text) for c in cells]):
        return []
    first = next((i for i, c in enumerate(cells) if _is_figure(c.text)), None)
    if first is None or not all(_is_figure(c.text) for c in cells[first:]):
        return []
    return cells[first:]


def _is_figure(text: str) -> bool:
    return is_number_text(text) or bool(MARKER.match(text))


def _phrases(words: list[Word]) -> Line:
    cells: list[Word] = []
    for word in words:
        last = cells[-1] if cells else None
        joined = (
            last is not None
            and not _is_figure(word.text)
            and not _is_figure(last.text)
            and word.x0 - last.x1 <= _PHRASE_GAP * max(word.height, last.height)
        )
        if last is not None and joined:
            cells[-1] = Word(
                f"{last.text} {word.text}",
                last.x0,
                word.x1,
                max(last.top, word.top),
                min(last.bottom, word.bottom),
            )
        else:
            cells.append(word)
    return Line(cells, _figures(cells), max(w.top for w in words), min(w.bottom for w in words))


def _tables(lines: list[Line], carried: list[Line]) -> Iterator[Table]:
    """Each table of the page: its rows of cell texts are the heading, then its rows of
    figures; the first column is the rows' labels, then one column for each column of
    numbers. Rows at the top of the page with no heading of their own go on from the last
    page's table, under `carried`, and are numbered from 1 on this page."""
    index = 0
    while index < len(lines):
        if not lines[index].figures:
            start = index
            names, index = _names_table(lines, index)
            if names:
                yield Table([lines[start]], names, index, 1)
            continue
        start, body = index, [lines[index]]
        index += 1
        while index < len(lines) and _next_to(lines[index - 1], lines[index]):
            line = lines[index]
            if line.figures:
                body.append(line)
            elif not line.label_only(min(f.x0 for row in body for f in row.figures)):
                break  # a wrapped label continues the table; anything else ends it
            index += 1
        header = _header(lines[:start], body[0])
        goes_on = not header and start <= _EDGE
        table = _table(carried if goes_on else header, body)
        if table:
            first = 1 - (len(table) - len(body)) if goes_on else 1
            yield Table(carried if goes_on else header, table, index, first)


def _names_table(lines: list[Line], index: int) -> tuple[list[list[str | None]], int]:
    """A table of words under a heading line with a people's heading ("Surname Rank
    Station"), and the index of the line after it; a line of figures below the heading
    makes it a table of figures instead, read as such."""
    heading = lines[index]
    below = lines[index + 1 : index + 2]
    if (
        not below
        or below[0].figures
        or not _next_to(heading, below[0])
        or not any(is_people_heading(c.text) for c in heading.cells)
    ):
        return [], index + 1
    rows: list[list[str | None]] = [[c.text for c in heading.cells]]
    end = index + 1
    while end < len(lines) and not lines[end].figures and _next_to(lines[end - 1], lines[end]):
        row = _under_heading(lines[end], heading)
        if row is None:
            break  # a line not under the heading: the table has ended
        rows.append(row)
        end += 1
    return (rows if len(rows) > 1 else []), end


def _under_heading(line: Line, heading: Line) -> list[str | None] | None:
    """The line's words by the heading each lies most under; None when one lies under none."""
    row: list[str | None] = [None] * len(heading.cells)
    for cell in line.cells:
        overlaps = [min(cell.x1, h.x1) - max(cell.x0, h.x0) for h in heading.cells]
        best = max(range(len(overlaps)), key=overlaps.__getitem__)
        if overlaps[best] <= 0:
            return None
        row[best] = cell.text if row[best] is None else f"{row[best]} {cell.text}"
    return row


def _next_to(upper: Line, lower: Line) -> bool:
    return upper.bottom - lower.top <= _LINE_GAP * upper.height


def _header(above: list[Line], first: Line) -> list[Line]:
    header: list[Line] = []
    below = first
    for line in reversed(above[-_HEADER_LINES:]):
        words_only = is_header_row([Cell("", c.text) for c in line.cells])
        if not words_only or line.figures or not _next_to(line, below):
            break
        header.insert(0, line)
        below = line
    return header


def _table(header: list[Line], rows: list[Line]) -> list[list[str | None]] | None:
    figures = [row.figures for row in rows]
    if not header or (len(rows) < 2 and len(figures[0]) < 2):
        return None
    columns = _columns([f for row in figures for f in row])
    labels = [c for row, numbers in zip(rows, figures, strict=True) for c in _label(row, numbers)]
    left = max((c.x1 for c in labels), default=float("-inf"))
    # A line above the one next to the figures is a wrapped heading only where it names
    # one column alone; otherwise it is a title over the table, and not one of its rows.
    header = [
        line
        for depth, line in enumerate(reversed(header))
        if depth == 0
        or any(len(_under(cell, columns)) == 1 and cell.x0 > left for cell in line.cells)
    ][::-1]
    # The heading over the labels, as "Officer" over a column of officers' names.
    over_labels = [c.text for c in header[-1].cells if c.x1 < columns[0][0]]
    head: list[str | None] = [" ".join(over_labels) or None]
    for column in columns:
        head.append(_heading(header, column, columns, left))
    # One row for each header line, so that rows are numbered as the page shows them.
    table: list[list[str | None]] = [head] + [[None] * len(head)] * (len(header) - 1)
    for row, numbers in zip(rows, figures, strict=True):
        label = " ".join(c.text for c in _label(row, numbers)) or None
        cells: list[str | None] = [label] + [None] * len(columns)
        for number in numbers:
            at = next(i for i, (x0, x1) in enumerate(columns) if x0 <= number.x1 <= x1)
            cells[at + 1] = number.text
        table.append(cells)
    return table


def _label(row: Line, numbers: list[Word]) -> list[Word]:
    return row.cells[: len(row.cells) - len(numbers)]


def _heading(
    header: list[Line],
    column: tuple[float, float],
    columns: list[tuple[float, float]],
    labels_end: float,
) -> str | None:
    """The header text above `column`: on the line next to the figures, what lines up with
    it; on a line above that, only what lines up with it alone (a wrapped heading, not a
    title over the whole table). Text that reaches over the rows' labels is a sentence or
    a title, not a column's heading."""
    words: list[str] = []
    for depth, line in enumerate(reversed(header)):
        for cell in line.cells:
            over = _under(cell, columns)
            if column in over and cell.x0 > labels_end and (depth == 0 or len(over) == 1):
                words.insert(0, cell.text)
    return " ".join(words) or None


def _under(cell: Word, columns: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The columns that `cell` reaches over."""
    return [c for c in columns if c[0] <= cell.x1 and cell.x0 <= c[1]]


def _columns(numbers: list[Word]) -> list[tuple[float, float]]:
    """The horizontal extents of the columns: numbers whose extents overlap share one."""
    columns: list[tuple[float, float]] = []
    for number in sorted(numbers, key=lambda n: n.x0):
        if columns and number.x0 <= columns[-1][1]:
            columns[-1] = (columns[-1][0], max(columns[-1][1], number.x1))
        else:
            columns.append((number.x0, number.x1))
    return columns
