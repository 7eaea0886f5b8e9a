"""Jinja filters (and tests) the disclosure templates use to show figures, sizes, dates and
exemptions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from jinja2 import Environment, pass_environment

from foilog.core.translation import language_of, long_date, month_name, translate
from foilog.records.dates import PartialDate
from foilog.records.figures import describe_cell
from foilog.records.model import Cell, CitedExemption, Disclosure, DisclosureLog
from foilog.records.register import ACT_SHORT, ExemptionEntry
from foilog.site.browse import exemption_url, month_url, outcome_url, topic_links, year_of, year_url
from foilog.site.linked_data import json_ld
from foilog.site.search_filters import disclosure_filters


def in_language(disclosure: Disclosure, language: str) -> Disclosure:
    return disclosure  # until the records carry their Welsh


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


@pass_environment
def translated(env: Environment, message: str | None) -> str | None:
    """A label made in Python ("Disclosed", an exemption's title) in the page's language."""
    return translate(message, language_of(env)) if message else message


@pass_environment
def date_text(env: Environment, value: PartialDate | dt.date | None) -> str:
    """A date in the page's language: "3 April 2025", "3 Ebrill 2025"; "April 2025" when
    only the month is known."""
    if value is None:
        return ""
    language = language_of(env)
    if isinstance(value, dt.date):
        return long_date(value, language)
    if value.day is None:
        return month_name(value.year, value.month, language)
    return long_date(dt.date(value.year, value.month, value.day), language)


@pass_environment
def month_text(env: Environment, value: PartialDate) -> str:
    """The month of a date in the page's language: "April 2025"."""
    return month_name(value.year, value.month, language_of(env))


@pass_environment
def cited_label(env: Environment, cited: CitedExemption) -> str:
    """"Section 31(1)(a)" as cited, in the page's language ("Adran 31(1)(a)")."""
    return f"{translate(ACT_SHORT[cited.entry.act], language_of(env))} {cited.citation}"


@pass_environment
def entry_label(env: Environment, entry: ExemptionEntry) -> str:
    """"Section 31" in the page's language."""
    return f"{translate(ACT_SHORT[entry.act], language_of(env))} {entry.key}"


@pass_environment
def localised(env: Environment, disclosure: Disclosure) -> Disclosure:
    """The record with its authority's text in the page's language, where it has it."""
    return in_language(disclosure, language_of(env))


FILTERS: dict[str, Callable[..., Any]] = {
    "translated": translated,
    "date_text": date_text,
    "month_text": month_text,
    "cited_label": cited_label,
    "entry_label": entry_label,
    "localised": localised,
    "format_cell": format_cell,
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
