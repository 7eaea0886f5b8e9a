"""The earlier records that `cross_record_findings` compares each record with.

Comparing every record with every earlier one would grow with the square of the log
(generic labels such as "Total" or "2023" recur in many tables). Instead the figures are
gathered under keys that two matching figures must share (a year their periods cover,
their labels and a word of their subject), and only values less than the threshold apart
under one key are paired: the work grows with the number of published figures and of the
pairs found.

A log has many times more keys than records, so each key is kept as a 64-bit hash, with
its value, in flat arrays (a few bytes a key instead of a few hundred for the key and its
lists). A record's hashes and values depend on nothing but its file, so they are kept
between builds under the file's hash, and a rebuild works out only those of the records
that changed. Two keys sharing a hash only pair two records that share no key:
`cross_record_findings` compares their figures themselves and finds nothing, so the
findings are the same as with the keys themselves.

Whether two records pair depends on nothing but their two files. So the pairs found are
kept too (`PAIRS_FILE`, beside the keys), and a rebuild keeps those of the records that did
not change, and looks for new ones only under the keys of the records that did: sorting
every key of a large log took most of the guard's time in a publish.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator

import numpy

from foilog.core.cache_files import KeptValues, read_pickle, write_pickle
from foilog.guard.cross_record import bucket_keys, published_figures
from foilog.records.model import Disclosure, DisclosureLog

FigureKey = tuple[str, str, str, str]  # year or period, row label, column label, subject word
Rows = tuple[bytes, bytes]  # a record's key hashes (int64) and values (float64), as bytes
PAIRS_FILE = "close-pairs.pickle"
# Past this share of changed records, looking under their keys saves nothing.
CHANGED_SHARE = 0.25
LOW_BITS_TABLE = 1 << 20  # entries of the table that finds the keys of changed records


def earlier_records(
    log: DisclosureLog, threshold: int, kept: KeptValues | None = None
) -> dict[str, list[Disclosure]]:
    """For each record, the records before it in the log's order (response date, then
    reference) that publish a figure it could differ from by a small number, newest first.
    `kept` holds each record's key hashes and values between builds, and the pairs found."""
    rows = [_figure_rows(disclosure, kept) for disclosure in log.disclosures]
    pairs = (
        _kept_pairs(log.disclosures, rows, threshold, kept)
        if kept
        else _close_pairs(_Keys.of(rows), threshold)
    )
    found: dict[str, dict[str, Disclosure]] = defaultdict(dict)
    for one, other in pairs:
        later, earlier = sorted(
            (log.disclosures[one], log.disclosures[other]), key=Disclosure.sort_key, reverse=True
        )
        found[later.reference][earlier.reference] = earlier
    return {
        reference: sorted(earlier.values(), key=Disclosure.sort_key, reverse=True)
        for reference, earlier in found.items()
    }


def _figure_rows(disclosure: Disclosure, kept: KeptValues | None) -> Rows:
    key = hashlib.sha256(f"figure keys\0{disclosure.content_hash}".encode()).hexdigest()
    rows: Rows | None = kept.get(key) if kept else None
    if rows is None:
        pairs = list(_figure_keys(disclosure))
        hashes = numpy.array([_key_hash(figure_key) for figure_key, _ in pairs], numpy.int64)
        values = numpy.array([value for _, value in pairs], numpy.float64)
        rows = (hashes.tobytes(), values.tobytes())
        if kept:
            kept.put(key, rows)
    return rows


def _figure_keys(disclosure: Disclosure) -> Iterator[tuple[FigureKey, float]]:
    for figure in published_figures(disclosure):
        for period in bucket_keys(figure):
            for word in figure.subject:
                yield (period, *figure.label, word), figure.value


def _key_hash(key: FigureKey) -> int:
    """The same in every run (Python's own hash of a string is not)."""
    digest = hashlib.blake2b("\0".join(key).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def _kept_pairs(
    disclosures: list[Disclosure], rows: list[Rows], threshold: int, kept: KeptValues
) -> set[tuple[int, int]]:
    """The close pairs: those of the records unchanged since the last build from
    `PAIRS_FILE` in `kept`'s folder, and those found under the keys of the others."""
    names = [f"{d.content_hash}\0{d.source}" for d in disclosures]
    file = kept.folder / PAIRS_FILE
    basis = (kept.version, threshold)
    before = read_pickle(file)
    if not (isinstance(before, dict) and before.get("basis") == basis and _whole(before)):
        before = {"names": [], "pairs": []}
    pairs: set[tuple[int, int]] = set()
    position = {name: n for n, name in enumerate(names)}
    now = [position.get(name, -1) for name in before["names"]]
    for one, other in before["pairs"]:
        if now[one] >= 0 and now[other] >= 0:
            pairs.add((min(now[one], now[other]), max(now[one], now[other])))
    unchanged = set(before["names"])
    changed = [n for n, name in enumerate(names) if name not in unchanged]
    if len(changed) > CHANGED_SHARE * len(names):
        pairs = _close_pairs(_Keys.of(rows), threshold)
    elif changed:
        pairs |= _close_pairs(_Keys.of(rows).sharing_keys_of(changed), threshold)
    if before["names"] != names:
        ordered = sorted(pairs)
        kept_pairs = {"names": names, "pairs": ordered, "check": _check(names, ordered)}
        write_pickle(file, {"basis": basis, **kept_pairs})
    return pairs


def _whole(kept: dict[str, object]) -> bool:
    """Whether kept pairs are as a build wrote them: a pair lost would stay lost for as
    long as its two records are unchanged."""
    names, pairs = kept.get("names"), kept.get("pairs")
    if not (isinstance(names, list) and isinstance(pairs, list)):
        return False
    if kept.get("check") != _check(names, pairs):
        return False
    return all(0 <= one < other < len(names) for one, other in pairs)


def _check(names: list[str], pairs: list[tuple[int, int]]) -> str:
    return hashlib.sha256(repr((names, pairs)).encode()).hexdigest()


class _Keys:
    """Every record's key hashes, with their values and owners (positions in the log)."""

    def __init__(self, hashes: numpy.ndarray, values: numpy.ndarray, owners: numpy.ndarray):
        self.hashes, self.values, self.owners = hashes, values, owners

    @classmethod
    def of(cls, rows: list[Rows]) -> _Keys:
        counts = numpy.fromiter((len(keys) // 8 for keys, _ in rows), numpy.int64, len(rows))
        hashes = numpy.frombuffer(b"".join(keys for keys, _ in rows), numpy.int64)
        values = numpy.frombuffer(b"".join(found for _, found in rows), numpy.float64)
        owners = numpy.repeat(numpy.arange(len(rows), dtype=numpy.int32), counts)
        return cls(hashes, values, owners)

    def sharing_keys_of(self, owners: list[int]) -> _Keys:
        """Only the keys that one of `owners` has, whoever has them."""
        # The keys are in order of their owners: each owner's are one slice.
        starts = numpy.searchsorted(self.owners, owners, side="left")
        ends = numpy.searchsorted(self.owners, owners, side="right")
        theirs = numpy.unique(
            numpy.concatenate([self.hashes[s:e] for s, e in zip(starts, ends, strict=True)])
        )
        # A table of their hashes' low bits passes over most keys at once; the few left are
        # looked up in full.
        low = numpy.zeros(LOW_BITS_TABLE, dtype=bool)
        low[theirs & (LOW_BITS_TABLE - 1)] = True
        maybe = numpy.flatnonzero(low[self.hashes & (LOW_BITS_TABLE - 1)])
        at = numpy.searchsorted(theirs, self.hashes[maybe])
        found = theirs[numpy.minimum(at, len(theirs) - 1)] == self.hashes[maybe]
        shared = maybe[found]
        return _Keys(self.hashes[shared], self.values[shared], self.owners[shared])


def _close_pairs(keys: _Keys, threshold: int) -> set[tuple[int, int]]:
    """The pairs of owners (positions in the log, lower first) with values under one key
    hash that differ, by less than `threshold`. A NaN is never close to anything. The arrays
    are sorted one at a time, each replacing its unsorted self, as a log of 100,000 records
    has millions of keys."""
    hashes, values, owners = keys.hashes, keys.values, keys.owners
    del keys
    if numpy.isnan(values).any():
        known = ~numpy.isnan(values)
        hashes, values, owners = hashes[known], values[known], owners[known]
    order = numpy.lexsort((values, hashes))
    hashes = hashes[order]
    values = values[order]
    owners = owners[order]
    del order
    # Each (hash, value) once: its owners are owners[starts[i]:ends[i]].
    new = numpy.ones(len(hashes), dtype=bool)
    new[1:] = (hashes[1:] != hashes[:-1]) | (values[1:] != values[:-1])
    starts = numpy.flatnonzero(new)
    del new
    ends = numpy.append(starts[1:], len(hashes))
    unique_hashes, unique_values = hashes[starts], values[starts]
    del hashes, values
    pairs: set[tuple[int, int]] = set()
    # The values of a hash are sorted and distinct: step to the next value, the one after,
    # and so on, while some hash still has two values closer than the threshold.
    step = 1
    while step < len(starts):
        close = (unique_hashes[step:] == unique_hashes[:-step]) & (
            unique_values[step:] - unique_values[:-step] < threshold
        )
        if not close.any():
            break
        for low in numpy.flatnonzero(close).tolist():
            high = low + step
            for one in set(owners[starts[low] : ends[low]].tolist()):
                for other in set(owners[starts[high] : ends[high]].tolist()):
                    if one != other:
                        pairs.add((min(one, other), max(one, other)))
        step += 1
    return pairs
