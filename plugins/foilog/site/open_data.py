"""The log as open data: data/disclosures.csv, data/figures.csv and data/disclosures.json.

Each record's lines and JSON are kept between builds with the pages (`PageCache.record_text`),
so a rebuild makes them again only for the records that changed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from functools import partial

from foilog.records.model import Disclosure, DisclosureLog
from foilog.settings import SiteSettings
from foilog.site.exports import (
    DISCLOSURE_COLUMNS,
    FIGURE_COLUMNS,
    OPEN_DATA_VERSION,
    disclosure_record,
    disclosure_row,
    figure_rows,
    spreadsheet_safe,
)
from foilog.site.page_cache import PageCache


def _csv_text(rows: Iterable[Iterable[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(
        [spreadsheet_safe(cell) for cell in row] for row in rows
    )
    return buffer.getvalue()


def _csv_lines(columns: dict[str, str], rows: Iterable[dict[str, str]]) -> str:
    return _csv_text([row[column] for column in columns] for row in rows)


def _joined(separator: str, texts: list[str]) -> Iterator[str]:
    """The pieces of separator.join(texts)."""
    for n, text in enumerate(texts):
        if n:
            yield separator
        yield text


def open_data_files(
    site: SiteSettings, log: DisclosureLog, cache: PageCache
) -> dict[str, list[str]]:
    """The text of each open data file, in pieces to be written one after the other (the
    whole text of every file at once would be a second copy of every record's), by its
    address under the log."""
    base = site.absolute_url

    def page_url(url: str) -> str:
        return f"{base}/{url}"

    def row_of(d: Disclosure) -> str:
        return _csv_lines(DISCLOSURE_COLUMNS, [disclosure_row(d, page_url(d.url))])

    def figures_of(d: Disclosure) -> str:
        return _csv_lines(FIGURE_COLUMNS, figure_rows(d))

    def json_of(d: Disclosure) -> str:
        return json.dumps(disclosure_record(d, page_url(d.url)), ensure_ascii=False)

    disclosure_lines, figure_lines, records = (
        [cache.record_text(kind, d, partial(make, d)) for d in log.disclosures]
        for kind, make in (
            ("disclosures.csv", row_of),
            ("figures.csv", figures_of),
            ("disclosures.json", json_of),
        )
    )
    # The same text json.dumps gives for the whole document, made from the kept parts.
    head = json.dumps(
        {"version": OPEN_DATA_VERSION, "authority": site.authority, "site": f"{base}/"},
        ensure_ascii=False,
    )
    return {
        "data/disclosures.csv": [_csv_text([DISCLOSURE_COLUMNS]), *disclosure_lines],
        "data/figures.csv": [_csv_text([FIGURE_COLUMNS]), *figure_lines],
        "data/disclosures.json": [f'{head[:-1]}, "disclosures": [', *_joined(", ", records), "]}"],
    }
