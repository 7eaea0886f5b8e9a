"""Jinja filters (and tests) the disclosure templates use to show figures, sizes, dates and
exemptions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment, pass_environment

from foilog.core.translation import SOURCE_LANGUAGE, language_of
from foilog.records.figures import describe_cell
from foilog.records.model import Cell, CitedExemption, Disclosure, DisclosureLog
from foilog.site.browse import exemption_url, month_url, outcome_url, topic_links, year_of, year_url
from foilog.site.language_filters import LANGUAGE_FILTERS, bound_text
from foilog.site.linked_data import json_ld
from foilog.site.search_filters import disclosure_filters


@pass_environment
def format_figure(env: Environment, cell: Cell, unit: str) -> str:
    """format_cell, with a bounded value's words in the page's language."""
    text = format_cell(cell, unit)
    if isinstance(cell.raw, dict) and language_of(env) != SOURCE_LANGUAGE:
        ((key, value),) = cell.raw.items()
        shown = format_cell(Cell(value, float(value), False, None), unit)
        return bound_text(key, shown, language_of(env))
    return text


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


def exemptions_for(disclosure: Disclosure, number: str) -> list[tuple[int, CitedExemption]]:
    """The exemptions applied to question (or part) `number`, each with its position on the
    page (`exemption-N`). One cited for the whole request applies to every question; a
    part's own are shown with the part, not again with its question."""
    return [
        (position, cited)
        for position, cited in enumerate(disclosure.exemptions, 1)
        if number in cited.questions or (not cited.questions and number.isdigit())
    ]


def is_refusal_reason(cited: CitedExemption) -> bool:
    """Sections 12 and 14 (cost, vexatious requests) limit the duty to answer: they are
    reasons for refusal, not exemptions."""
    return cited.entry.kind == "procedural"


def search_filters(disclosure: Disclosure, log: DisclosureLog) -> list[tuple[str, list[str]]]:
    return list(disclosure_filters(disclosure, log).items())


FILTERS: dict[str, Callable[..., Any]] = {
    **LANGUAGE_FILTERS,
    "format_cell": format_figure,
    "describe_cell": describe_cell,
    "file_size": file_size,
    "exemptions_for": exemptions_for,
    "exemption_url": exemption_url,
    "outcome_url": outcome_url,
    "topic_links": topic_links,
    "year_of": year_of,
    "year_url": year_url,
    "month_url": month_url,
    "json_ld": json_ld,
    "search_filters": search_filters,
}
TESTS: dict[str, Callable[..., bool]] = {"refusal_reason": is_refusal_reason}
