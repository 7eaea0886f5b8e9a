"""The log as open data: data/disclosures.csv, data/figures.csv and data/disclosures.json;
in a log published in Welsh too, with the Welsh of each record beside its English.

Each file is written again from the last build's (foilog.site.spliced_files): a rebuild
makes the lines and JSON only of the records that changed, and copies the rest.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable

from foilog.records.model import Disclosure, DisclosureLog
from foilog.records.translations import in_language
from foilog.settings import SiteSettings
from foilog.site.exports import (
    OPEN_DATA_VERSION,
    WELSH,
    disclosure_columns,
    disclosure_record,
    disclosure_row,
    figure_columns,
    figure_rows,
    spreadsheet_safe,
)
from foilog.site.page_cache import record_key
from foilog.site.spliced_files import RecordTexts


def _csv_text(rows: Iterable[Iterable[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(
        [spreadsheet_safe(cell) for cell in row] for row in rows
    )
    return buffer.getvalue()


def _csv_lines(columns: dict[str, str], rows: Iterable[dict[str, str]]) -> str:
    return _csv_text([row[column] for column in columns] for row in rows)


def open_data_files(
    site: SiteSettings,
    log: DisclosureLog,
    key_of: Callable[[Disclosure], str] = record_key,
) -> dict[str, RecordTexts]:
    """Each open data file's text, by its address under the log: its records' texts are
    made only when they are written, and only those the last build's file has not.
    `key_of` gives a record's key (`record_key`): a build passes the keys its pages used."""
    base = site.absolute_url
    welsh = WELSH in site.languages
    columns, figure_fields = disclosure_columns(site.languages), figure_columns(site.languages)

    def page_url(url: str) -> str:
        return f"{base}/{url}"

    def welsh_url(d: Disclosure) -> str:
        return f"{site.absolute_url_in(WELSH)}/{d.url}"

    def row_of(d: Disclosure) -> str:
        row = disclosure_row(d, page_url(d.url))
        if welsh:
            row |= {"title_cy": in_language(d, WELSH).title, "url_cy": welsh_url(d)}
        return _csv_lines(columns, [row])

    def figures_of(d: Disclosure) -> str:
        rows = list(figure_rows(d))
        if welsh:  # the same cells in the same order, with the Welsh labels
            for row, cy in zip(rows, figure_rows(in_language(d, WELSH)), strict=True):
                row |= {f"{name}_cy": cy[name] for name in ("caption", "row", "column", "period")}
        return _csv_lines(figure_fields, rows)

    def json_of(d: Disclosure) -> str:
        record = disclosure_record(d, page_url(d.url))
        if welsh:
            record[WELSH] = disclosure_record(in_language(d, WELSH), welsh_url(d))
        return json.dumps(record, ensure_ascii=False)

    keys = [key_of(d) for d in log.disclosures]

    def texts(
        head: str, separator: str, tail: str, make: Callable[[Disclosure], str]
    ) -> RecordTexts:
        return RecordTexts(head, separator, tail, keys, lambda n: make(log.disclosures[n]))

    # The same text json.dumps gives for the whole document, made from the records' parts.
    head = json.dumps(
        {"version": OPEN_DATA_VERSION, "authority": site.authority, "site": f"{base}/"},
        ensure_ascii=False,
    )
    return {
        "data/disclosures.csv": texts(_csv_text([columns]), "", "", row_of),
        "data/figures.csv": texts(_csv_text([figure_fields]), "", "", figures_of),
        "data/disclosures.json": texts(f'{head[:-1]}, "disclosures": [', ", ", "]}", json_of),
    }
