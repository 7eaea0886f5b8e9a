"""Jinja filters the disclosure templates use to show figures, sizes and dates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from foilog.records.figures import describe_cell
from foilog.records.model import Cell, Disclosure, DisclosureLog
from foilog.site.browse import exemption_url, month_url, outcome_url, topic_links, year_of, year_url
from foilog.site.linked_data import json_ld
from foilog.site.search_filters import disclosure_filters


def format_cell(cell: Cell, unit: str) -> str:
    """A figure as people read it: 1,234, £1,234.50, 12.5%; markers as written; a blank
    as a dash; a bounded value in words ("more than 20,500")."""
    if cell.blank:
        return "–"
    if isinstance(cell.raw, dict):
        ((key, value),) = cell.raw.items()
        shown = format_cell(Cell(value, float(value), False, None), unit)
        return f"{key.replace('_', ' ')} {shown}"
    if cell.number is None:
        return str(cell.raw).strip()
    number = cell.number
    whole = number == int(number)
    if unit == "money":
        return f"£{number:,.0f}" if whole else f"£{number:,.2f}"
    text = f"{int(number):,}" if whole else f"{number:,}"
    return f"{text}%" if unit == "percentage" else text


def file_size(size: int | None) -> str:
    if size is None:
        return ""
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return ""


def question_list(numbers: list[str]) -> str:
    """['1', '2', '3b'] -> 'questions 1, 2 and 3b'."""
    if len(numbers) == 1:
        return f"question {numbers[0]}"
    return f"questions {', '.join(numbers[:-1])} and {numbers[-1]}"


def search_filters(disclosure: Disclosure, log: DisclosureLog) -> list[tuple[str, list[str]]]:
    return list(disclosure_filters(disclosure, log).items())


FILTERS: dict[str, Callable[..., Any]] = {
    "format_cell": format_cell,
    "describe_cell": describe_cell,
    "file_size": file_size,
    "question_list": question_list,
    "exemption_url": exemption_url,
    "outcome_url": outcome_url,
    "topic_links": topic_links,
    "year_of": year_of,
    "year_url": year_url,
    "month_url": month_url,
    "json_ld": json_ld,
    "search_filters": search_filters,
}
