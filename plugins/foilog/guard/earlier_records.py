"""The earlier records that `cross_record_findings` compares each record with.

The records on each topic are grouped from the log in memory, one pass over it.
Comparing every record with every earlier one on its topics would grow with the square of
the log (generic labels such as "Total" or "2023" recur in many tables), so each record
is paired only with earlier records that publish, under the same topic, period and
labels, a value that differs from its own by less than the threshold: a sorted list of
values per figure finds those in logarithmic time.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Disclosure, DisclosureLog
from .cross_record import published_counts

FigureKey = tuple[str, str, str, str]  # topic, period, row label, column label


@dataclass
class _Published:
    """The values of one figure published so far, sorted, with the records that gave them."""

    values: list[float] = field(default_factory=list)
    records: dict[float, list[Disclosure]] = field(default_factory=dict)

    def near(self, value: float, threshold: int) -> list[Disclosure]:
        low = bisect.bisect_right(self.values, value - threshold)
        high = bisect.bisect_left(self.values, value + threshold)
        return [d for v in self.values[low:high] if v != value for d in self.records[v]]

    def add(self, value: float, disclosure: Disclosure) -> None:
        if value not in self.records:
            bisect.insort(self.values, value)
        self.records.setdefault(value, []).append(disclosure)


def earlier_records(log: DisclosureLog, threshold: int) -> dict[str, list[Disclosure]]:
    """For each record, the records before it in the log's order (response date, then
    reference) that could differ from it by a small number, newest first."""
    counts = {d.reference: published_counts(d) for d in log.disclosures}
    on_topic: dict[str, list[Disclosure]] = defaultdict(list)
    for disclosure in sorted(log.disclosures, key=Disclosure.sort_key):
        if counts[disclosure.reference]:
            for topic in set(disclosure.topic_slugs):
                on_topic[topic].append(disclosure)
    found: dict[str, dict[str, Disclosure]] = defaultdict(dict)
    published: dict[FigureKey, _Published] = defaultdict(_Published)
    for topic in sorted(on_topic):
        for disclosure in on_topic[topic]:
            for (period, row, column), value in counts[disclosure.reference].items():
                figure = published[(topic, period, row, column)]
                for other in figure.near(value, threshold):
                    found[disclosure.reference][other.reference] = other
                figure.add(value, disclosure)
    return {
        reference: sorted(earlier.values(), key=Disclosure.sort_key, reverse=True)
        for reference, earlier in found.items()
    }
