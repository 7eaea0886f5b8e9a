"""Pelican plugin: the /search/ page, and the Pagefind index built over the finished site.

Pagefind (installed from PyPI with its bundled binary) runs when every page is written,
inside the build folder, so `pelican content` alone produces a searchable site. Only
disclosure pages carry `data-pagefind-body`, so banners, navigation and footers are never
indexed. The index is in shards, and a rebuild indexes again only the shards whose pages
changed (foilog.search.browser_index).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from foilog.search.browser_index import build_browser_index
from foilog.settings import read_settings
from foilog.site.output import build_in
from foilog.site.page_generator import LogPageGenerator
from foilog.site.search_filters import filter_groups, response_months
from foilog.site.sensitivity import sensitive_topic_names


class SearchPageGenerator(LogPageGenerator):
    def generate_output(self, writer: Any) -> None:
        groups, months = filter_groups(self.log), response_months(self.log)
        for language in self.site.languages:
            self.write_page(
                "search",
                "search/",
                [language],
                filter_groups=groups,
                months=months,
                sensitive_topic_names=sensitive_topic_names(
                    self.log, self.site.in_language(language)
                ),
            )


# What the last build noted of the search index's shards, in Pelican's cache folder.
STATE_FILE = "search-shards.json"
log = logging.getLogger(__name__)


def index_site(pelican: Any) -> None:
    """Build the Pagefind index of the log's pages into <output>/<prefix>pagefind/. The
    search page loads the bundles from there, and Pagefind prefixes its results' addresses
    with the folder above the bundles, so they need no prefix of their own. The shards'
    notes are saved only once the build has replaced the output folder."""
    settings = read_settings(pelican.settings)
    prefix = settings.url_prefix
    site = Path(pelican.output_path) / prefix
    build = build_in(pelican.output_path)
    if build is None:
        build_browser_index(
            site,
            shard_pages=settings.search_shard_pages,
            first_pages=settings.search_first_pages,
        )
        return
    kept = [path.removeprefix(prefix) for path in build.kept if path.startswith(prefix)]
    state_file = settings.cache_path / STATE_FILE
    start = time.perf_counter()
    indexed = build_browser_index(
        site,
        build.replaces / prefix,
        kept,
        state_file,
        settings.search_shard_pages,
        settings.search_first_pages,
    )
    shards = len(indexed.state["shards"])
    log.info(
        "Search index: %d of %d shards indexed (%s) in %.1f s",
        len(indexed.rebuilt),
        shards,
        ", ".join(indexed.rebuilt) or "none",
        time.perf_counter() - start,
    )
    for path in indexed.kept:
        build.keep(prefix + path)
    build.when_finished(lambda _output: indexed.save(state_file))
