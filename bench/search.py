"""Measure browser search at scale: the full build with search, publishing one edited
record, the index's time (every shard, and one index of the whole log as Pagefind makes it
for comparison), memory and size, the bytes a citizen's browser downloads for a first query
and for a query with one filter, how close the shards' results are to one index's, and,
on a phone (375x667) and a laptop (1280x800) screen, the time from the last key of a typed
query to its first result and where the count and the first result are on the screen.

    python bench/search.py 10000
    python bench/search.py --site OUTPUT   # the browser's part only, on a built site

Needs Debian's Chromium at /usr/bin/chromium (as the browser tests do).

Bytes are counted by the server as it sends them (gzip where a host would use it), since
Chromium leaves out what a web worker fetches.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from builds import (
    PROJECT,
    PYTHON,
    edit_title,
    generate,
    pelican,
    record_files,
    run_measured,
    write_settings,
)

sys.path.insert(0, str(PROJECT / "tests"))
import browser
from browser import CHROMIUM, CHROMIUM_ARGS, serve

sent: list[tuple[str, int]] = []  # (path, bytes) of every response the server sent


class _CountingHandler(browser._GzipHandler):
    def send_header(self, keyword: str, value: str) -> None:
        if keyword == "Content-Length":
            sent.append((self.path.split("?")[0], int(value)))
        super().send_header(keyword, value)


browser._GzipHandler = _CountingHandler  # type: ignore[misc]


def pagefind_bytes(chromium: Any, address: str) -> Counter[str]:
    """Bytes of each kind of Pagefind file sent for one fresh page load of `address`, until
    its first page of results is shown and the network is idle."""
    context = chromium.new_context()
    page = context.new_page()
    sent.clear()
    page.goto(address)
    page.wait_for_function("document.querySelectorAll('#search-results li').length > 0")
    page.wait_for_load_state("networkidle")
    context.close()
    kinds: Counter[str] = Counter()
    for path, size in sent:
        if "/pagefind/" in path:
            kinds[file_kind(path.split("/pagefind/")[1])] += size
    return kinds


# Installed in the page: the time of the last key, and of the first results shown after it.
WATCH_TYPING = """() => {
  window.lastKey = 0; window.firstResult = 0;
  // Results of the words typed so far may show before the last key: count from it.
  document.addEventListener("keydown", () => {
    window.lastKey = performance.now(); window.firstResult = 0;
  }, true);
  // The first answer to the whole word (results, or none at a small N with filters):
  // the count says which search it is of.
  new MutationObserver(() => {
    const status = document.getElementById("search-status").textContent;
    const answered = document.querySelector("#search-results li")
      || !document.getElementById("search-none").hidden;
    if (!window.firstResult && status.includes("“police”") && answered)
      window.firstResult = performance.now();
  }).observe(document.getElementById("search-results-area"),
             {childList: true, subtree: true, characterData: true});
}"""
POSITIONS = """() => [document.getElementById("search-status"),
  document.querySelector("#search-results li h3")]
  .map(e => Math.round(e.getBoundingClientRect().bottom))"""


def typed_search(chromium: Any, address: str, size: tuple[int, int], filters: str) -> str:
    """Type "police" into the search box as a person does, once the page has loaded, and
    time its first result; `filters` are in the address already."""
    context = chromium.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(f"{address}/")
    page.get_by_role("button", name="Reject analytics cookies").click()
    page.goto(f"{address}/search/?{filters}")
    page.wait_for_load_state("networkidle")
    page.evaluate(WATCH_TYPING)
    page.locator("#search-q").click()
    page.keyboard.type("police", delay=80)
    page.wait_for_function("window.firstResult > 0")
    waited = page.evaluate("window.firstResult - window.lastKey")
    if not page.locator("#search-results li").count():
        context.close()
        return f"{waited:5.0f} ms after the last key; no results with these filters"
    # Where things are once the search has settled (a later search may redraw the list).
    page.wait_for_selector("#search-results-area[aria-busy=false] #search-results li")
    status, first = page.evaluate(POSITIONS)
    context.close()
    return (
        f"{waited:5.0f} ms after the last key; count ends at {status} px, "
        f"first result's title at {first} px of {size[1]}"
    )


# Queries whose first ten results are compared with one index's: common and rare words, two
# words, a phrase, a prefix, a misspelling.
COMPARED = [
    "police",
    "stop and search",
    "vehicles",
    "domestic abuse",
    "overtime",
    "officers complaints",
    "vehic",
    "polise",
    "firearms licensing",
]

ONE_INDEX_SEARCH = """async ([term]) => {
  const pagefind = await import("/one-index/pagefind.js");
  await pagefind.options({ noWorker: true });
  await pagefind.init();
  const found = await pagefind.search(term);
  const tenth = found.results[Math.min(9, found.results.length - 1)]?.score ?? 0;
  // Every result scored as high as the tenth: the first ten of one index, ties included.
  const best = found.results.filter((r) => r.score >= tenth - 1e-6).slice(0, 300);
  const data = await Promise.all(best.map((r) => r.data()));
  return [found.results.length, data.map((page) => page.url)];
}"""


def compare_with_one_index(chromium: Any, address: str, term: str) -> str:
    """The count and first ten results of a search of the shards (the search page) and of
    one index of the whole log: how many of the shards' first ten are in one index's first
    ten, ties with its tenth included."""
    page = chromium.new_page()
    page.goto(f"{address}/404.html")
    count, best = page.evaluate(ONE_INDEX_SEARCH, [term])
    page.goto(f"{address}/search/?q={term}&all=1")  # every response, as one index has
    page.wait_for_selector("#search-results-area[aria-busy=false]", state="attached")
    status = page.locator("#search-status").text_content() or ""
    shown = page.eval_on_selector_all(
        "#search-results h3 a", "links => links.map(a => new URL(a.href).pathname)"
    )
    page.close()
    found = int(status.split()[0]) if status[:1].isdigit() else 0
    same = sum(1 for url in shown if url in best)
    ties = f" ({len(best)} tie with the tenth)" if len(best) > 10 else ""
    return f"{found:6} vs {count:6} results; {same}/{len(shown)} in one index's top ten{ties}"


def publish_one_record(work: Path, settings: Path, output: Path) -> tuple[float, int, int, str]:
    """Edit one record's title (from the middle of the log), build again as a publisher
    does, and give the build's time, its peaks of memory (as `run_measured`) and the
    search index's own line."""
    records = record_files(work / "disclosures")
    edit_title(records[len(records) // 2])
    log = work / "publish.log"
    measured = run_measured(pelican(settings, output, "-v"), work, log)
    line = re.search(r"Search index: .*? in [0-9.]+ s", " ".join(log.read_text().split()))
    return *measured, line.group(0) if line else "?"


def file_kind(name: str) -> str:
    """`index`, `fragment` or `filter` for a chunk (in any shard), the shards' metadata or
    entry files; the file's own name otherwise."""
    parts = name.split("/")
    if name.endswith(".pf_meta"):
        return "metadata (pf_meta)"
    if parts[-1] == "pagefind-entry.json":
        return "entry files"
    return f"{parts[-2]} chunks" if len(parts) > 2 else parts[-1]


def in_browser(output: Path, one_index: bool) -> tuple[dict, dict, dict]:
    """Serve a built site's `output` and measure, in Chromium: the downloads of five
    queries, how close the shards' results are to one index's (only with `one_index`,
    which `output/one-index/` must hold), and typed searches on two screens."""
    from playwright.sync_api import sync_playwright

    with serve(output, compress=True) as address, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        queries = {
            "first query": "q=police",
            "first query, every response": "q=police&all=1",
            "query with one filter": "q=police&outcome=Refused",
            "query with a year": "q=police&year=2020",
            "query sorted by date": "q=police&sort=newest",
        }
        downloads = {
            name: pagefind_bytes(chromium, f"{address}/search/?{query}")
            for name, query in queries.items()
        }
        compared = {
            term: compare_with_one_index(chromium, address, term)
            for term in (COMPARED if one_index else [])
        }
        # The most used topic (Zipf's first) and a year: filters people really choose.
        typing = {
            f"{screen} {label}": typed_search(chromium, address, size, filters)
            for screen, size in (("375x667", (375, 667)), ("1280x800", (1280, 800)))
            for label, filters in (("", ""), ("+ filters", "topic=stop+and+search&year=2020"))
        }
        chromium.close()
    return downloads, compared, typing


def print_browser(output: Path, downloads: dict, compared: dict, typing: dict) -> None:
    size = sum(p.stat().st_size for p in (output / "pagefind").rglob("*") if p.is_file())
    shards = len(json.loads((output / "pagefind" / "shards.json").read_text())["shards"])
    files = sum(1 for p in (output / "pagefind").rglob("*") if p.is_file())
    for term, line in compared.items():
        print(f"    {term:24} {line}")
    megabytes = size / 1024 / 1024
    print(f"index size                   {megabytes:.1f} MiB in {files} files, {shards} shards")
    for name, line in typing.items():
        print(f"{'typed, ' + name:28} {line}")
    for name, kinds in downloads.items():
        total = sum(kinds.values())
        print(f"{name + ' download':28} {total / 1024:.0f} KiB ({total / 1000:.0f} KB)")
        for kind, size in kinds.most_common():
            print(f"    {kind:24} {size / 1024:6.1f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int, nargs="?")
    parser.add_argument(
        "--no-one-index",
        action="store_true",
        help="leave out the one index of the whole log (about 90 KB a page of memory)",
    )
    parser.add_argument(
        "--site",
        type=Path,
        metavar="OUTPUT",
        help="only measure the browser's part on this output folder of a build with search",
    )
    args = parser.parse_args()
    if args.site:
        print_browser(args.site, *in_browser(args.site, one_index=False))
        return
    if args.count is None:
        parser.error("give N, the number of records, or --site")
    with tempfile.TemporaryDirectory(prefix="foilog-search-bench-") as folder:
        work = Path(folder)
        disclosures = work / "disclosures"
        generate("records", args.count, disclosures)
        settings = write_settings(work, disclosures, search=True)
        output = work / "output"
        full = run_measured(pelican(settings, output, "-q"), work)
        publish = publish_one_record(work, settings, output)
        shutil.rmtree(output / "pagefind")  # measured again on its own below
        # The same step as the build's, in its own process so that its memory is its own.
        seconds, rss, _ = run_measured(
            [PYTHON, "-m", "foilog.search.browser_index", str(output)], work
        )
        # For comparison: one index of the whole log, as the build made it before shards.
        one_index = [PYTHON, "-m", "pagefind", "--site", str(output), "--silent"]
        one_index += ["--glob", "disclosures/**/*.html", "--output-subdir", "one-index"]
        one = None if args.no_one_index else run_measured(one_index, work)
        measured = in_browser(output, one_index=one is not None)
        print(f"records                      {args.count}")
        for name, (took, largest, together, *_) in (
            ("full build with search", full),
            ("publish one record", publish),
        ):
            print(f"{name:28} {took:.1f} s, peak RSS {largest} MiB, {together} MiB together")
        print(f"    {publish[3]}")
        print(f"index time, every shard      {seconds:.1f} s")
        print(f"index peak RSS, every shard  {rss} MiB")
        if one:
            print(f"one index of the whole log   {one[0]:.1f} s, peak RSS {one[1]} MiB")
        print_browser(output, *measured)


if __name__ == "__main__":
    main()
