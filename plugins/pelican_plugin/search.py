"""Pelican plugin: the /search/ page, and the Pagefind index built over the finished site.

Pagefind (installed from PyPI with its bundled binary) runs inside the build folder once
the response pages are written, beside the rest of the build, so `pelican content` alone
produces a searchable site. Only disclosure pages carry `data-pagefind-body`, so banners,
navigation and footers are never indexed. The index is in shards, and a rebuild indexes
again only the shards whose pages changed (foilog.search.browser_index).
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from foilog.search.browser_index import IndexedSite, build_browser_index, log_pages
from foilog.settings import SiteSettings, read_settings
from foilog.site.output import Beside, Build, build_in
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
        start_index(self.settings, self.output_path)


# What the last build noted of the search index's shards, in Pelican's cache folder.
STATE_FILE = "search-shards.json"
log = logging.getLogger(__name__)
# The index started beside each build (by its folder), with the time it started.
_started: dict[Path, tuple[Beside[IndexedSite], float]] = {}


def start_index(settings: dict[str, Any], output_path: str) -> None:
    """Start indexing the log's pages beside the rest of the build: every response page is
    written once the pages generators are done, and Pagefind, in a process of its own, then
    runs on the machine's other core while the browse pages, feeds, statistics and data are
    made. index_site takes what it made, or indexes again should a log page have been
    written since."""
    build = build_in(output_path)
    if build is None:
        return
    build.finish_writes()  # the pages must be on disk before Pagefind reads them
    site = read_settings(settings)
    kept = _kept_in_log(build, site.url_prefix)
    beside = build.run_beside(lambda stop: _index(build, site, output_path, kept, stop))
    _started[Path(output_path)] = (beside, time.perf_counter())


def index_site(pelican: Any) -> None:
    """Build the Pagefind index of the log's pages into <output>/<prefix>pagefind/. The
    search page loads the bundles from there, and Pagefind prefixes its results' addresses
    with the folder above the bundles, so they need no prefix of their own. The shards'
    notes are saved only once the build has replaced the output folder."""
    settings = read_settings(pelican.settings)
    prefix = settings.url_prefix
    site = Path(pelican.output_path) / prefix
    build = build_in(pelican.output_path)
    started = _started.pop(Path(pelican.output_path), None)
    if build is None:
        build_browser_index(
            site,
            shard_pages=settings.search_shard_pages,
            first_pages=settings.search_first_pages,
        )
        return
    kept = _kept_in_log(build, prefix)
    start = time.perf_counter()
    indexed = None
    if started is not None:
        beside, start = started
        indexed = beside.result()
        if indexed.pages != log_pages(site, kept):  # a log page made since: index it too
            indexed = None
    if indexed is None:
        indexed = _index(build, settings, pelican.output_path, kept)
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
    state_file = settings.cache_path / STATE_FILE
    build.when_finished(lambda _output: indexed.save(state_file))


def _kept_in_log(build: Build, prefix: str) -> list[str]:
    """The files the build kept under the log's folder, as paths from that folder."""
    return [path.removeprefix(prefix) for path in build.kept if path.startswith(prefix)]


def _index(
    build: Build,
    site: SiteSettings,
    output_path: str,
    kept: list[str],
    stop: threading.Event | None = None,
) -> IndexedSite:
    """Index the log's pages of `build`, keeping the previous output's unchanged shards."""
    return build_browser_index(
        Path(output_path) / site.url_prefix,
        build.replaces / site.url_prefix,
        kept,
        site.cache_path / STATE_FILE,
        site.search_shard_pages,
        site.search_first_pages,
        stop,
    )
