"""Index one set of pages with Pagefind into a bundle, then make a first query's download small.

Every first query downloads each bundle's metadata file, which lists its pages. Pagefind
names each page by a seven-character content hash, which does not compress, and also stores
the date sort order there. So, once Pagefind has written a bundle, this module:

- renames the pages to a short tag and their position (`3f9a1c_0`, `3f9a1c_1`, ...), which
  compresses to about half. The tag is a hash of every page's content, so a changed page
  never reuses an old address that a browser may have cached;
- drops the date sort order from the metadata: the search page loads the log's own date
  order (`date-order.json`, see foilog.search.browser_index) only when someone sorts by date;
- compresses the metadata and the WebAssembly file again with Zopfli;
- removes Pagefind's ready-made interfaces and web worker, which the search page never loads;
- changes two lines of Pagefind's script (`_PATCHES`) so that the search page can search
  shards together as one index would (see docs/search.md, "Shards").

This reads and writes Pagefind's own file format, so the Pagefind version is pinned in
pyproject.toml, and an unknown format stops the build with a clear message.
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

_SIGNATURE = b"pagefind_dcd"  # how each of Pagefind's files starts, once decompressed
FORMAT = "1.5."  # the Pagefind versions whose metadata layout this module knows
_SORTS = 4  # position of the sort orders in the metadata array
_ZOPFLI_ITERATIONS = 5  # more iterations gain almost nothing here, and cost seconds
# Pagefind's own interfaces and its web worker: the search page uses neither.
_UNUSED = ("pagefind-*ui.*", "pagefind-highlight.js", "pagefind-worker.js")
# Lines of pagefind.js, each with what replaces it. A shard that has no word starting with a
# search term searches for a shorter word instead, or leaves the term out, where one index
# of the whole log would not, so the search page needs to know which words each shard
# matched: every bundle starts in Pagefind's "playground mode", which gives each result's
# matched words, and a search gives each shard's own results and counts as well as the
# merged ones (merging the counts no longer adds the others' into the first shard's).
_PATCHES = (
    (
        "if(!merged[filterKey]){merged[filterKey]=values;continue;}",
        "if(!merged[filterKey]){merged[filterKey]={...values};continue;}",
    ),
    (
        "this.raw_ptr=this.backend.init_pagefind(new Uint8Array(this.searchMeta));",
        "this.raw_ptr=this.backend.init_pagefind(new Uint8Array(this.searchMeta));"
        "this.raw_ptr=this.backend.enter_playground_mode(this.raw_ptr);",
    ),
    (
        "let response={results,unfilteredResultCount,filters:filters2,totalFilters,timings};",
        "let response={results,unfilteredResultCount,filters:filters2,totalFilters,timings,"
        "instances:search2};",
    ),
)


class SearchIndexError(RuntimeError):
    pass


def index_pages(
    site: Path,
    glob: str,
    bundle: Path,
    wasm: dict[bytes, bytes] | None = None,
    addresses: dict[str, str] | None = None,
) -> dict[str, str]:
    """Index the pages of `site` that match `glob` into the folder `bundle`, which must not
    exist yet, and compact it. Gives each indexed page's id by its address. `wasm` holds
    WebAssembly files already compressed, by their bytes: every shard has the same ones.
    `addresses` gives pages their real addresses, by the ones their files have in `site`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", glob]
    command += ["--output-path", str(bundle), "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index the site:\n{result.stderr.strip()}")
    for pattern in _UNUSED:
        for unused in bundle.glob(pattern):
            unused.unlink()
    _patch_script(bundle / "pagefind.js")
    return compact_bundle(bundle, {} if wasm is None else wasm, addresses or {})


def _patch_script(script: Path) -> None:
    text = script.read_text(encoding="utf-8")
    for line, patched in _PATCHES:
        if text.count(line) != 1:
            raise SearchIndexError(
                f"{script.name} is not a Pagefind script this build knows ({FORMAT}x); "
                "install the pinned version"
            )
        text = text.replace(line, patched)
    script.write_text(text, encoding="utf-8")


def compact_bundle(
    bundle: Path, compressed: dict[bytes, bytes], addresses: dict[str, str]
) -> dict[str, str]:
    """Rewrite Pagefind's metadata in `bundle` as described above; gives each page's id by
    its address. `compressed` gives WebAssembly files' compressed bytes by their bytes, and
    gets those this compresses; `addresses` as for `index_pages`."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    ids: dict[str, str] = {}
    for language in entry["languages"].values():
        meta_file = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_file)
        if not (isinstance(meta, list) and str(meta[0]).startswith(FORMAT)):
            raise SearchIndexError(
                f"{meta_file.name}: Pagefind {meta[0] if isinstance(meta, list) else '?'} "
                f"is not a version this build knows ({FORMAT}x); install the pinned version"
            )
        ids.update(_rename_pages(bundle / "fragment", meta[1], addresses))
        meta[_SORTS] = []
        # The file keeps Pagefind's name: that hash still stands for this exact content.
        _write(meta_file, meta)
    for wasm in bundle.glob("wasm.*.pagefind"):
        raw = _unzip(wasm)
        if raw not in compressed:
            compressed[raw] = zopfli.gzip.compress(raw, numiterations=_ZOPFLI_ITERATIONS)
        wasm.write_bytes(compressed[raw])
    return ids


def _rename_pages(
    fragments: Path, pages: list[list[Any]], addresses: dict[str, str]
) -> dict[str, str]:
    """Give each page (a [hash, word count] pair) a short name, renaming its fragment file
    and giving it its address from `addresses` (by the address Pagefind gave it); gives the
    new names by the pages' addresses. Identical pages share one fragment and one name. The
    tag hashes the pages' content hashes and addresses only (the metadata's own name changes
    on every run), so the same pages always get the same names."""
    text = "".join(hash_ for hash_, _ in pages) + json.dumps(addresses, sort_keys=True)
    tag = hashlib.sha256(text.encode()).hexdigest()[:6]
    renamed: dict[str, str] = {}
    ids: dict[str, str] = {}
    for number, page in enumerate(pages):
        old = page[0]
        if old not in renamed:
            renamed[old] = f"{tag}_{number}"
            source = fragments / f"{old}.pf_fragment"
            fragment = json.loads(_unzip(source)[len(_SIGNATURE) :])
            fragment["url"] = addresses.get(fragment["url"], fragment["url"])
            ids[fragment["url"]] = renamed[old]
            data = _SIGNATURE + json.dumps(fragment, ensure_ascii=False).encode()
            (fragments / f"{renamed[old]}.pf_fragment").write_bytes(gzip.compress(data, mtime=0))
            source.unlink()
        page[0] = renamed[old]
    return ids


def compressed_wasm(bundle: Path) -> dict[bytes, bytes]:
    """The WebAssembly files of a bundle this module wrote, compressed, by their bytes."""
    return {_unzip(path): path.read_bytes() for path in bundle.glob("wasm.*.pagefind")}


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
