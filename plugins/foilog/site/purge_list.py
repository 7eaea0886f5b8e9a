"""The addresses a build changed, for a CDN purge: after a withdrawal, a cache in front of
the site would otherwise go on serving the old page, feed or file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

PURGE_FILE = "changed-urls.txt"  # in the cache folder, written by every build


def purge_urls(base: str, changed: Iterable[str]) -> list[str]:
    """Each changed or removed file's address; a page both as "x/" and as "x/index.html"."""
    urls = set()
    for path in changed:
        urls.add(f"{base}/{path}")
        if path == "index.html" or path.endswith("/index.html"):
            urls.add(f"{base}/{path.removesuffix('index.html')}")
    return sorted(urls)


def write_purge_list(cache_path: Path, base: str, changed: Iterable[str]) -> Path:
    path = cache_path / PURGE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{url}\n" for url in purge_urls(base, changed)), encoding="utf-8")
    return path
