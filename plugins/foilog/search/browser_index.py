"""Build the browser search index with Pagefind, then make a first query's download small.

Every first query downloads Pagefind's metadata file, which lists every page. Pagefind
names each page by a seven-character content hash, which does not compress, and also stores
the whole date sort order there. At 10,000 records that file alone was over 90 KB. So, once
Pagefind has written its bundle, this module:

- renames the pages to a short build tag and their position (`3f9a1c_0`, `3f9a1c_1`, ...),
  which compresses to about half. The tag is a hash of every page's content, so a changed
  page never reuses an old address that a browser may have cached;
- moves the date sort order out of the metadata into `date-order.json`, which the search
  page loads only when someone sorts by date;
- compresses the metadata and the WebAssembly file again with Zopfli.

This reads and writes Pagefind's own file format, so the Pagefind version is pinned in
pyproject.toml, and an unknown format stops the build with a clear message.

Run it on its own, in its own process, with `python -m foilog.search.browser_index SITE
[PREFIX]`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import cbor2
import zopfli.gzip

# Only disclosure pages carry data-pagefind-body: reading the browse pages too costs time
# and memory for nothing.
INDEXED_PAGES = "disclosures/**/*.html"
SORT_FILE = "date-order.json"
_SIGNATURE = b"pagefind_dcd"  # how each of Pagefind's files starts, once decompressed
_FORMAT = "1.5."  # the Pagefind versions whose metadata layout this module knows
_SORTS = 4  # position of the sort orders in the metadata array
_ZOPFLI_ITERATIONS = 5  # more iterations gain almost nothing here, and cost seconds


class SearchIndexError(RuntimeError):
    pass


def build_browser_index(site: Path, prefix: str = "", language_paths: tuple[str, ...] = ()) -> None:
    """Index the log's pages of the built site at `site` into `site/<prefix>pagefind/`.
    Pagefind reads the whole site folder, so its results' addresses include the prefix.
    The disclosure pages of each other language's tree (`language_paths`: "cy/") are
    indexed too; Pagefind keeps one index per language, by each page's <html lang>."""
    # An empty log has no disclosure pages, and Pagefind stops when its glob finds nothing.
    pages = prefix + INDEXED_PAGES
    if not any(site.glob(pages)):
        pages = prefix + "**/*.html"
    elif language_paths:
        trees = ",".join(path + INDEXED_PAGES for path in ("", *language_paths))
        pages = prefix + "{" + trees + "}"
    bundle = prefix + "pagefind"
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", pages]
    command += ["--output-subdir", bundle]
    result = subprocess.run([*command, "--silent"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index the site:\n{result.stderr.strip()}")
    compact_bundle(site / bundle)


def compact_bundle(bundle: Path) -> None:
    """Rewrite Pagefind's metadata in `bundle` as described above."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    date_order: list[str] = []
    for language in entry["languages"].values():
        meta_file = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_file)
        if not (isinstance(meta, list) and str(meta[0]).startswith(_FORMAT)):
            raise SearchIndexError(
                f"{meta_file.name}: Pagefind {meta[0] if isinstance(meta, list) else '?'} "
                f"is not a version this build knows ({_FORMAT}x); install the pinned version"
            )
        new_names = _rename_pages(bundle / "fragment", meta[1])
        for name, order in meta[_SORTS]:
            if name == "date":
                date_order.extend(new_names[page] for page in order)
        meta[_SORTS] = []
        # The file keeps Pagefind's name: that hash still stands for this exact content.
        _write(meta_file, meta)
        # A language Pagefind has no stemmer for (Welsh) uses its "unknown" one.
        wasm = bundle / f"wasm.{language['wasm'] or 'unknown'}.pagefind"
        wasm.write_bytes(zopfli.gzip.compress(_unzip(wasm), numiterations=_ZOPFLI_ITERATIONS))
    (bundle / SORT_FILE).write_text(json.dumps(date_order, separators=(",", ":")))


def _rename_pages(fragments: Path, pages: list[list[Any]]) -> list[str]:
    """Give each page (a [hash, word count] pair) a short name, renaming its fragment file;
    returns the new names by page number. Identical pages share one fragment and one name.
    The tag hashes the pages' content hashes only (the metadata's own name changes on every
    run), so the same pages always get the same names."""
    tag = hashlib.sha256("".join(hash_ for hash_, _ in pages).encode()).hexdigest()[:6]
    renamed: dict[str, str] = {}
    for number, page in enumerate(pages):
        old = page[0]
        if old not in renamed:
            renamed[old] = f"{tag}_{number}"
            (fragments / f"{old}.pf_fragment").rename(fragments / f"{renamed[old]}.pf_fragment")
        page[0] = renamed[old]
    return [page[0] for page in pages]


def _unzip(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise SearchIndexError(f"{path.name} is not a Pagefind file this build knows")
    return data


def _read(path: Path) -> Any:
    return cbor2.loads(_unzip(path)[len(_SIGNATURE) :])


def _write(path: Path, value: Any) -> None:
    data = _SIGNATURE + cbor2.dumps(value)
    path.write_bytes(zopfli.gzip.compress(data, numiterations=_ZOPFLI_ITERATIONS))


if __name__ == "__main__":
    build_browser_index(Path(sys.argv[1]), *sys.argv[2:3])
