"""Pelican plugin: the log as open data (data/disclosures.csv, data/disclosures.json and
data/figures.csv), plus sitemap.xml and robots.txt.

The sitemap is written when the build is finalized, so it lists every HTML page that any
plugin wrote; `atomic_output` must stay after this plugin in PLUGINS.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pelican.generators import Generator

from foilog.records.model import Disclosure
from foilog.settings import read_settings
from foilog.site.exports import (
    DISCLOSURE_COLUMNS,
    FIGURE_COLUMNS,
    OPEN_DATA_VERSION,
    disclosure_record,
    disclosure_row,
    figure_rows,
    spreadsheet_safe,
)
from foilog.site.output import output_file, site_files, write_text
from foilog.site.page_cache import PageCache


def _csv_text(rows: Iterable[Iterable[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(
        [spreadsheet_safe(cell) for cell in row] for row in rows
    )
    return buffer.getvalue()


def _csv_lines(columns: dict[str, str], rows: Iterable[dict[str, str]]) -> str:
    return _csv_text([row[column] for column in columns] for row in rows)


class OpenDataGenerator(Generator):
    def generate_output(self, writer: Any) -> None:
        log = self.context["disclosure_log"]
        site = self.context["foilog"]
        # Each record's lines and JSON are kept between builds with the pages, so a rebuild
        # makes them again only for the records that changed.
        cache: PageCache = self.context["page_cache"]
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
        files = {
            "data/disclosures.csv": _csv_text([DISCLOSURE_COLUMNS]) + "".join(disclosure_lines),
            "data/figures.csv": _csv_text([FIGURE_COLUMNS]) + "".join(figure_lines),
            "data/disclosures.json": f'{head[:-1]}, "disclosures": [{", ".join(records)}]}}',
        }
        for url, text in files.items():
            write_text(output_file(self.output_path, url), text)


def write_sitemap(pelican: Any) -> None:
    """sitemap.xml of every HTML page written, and robots.txt pointing at it."""
    output = Path(pelican.output_path)
    base = read_settings(pelican.settings).absolute_url
    addresses = sorted(
        path.removesuffix("index.html") for path in site_files(output) if path.endswith(".html")
    )
    entries = "".join(f"<url><loc>{escape(f'{base}/{a}')}</loc></url>\n" for a in addresses)
    write_text(
        output / "sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n",
    )
    write_text(output / "robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\n")
