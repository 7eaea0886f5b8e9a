"""Measure browser search at scale: Pagefind's index time, memory and size, the bytes a
citizen's browser downloads for a first query and for a query with one filter, and, on a
phone (375x667) and a laptop (1280x800) screen, the time from the last key of a typed
query to its first result and where the count and the first result are on the screen.

    python bench/search.py 10000

Needs Debian's Chromium at /usr/bin/chromium (as the browser tests do).

Bytes are counted by the server as it sends them (gzip where a host would use it), since
Chromium leaves out what a web worker fetches.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from run import PROJECT, PYTHON, run_measured, write_settings

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


# Installed in the page: the time of the last key, and of the first result shown after it.
WATCH_TYPING = """() => {
  window.lastKey = 0; window.firstResult = 0;
  document.addEventListener("keydown", () => { window.lastKey = performance.now(); }, true);
  new MutationObserver(() => {
    if (!window.firstResult && document.querySelector("#search-results li"))
      window.firstResult = performance.now();
  }).observe(document.getElementById("search-results"), {childList: true});
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
    # Where things are once the search has settled (a later search may redraw the list).
    page.wait_for_selector("#search-results-area[aria-busy=false] #search-results li")
    status, first = page.evaluate(POSITIONS)
    context.close()
    return (
        f"{waited:5.0f} ms after the last key; count ends at {status} px, "
        f"first result's title at {first} px of {size[1]}"
    )


def file_kind(name: str) -> str:
    """`index`, `fragment` or `filter` for a chunk; the file's own name otherwise."""
    folder, _, _ = name.partition("/")
    if name.endswith(".pf_meta"):
        return "metadata (pf_meta)"
    return f"{folder} chunks" if "/" in name else name


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="foilog-search-bench-") as folder:
        work = Path(folder)
        disclosures = work / "disclosures"
        subprocess.run(
            [PYTHON, PROJECT / "bench/generate.py", "records", str(args.count), disclosures],
            check=True,
        )
        settings = write_settings(work, disclosures, search=True)
        output = work / "output"
        subprocess.run([PYTHON, "-m", "pelican", "-s", settings, "-o", output, "-q"], check=True)
        shutil.rmtree(output / "pagefind")  # measured again on its own below
        # The same step as the build's, in its own process so that its memory is its own.
        seconds, rss = run_measured(
            [PYTHON, "-m", "foilog.search.browser_index", str(output)], work
        )
        size = sum(p.stat().st_size for p in (output / "pagefind").rglob("*") if p.is_file())
        files = sum(1 for p in (output / "pagefind").rglob("*") if p.is_file())
        with serve(output, compress=True) as address, sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            queries = {
                "first query": "q=police",
                "query with one filter": "q=police&outcome=Refused",
                "query sorted by date": "q=police&sort=newest",
            }
            downloads = {
                name: pagefind_bytes(chromium, f"{address}/search/?{query}")
                for name, query in queries.items()
            }
            # The most used topic (Zipf's first) and a year: filters people really choose.
            typing = {
                f"{screen} {label}": typed_search(chromium, address, size, filters)
                for screen, size in (("375x667", (375, 667)), ("1280x800", (1280, 800)))
                for label, filters in (("", ""), ("+ filters", "topic=stop+and+search&year=2020"))
            }
            chromium.close()
    print(f"records                      {args.count}")
    print(f"pagefind index time          {seconds:.1f} s")
    print(f"pagefind peak RSS            {rss} MiB")
    print(f"index size                   {size / 1024 / 1024:.1f} MiB in {files} files")
    for name, line in typing.items():
        print(f"{'typed, ' + name:28} {line}")
    for name, kinds in downloads.items():
        total = sum(kinds.values())
        print(f"{name + ' download':28} {total / 1024:.0f} KiB ({total / 1000:.0f} KB)")
        for kind, size in kinds.most_common():
            print(f"    {kind:24} {size / 1024:6.1f} KiB")


if __name__ == "__main__":
    main()
