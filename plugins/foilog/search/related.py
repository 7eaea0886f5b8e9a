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
"""

from __future__ import annotations

import heapq
from collections import defaultdict

import numpy
from whoosh import classify

from foilog.core.cache_files import KeptValues
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
    """For each record, up to `limit` others most like it, most similar first."""
    table = TermTable.of_log(site, log)
    return {
        reference: [table.references[n] for n in table.most_like(position, limit)]
        for position, reference in enumerate(table.references)
    }


def record_terms(site: SiteSettings, log: DisclosureLog) -> dict[str, Terms]:
    """Each record's terms in the similarity fields, by reference: from the cache beside
    the index when the record is unchanged."""
    kept = KeptValues(index_folder(site) / TERMS_FOLDER)
    terms: dict[str, Terms] = {}
    for disclosure in log.disclosures:
        hash_ = record_hash(disclosure)
        found: Terms | None = kept.get(hash_)
        if found is None:
            found = similarity_terms(disclosure)
            kept.put(hash_, found)
        terms[disclosure.reference] = found
    kept.save()
    return terms


class TermTable:
    """The records' terms (by position, in the order of their references), with each
    term's postings (the positions of the records that have it) and weight in the log."""

    def __init__(
        self, references: list[str], doc_terms: list[Terms], authority_words: frozenset[str]
    ) -> None:
        self.references = references
        self.doc_terms = doc_terms
        self.authority_words = authority_words
        found: dict[Term, list[int]] = defaultdict(list)
        self.collection: dict[Term, float] = defaultdict(float)
        for position, terms in enumerate(doc_terms):
            for term, weight in terms:
                found[term].append(position)
                self.collection[term] += weight
        self.postings = {term: numpy.array(docs, dtype=numpy.int64) for term, docs in found.items()}
        self.model = classify.Bo1Model(len(doc_terms), 0.0)
        self.ceiling = max(COMMON_FLOOR, int(COMMON_SHARE * len(doc_terms)))
        # One record's scores and counts of shared key terms, by position (most_like).
        self._scores = numpy.zeros(len(doc_terms))
        self._shared = numpy.zeros(len(doc_terms), dtype=numpy.int64)

    @classmethod
    def of_log(cls, site: SiteSettings, log: DisclosureLog) -> TermTable:
        terms = record_terms(site, log)
        references = sorted(terms)
        return cls(references, [terms[r] for r in references], name_words(site.authority))

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
