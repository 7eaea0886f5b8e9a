"""The earlier records that `cross_record_findings` compares each record with.

Earlier records on the same topics come from the search index: one `on_topics` query per
topic, not per record, so the cost grows with the log rather than with its square. Only
records that publish a count under the same period and labels are paired (through a
dictionary of `comparison_keys`), as only they can give a finding.
"""

from __future__ import annotations

from collections import defaultdict

from whoosh.index import Index

from ..model import Disclosure, DisclosureLog
from ..search_index import on_topics
from .cross_record import comparison_keys


def earlier_records(log: DisclosureLog, index: Index) -> dict[str, list[Disclosure]]:
    """For each record with counts, the records before it in the log's order (response
    date, then reference) that share a topic and a figure key with it, newest first."""
    keys = {d.reference: comparison_keys(d) for d in log.disclosures}
    comparable = [d for d in log.disclosures if keys[d.reference]]
    by_key: dict[tuple[str, str, str], list[Disclosure]] = defaultdict(list)
    for disclosure in comparable:
        for key in keys[disclosure.reference]:
            by_key[key].append(disclosure)
    topics = {topic for d in comparable for topic in d.topic_slugs}
    on_topic = {topic: {hit.reference for hit in on_topics(index, [topic])} for topic in topics}
    found: dict[str, list[Disclosure]] = {}
    for disclosure in comparable:
        order = disclosure.sort_key()
        candidates = {
            other.reference: other
            for key in keys[disclosure.reference]
            for other in by_key[key]
            if other.sort_key() < order
        }
        found[disclosure.reference] = sorted(
            (
                other
                for reference, other in candidates.items()
                if any(reference in on_topic[topic] for topic in disclosure.topic_slugs)
            ),
            key=Disclosure.sort_key,
            reverse=True,
        )
    return found
