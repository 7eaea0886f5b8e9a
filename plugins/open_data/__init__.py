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
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pelican import signals
from pelican.generators import Generator

from foilog.exports import (
    DISCLOSURE_COLUMNS,
    FIGURE_COLUMNS,
    OPEN_DATA_VERSION,
    disclosure_record,
    disclosure_row,
    figure_rows,
)
from foilog.output import output_file, site_files, write_text
from foilog.settings import read_settings


def _csv(columns: Iterable[str], rows: Iterable[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


class OpenDataGenerator(Generator):
    def generate_output(self, writer: Any) -> None:
        log = self.context["disclosure_log"]
        site = self.context["foilog"]
        base = site.absolute_url

        def page_url(url: str) -> str:
            return f"{base}/{url}"

        files = {
            "data/disclosures.csv": _csv(
                DISCLOSURE_COLUMNS,
                (disclosure_row(d, page_url(d.url)) for d in log.disclosures),
            ),
            "data/figures.csv": _csv(
                FIGURE_COLUMNS, (row for d in log.disclosures for row in figure_rows(d))
            ),
            "data/disclosures.json": json.dumps(
                {
                    "version": OPEN_DATA_VERSION,
                    "authority": site.authority,
                    "site": f"{base}/",
                    "disclosures": [disclosure_record(d, page_url(d.url)) for d in log.disclosures],
                },
                ensure_ascii=False,
            ),
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


def get_generators(pelican: object) -> type[Generator]:
    return OpenDataGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_sitemap)
