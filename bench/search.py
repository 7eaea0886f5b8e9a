"""Measure browser search at scale: Pagefind's index time, memory and size, and the bytes a
citizen's browser downloads for a first query and for a query with one filter.

    python bench/search.py 10000

Needs Debian's Chromium at /usr/bin/chromium (as the browser tests do).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from run import PROJECT, PYTHON, run_measured, write_settings

sys.path.insert(0, str(PROJECT / "tests"))
from browser import CHROMIUM, CHROMIUM_ARGS, serve


def pagefind_bytes(browser: Any, address: str) -> int:
    """Bytes of Pagefind files transferred (gzip where a host would use it) for one fresh
    page load of `address` and its first page of results."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[Any] = []
    page.on("requestfinished", lambda request: fetched.append(request))
    page.goto(address)
    page.wait_for_function("document.querySelectorAll('#search-results li').length > 0")
    page.wait_for_load_state("networkidle")
    total = sum(r.sizes()["responseBodySize"] for r in fetched if "/pagefind/" in r.url)
    context.close()
    return total


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
        seconds, rss = run_measured(
            [PYTHON, "-m", "pagefind", "--site", str(output), "--quiet"], work
        )
        size = sum(p.stat().st_size for p in (output / "pagefind").rglob("*") if p.is_file())
        files = sum(1 for p in (output / "pagefind").rglob("*") if p.is_file())
        with serve(output, compress=True) as address, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            first = pagefind_bytes(browser, f"{address}/search/?q=police")
            filtered = pagefind_bytes(browser, f"{address}/search/?q=police&outcome=Refused")
            browser.close()
    print(f"records                      {args.count}")
    print(f"pagefind index time          {seconds:.1f} s")
    print(f"pagefind peak RSS            {rss} MiB")
    print(f"index size                   {size / 1024 / 1024:.1f} MiB in {files} files")
    print(f"first query download         {first / 1024:.0f} KiB")
    print(f"query with one filter        {filtered / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
