"""Jinja filters that show Python's labels, dates, figures and records in the language of
the page being rendered (`foilog.core.translation.install` sets it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from jinja2 import Environment, pass_context, pass_environment
from jinja2.runtime import Context
from markupsafe import Markup

from foilog.core.translation import (
    N_,
    SOURCE_LANGUAGE,
    language_of,
    long_date,
    month_name,
    translate,
)
from foilog.records.dates import PartialDate
from foilog.records.figures import describe_cell
from foilog.records.model import Cell, CitedExemption, Disclosure
from foilog.records.register import ACT_SHORT, ExemptionEntry
from foilog.records.translations import in_language
from foilog.search.welsh_words import record_welsh_words
from foilog.site.browse import MonthGroup
from foilog.site.search_filters import translate_value
from foilog.site.standing_pages import LOG_PAGES
from foilog.statistics.periods import Period, period_label

# The words of a bounded figure ({fewer_than: 5}), as format_cell writes them.
BOUND_WORDS = {"fewer_than": N_("fewer than %(number)s"), "more_than": N_("more than %(number)s")}


@pass_environment
def translated(env: Environment, message: str | None) -> str | None:
    """A label made in Python ("Disclosed", an exemption's title) in the page's language;
    text marked safe (a standing page's HTML) stays safe."""
    if not message:
        return message
    text = translate(str(message), language_of(env))
    return Markup(text) if isinstance(message, Markup) else text


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
def month_group(env: Environment, group: MonthGroup) -> str:
    """A month of the log's browse pages in the page's language: "Ebrill 2025"."""
    return month_name(int(group.year), group.month, language_of(env))


@pass_environment
def month_value(env: Environment, value: str) -> str:
    """A search form's month ("2024-03") in the page's language: "Mawrth 2024"."""
    year, month = value.split("-")
    return month_name(int(year), int(month), language_of(env))


@pass_environment
def period_text(env: Environment, period: Period) -> str:
    """A statistics period in the page's language: "2025", "Ebrill i Fehefin 2025"."""
    return period_label(period, language_of(env))


def cited_text(cited: CitedExemption, language: str) -> str:
    """An exemption as cited, "Section 31(1)(a)", in `language`."""
    return f"{translate(ACT_SHORT[cited.entry.act], language)} {cited.citation}"


def entry_text(entry: ExemptionEntry, language: str) -> str:
    """A register entry, "Section 31", in `language`."""
    return f"{translate(ACT_SHORT[entry.act], language)} {entry.key}"


@pass_environment
def cited_label(env: Environment, cited: CitedExemption) -> str:
    return cited_text(cited, language_of(env))


@pass_environment
def entry_label(env: Environment, entry: ExemptionEntry) -> str:
    return entry_text(entry, language_of(env))


@pass_context
def filter_value(context: Context, value: str, key: str) -> str:
    """A search filter's value in the page's language (`foilog` is the page's settings)."""
    return translate_value(key, value, context["foilog"])


@pass_environment
def cell_words(env: Environment, cell: Cell) -> str:
    """A suppressed, bounded or blank figure in words, for screen readers."""
    language = language_of(env)
    if language == SOURCE_LANGUAGE:
        return describe_cell(cell)
    if cell.blank:
        return translate(N_("no figure"), language)
    if isinstance(cell.raw, dict):
        ((key, value),) = cell.raw.items()
        return bound_text(key, f"{value:,}", language)
    if cell.suppressed and cell.upper_bound is not None:
        return bound_text("fewer_than", f"{int(cell.upper_bound) + 1:,}", language)
    return translate(N_("suppressed"), language) if cell.suppressed else str(cell.raw)


def bound_text(key: str, number: str, language: str) -> str:
    words = BOUND_WORDS.get(key)
    if words is None:
        return f"{key.replace('_', ' ')} {number}"
    return translate(words, language) % {"number": number}


@pass_environment
def localised(env: Environment, disclosure: Disclosure) -> Disclosure:
    """The record with its authority's text in the page's language, where it has it."""
    return in_language(disclosure, language_of(env))


@pass_environment
def search_forms(env: Environment, disclosure: Disclosure) -> str:
    """The other forms of the record's Welsh words (its mutations and their radicals), for
    the search index of a Welsh page: "Nghaerdydd" finds "Caerdydd"."""
    if language_of(env) != "cy":
        return ""
    return " ".join(record_welsh_words(disclosure, "cy"))


@pass_context
def page_address(context: Context) -> str | None:
    """The page's address under its language's tree ("disclosures/x/"), the same in every
    language: a log page's `page_url`, or the address of a site's own page in the place of
    one of the log's (its cookies page); None for any other page."""
    if isinstance(url := context.get("page_url"), str):
        return url
    site, page = context.get("foilog"), context.get("page")
    own = getattr(page, "url", None)
    if site is None or not isinstance(own, str) or not own.startswith(site.url_prefix):
        return None
    address = own[len(site.url_prefix) :]
    # Only the log's own pages are written in every language.
    return address if address in {log_page.url for log_page in LOG_PAGES} else None


LANGUAGE_GLOBALS: dict[str, Callable[..., Any]] = {"page_address": page_address}
LANGUAGE_FILTERS: dict[str, Callable[..., Any]] = {
    "search_forms": search_forms,
    "translated": translated,
    "date_text": date_text,
    "month_text": month_text,
    "month_group": month_group,
    "month_value": month_value,
    "period_label": period_text,
    "cited_label": cited_label,
    "entry_label": entry_label,
    "filter_value": filter_value,
    "cell_words": cell_words,
    "localised": localised,
}
