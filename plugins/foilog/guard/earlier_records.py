"""The earlier records that `cross_record_findings` compares each record with.

Comparing every record with every earlier one would grow with the square of the log
(generic labels such as "Total" or "2023" recur in many tables). Instead the figures are
gathered in one pass, under keys that two matching figures must share (a year their
periods cover, their labels and a word of their subject), and only values less than the
threshold apart under one key are paired: the work grows with the number of published
figures and of the pairs found.
"""

from __future__ import annotations

from collections import defaultdict

from foilog.guard.cross_record import bucket_keys, published_figures
from foilog.records.model import Disclosure, DisclosureLog

FigureKey = tuple[str, str, str, str]  # year or period, row label, column label, subject word


def earlier_records(log: DisclosureLog, threshold: int) -> dict[str, list[Disclosure]]:
    """For each record, the records before it in the log's order (response date, then
    reference) that publish a figure it could differ from by a small number, newest first."""
    published: dict[FigureKey, dict[float, list[Disclosure]]] = defaultdict(dict)
    for disclosure in log.disclosures:
        for figure in published_figures(disclosure):
            for period in bucket_keys(figure):
                for word in figure.subject:
                    key = (period, *figure.label, word)
                    records = published[key].setdefault(figure.value, [])
                    if not records or records[-1] is not disclosure:
                        records.append(disclosure)
    found: dict[str, dict[str, Disclosure]] = defaultdict(dict)
    for by_value in published.values():
        if len(by_value) < 2:
            continue  # one value, however many records gave it: no difference to find
        values = sorted(by_value)
        for position, low in enumerate(values):
            following = position + 1
            while following < len(values) and values[following] - low < threshold:
                for one in by_value[low]:
                    for other in by_value[values[following]]:
                        if one is not other:
                            later, earlier = sorted(
                                (one, other), key=Disclosure.sort_key, reverse=True
                            )
                            found[later.reference][earlier.reference] = earlier
                following += 1
    return {
        reference: sorted(earlier.values(), key=Disclosure.sort_key, reverse=True)
        for reference, earlier in found.items()
    }
