"""The build-time and staff-side Whoosh index of the disclosure log.

One index, kept in Pelican's cache folder (`SiteSettings.cache_path / "whoosh"`), serves
the staff command-line search, which brings it up to date before each search. The build
does not update it (no page is made from it), but related disclosures on each page take
their terms from this module's schema (`similarity_terms`), so both weigh words alike.

API:

- `update_index(site, log, progress=None) -> IndexChanges`: bring the index up to date
  with the log; `progress` is told (done, to do) as records are indexed.
  Records are compared by a hash of their file (never by mtime): new and changed records
  are (re)indexed, removed ones deleted, unchanged ones left alone.
- `open_index(site) -> Index`: the up-to-date index, for the functions below.
- `similarity_terms(disclosure) -> [((field, word), weight)]`: the record's terms in the
  `SIMILARITY_FIELDS`, with the weights the index gives them, for related disclosures.
- `search(index, text, exemption=, topic=, year=, outcome=, limit=) -> [Hit]`: full-text
  search with filters; an empty text lists every record that passes the filters. Raises
  `QueryError` (one line, for staff) for a query that cannot be searched as written.

`Hit` carries the stored fields: reference, title, topics, exemptions, outcomes, year
and responded. Callers that need more (such as released figures) look the reference up
in the `DisclosureLog`.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from whoosh import index, query
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.index import Index
from whoosh.qparser import MultifieldParser

from foilog.core.cache_files import read_pickle, write_pickle
from foilog.core.progress import ProgressCallback
from foilog.records.model import Disclosure, DisclosureLog
from foilog.settings import SiteSettings

# Change when the schema or what goes into a field changes: the index is then rebuilt.
INDEX_FORMAT = "foilog-3"
INDEX_NAME = "disclosures"
# Beside the index: the hash of each record in it, with the index generation they are of.
HASHES_FILE = "indexed-hashes.pickle"
# The fields related disclosures compare records by (see similarity_terms).
SIMILARITY_FIELDS = ("title", "questions", "topics", "exemptions")

SCHEMA = Schema(
    reference=ID(unique=True, stored=True),
    title=TEXT(stored=True, field_boost=2.0),
    questions=TEXT,  # every question and part, with their answers
    response=TEXT,
    topics=KEYWORD(commas=True, stored=True, scorable=True),  # slugs
    exemptions=KEYWORD(commas=True, stored=True, scorable=True),  # "40", "section-40"
    outcome=KEYWORD(commas=True, stored=True),  # every outcome present
    year=ID(stored=True),  # of the response date, or "undated"
    responded=STORED,  # ISO date, or None
    content_hash=STORED,
)


OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_QUOTED = re.compile(r'"[^"]*"')


class QueryError(ValueError):
    """A search text that Whoosh would silently change or drop, so it is refused instead."""


@dataclass(frozen=True)
class IndexChanges:
    added: int
    changed: int
    deleted: int
    unchanged: int


@dataclass(frozen=True)
class Hit:
    reference: str
    title: str
    topics: list[str]
    exemptions: list[str]  # section numbers, such as "40" or "12(5)(b)"
    outcomes: list[str]
    year: str
    responded: str | None


def index_folder(site: SiteSettings) -> Path:
    return site.cache_path / "whoosh"


def record_hash(disclosure: Disclosure) -> str:
    """The record file's bytes, plus what the index takes from outside it (the register)."""
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    digest.update(disclosure.content_hash.encode())
    for cited in disclosure.exemptions:
        digest.update(f"\0{cited.entry.act}:{cited.entry.key}".encode())
    return digest.hexdigest()


def _fields(disclosure: Disclosure) -> dict[str, str]:
    return {
        "title": disclosure.title,
        "questions": "\n".join(_question_texts(disclosure)),
        "topics": ",".join(disclosure.topic_slugs),
        "exemptions": ",".join(
            sorted({e.entry.key for e in disclosure.exemptions} | _exemption_slugs(disclosure))
        ),
    }


def similarity_terms(disclosure: Disclosure) -> list[tuple[tuple[str, str], float]]:
    """The record's terms in the SIMILARITY_FIELDS, each with the weight the index's
    postings give it (made by the schema's own analyzers and field boosts), in the order
    the index keeps them: by field, then by word. Words are interned: every record's terms
    are held at once for related disclosures, and most words recur across the log."""
    fields = _fields(disclosure)
    return [
        ((name, sys.intern(word.decode("utf-8"))), float(weight))
        for name in SIMILARITY_FIELDS
        for word, _, weight, _ in sorted(SCHEMA[name].index(fields[name]))
    ]


def _question_texts(disclosure: Disclosure) -> Iterable[str]:
    for question in disclosure.questions:
        yield question.text or ""
        yield question.answer or ""
        for part in question.parts:
            yield part.text or ""
            yield part.answer or ""


def _exemption_slugs(disclosure: Disclosure) -> set[str]:
    return {e.entry.slug for e in disclosure.exemptions}


def _document(disclosure: Disclosure, content_hash: str) -> dict[str, object]:
    date = disclosure.date
    return {
        **_fields(disclosure),
        "reference": disclosure.reference,
        "response": disclosure.response or "",
        "outcome": ",".join(sorted(disclosure.outcomes_present)),
        "year": str(date.year) if date else "undated",
        "responded": disclosure.responded.iso if disclosure.responded else None,
        "content_hash": content_hash,
    }


def _open_or_create(folder: Path) -> tuple[Index, bool]:
    """The index in `folder`, or a new empty one when it is missing or of another format."""
    marker = folder / "FORMAT"
    if (
        index.exists_in(str(folder), INDEX_NAME)
        and marker.is_file()
        and marker.read_text(encoding="utf-8") == INDEX_FORMAT
    ):
        return index.open_dir(str(folder), indexname=INDEX_NAME), False
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    created = index.create_in(str(folder), SCHEMA, indexname=INDEX_NAME)
    marker.write_text(INDEX_FORMAT, encoding="utf-8")
    return created, True


def update_index(
    site: SiteSettings, log: DisclosureLog, progress: ProgressCallback | None = None
) -> IndexChanges:
    """Add new and changed records, delete removed ones; unchanged records are not touched."""
    folder = index_folder(site)
    ix, new = _open_or_create(folder)
    kept = None if new else _kept_hashes(ix, folder)
    indexed = kept if kept is not None else ({} if new else _stored_hashes(ix))
    current = {d.reference: (d, record_hash(d)) for d in log.disclosures}
    removed = [reference for reference in indexed if reference not in current]
    stale = [
        (disclosure, content_hash)
        for reference, (disclosure, content_hash) in current.items()
        if indexed.get(reference) != content_hash
    ]
    if removed or stale:
        writer = ix.writer(limitmb=32)
        for reference in removed:
            writer.delete_by_term("reference", reference)
        for done, (disclosure, content_hash) in enumerate(stale):
            if progress:
                progress(done, len(stale))
            document = _document(disclosure, content_hash)
            if disclosure.reference in indexed:
                writer.update_document(**document)
            else:
                writer.add_document(**document)
        writer.commit()
    if removed or stale or kept is None:
        hashes = {reference: content_hash for reference, (_, content_hash) in current.items()}
        write_pickle(folder / HASHES_FILE, (ix.latest_generation(), hashes))
    changed = sum(1 for d, _ in stale if d.reference in indexed)
    return IndexChanges(
        added=len(stale) - changed,
        changed=changed,
        deleted=len(removed),
        unchanged=len(current) - len(stale),
    )


def _kept_hashes(ix: Index, folder: Path) -> dict[str, str] | None:
    """The hash of each record in the index, by reference, as the last update left them
    beside it; None when they are not of the index as it is now. (Reading them from every
    record's stored fields takes a second at 100,000 records.)"""
    kept = read_pickle(folder / HASHES_FILE)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == ix.latest_generation():
        hashes: dict[str, str] = kept[1]
        return hashes
    return None


def _stored_hashes(ix: Index) -> dict[str, str]:
    with ix.searcher() as searcher:
        return {f["reference"]: f["content_hash"] for f in searcher.all_stored_fields()}


def open_index(site: SiteSettings) -> Index:
    return index.open_dir(str(index_folder(site)), indexname=INDEX_NAME)


def _hit(fields: dict[str, object]) -> Hit:
    def split(name: str) -> list[str]:
        return [v for v in str(fields.get(name) or "").split(",") if v]

    return Hit(
        reference=str(fields["reference"]),
        title=str(fields["title"]),
        topics=split("topics"),
        exemptions=[e for e in split("exemptions") if not e[0].isalpha()],
        outcomes=split("outcome"),
        year=str(fields["year"]),
        responded=fields.get("responded"),  # type: ignore[arg-type]
    )


def search(
    index_: Index,
    text: str = "",
    *,
    exemption: str | None = None,
    topic: str | None = None,
    year: str | None = None,
    outcome: str | None = None,
    limit: int | None = 20,
) -> list[Hit]:
    """Records matching `text` (Whoosh query syntax over title, questions and response).

    Filters: `exemption` a section number ("40", "12(5)(b)") or page slug ("section-40"),
    `topic` a topic slug, `year` such as "2025", `outcome` one of the outcomes (matching
    records where any question or part had it). Best match first; with no text, newest first.
    """
    filters = [
        query.Term(field, value)
        for field, value in (
            ("exemptions", exemption),
            ("topics", topic),
            ("year", year),
            ("outcome", outcome),
        )
        if value
    ]
    restrict = query.And(filters) if filters else None
    with index_.searcher() as searcher:
        if text.strip():
            hits = searcher.search(parse_query(text), filter=restrict, limit=limit)
            return [_hit(hit.fields()) for hit in hits]
        found = searcher.search(restrict or query.Every(), limit=None)
        return _newest_first([_hit(hit.fields()) for hit in found])[:limit]


def parse_query(text: str) -> query.Query:
    """`text` in Whoosh query syntax, or QueryError where Whoosh would guess: it never fails,
    but reads an unbalanced quote as plain words, drops a dangling AND, and turns a text of
    only operators or common words into a query that matches nothing."""
    if text.count('"') % 2:
        raise QueryError('a quotation mark (") is not closed')
    unquoted = _QUOTED.sub(" x ", text)
    if unquoted.count("(") != unquoted.count(")"):
        raise QueryError("the brackets ( ) do not pair up")
    words = unquoted.replace("(", " ").replace(")", " ").split()
    for before, word, after in zip(["", *words[:-1]], words, [*words[1:], ""], strict=True):
        if word in OPERATORS and (
            after in ("", *OPERATORS - {"NOT"}) or (word != "NOT" and before in ("", *OPERATORS))
        ):
            needs = "a word after it" if word == "NOT" else "a word on each side"
            raise QueryError(f"{word} needs {needs}")
    parsed = MultifieldParser(["title", "questions", "response"], SCHEMA).parse(text)
    if parsed is query.NullQuery:
        raise QueryError("nothing left to search for: use words that are not all very common")
    return parsed


def _newest_first(hits: Iterable[Hit]) -> list[Hit]:
    return sorted(hits, key=lambda hit: (hit.responded or "", hit.reference), reverse=True)
