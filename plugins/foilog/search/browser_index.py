"""Build the browser search index in shards, re-indexing only the shards whose pages changed.

Pagefind indexes a whole site at once, holding about 90 KB a page while it does, so a log of
100,000 records would need hours of a publisher's time and gigabytes of memory for every
new record. Instead each shard of the log's pages (foilog.search.shards: a few years, a
year, or a few months of a busy one) is its own Pagefind bundle, in `pagefind/<shard>/`,
and the search page searches together those that have its language (Pagefind's
`mergeIndex`). `pagefind/shards.json` lists the shards, oldest first, with the number of
pages each has in each language and the months it covers, and how many pages a first
search reads (FOILOG_SEARCH_FIRST_PAGES: the search page searches the newest shards that
together hold at most that many, and offers to search the rest); `pagefind/date-order.json`
lists every page's id, oldest first, for sorting by date.

What each shard was made from (its pages' keys) is kept in the cache folder, with the ids
Pagefind gave its pages and the files it wrote. A build indexes again only a shard whose
pages were added, removed or changed what Pagefind reads, or whose files are no longer in
the output folder; the other shards' files are kept as they are. A clean build makes the
same shards from the same pages, so a rebuild gives the same search results as a clean
build.

Run it on its own over a built site, in its own process, with
`python -m foilog.search.browser_index SITE`: that indexes every shard again.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from foilog.search.pagefind_bundle import SearchIndexError, compressed_wasm, index_pages
from foilog.search.shards import (
    Page,
    is_log_page,
    month_of,
    plan_shards,
    read_page,
    shard_key,
)
from foilog.settings import DEFAULT_SEARCH_FIRST_PAGES, DEFAULT_SEARCH_SHARD_PAGES

BUNDLE = "pagefind"
SHARDS_FILE = "shards.json"
SORT_FILE = "date-order.json"
# The layout of the state file and of the bundles this module writes (3: fragments in packs).
# A bundle of another layout is never kept: the first shard's script reads every shard.
# (4: shards split by months, and searched only those a search needs.)
_STATE_FORMAT = 4

__all__ = [
    "IndexStoppedError",
    "IndexedSite",
    "SearchIndexError",
    "build_browser_index",
    "log_pages",
]


class IndexStoppedError(Exception):
    """The build that asked for the index stopped before it was made."""


@dataclass
class IndexedSite:
    """What a build of the index made: `kept` are the files (from the site's folder) of the
    shards reused from the output folder; `state` is saved once the build has succeeded."""

    kept: list[str] = field(default_factory=list)
    rebuilt: list[str] = field(default_factory=list)  # the shards indexed again
    state: dict[str, Any] = field(default_factory=dict)
    pages: set[str] = field(default_factory=set)  # the log's pages it was made from

    def save(self, state_file: Path) -> None:
        state_file.parent.mkdir(parents=True, exist_ok=True)
        state_file.write_text(json.dumps(self.state, separators=(",", ":")), encoding="utf-8")


def build_browser_index(
    site: Path,
    previous: Path | None = None,
    kept: Iterable[str] = (),
    state_file: Path | None = None,
    shard_pages: int = DEFAULT_SEARCH_SHARD_PAGES,
    first_pages: int = DEFAULT_SEARCH_FIRST_PAGES,
    stop: threading.Event | None = None,
) -> IndexedSite:
    """Index the log's pages of the site being built in `site` into `site/pagefind/`.

    `previous` is the same site's folder in the output folder a build replaces, `kept` the
    files of it (paths from the site's folder) that the build kept rather than wrote, and
    `state_file` what the last build noted of its shards. Without them, every shard is
    indexed. A shard holds at most `shard_pages` pages (foilog.search.shards), and a first
    search reads the newest shards that together hold at most `first_pages` pages of its
    language. When `stop` is set, no further shard is indexed (IndexStoppedError)."""
    kept_pages = {path for path in kept if is_log_page(path)}
    state = _load(state_file) if previous is not None else {}
    noted: dict[str, list[str]] = state.get("pages", {})
    pages: dict[str, Page] = {}
    for path in _written(site):
        if path not in kept_pages:
            pages[path] = read_page((site / path).read_bytes())
    for path in kept_pages:
        if path in noted:
            pages[path] = Page._make(noted[path])
        elif previous is not None:
            pages[path] = read_page((previous / path).read_bytes())
    indexed = {path: page for path, page in pages.items() if page.key}
    bundle = site / BUNDLE
    if bundle.exists():  # a built site indexed on its own, or one indexed again
        shutil.rmtree(bundle)
    bundle.mkdir(parents=True)
    code = _code_version()
    result = IndexedSite()
    shards: dict[str, Any] = {}
    ids: dict[str, str] = {}
    # Every shard has the same WebAssembly files: compressed once, or taken from the output.
    wasm: dict[bytes, bytes] = {}
    for name in state.get("shards", {}):
        if previous is not None and (previous / BUNDLE / name).is_dir():
            with contextlib.suppress(OSError, SearchIndexError):
                wasm.update(compressed_wasm(previous / BUNDLE / name))
            break
    dates = {path: page.date for path, page in indexed.items()}
    spans: dict[str, list[str]] = {}
    for name, paths in plan_shards(dates, shard_pages).items():
        months = [month_of(dates[path]) for path in paths]
        spans[name] = [min(months), max(months)]
        key = shard_key(indexed, paths, code)
        before = state.get("shards", {}).get(name)
        files = [f"{BUNDLE}/{name}/{file}" for file in before["files"]] if before else []
        if before and before["key"] == key and _all_there(previous, files):
            result.kept += files
            shard = before
        else:
            if stop is not None and stop.is_set():
                raise IndexStoppedError
            shard = {"key": key, **_index_shard(site, previous, paths, bundle / name, wasm)}
            result.rebuilt.append(name)
        shards[name] = shard
        ids.update(shard["ids"])
    # Each shard's pages by language: a page searches only the shards that have its own.
    languages = {name: shard["languages"] for name, shard in shards.items()}
    listed = {
        "shards": list(shards),
        "languages": languages,
        "months": spans,
        "first_pages": first_pages,
    }
    (bundle / SHARDS_FILE).write_text(json.dumps(listed), encoding="utf-8")
    order = sorted((page.date, path) for path, page in indexed.items())
    date_order = [ids[url] for url in (_url(path) for _, path in order) if url in ids]
    (bundle / SORT_FILE).write_text(json.dumps(date_order, separators=(",", ":")))
    result.pages = set(pages)
    result.state = {
        "format": code,
        "pages": dict(sorted(pages.items())),
        "shards": shards,
    }
    return result


def log_pages(site: Path, kept: Iterable[str]) -> set[str]:
    """The log's pages of the site being built in `site`: those written there, and those of
    `kept` (paths from the site's folder), as build_browser_index finds them."""
    return set(_written(site)) | {path for path in kept if is_log_page(path)}


def _written(site: Path) -> Iterable[str]:
    """The log's pages written in `site` (paths from it, with "/" between folders)."""
    for parent, folders, names in os.walk(site):
        folders[:] = [folder for folder in folders if folder != BUNDLE]
        for name in names:
            if name.endswith(".html"):
                path = Path(parent, name).relative_to(site).as_posix()
                if is_log_page(path):
                    yield path


def _index_shard(
    site: Path, previous: Path | None, paths: list[str], bundle: Path, wasm: dict[bytes, bytes]
) -> dict[str, Any]:
    """Index these pages, from the site being built or, where it kept them, the previous
    output, into `bundle`. Pagefind reads them from one folder, as numbered files (a tree
    of folders, one a page, is slow to remove on some file systems), and each page is then
    given its own address."""
    addresses: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix=".search-shard-", dir=site) as folder:
        shard_site = Path(folder)
        for number, path in enumerate(paths):
            source = site / path
            if not source.exists() and previous is not None:
                source = previous / path
            target = shard_site / f"{number}.html"
            addresses[f"/{number}.html"] = _url(path)
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
        ids = index_pages(shard_site, "*.html", bundle, wasm, addresses)
    files = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = {code: info["page_count"] for code, info in sorted(entry["languages"].items())}
    return {"ids": ids, "files": files, "languages": languages}


def _url(path: str) -> str:
    """The address Pagefind gives a page: `disclosures/x/index.html` is `/disclosures/x/`."""
    return "/" + path.removesuffix("index.html")


def _all_there(previous: Path | None, files: list[str]) -> bool:
    # Strings, not Paths: a shard has thousands of files.
    there = (os.path.isfile(f"{previous}/{file}") for file in files)  # noqa: PTH113
    return previous is not None and all(there)


def _code_version() -> str:
    return f"{_STATE_FORMAT}/{version('pagefind')}"


def _load(state_file: Path | None) -> dict[str, Any]:
    if state_file is None:
        return {}
    with contextlib.suppress(OSError, ValueError):
        state = json.loads(state_file.read_text(encoding="utf-8"))
        if isinstance(state, dict) and state.get("format") == _code_version():
            return state
    return {}


if __name__ == "__main__":
    build_browser_index(Path(sys.argv[1]))
