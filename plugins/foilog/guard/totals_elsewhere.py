"""A table's total published somewhere else in the record: in another table of the same
figures ("Arrests by offence" gives the total of "Arrests by age"), or in the text ("There
were 57 arrests in total").

A figure given elsewhere is taken as a table's total only when the table publishes no
total of its own, the other table's caption or the sentence shares a word with its
caption, and the figure is one its cells could add up to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from foilog.guard.figure_system import ELSEWHERE, SOLVED_UNITS, FigureSystem, Linear, sum_of
from foilog.guard.personal_data import text_fields
from foilog.guard.tables import is_total_label, percentage_columns
from foilog.guard.words import words
from foilog.records.model import Disclosure, FigureTable
from foilog.records.problems import field_name

_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)"
_STATED_TOTAL = re.compile(
    rf"\btotal(?:\s+of|\s*:|\s+was|\s+is)?\s+{_NUMBER}\b"
    rf"|\b{_NUMBER}\s+(?:[a-z-]+\s+){{0,3}}?(?:in\s+total|altogether|overall|in\s+all)\b"
    rf"|\b(?:in\s+total|altogether|overall)[,:]?\s+(?:there\s+(?:were|was)\s+)?{_NUMBER}\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+")
# The answer, response and reason fields, where a total is told in words.
_TOLD_IN = ("answer", "response", "reason", "public_interest")


def add_totals_elsewhere(system: FigureSystem, disclosure: Disclosure) -> None:
    stated = [*_table_totals(system), *_told_totals(disclosure)]
    if not stated:
        return
    for index, table in enumerate(system.tables):
        if table.unit not in SOLVED_UNITS or _own_grand_total(table):
            continue
        whole = sum_of([v for p in _counted(table) if (v := system.value(index, p))])
        if not whole.terms:
            continue
        low, high = system.sum_range(whole)
        caption = words(table.caption)
        for value, context, source, from_index in stated:
            if from_index != index and caption & context and low <= value <= high:
                told = f"the total of {value:g} in {source}"
                system.add_total(Linear(constant=value), [whole], told, ELSEWHERE)
                break


def _own_grand_total(table: FigureTable) -> bool:
    rows = sum(is_total_label(label) for label in table.rows)
    columns = sum(is_total_label(label) for label in table.columns)
    return table.total is not None or (rows > 0 and (not table.columns or columns > 0))


def _counted(table: FigureTable) -> Iterator[tuple[str, int, int]]:
    """The cells that add up to the table's total: not totals, not percentages."""
    shares = percentage_columns(table)
    for r, label in enumerate(table.rows):
        if is_total_label(label):
            continue
        for c in range(len(table.cells[r])):
            if c not in shares and not (table.columns and is_total_label(table.columns[c])):
                yield ("cell", r, c)


def _table_totals(system: FigureSystem) -> Iterator[tuple[float, frozenset[str], str, int]]:
    """The grand total each table publishes, or adds up to when nothing in it is hidden."""
    for index, table in enumerate(system.tables):
        if table.unit not in SOLVED_UNITS:
            continue
        source = f"figures[{index + 1}]"
        if table.total is not None and table.total.number is not None:
            yield table.total.number, words(table.caption), source, index
            continue
        values = [system.value(index, p) for p in _counted(table)]
        whole = sum_of([v for v in values if v is not None])
        if not whole.terms:
            yield whole.constant, words(table.caption), source, index


def _told_totals(disclosure: Disclosure) -> Iterator[tuple[float, frozenset[str], str, int]]:
    for path, text in text_fields(disclosure):
        if path[-1] not in _TOLD_IN:
            continue
        several_lines = len(text.splitlines()) > 1
        for number, line in enumerate(text.splitlines(), 1):
            for sentence in _SENTENCE.findall(line):
                for match in _STATED_TOTAL.finditer(sentence):
                    value = next(g for g in match.groups() if g)
                    where = field_name(path) + (f" line {number}" if several_lines else "")
                    yield float(value.replace(",", "")), words(sentence), where, -1
