"""Index one set of pages with Pagefind into a bundle, then make a first query's download small.

Every first query downloads each bundle's metadata file, which lists its pages. Pagefind
names each page by a seven-character content hash, which does not compress, and also stores
the date sort order there. So, once Pagefind has written a bundle, this module:

- renames the pages to a short tag and their position (`3f9a1c_0`, `3f9a1c_1`, ...), which
  compresses to about half. The tag is a hash of every page's content, so a changed page
  never reuses an old address that a browser may have cached;
- packs the pages' fragments (what a result shows of a page), which Pagefind writes one file
  a page, into one file for each PACK_SLOTS pages (`fragment/3f9a1c_0.pf_pack` for pages 0
  to 127): static hosts limit a site's files. A pack starts with the offsets of its
  fragments (PACK_SLOTS + 1 little-endian 32-bit numbers, from the start of the file; a
  slot with no page is empty), then the fragments, each gzip-compressed as Pagefind writes
  it. The search page fetches a pack's offsets, then the one fragment it shows, with HTTP
  range requests; from a server that answers those with the whole file, it keeps the file
  and takes every fragment of the pack from it;
- drops the date sort order from the metadata: the search page loads the log's own date
  order (`date-order.json`, see foilog.search.browser_index) only when someone sorts by date;
- compresses the metadata and the WebAssembly file again with Zopfli;
- removes Pagefind's ready-made interfaces and web worker, which the search page never loads;
- changes a few lines of Pagefind's script (`_PATCHES`) so that the search page can search
  shards together as one index would, and search only some of them (see docs/search.md,
  "Shards").

This reads and writes Pagefind's own file format, so the Pagefind version is pinned in
pyproject.toml, and an unknown format stops the build with a clear message.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import cbor2
import zopfli.gzip

_SIGNATURE = b"pagefind_dcd"  # how each of Pagefind's files starts, once decompressed
FORMAT = "1.5."  # the Pagefind versions whose metadata layout this module knows
_SORTS = 4  # position of the sort orders in the metadata array
PACK_SLOTS = 128  # pages whose fragments share one file
_PACK_HEADER = 4 * (PACK_SLOTS + 1)  # bytes of a pack's offsets
_ZOPFLI_ITERATIONS = 5  # more iterations gain almost nothing here, and cost seconds
# Pagefind's own interfaces and its web worker: the search page uses neither.
_UNUSED = ("pagefind-*ui.*", "pagefind-highlight.js", "pagefind-worker.js")
# Lines of pagefind.js, each with what replaces it. A shard that has no word starting with a
# search term searches for a shorter word instead, or leaves the term out, where one index
# of the whole log would not, so the search page needs to know which words each shard
# matched: every bundle starts in Pagefind's "playground mode", which gives each result's
# matched words, and a search gives each shard's own results and counts as well as the
# merged ones (merging the counts no longer adds the others' into the first shard's). A
# search or a preload given `shards` reads only those of the merged bundles, so a first
# search need not read the oldest.
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
        "async _loadFragment(hash){let compressed_resp=await this.throttledFetch("
        "`${this.basePath}fragment/${hash}.pf_fragment`);"
        "let compressed_fragment=await compressed_resp.arrayBuffer();",
        # The bytes from `start` to `end` of `url`, and the whole file if the server sent it.
        "async packRange(url,start,end){let response=await this.throttledFetch("
        "new Request(url,{headers:{Range:`bytes=${start}-${end-1}`}}));"
        "if(!response.ok){throw new Error(`${url}: ${response.status}`);}"
        "let bytes=new Uint8Array(await response.arrayBuffer());"
        "return response.status===206?{bytes}:{bytes:bytes.slice(start,end),whole:bytes};}"
        "async loadPacked(hash){let cut=hash.lastIndexOf('_'),number=Number(hash.slice(cut+1));"
        f"let slot=number%{PACK_SLOTS},pack=(number-slot)/{PACK_SLOTS};"
        "let url=`${this.basePath}fragment/${hash.slice(0,cut)}_${pack}.pf_pack`;"
        "this.packs=this.packs||{};"
        f"this.packs[url]=this.packs[url]||this.packRange(url,0,{_PACK_HEADER});"
        "let head=await this.packs[url];"
        "let offsets=new DataView(head.bytes.buffer,head.bytes.byteOffset,head.bytes.length);"
        "let start=offsets.getUint32(4*slot,true),end=offsets.getUint32(4*slot+4,true);"
        "if(head.whole){return head.whole.slice(start,end);}"
        "let part=await this.packRange(url,start,end);if(part.whole){head.whole=part.whole;}"
        "return part.bytes;}"
        "async _loadFragment(hash){let compressed_fragment=await this.loadPacked(hash);",
    ),
    (
        "async preload(term,options2={}){await Promise.all(this.instances.map("
        "(i2)=>i2.preload(term,options2)));}",
        # `shards`: the base paths of the bundles to search, where not every one merged.
        "searched(options2){let paths=options2.shards;"
        "return paths?this.instances.filter((i2)=>paths.includes(i2.basePath)):this.instances;}"
        "async preload(term,options2={}){await Promise.all(this.searched(options2).map("
        "(i2)=>i2.preload(term,options2)));}",
    ),
    (
        "async search(term,options2={}){let search2=await Promise.all(this.instances.map(",
        "async search(term,options2={}){let search2=await Promise.all(this.searched(options2).map(",
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
    packed: dict[int, bytes] = {}  # each fragment, compressed, by its page's number
    for number, page in enumerate(pages):
        old = page[0]
        if old not in renamed:
            renamed[old] = f"{tag}_{number}"
            source = fragments / f"{old}.pf_fragment"
            fragment = json.loads(_unzip(source)[len(_SIGNATURE) :])
            fragment["url"] = addresses.get(fragment["url"], fragment["url"])
            ids[fragment["url"]] = renamed[old]
            data = _SIGNATURE + json.dumps(fragment, ensure_ascii=False).encode()
            packed[number] = gzip.compress(data, mtime=0)
            source.unlink()
        page[0] = renamed[old]
    _write_packs(fragments, tag, packed)
    return ids


def _write_packs(fragments: Path, tag: str, packed: dict[int, bytes]) -> None:
    """The fragments, by their pages' numbers, in packs of PACK_SLOTS (see above)."""
    for pack in sorted({number // PACK_SLOTS for number in packed}):
        offsets: list[int] = []
        body = bytearray()
        for number in range(pack * PACK_SLOTS, (pack + 1) * PACK_SLOTS):
            offsets.append(_PACK_HEADER + len(body))
            body += packed.get(number, b"")
        offsets.append(_PACK_HEADER + len(body))
        header = struct.pack(f"<{PACK_SLOTS + 1}I", *offsets)
        (fragments / f"{tag}_{pack}.pf_pack").write_bytes(header + body)


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
