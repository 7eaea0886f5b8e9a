"""Related disclosures for each page: those the record names first, then the most similar."""

from __future__ import annotations

from whoosh.index import Index

from .model import DisclosureLog
from .search_index import related_references

RELATED_LIMIT = 5


def attach_related(index: Index, log: DisclosureLog) -> None:
    """Fill each Disclosure's `related_disclosures` from the Whoosh index, which must be up
    to date with `log` (`check_site` updates it before the pages are made)."""
    named = max((len(d.related) for d in log.disclosures), default=0)
    # Ask for enough similar records to fill the list after named ones are taken out.
    similar = related_references(index, log, RELATED_LIMIT + named)
    by_reference = log.by_reference()
    for disclosure in log.disclosures:
        chosen: dict[str, None] = {}
        for reference in [*disclosure.related, *similar.get(disclosure.reference, [])]:
            if reference in by_reference and reference != disclosure.reference:
                chosen.setdefault(reference)
        disclosure.related_disclosures = [by_reference[r] for r in chosen][:RELATED_LIMIT]
        disclosure.related_unpublished = [r for r in disclosure.related if r not in by_reference]
