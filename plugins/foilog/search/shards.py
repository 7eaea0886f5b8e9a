"""Which search shard each disclosure page belongs to, and what of a page the index depends on.

The browser index is split into shards so that a build re-indexes only the shards whose
pages changed (see foilog.search.browser_index). A page's year is the year folder of its
address (`disclosures/2024/...`, in any language's tree, such as `cy/disclosures/2024/...`).
Years, oldest first, are grouped into shards of at most `most` pages (FOILOG_SEARCH_SHARD_
PAGES), so a new record, or an edit, touches the shard of its own year, and a new record
only the newest shard; a year with more pages than that is dealt into as many shards as it
needs by a hash of each page's address, which never changes. Each shard is indexed again
in a few seconds, and each adds its own files to a first search's download, so shards are
neither many nor large.

A page's key is a hash of what Pagefind reads from it: the page less the parts marked
`data-pagefind-ignore="all"`, the only parts of a page that other records change (its
related requests and browse links). So a record edited changes its own key, and not the
keys of the pages that list it.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

# A page of the log, by its path from the log's root: its shard's year is group 1.
_PAGE = re.compile(r"^(?:.+/)?disclosures/([^/]+)/.+\.html$")
_IGNORED = re.compile(rb"<(\w+)\b[^>]*\sdata-pagefind-ignore=\"all\"[^>]*>.*?</\1>", re.DOTALL)
_SORT_DATE = re.compile(rb'data-pagefind-sort="date"[^>]*>([^<]*)<')
_BODY = b"data-pagefind-body"


@dataclass(frozen=True)
class Page:
    key: str  # hash of what Pagefind reads from the page; "" when it has nothing to index
    date: str  # its date sort key, "" when it has none


def is_log_page(path: str) -> bool:
    return _PAGE.match(path) is not None


def read_page(html: bytes) -> Page:
    """What the index needs to know of a page, from its bytes."""
    if _BODY not in html:
        return Page("", "")
    date = _SORT_DATE.search(html)
    key = hashlib.sha256(_IGNORED.sub(b"", html)).hexdigest()
    return Page(key, date.group(1).decode().strip() if date else "")


def plan_shards(paths: Iterable[str], most: int) -> dict[str, list[str]]:
    """The shards' names ("2019-2021" for years grouped, "2024-2" for part of a year), each
    with its pages' paths (sorted), for these log pages."""
    years: dict[str, list[str]] = {}
    for path in paths:
        match = _PAGE.match(path)
        if match:
            years.setdefault(match.group(1), []).append(path)
    shards: dict[str, list[str]] = {}
    group: list[str] = []  # years grouped so far, with their pages
    pages_in_group: list[str] = []

    def close_group() -> None:
        if group:
            name = group[0] if len(group) == 1 else f"{group[0]}-{group[-1]}"
            shards[name] = sorted(pages_in_group)
            group.clear()
            pages_in_group.clear()

    for year, pages in sorted(years.items()):
        if len(pages_in_group) + len(pages) > most:
            close_group()
        if len(pages) <= most:
            group.append(year)
            pages_in_group.extend(pages)
            continue
        count = math.ceil(len(pages) / most)
        parts: list[list[str]] = [[] for _ in range(count)]
        for path in pages:
            parts[int(hashlib.sha256(path.encode()).hexdigest()[:8], 16) % count].append(path)
        for number, part in enumerate(parts, start=1):
            if part:
                shards[f"{year}-{number}"] = sorted(part)
    close_group()
    return shards


def shard_key(pages: dict[str, Page], paths: list[str], version: str) -> str:
    """A hash of everything a shard's bundle is made from: its pages' addresses and keys,
    and the version of the code that makes it."""
    text = "\n".join(f"{path}\t{pages[path].key}" for path in paths)
    return hashlib.sha256(f"{version}\n{text}".encode()).hexdigest()
