"""Time a full build of N synthetic records beside Pelican's build of N plain Markdown articles.

    python bench/run.py 1000 10000

Both builds run here, one after the other, in fresh processes. For each N it prints the
wall time, the pages written, the time per page, the ratio of our time per page to
Pelican's, and each build's peak resident memory (RSS).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def run_measured(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS in MiB of one command (its own process, so its own peak)."""
    # The build's messages go to a file: a pipe nobody reads until the end fills and stalls it.
    with tempfile.TemporaryFile() as messages:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=messages)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            messages.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{messages.read().decode()[-4000:]}")
    return elapsed, usage.ru_maxrss // 1024


def pages_in(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def write_settings(work: Path, disclosures: Path, search: bool = False) -> Path:
    """Settings that build `disclosures` with the project's plugins, theme and pages; the
    search page and index only with `search` (bench/search.py measures that step)."""
    settings = work / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(PROJECT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(PROJECT / 'content')!r}\nTHEME = {str(PROJECT / 'theme')!r}\n"
        f"FOILOG_DISCLOSURES_PATH = {str(disclosures)!r}\nCACHE_PATH = {str(work / 'cache')!r}\n"
        # The example's case register is of its own records, not the generated ones.
        + "FOILOG_CASE_REGISTER = FOILOG_CASE_REGISTER_MAPPING = None\n"
        + ("" if search else "FOILOG_SEARCH = False\n")
    )
    return settings


def bench_log(count: int, work: Path) -> tuple[float, int, int]:
    disclosures = work / "disclosures"
    subprocess.run(
        [PYTHON, PROJECT / "bench/generate.py", "records", str(count), disclosures], check=True
    )
    settings = write_settings(work, disclosures)
    output = work / "log-output"
    seconds, rss = run_measured(
        [PYTHON, "-m", "pelican", "-s", str(settings), "-o", str(output), "-q"], work
    )
    return seconds, pages_in(output), rss


def bench_rebuild(work: Path, times: int = 3) -> tuple[float, int]:
    """Edit one record's title, then build again over the same cache and output; do that
    for `times` different records and give the median time and the highest peak memory."""
    records = sorted((work / "disclosures").rglob("*.yaml"))
    command = [PYTHON, "-m", "pelican", "-s", str(work / "settings.py"), "-o"]
    runs = []
    for n in range(times):
        record = records[n * len(records) // times]  # spread over the years
        record.write_text(record.read_text().replace("title: ", "title: Edited ", 1))
        runs.append(run_measured([*command, str(work / "log-output"), "-q"], work))
    return statistics.median(t for t, _ in runs), max(rss for _, rss in runs)


def bench_pelican(count: int, work: Path) -> tuple[float, int, int]:
    articles = work / "articles"
    subprocess.run(
        [PYTHON, PROJECT / "bench/generate.py", "articles", str(count), articles], check=True
    )
    # A folder of its own: the foilog plugin is installed, and would build the log for a
    # site run beside a disclosures/ folder.
    site = work / "plain"
    site.mkdir(exist_ok=True)
    settings = site / "plain.py"
    settings.write_text("SITENAME = 'Plain'\nTIMEZONE = 'UTC'\nLOAD_CONTENT_CACHE = False\n")
    output = site / "output"
    seconds, rss = run_measured(
        [PYTHON, "-m", "pelican", str(articles), "-s", str(settings), "-o", str(output), "-q"], site
    )
    return seconds, pages_in(output), rss


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "counts", type=int, nargs="+", help="numbers of records, such as 1000 10000"
    )
    args = parser.parse_args()
    print(f"{'N':>7} {'build':>6} {'s':>7} {'pages':>7} {'ms/page':>8} {'RSS MiB':>8} {'ratio':>6}")
    for count in args.counts:
        with tempfile.TemporaryDirectory(prefix="foilog-bench-") as folder:
            work = Path(folder)
            ours = bench_log(count, work)
            rebuild, rebuild_rss = bench_rebuild(work)
            plain = bench_pelican(count, work)
        per_page = [seconds / pages * 1000 for seconds, pages, _ in (ours, plain)]
        ratio = per_page[0] / per_page[1]
        for name, (seconds, pages, rss), ms in zip(
            ("log", "pelican"), (ours, plain), per_page, strict=True
        ):
            shown_ratio = f"{ratio:6.2f}" if name == "log" else ""
            print(
                f"{count:>7} {name:>7} {seconds:7.1f} {pages:>7} {ms:8.2f} {rss:>8} {shown_ratio}"
            )
        share = rebuild / ours[0]
        blank = ""
        print(f"{count:>7} {'rebuild':>7} {rebuild:7.1f} {blank:>16} {rebuild_rss:>8} {share:6.2f}")


if __name__ == "__main__":
    main()
