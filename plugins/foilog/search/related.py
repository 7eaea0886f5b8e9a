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
(`search_index.similarity_terms`). They are kept beside the index under the record's
hash, so a rebuild works out only the changed records' terms; the counts across the log
are made from the records in it, so a rebuild finds exactly what a build from nothing
finds.

A record's list depends only on its own terms, on each of its terms' weight in the log and
the records that have it, and on the number of records the model counts (the log's size
rounded up to a step, `model_size`). So each build keeps every record's list with the
records' hashes (`LISTS_FILE`), and the next works out again only the lists of the records
that changed and of those that have a term whose weight changed in one, while it could be
a key term; the rest are the same as a build from nothing would find. When the log grows
past a step, or the limit or the authority's name changes, every list is worked out.
"""

from __future__ import annotations

import heapq
from array import array
from collections import defaultdict

import numpy
from whoosh import classify

from foilog.core.cache_files import KeptValues, read_pickle, write_pickle
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
TERMS_FOLDER = "related-terms"
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
    kept_terms = KeptValues(index_folder(site) / TERMS_FOLDER)
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
    kept_terms.save()
    if redo is None or kept_records != table.hashes:
        # The records and the lists they give, saved at once: the next build compares its
        # records with these, whether or not this build goes on to succeed. (A removed
        # record may touch no list, but its terms are no longer kept to compare with.)
        write_pickle(lists_file, {"basis": basis, "records": table.hashes, "lists": lists})
    return lists


def record_terms(log: DisclosureLog, hashes: dict[str, str], kept: KeptValues) -> dict[str, Terms]:
    """Each record's terms in the similarity fields, by reference: from `kept` (under the
    record's hash, `hashes`) when the record is unchanged."""
    terms: dict[str, Terms] = {}
    # Each term once, however many records have it: pickled together, the records' terms
    # are then read back sharing their terms, which takes a third less memory.
    shared: dict[Term, Term] = {}
    for disclosure in log.disclosures:
        hash_ = hashes[disclosure.reference]
        found: Terms | None = kept.get(hash_)
        if found is None:
            found = [
                (shared.setdefault(term, term), weight)
                for term, weight in similarity_terms(disclosure)
            ]
            kept.put(hash_, found)
        terms[disclosure.reference] = found
    return terms


def model_size(count: int) -> int:
    """The number of records the similarity model counts: `count` rounded up to a step of
    an eighth to a sixteenth of it (a power of two), so that a new record changes the
    model, and with it every record's list, only when the log grows past a step."""
    step = 1 << max(0, count.bit_length() - 4)
    return -(-count // step) * step


def _postings(doc_terms: list[Terms]) -> tuple[dict[Term, numpy.ndarray], dict[Term, float]]:
    """Each term's postings (the positions of the records that have it, ascending), as
    views of one array, and its weight in the log. Made from flat arrays of numbers, not a
    list a term: a log of 100,000 records has millions of (term, record) pairs."""
    numbers: dict[Term, int] = {}
    collection: dict[Term, float] = defaultdict(float)
    term_numbers, positions = array("q"), array("q")
    for position, terms in enumerate(doc_terms):
        for term, weight in terms:
            term_numbers.append(numbers.setdefault(term, len(numbers)))
            positions.append(position)
            collection[term] += weight
    by_term = numpy.frombuffer(term_numbers, dtype=numpy.int64)
    # Stable, so that each term's positions stay in ascending order.
    ordered = numpy.frombuffer(positions, dtype=numpy.int64)[numpy.argsort(by_term, kind="stable")]
    counts = numpy.bincount(by_term, minlength=len(numbers))
    ends = numpy.cumsum(counts)
    starts = ends - counts
    return {term: ordered[starts[n] : ends[n]] for term, n in numbers.items()}, collection


class TermTable:
    """The records' terms (by position, in the order of their references), with each
    term's postings (the positions of the records that have it) and weight in the log."""

    def __init__(
        self,
        references: list[str],
        doc_terms: list[Terms],
        authority_words: frozenset[str],
        hashes: dict[str, str],
    ) -> None:
        self.references = references
        self.hashes = hashes  # each record's hash (record_hash), by reference
        self.doc_terms = doc_terms
        self.authority_words = authority_words
        self.postings, self.collection = _postings(doc_terms)
        self.model = classify.Bo1Model(model_size(len(doc_terms)), 0.0)
        self.ceiling = max(COMMON_FLOOR, int(COMMON_SHARE * self.model.N))
        # One record's scores and counts of shared key terms, by position (most_like).
        self._scores = numpy.zeros(len(doc_terms))
        self._shared = numpy.zeros(len(doc_terms), dtype=numpy.int64)

    @classmethod
    def of_log(cls, site: SiteSettings, log: DisclosureLog, kept: KeptValues) -> TermTable:
        """The log's table, with the terms of unchanged records taken from `kept`."""
        hashes = {d.reference: record_hash(d) for d in log.disclosures}
        terms = record_terms(log, hashes, kept)
        references = sorted(terms)
        doc_terms = [terms[r] for r in references]
        return cls(references, doc_terms, name_words(site.authority), hashes)

    def touched_by(self, before: dict[str, str], kept: KeptValues) -> set[int] | None:
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
            old: Terms | None = [] if old_hash is None else kept.peek(old_hash)
            if old is None:
                return None
            new = self.doc_terms[positions[reference]] if new_hash is not None else []
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
            for term, weight in self.doc_terms[position]
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
