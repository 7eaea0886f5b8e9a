"""The earlier records that `cross_record_findings` compares each record with.

Comparing every record with every earlier one would grow with the square of the log
(generic labels such as "Total" or "2023" recur in many tables). Instead the figures are
gathered under keys that two matching figures must share (a year their periods cover,
their labels and a word of their subject), and only values less than the threshold apart
under one key are paired: the work grows with the number of published figures and of the
pairs found.

A log has many times more keys than records, and most keys hold one value, which can differ
from nothing. So a first pass keeps only each key's hash and value, in flat arrays (a few
bytes a key instead of a few hundred for the key and its lists), and a second pass gathers
in full only the keys whose hash was seen with two values. A hash shared by two keys only
makes the second pass look at one more key, so the result is the same as gathering every key.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterator

import numpy

from foilog.guard.cross_record import bucket_keys, published_figures
from foilog.records.model import Disclosure, DisclosureLog

FigureKey = tuple[str, str, str, str]  # year or period, row label, column label, subject word


def earlier_records(log: DisclosureLog, threshold: int) -> dict[str, list[Disclosure]]:
    """For each record, the records before it in the log's order (response date, then
    reference) that publish a figure it could differ from by a small number, newest first."""
    hashes, values, positions = array("q"), array("d"), array("i")
    for position, disclosure in enumerate(log.disclosures):
        for key, value in _figure_keys(disclosure):
            hashes.append(hash(key))
            values.append(value)
            positions.append(position)
    varied = _hashes_with_two_values(hashes, values)
    candidates = numpy.unique(numpy.asarray(positions)[numpy.isin(hashes, varied)])
    del hashes, values, positions
    varied_hashes = set(varied.tolist())
    published: dict[FigureKey, dict[float, list[Disclosure]]] = defaultdict(dict)
    for position in candidates.tolist():
        disclosure = log.disclosures[position]
        for key, value in _figure_keys(disclosure):
            if hash(key) in varied_hashes:
                records = published[key].setdefault(value, [])
                if not records or records[-1] is not disclosure:
                    records.append(disclosure)
    return _pairs(published, threshold)


def _figure_keys(disclosure: Disclosure) -> Iterator[tuple[FigureKey, float]]:
    for figure in published_figures(disclosure):
        for period in bucket_keys(figure):
            for word in figure.subject:
                yield (period, *figure.label, word), figure.value


def _hashes_with_two_values(hashes: array[int], values: array[float]) -> numpy.ndarray:
    """The hashes seen with more than one value (NaN counts as two: it is not equal to
    itself). Sorted by hash alone: a hash has two values when two of its neighbours differ."""
    hash_array = numpy.asarray(hashes)
    order = numpy.argsort(hash_array)
    sorted_hashes = hash_array[order]
    sorted_values = numpy.asarray(values)[order]
    del order
    another_value = (sorted_hashes[1:] == sorted_hashes[:-1]) & ~(
        sorted_values[1:] == sorted_values[:-1]
    )
    return numpy.unique(sorted_hashes[1:][another_value])


def _pairs(
    published: dict[FigureKey, dict[float, list[Disclosure]]], threshold: int
) -> dict[str, list[Disclosure]]:
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
