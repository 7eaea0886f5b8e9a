"""The facets citizens filter search by: exemption, topic, year and outcome, and the month
of the response for a date range.

The same values label each disclosure page for Pagefind and fill the search form's
checkboxes, and each value knows the browse page that lists the same records. A long
group shows its most used values first (`FilterOption.top`); the rest wait behind "show all".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from foilog.core.slugs import slugify
from foilog.core.translation import N_, translate
from foilog.records.dates import MONTHS
from foilog.records.model import OUTCOME_LABELS, Disclosure, DisclosureLog
from foilog.records.register import ACT_SHORT
from foilog.settings import SiteSettings
from foilog.site.browse import UNDATED, exemption_url, outcome_url, topic_url, year_of, year_url

UNDATED_LABEL = N_("Date not recorded")
TOP_VALUES = 10  # the values a group shows before "show all"
MONTH_FILTER = "month"  # "2024-03": the date range is a range of these


@dataclass(frozen=True)
class FilterOption:
    value: str  # the label Pagefind stores, such as "Section 40: Personal information"
    count: int
    browse_url: str  # the static page listing the same records
    top: bool = True  # among the group's TOP_VALUES most used, shown before "show all"


@dataclass(frozen=True)
class FilterGroup:
    name: str  # the URL parameter and Pagefind filter key
    legend: str
    options: list[FilterOption]

    @property
    def hidden_count(self) -> int:
        return sum(not option.top for option in self.options)


@dataclass(frozen=True)
class MonthOption:
    value: str  # "2024-03", as Pagefind stores it
    label: str  # "March 2024"


def disclosure_month(disclosure: Disclosure) -> str | None:
    return f"{disclosure.date.year:04d}-{disclosure.date.month:02d}" if disclosure.date else None


def response_months(log: DisclosureLog) -> list[MonthOption]:
    """Every month from the log's first response to its last, oldest first."""
    dated = [d.date for d in log.disclosures if d.date]
    if not dated:
        return []
    # Months counted from year 0, so that a range is one range of integers.
    first, last = (
        min(d.year * 12 + d.month - 1 for d in dated),
        max(d.year * 12 + d.month - 1 for d in dated),
    )
    return [
        MonthOption(f"{n // 12:04d}-{n % 12 + 1:02d}", f"{MONTHS[n % 12]} {n // 12}")
        for n in range(first, last + 1)
    ]


def disclosure_filters(disclosure: Disclosure, log: DisclosureLog) -> dict[str, list[str]]:
    """The filter values of one disclosure page."""
    facets = _facets(disclosure, log)
    filters = {key: [value for value, _ in pairs] for key, pairs in facets.items()}
    month = disclosure_month(disclosure)
    if month:
        filters[MONTH_FILTER] = [month]
    return filters


def filter_groups(log: DisclosureLog) -> list[FilterGroup]:
    counts: dict[str, Counter[tuple[str, str]]] = {
        "exemption": Counter(),
        "topic": Counter(),
        "year": Counter(),
        "outcome": Counter(),
    }
    for disclosure in log.disclosures:
        for key, pairs in _facets(disclosure, log).items():
            counts[key].update(set(pairs))
    legends = {
        "exemption": N_("Exemption"),
        "topic": N_("Topic"),
        "year": N_("Year"),
        "outcome": N_("Outcome"),
    }
    return [
        FilterGroup(key, legends[key], _options(key, counter)) for key, counter in counts.items()
    ]


def _options(key: str, counter: Counter[tuple[str, str]]) -> list[FilterOption]:
    """The group's values in their usual order, the TOP_VALUES most used marked `top`."""
    top = {pair for pair, _ in counter.most_common(TOP_VALUES)}
    options = (FilterOption(v, n, url, (v, url) in top) for (v, url), n in counter.items())
    return sorted(options, key=lambda option: _sort_key(key, option.value))


def _facets(disclosure: Disclosure, log: DisclosureLog) -> dict[str, list[tuple[str, str]]]:
    year = year_of(disclosure)
    present = disclosure.outcomes_present
    exemptions = {
        (f"{e.entry.label}: {e.entry.title}", exemption_url(e.entry)) for e in disclosure.exemptions
    }
    return {
        "exemption": sorted(exemptions),
        "topic": [(log.topic_labels[slug], topic_url(slug)) for slug in disclosure.topic_slugs],
        "year": [(year if year != UNDATED else UNDATED_LABEL, year_url(year))],
        "outcome": [
            (label, outcome_url(outcome))
            for outcome, label in OUTCOME_LABELS.items()
            if outcome in present
        ],
    }


def translate_value(key: str, value: str, site: SiteSettings) -> str:
    """A filter value in site.language, the same on the disclosure pages (which Pagefind
    reads) and in the search form: "Adran 40: Gwybodaeth bersonol", "Datgelwyd"."""
    language = site.language
    if key == "exemption":
        word, _, rest = value.partition(" ")
        number, _, title = rest.partition(": ")
        if word in ACT_SHORT.values() and title:
            return f"{translate(word, language)} {number}: {translate(title, language)}"
        return value
    if key in ("outcome", "year"):
        return translate(value, language)
    if key == "topic":  # a topic's value is its name as the records write it
        return site.topic_name(slugify(value), value)
    return value


def _sort_key(key: str, value: str) -> tuple[int | str, ...]:
    """Exemptions by section number, years newest first, outcomes in their usual order."""
    if key == "exemption":
        word, _, rest = value.partition(" ")
        number = rest.split(":")[0]
        digits = "".join(ch for ch in number.split("(")[0] if ch.isdigit()) or "0"
        return (word, int(digits), number)
    if key == "year":
        return (0, -int(value)) if value.isdigit() else (1, 0)
    if key == "outcome":
        return (list(OUTCOME_LABELS.values()).index(value),)
    return (value.lower(),)
