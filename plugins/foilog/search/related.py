"""Related disclosures for each page: those the record names first, then the most similar.

Similarity is Whoosh's more-like-this, done for every record in one pass: each record's
key terms are chosen with the Bo1 model, as `Searcher.more_like` does, and other records
score the summed weights of the key terms they share. Terms found in more than
`COMMON_SHARE` of the records (but at least `COMMON_FLOOR`) are passed over, as Lucene's
MoreLikeThis does with maxDocFreq: they say little about likeness and would make the cost
grow with the square of the log. The sums are made by numpy, a record at a time, at only
the records that share one of its key terms (found through each term's postings): a
record costs the postings of its key terms, not a pass over the whole log.

Words that say nothing of a request's subject (`plain_words`) are never key terms, and a
record is only listed as related when it shares at least `MIN_SHARED` key terms and
`MIN_LIKENESS` of the record's own key-term weight (the score it would give itself): a
log with nothing like a record shows no related requests rather than unrelated ones.

Each record's terms are those the Whoosh index makes of its fields, with the same weights
(`search_index.similarity_terms`). Every record's terms are kept beside the index with the
record's hash (`TABLE_FILE`), as the table's arrays of numbered terms and weights, so a
rebuild works out only the changed records' terms and reads the rest back at once; the
counts across the log are made from the records in it, so a rebuild finds exactly what a
build from nothing finds.

A record's list depends only on its own terms, on each of its terms' weight in the log and
the records that have it, and on the number of records the model counts (the log's size
rounded up to a step, `model_size`). So each build keeps every record's list with the
records' hashes (`LISTS_FILE`), and the next works out again only the lists of the records
that changed and of those that have a term whose weight changed in one, while it could be
a key term; the rest are the same as a build from nothing would find. When the log grows
past a step, or the limit or the authority's name changes, every list is worked out.
"""

from __future__ import annotations

import hashlib
import heapq
import pickle
import shutil
from array import array
from collections import defaultdict
from pathlib import Path

import numpy
from whoosh import classify

from foilog.core.cache_files import read_pickle, write_pickle
from foilog.records.model import DisclosureLog
from foilog.search.plain_words import is_plain, name_words
from foilog.search.record_index import index_folder, record_hash, similarity_terms
from foilog.settings import SiteSettings

RELATED_LIMIT = 5
# Small logs have few terms per record; Whoosh's default of 5 key terms finds too little.
KEY_TERMS = 25
FIELD_WEIGHTS = {"title": 2.0, "questions": 1.0, "topics": 1.5, "exemptions": 1.0}
COMMON_SHARE = 0.05
COMMON_FLOOR = 50
MIN_LIKENESS = 0.2
MIN_SHARED = 2
TABLE_FILE = "related-terms.pickle"
OLD_TERMS_FOLDER = "related-terms"  # where earlier versions kept the terms: removed
TABLE_FORMAT = 1  # how the table is kept (record_hash changes with what the terms are)
LISTS_FILE = "related-lists.pickle"
LISTS_FORMAT = 1  # what a kept list depends on: change when the scoring changes

Term = tuple[str, str]  # field, word
Terms = list[tuple[Term, float]]  # each term of a record with its weight


def attach_related(site: SiteSettings, log: DisclosureLog) -> None:
    """Fill each Disclosure's `related_disclosures` and `related_unpublished`."""
    named = max((len(d.related) for d in log.disclosures), default=0)
    # Ask for enough similar records to fill the list after named ones are taken out.
    similar = similar_records(site, log, RELATED_LIMIT + named)
    by_reference = log.by_reference()
    for disclosure in log.disclosures:
        chosen: dict[str, None] = {}
        for reference in [*disclosure.related, *similar.get(disclosure.reference, [])]:
            if reference in by_reference and reference != disclosure.reference:
                chosen.setdefault(reference)
        disclosure.related_disclosures = [by_reference[r] for r in chosen][:RELATED_LIMIT]
        disclosure.related_unpublished = [r for r in disclosure.related if r not in by_reference]


def similar_records(site: SiteSettings, log: DisclosureLog, limit: int) -> dict[str, list[str]]:
    """For each record, up to `limit` others most like it, most similar first: worked out
    again only for the records whose lists the changes since the last build can touch."""
    table_file = index_folder(site) / TABLE_FILE
    kept_terms = KeptTerms(table_file)
    table = TermTable.of_log(site, log, kept_terms)
    basis = (LISTS_FORMAT, limit, table.model.N, table.ceiling, sorted(table.authority_words))
    lists_file = index_folder(site) / LISTS_FILE
    before = read_pickle(lists_file)
    redo: set[int] | None = None
    kept_records: dict[str, str] = {}
    kept_lists: dict[str, list[str]] = {}
    if isinstance(before, dict) and before.get("basis") == basis:
        kept_records, kept_lists = before["records"], before["lists"]
        redo = table.touched_by(kept_records, kept_terms)
    lists = {
        reference: (
            [table.references[n] for n in table.most_like(position, limit)]
            if redo is None or position in redo
            else kept_lists[reference]
        )
        for position, reference in enumerate(table.references)
    }
    if kept_terms.hashes != table.hashes_in_order:
        table.save(table_file)
    shutil.rmtree(index_folder(site) / OLD_TERMS_FOLDER, ignore_errors=True)
    if redo is None or kept_records != table.hashes:
        # The records and the lists they give, saved at once: the next build compares its
        # records with these, whether or not this build goes on to succeed. (A removed
        # record may touch no list, but its terms are no longer kept to compare with.)
        write_pickle(lists_file, {"basis": basis, "records": table.hashes, "lists": lists})
    return lists


def model_size(count: int) -> int:
    """The number of records the similarity model counts: `count` rounded up to a step of
    an eighth to a sixteenth of it (a power of two), so that a new record changes the
    model, and with it every record's list, only when the log grows past a step."""
    step = 1 << max(0, count.bit_length() - 4)
    return -(-count // step) * step


class _TermArrays:
    """Records' terms as arrays: each record's numbers in `vocabulary`, one record after
    another, with their weights, and how many terms each record has."""

    def __init__(
        self,
        vocabulary: list[Term],
        terms: numpy.ndarray,
        weights: numpy.ndarray,
        lengths: numpy.ndarray,
    ) -> None:
        self.vocabulary, self.terms, self.weights, self.lengths = (
            vocabulary,
            terms,
            weights,
            lengths,
        )
        self.starts = numpy.cumsum(lengths) - lengths

    def terms_of(self, position: int) -> Terms:
        """The terms of the record at `position`, with their weights."""
        start = int(self.starts[position])
        end = start + int(self.lengths[position])
        numbers, weights = self.terms[start:end].tolist(), self.weights[start:end].tolist()
        return [(self.vocabulary[n], w) for n, w in zip(numbers, weights, strict=True)]


class KeptTerms(_TermArrays):
    """Every record's terms as the last build's table had them, by the record's hash."""

    def __init__(self, file: Path) -> None:
        kept = _read_table(file)
        self.hashes: list[str] = kept[0] if kept else []  # by position
        if kept:
            super().__init__(*kept[1:])
        else:
            super().__init__([], _numbers([]), numpy.zeros(0), _numbers([]))
        self.positions = {hash_: n for n, hash_ in enumerate(self.hashes)}

    def get(self, hash_: str) -> Terms | None:
        """The terms of the record with this hash (record_hash), or None."""
        position = self.positions.get(hash_)
        return None if position is None else self.terms_of(position)


KeptTable = tuple[list[str], list[Term], numpy.ndarray, numpy.ndarray, numpy.ndarray]


def _write_table(file: Path, table: KeptTable) -> None:
    """The arrays as bytes of fixed types (a pickled array names numpy's own modules, which
    change between its versions), all with a hash of it, to be believed only whole."""
    hashes, vocabulary, terms, weights, lengths = table
    arrays = (
        terms.astype(numpy.int64, copy=False),
        weights.astype(numpy.float64, copy=False),
        lengths.astype(numpy.int64, copy=False),
    )
    body = pickle.dumps(
        (hashes, vocabulary, *(a.tobytes() for a in arrays)), pickle.HIGHEST_PROTOCOL
    )
    check = hashlib.sha256(body).hexdigest()
    write_pickle(file, {"format": TABLE_FORMAT, "check": check, "body": body})


def _read_table(file: Path) -> KeptTable | None:
    """The table `_write_table` kept, or None unless it is whole and every part fits: a
    damaged table would otherwise give wrong lists for as long as its records stayed."""
    kept = read_pickle(file)
    if not (isinstance(kept, dict) and kept.get("format") == TABLE_FORMAT):
        return None
    body = kept.get("body")
    if not (isinstance(body, bytes) and kept.get("check") == hashlib.sha256(body).hexdigest()):
        return None
    try:
        hashes, vocabulary, *arrays = pickle.loads(body)
        terms, weights, lengths = (
            numpy.frombuffer(data, dtype=kind)
            for data, kind in zip(arrays, (numpy.int64, numpy.float64, numpy.int64), strict=True)
        )
    except (pickle.UnpicklingError, TypeError, ValueError):
        return None
    fits = (
        len(hashes) == len(lengths)
        and int(lengths.sum()) == len(terms) == len(weights)
        and bool((lengths >= 0).all())
        and (len(terms) == 0 or (terms.min() >= 0 and terms.max() < len(vocabulary)))
        and len(set(vocabulary)) == len(vocabulary)
    )
    return (hashes, vocabulary, terms, weights, lengths) if fits else None


def _numbers(values: list[int]) -> numpy.ndarray:
    return numpy.array(values, dtype=numpy.int64)


def _ranges(starts: numpy.ndarray, lengths: numpy.ndarray) -> numpy.ndarray:
    """The positions of every range (start, length), one after the other."""
    ends = numpy.cumsum(lengths)
    return numpy.repeat(starts - (ends - lengths), lengths) + numpy.arange(
        ends[-1] if len(ends) else 0
    )


class TermTable(_TermArrays):
    """The records' terms (by position, in the order of their references), with each
    term's postings (the positions of the records that have it) and weight in the log.
    The terms are held in arrays, as they are kept."""

    def __init__(
        self,
        references: list[str],
        hashes: dict[str, str],
        vocabulary: list[Term],
        terms: numpy.ndarray,
        weights: numpy.ndarray,
        lengths: numpy.ndarray,
        authority_words: frozenset[str],
    ) -> None:
        self.references = references
        self.hashes = hashes  # each record's hash (record_hash), by reference
        super().__init__(vocabulary, terms, weights, lengths)
        self.authority_words = authority_words
        positions = numpy.repeat(numpy.arange(len(references), dtype=numpy.int64), lengths)
        # Stable, so that each term's positions stay in ascending order.
        ordered = positions[numpy.argsort(terms, kind="stable")]
        counts = numpy.bincount(terms, minlength=len(vocabulary))
        ends = numpy.cumsum(counts)
        self.postings = {
            term: ordered[end - count : end]
            for term, count, end in zip(vocabulary, counts.tolist(), ends.tolist(), strict=True)
        }
        # Summed one record after another, in the order of their positions, as a loop over
        # the records would: the same sums, to the last bit, however the table was made.
        sums = numpy.zeros(len(vocabulary))
        numpy.add.at(sums, terms, weights)
        self.collection = dict(zip(vocabulary, sums.tolist(), strict=True))
        self.model = classify.Bo1Model(model_size(len(references)), 0.0)
        self.ceiling = max(COMMON_FLOOR, int(COMMON_SHARE * self.model.N))
        # One record's scores and counts of shared key terms, by position (most_like).
        self._scores = numpy.zeros(len(references))
        self._shared = numpy.zeros(len(references), dtype=numpy.int64)

    @classmethod
    def of_log(cls, site: SiteSettings, log: DisclosureLog, kept: KeptTerms) -> TermTable:
        """The log's table, with the terms of unchanged records taken from `kept`."""
        by_reference = {d.reference: d for d in log.disclosures}
        hashes = {reference: record_hash(d) for reference, d in by_reference.items()}
        references = sorted(hashes)
        numbers = {term: n for n, term in enumerate(kept.vocabulary)}
        kept_starts, kept_lengths = kept.starts.tolist(), kept.lengths.tolist()
        made_terms, made_weights = array("q"), array("d")  # of the records not kept
        starts, lengths = [], []  # of each record's terms: in the kept ones, then the made
        for reference in references:
            position = kept.positions.get(hashes[reference])
            if position is not None:
                starts.append(kept_starts[position])
                lengths.append(kept_lengths[position])
                continue
            found = similarity_terms(by_reference[reference])
            starts.append(len(kept.terms) + len(made_terms))
            lengths.append(len(found))
            for term, weight in found:
                made_terms.append(numbers.setdefault(term, len(numbers)))
                made_weights.append(weight)
        every = numpy.concatenate([kept.terms, numpy.frombuffer(made_terms, dtype=numpy.int64)])
        weights = numpy.concatenate([kept.weights, numpy.frombuffer(made_weights)])
        taken = _ranges(numpy.array(starts, dtype=numpy.int64), _numbers(lengths))
        terms = every[taken]
        # Terms no record has any more are dropped, and the rest numbered again.
        used = numpy.bincount(terms, minlength=len(numbers)) > 0
        vocabulary = [term for term, is_used in zip(numbers, used.tolist(), strict=True) if is_used]
        renumbered = numpy.cumsum(used) - 1
        return cls(
            references,
            hashes,
            vocabulary,
            renumbered[terms],
            weights[taken],
            _numbers(lengths),
            name_words(site.authority),
        )

    @property
    def hashes_in_order(self) -> list[str]:
        return [self.hashes[reference] for reference in self.references]

    def save(self, file: Path) -> None:
        """Keep every record's terms for the next build (KeptTerms)."""
        table = (self.hashes_in_order, self.vocabulary, self.terms, self.weights, self.lengths)
        _write_table(file, table)

    def touched_by(self, before: dict[str, str], kept: KeptTerms) -> set[int] | None:
        """The positions of the records whose lists may differ from those of the build whose
        records had the hashes `before`; None when the terms of a record as it was are no
        longer in `kept`, so that every list must be worked out.

        A record's list depends only on its own terms and, for each, the term's weight in
        the log and the records that have it (with the model's size, which is the same
        here). So it may change only if the record changed, or if one of its terms changed
        weight in a changed record, and could be a key term then or now."""
        changed: set[Term] = set()
        gained: dict[Term, int] = defaultdict(int)  # records that have the term now, less before
        touched: set[int] = set()
        positions = {reference: n for n, reference in enumerate(self.references)}
        for reference in before.keys() | self.hashes.keys():
            old_hash, new_hash = before.get(reference), self.hashes.get(reference)
            if old_hash == new_hash:
                continue
            old: Terms | None = [] if old_hash is None else kept.get(old_hash)
            if old is None:
                return None
            new = self.terms_of(positions[reference]) if new_hash is not None else []
            changed.update(term for term, _ in set(old) ^ set(new))
            old_has, new_has = {term for term, _ in old}, {term for term, _ in new}
            for term in new_has - old_has:
                gained[term] += 1
            for term in old_has - new_has:
                gained[term] -= 1
            if reference in positions:
                touched.add(positions[reference])
        for term in changed:
            having = self.postings.get(term, numpy.zeros(0, dtype=numpy.int64))
            counts = (len(having), len(having) - gained[term])
            if not is_plain(term[1], self.authority_words) and any(
                1 < count <= self.ceiling for count in counts
            ):
                touched.update(having.tolist())
        return touched

    def key_terms(self, position: int) -> Terms:
        """The record's KEY_TERMS best terms by Bo1 weight, leaving out the too common."""
        weighted = [
            (term, FIELD_WEIGHTS[term[0]] * self.model.score(weight, self.collection[term], 0))
            for term, weight in self.terms_of(position)
            if 1 < len(self.postings[term]) <= self.ceiling
            and not is_plain(term[1], self.authority_words)
        ]
        return heapq.nlargest(KEY_TERMS, weighted, key=lambda item: item[1])

    def most_like(self, position: int, limit: int) -> list[int]:
        """The positions of up to `limit` other records most like the record at `position`,
        most similar first; ties go to the later reference."""
        key_terms = self.key_terms(position)
        if not key_terms:
            return []
        postings = [self.postings[term] for term, _ in key_terms]
        sharing = numpy.concatenate(postings)  # each record once for each key term it has
        weights = numpy.repeat([weight for _, weight in key_terms], [len(p) for p in postings])
        # Summed in place at only the records that share a key term, and cleared after:
        # scoring one record never passes over the whole log.
        numpy.add.at(self._scores, sharing, weights)
        numpy.add.at(self._shared, sharing, 1)
        scores, shared = self._scores[sharing], self._shared[sharing]
        # Every key term is the record's own, so it scores itself their full weight.
        own = self._scores[position]
        self._scores[sharing], self._shared[sharing] = 0.0, 0
        liked = (scores >= MIN_LIKENESS * own) & (shared >= MIN_SHARED) & (sharing != position)
        candidates, first = numpy.unique(sharing[liked], return_index=True)
        # Highest score first, and the later position (reference) first among equal scores.
        best = numpy.lexsort((candidates, scores[liked][first]))[::-1][:limit]
        return [int(n) for n in candidates[best]]
