"""The facets citizens filter search by: exemption, topic, year and outcome.

The same values label each disclosure page for Pagefind and fill the search form's
checkboxes, and each value knows the browse page that lists the same records.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from foilog.records.model import OUTCOME_LABELS, Disclosure, DisclosureLog
from foilog.site.browse import UNDATED, exemption_url, outcome_url, topic_url, year_of, year_url

UNDATED_LABEL = "Date not recorded"


@dataclass(frozen=True)
class FilterOption:
    value: str  # the label Pagefind stores, such as "Section 40: Personal information"
    count: int
    browse_url: str  # the static page listing the same records


@dataclass(frozen=True)
class FilterGroup:
    name: str  # the URL parameter and Pagefind filter key
    legend: str
    options: list[FilterOption]


def disclosure_filters(disclosure: Disclosure, log: DisclosureLog) -> dict[str, list[str]]:
    """The filter values of one disclosure page."""
    return {key: [value for value, _ in pairs] for key, pairs in _facets(disclosure, log).items()}


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
    legends = {"exemption": "Exemption", "topic": "Topic", "year": "Year", "outcome": "Outcome"}
    return [
        FilterGroup(
            key,
            legends[key],
            sorted(
                (FilterOption(value, count, url) for (value, url), count in counter.items()),
                key=lambda option, k=key: _sort_key(k, option.value),  # type: ignore[misc]
            ),
        )
        for key, counter in counts.items()
    ]


def _facets(disclosure: Disclosure, log: DisclosureLog) -> dict[str, list[tuple[str, str]]]:
    year = year_of(disclosure)
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
            if outcome in disclosure.outcomes_present
        ],
    }


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
