"""Which search shard each disclosure page belongs to, and what of a page the index depends on.

The browser index is split into shards so that a build re-indexes only the shards whose
pages changed (see foilog.search.browser_index), and so that a first search can read the
newest responses only. A page's year is the year folder of its address
(`disclosures/2024/...`, in any language's tree, such as `cy/disclosures/2024/...`); its
month is that of its date sort key. Years, oldest first (undated pages before them), are
grouped into shards of at most `most` pages (FOILOG_SEARCH_SHARD_PAGES); a year with more
pages than that is split the same way by its months, oldest first, and a month with more
pages than that is dealt into as many shards as it needs by a hash of each page's address,
which never changes. So every shard covers a span of months that no other shard covers
(but for the parts of one such month), a new record, or an edit, touches the shard of its
own month, and a new record only the newest shard. Each shard is indexed again in a few
seconds, and each adds its own files to a first search's download, so shards are neither
many nor large.

A page's key is a hash of what Pagefind reads from it: the page less the parts marked
`data-pagefind-ignore="all"`, the only parts of a page that other records change (its
related requests and browse links). So a record edited changes its own key, and not the
keys of the pages that list it.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

# A page of the log, by its path from the log's root: its shard's year is group 1.
_PAGE = re.compile(r"^(?:.+/)?disclosures/([^/]+)/.+\.html$")
_IGNORED = re.compile(rb"<(\w+)\b[^>]*\sdata-pagefind-ignore=\"all\"[^>]*>.*?</\1>", re.DOTALL)
_SORT_DATE = re.compile(rb'data-pagefind-sort="date"[^>]*>([^<]*)<')
_BODY = b"data-pagefind-body"


class Page(NamedTuple):  # a tuple: a log has a hundred thousand, kept as JSON lists
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


def month_of(date: str) -> str:
    """The month ("2024-03") of a date sort key: "2024-00" for a year alone, "0000-00" for
    a page with no date."""
    return date[:7] if len(date) >= 7 else f"{(date or '0000')[:4]}-00"


def plan_shards(pages: Mapping[str, str], most: int) -> dict[str, list[str]]:
    """The shards' names, oldest first, each with its pages' paths (sorted), for these log
    pages, given with their date sort keys. Names: "2019-2021" for years grouped, "2024-01-
    to-04" for months of a year, "2024-05-1" for part of a month."""
    years: dict[str, list[str]] = {}
    for path in pages:
        match = _PAGE.match(path)
        if match:
            years.setdefault(match.group(1), []).append(path)
    shards: dict[str, list[str]] = {}
    for group in _grouped(sorted(years.items(), key=_year_order), most):
        if sum(len(paths) for _, paths in group) <= most:
            name = group[0][0] if len(group) == 1 else f"{group[0][0]}-{group[-1][0]}"
            shards[name] = sorted(path for _, paths in group for path in paths)
            continue
        ((year, paths),) = group  # a year of more than `most` pages: by its months
        months: dict[str, list[str]] = {}
        for path in paths:
            months.setdefault(month_of(pages[path])[5:], []).append(path)
        for part in _grouped(sorted(months.items()), most):
            first, last = part[0][0], part[-1][0]
            in_part = [path for _, paths_of_month in part for path in paths_of_month]
            if len(in_part) <= most:
                name = f"{year}-{first}" if first == last else f"{year}-{first}-to-{last}"
                shards[name] = sorted(in_part)
            else:
                shards.update(_dealt(f"{year}-{first}", in_part, most))
    return shards


def _year_order(item: tuple[str, list[str]]) -> tuple[bool, str]:
    return (item[0].isdigit(), item[0])  # the undated folder first, then years


def _grouped(
    items: list[tuple[str, list[str]]], most: int
) -> Iterable[list[tuple[str, list[str]]]]:
    """Runs of these (name, pages) items, in order, each of at most `most` pages, but for
    an item of more than that, which is a run of its own."""
    group: list[tuple[str, list[str]]] = []
    size = 0
    for name, paths in items:
        if group and size + len(paths) > most:
            yield group
            group, size = [], 0
        group.append((name, paths))
        size += len(paths)
    if group:
        yield group


def _dealt(name: str, paths: list[str], most: int) -> dict[str, list[str]]:
    """One month's pages dealt into shards of about `most` by a hash of their addresses."""
    count = math.ceil(len(paths) / most)
    parts: list[list[str]] = [[] for _ in range(count)]
    for path in paths:
        parts[int(hashlib.sha256(path.encode()).hexdigest()[:8], 16) % count].append(path)
    return {f"{name}-{number}": sorted(part) for number, part in enumerate(parts, 1) if part}


def shard_key(pages: dict[str, Page], paths: list[str], version: str) -> str:
    """A hash of everything a shard's bundle is made from: its pages' addresses and keys,
    and the version of the code that makes it."""
    text = "\n".join(f"{path}\t{pages[path].key}" for path in paths)
    return hashlib.sha256(f"{version}\n{text}".encode()).hexdigest()
