"""Which search shard each disclosure page belongs to, and what of a page the index depends on.

The browser index is split into shards so that a build re-indexes only the shards whose
pages changed (see foilog.search.browser_index). A page's shard is the year folder of its
address (`disclosures/2024/...`, in any language's tree, such as `cy/disclosures/2024/...`),
so a new record, or an edit, touches the shard of its own year. A year with more pages than
`SHARD_PAGES` is dealt into that many shards by a hash of each page's address, which never
changes, so that no shard is too slow to index again.

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

# Most pages one shard holds: Pagefind indexes about 400 to 600 pages a second here, so a
# shard is indexed again in a few seconds, and it holds about 90 KB a page while it does.
SHARD_PAGES = 2500
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


def plan_shards(paths: Iterable[str]) -> dict[str, list[str]]:
    """The shards' names, each with its pages' paths (sorted), for these log pages."""
    years: dict[str, list[str]] = {}
    for path in paths:
        match = _PAGE.match(path)
        if match:
            years.setdefault(match.group(1), []).append(path)
    shards: dict[str, list[str]] = {}
    for year, pages in sorted(years.items()):
        count = math.ceil(len(pages) / SHARD_PAGES)
        if count == 1:
            shards[year] = sorted(pages)
            continue
        parts: list[list[str]] = [[] for _ in range(count)]
        for path in pages:
            parts[int(hashlib.sha256(path.encode()).hexdigest()[:8], 16) % count].append(path)
        for number, part in enumerate(parts, start=1):
            shards[f"{year}-{number}"] = sorted(part)
    return shards


def shard_key(pages: dict[str, Page], paths: list[str], version: str) -> str:
    """A hash of everything a shard's bundle is made from: its pages' addresses and keys,
    and the version of the code that makes it."""
    text = "\n".join(f"{path}\t{pages[path].key}" for path in paths)
    return hashlib.sha256(f"{version}\n{text}".encode()).hexdigest()
