"""The log grouped for browsing (by exemption, topic, year and month, outcome), with the
address of every browse page. Groups keep the log's order: newest first.

Records are filed by year and month under their date: the response date, or the date
received when the response date was not recorded (the same date that orders the log and
makes the page address). Records with neither date are filed under 'undated'.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from typing import ClassVar, Self

from foilog.core.alphabet import initial, order
from foilog.core.translation import N_
from foilog.records.dates import MONTHS
from foilog.records.model import CitedExemption, Disclosure, DisclosureLog
from foilog.records.outcomes import NOT_RECORDED, OUTCOMES
from foilog.records.register import ExemptionEntry
from foilog.settings import SiteSettings

UNDATED = "undated"


def exemption_url(entry: ExemptionEntry) -> str:
    return f"exemptions/{entry.slug}/"


def topic_url(slug: str) -> str:
    return f"topics/{slug}/"


def year_url(year: str) -> str:
    return f"years/{year}/"


def month_url(year: str, month: int) -> str:
    return f"years/{year}/{month:02d}/"


def outcome_url(outcome: str) -> str:
    return f"outcomes/{outcome}/"


def year_of(disclosure: Disclosure) -> str:
    return str(disclosure.date.year) if disclosure.date else UNDATED


class BrowseGroup:
    """Records listed together on browse pages. Each page lists its own share of them (its
    `page`), so a page's fingerprint knows a group by its other fields and by how many
    records it has, not by the records themselves."""

    disclosures: list[Disclosure]
    # The fields that count the group's records; with `disclosures`, what a new record changes.
    counted: ClassVar[tuple[str, ...]] = ("disclosures",)

    def fingerprint_fields(self) -> tuple[object, ...]:
        others = [(k, v) for k, v in vars(self).items() if k != "disclosures"]
        return (type(self).__name__, len(self.disclosures), others)

    def uncounted(self) -> Self:
        """The group as its older pages know it: without its records or their counts, so
        that a new record leaves those pages as they were (the list's own page counts)."""
        copied = copy.copy(self)
        for name in self.counted:
            setattr(copied, name, type(getattr(self, name))())
        return copied


@dataclass
class ExemptionGroup(BrowseGroup):
    entry: ExemptionEntry
    disclosures: list[Disclosure] = field(default_factory=list)
    # each exact citation ("40(2)", "40(2)(a)(b)") and how many records cite it
    citations: dict[str, int] = field(default_factory=dict)
    counted: ClassVar[tuple[str, ...]] = ("disclosures", "citations")

    @property
    def url(self) -> str:
        return exemption_url(self.entry)

    def cited_in(self, disclosure: Disclosure) -> list[CitedExemption]:
        """How `disclosure` cites this exemption, exactly as written."""
        return [e for e in disclosure.exemptions if e.entry == self.entry]


@dataclass
class TopicGroup(BrowseGroup):
    slug: str
    name: str  # as first written, newest record first
    disclosures: list[Disclosure] = field(default_factory=list)

    @property
    def url(self) -> str:
        return topic_url(self.slug)


@dataclass
class MonthGroup(BrowseGroup):
    year: str
    month: int
    disclosures: list[Disclosure] = field(default_factory=list)

    @property
    def url(self) -> str:
        return month_url(self.year, self.month)

    @property
    def name(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"


@dataclass
class YearGroup(BrowseGroup):
    year: str  # "2025" or "undated"
    disclosures: list[Disclosure] = field(default_factory=list)
    months: list[MonthGroup] = field(default_factory=list)  # newest first
    counted: ClassVar[tuple[str, ...]] = ("disclosures", "months")

    @property
    def url(self) -> str:
        return year_url(self.year)

    @property
    def name(self) -> str:
        return N_("No date recorded") if self.year == UNDATED else self.year


@dataclass
class OutcomeGroup(BrowseGroup):
    outcome: str
    disclosures: list[Disclosure] = field(default_factory=list)

    @property
    def url(self) -> str:
        return outcome_url(self.outcome)


def by_exemption(log: DisclosureLog) -> list[ExemptionGroup]:
    """Every exemption cited, by act and then section number."""
    groups: dict[ExemptionEntry, ExemptionGroup] = {}
    for disclosure in log.disclosures:
        for cited in disclosure.exemptions:
            group = groups.setdefault(cited.entry, ExemptionGroup(cited.entry))
            if not group.disclosures or group.disclosures[-1] is not disclosure:
                group.disclosures.append(disclosure)
        for citation, entry in {(e.citation, e.entry) for e in disclosure.exemptions}:
            citations = groups[entry].citations
            citations[citation] = citations.get(citation, 0) + 1
    for group in groups.values():
        group.citations = dict(sorted(group.citations.items(), key=lambda c: _natural(c[0])))
    return sorted(groups.values(), key=lambda g: (g.entry.act, _natural(g.entry.key)))


def by_topic(log: DisclosureLog) -> list[TopicGroup]:
    """Every topic, A to Z by slug."""
    groups: dict[str, TopicGroup] = {}
    for disclosure in log.disclosures:
        for slug, name in _topics(disclosure).items():
            groups.setdefault(slug, TopicGroup(slug, name)).disclosures.append(disclosure)
    return sorted(groups.values(), key=lambda g: g.slug)


def by_year(log: DisclosureLog) -> list[YearGroup]:
    """Every year, newest first, each with its months; 'undated' comes last."""
    years: dict[str, YearGroup] = {}
    months: dict[tuple[str, int], MonthGroup] = {}
    for disclosure in log.disclosures:
        year = year_of(disclosure)
        group = years.setdefault(year, YearGroup(year))
        group.disclosures.append(disclosure)
        if disclosure.date:
            key = (year, disclosure.date.month)
            if key not in months:
                months[key] = MonthGroup(year, disclosure.date.month)
                group.months.append(months[key])
            months[key].disclosures.append(disclosure)
    for group in years.values():
        group.months.sort(key=lambda m: m.month, reverse=True)
    return sorted(years.values(), key=lambda g: (g.year != UNDATED, g.year), reverse=True)


def by_outcome(log: DisclosureLog) -> list[OutcomeGroup]:
    """One group per outcome given to any question or part, in the usual order."""
    groups = {outcome: OutcomeGroup(outcome) for outcome in (*OUTCOMES, NOT_RECORDED)}
    for disclosure in log.disclosures:
        for outcome in disclosure.outcomes_present:
            groups[outcome].disclosures.append(disclosure)
    return [group for group in groups.values() if group.disclosures]


def _natural(text: str) -> tuple[object, ...]:
    """'9' before '40', and '40(2)' before '40(2)(a)'."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def topic_letters(
    groups: list[TopicGroup], site: SiteSettings
) -> list[tuple[str, list[TopicGroup]]]:
    """The topics A to Z by their names in site.language, under each name's first letter
    as that language spells it: [("A", [...]), ("Ll", [...])]."""
    language = site.language
    named = sorted(
        ((site.topic_name(g.slug, g.name), g) for g in groups),
        key=lambda pair: order(pair[0], language),
    )
    return [
        (letter, [g for _, g in items])
        for letter, items in groupby(named, key=lambda pair: initial(pair[0], language))
    ]


def shown_topics(disclosure: Disclosure, site: SiteSettings) -> list[str]:
    """The names of the record's topics on pages in site.language."""
    return [site.topic_name(slug, name) for slug, name in _topics(disclosure).items()]


def topic_links(disclosure: Disclosure, site: SiteSettings) -> Iterable[tuple[str, str]]:
    """(name in site.language, address) of each of the record's topics."""
    for slug, name in _topics(disclosure).items():
        yield site.topic_name(slug, name), topic_url(slug)


def _topics(disclosure: Disclosure) -> dict[str, str]:
    """Slug to name; two names with one slug ('ANPR', 'anpr') are one topic."""
    return dict(zip(disclosure.topic_slugs, disclosure.topics, strict=True))
