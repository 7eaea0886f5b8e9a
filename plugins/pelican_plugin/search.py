"""Pelican plugin: the /search/ page, and the Pagefind index built over the finished site.

Pagefind (installed from PyPI with its bundled binary) runs when every page is written,
inside the build folder, so `pelican content` alone produces a searchable site. Only
disclosure pages carry `data-pagefind-body`, so banners, navigation and footers are never
indexed. See foilog.browser_index for how the index is made small for a first query.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from foilog.search.browser_index import build_browser_index
from foilog.settings import read_settings
from foilog.site.output import build_in, link_kept_files
from foilog.site.page_generator import LogPageGenerator
from foilog.site.search_filters import filter_groups, response_months
from foilog.site.sensitivity import sensitive_topic_names


class SearchPageGenerator(LogPageGenerator):
    def generate_output(self, writer: Any) -> None:
        self.write_page(
            "search",
            "search/",
            filter_groups=filter_groups(self.log),
            months=response_months(self.log),
            sensitive_topic_names=sensitive_topic_names(self.log, self.site),
        )


def index_site(pelican: Any) -> None:
    """Build the Pagefind index of the log's folder into <output>/<prefix>pagefind/. The
    search page loads the bundle from there, and Pagefind prefixes its results' addresses
    with the bundle's folder, so they need no prefix of their own."""
    build = build_in(pelican.output_path)
    if build:
        link_kept_files(build)  # Pagefind reads every page from the one folder
    site = read_settings(pelican.settings)
    others = tuple(path for path in site.language_paths.values() if path)
    build_browser_index(Path(pelican.output_path) / site.url_prefix, language_paths=others)
