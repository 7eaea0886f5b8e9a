"""Time full builds and rebuilds of N synthetic records, without and with the search index,
beside Pelican's build of N plain Markdown articles.

    python bench/run.py 1000 10000
    python bench/run.py 100000 --without-pelican --times 1

Every build runs here, one after the other, in fresh processes. For each N it prints a row
for each build (bench/README.md says what each is): its wall time, the HTML pages and
other files it wrote, the time per page, its peak resident memory (RSS), and a ratio.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from builds import (
    add_newest,
    edit_title,
    generate,
    pelican,
    record_files,
    run_measured,
    write_settings,
)


@dataclass
class Row:
    name: str
    seconds: float
    pages: int  # HTML files written
    files: int  # every file written, pages included
    largest: int  # MiB, the largest process's peak
    together: int  # MiB, the peak of all the build's processes at once
    full: bool  # from an empty cache and output folder
    ratio: str = ""


def written(output: Path, since: float | None) -> tuple[int, int]:
    """HTML pages and all files in `output` written (added or changed) since `since`, or
    all of them."""
    files = [path for path in output.rglob("*") if path.is_file()]
    new = [path for path in files if since is None or path.stat().st_mtime >= since]
    return sum(1 for path in new if path.suffix == ".html"), len(new)


def timed_build(name: str, command: list[str], work: Path, output: Path, full: bool) -> Row:
    """`full`: the build starts from an empty cache and output, so wrote all `output` holds."""
    since = time.time()
    seconds, largest, together = run_measured(command, work)
    pages, files = written(output, None if full else since)
    return Row(name, seconds, pages, files, largest, together, full)


def full_build(name: str, disclosures: Path, work: Path, search: bool) -> Row:
    """A build of the log from an empty cache and output folder, in `work`."""
    settings = write_settings(work, disclosures, search)
    command = pelican(settings, work / "output", "-q")
    return timed_build(name, command, work, work / "output", full=True)


def rebuild(name: str, changes: Sequence[Callable[[], None]], work: Path, full: Row) -> Row:
    """Make each change to the records, and after each build again over the cache and
    output of `work`: the run of median time, with the highest peaks of memory of them all."""
    runs = []
    for change in changes:
        change()
        command = pelican(work / "settings.py", work / "output", "-q")
        runs.append(timed_build(name, command, work, work / "output", full=False))
    runs.sort(key=lambda row: row.seconds)
    median = runs[(len(runs) - 1) // 2]
    median.largest = max(row.largest for row in runs)
    median.together = max(row.together for row in runs)
    median.ratio = f"{median.seconds / full.seconds:.2f}"
    return median


def plain_pelican(count: int, work: Path) -> Row:
    """Pelican's build of `count` plain articles, with its default settings and theme."""
    generate("articles", count, work / "articles")
    # A folder of its own: the foilog plugin is installed, and would build the log for a
    # site run beside a disclosures/ folder.
    site = work / "plain"
    site.mkdir()
    settings = site / "plain.py"
    settings.write_text("SITENAME = 'Plain'\nTIMEZONE = 'UTC'\nLOAD_CONTENT_CACHE = False\n")
    command = pelican(settings, site / "output", "-q")
    articles = str(work / "articles")
    return timed_build("pelican", [*command, articles], site, site / "output", full=True)


def bench(
    count: int, times: int, with_pelican: bool, made: Path | None = None, attachments: int = 0
) -> list[Row]:
    """`made`: a folder of records `bench/generate.py records` already made, copied rather
    than made again (the generator is seeded, so they are the same records). `attachments`:
    one record in that many lists an attachment (none when 0)."""
    with tempfile.TemporaryDirectory(prefix="foilog-bench-") as folder:
        work = Path(folder)
        disclosures = work / "disclosures"
        if made is None:
            options = ["--attachments", str(attachments)] if attachments else []
            generate("records", count, disclosures, *options)
        else:
            shutil.copytree(made, disclosures)
        records = record_files(disclosures)
        if len(records) != count:
            raise SystemExit(f"{made} holds {len(records)} records, not {count}")
        log = full_build("log", disclosures, work / "log", search=False)
        spread = [records[n * len(records) // times] for n in range(times)]  # over the years
        edits = [functools.partial(edit_title, record) for record in spread]
        rows = [log, rebuild("rebuild", edits, work / "log", log)]
        searched = full_build("log + search", disclosures, work / "search", search=True)
        middle = records[len(records) // 2]
        edit = [functools.partial(edit_title, middle)]
        rows += [searched, rebuild("publish one + search", edit, work / "search", searched)]
        add = [functools.partial(add_newest, disclosures)]
        rows.append(rebuild("publish new + search", add, work / "search", searched))
        if with_pelican:
            plain = plain_pelican(count, work)
            for row in (log, searched):
                row.ratio = f"{row.seconds / row.pages / (plain.seconds / plain.pages):.2f}"
            rows.append(plain)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "counts", type=int, nargs="+", help="numbers of records, such as 1000 10000"
    )
    parser.add_argument(
        "--times", type=int, default=3, metavar="K", help="rebuilds for the median (3)"
    )
    parser.add_argument(
        "--without-pelican", action="store_true", help="leave out Pelican's plain build"
    )
    parser.add_argument(
        "--records",
        type=Path,
        metavar="FOLDER",
        help="copy the records from FOLDER (made by bench/generate.py) instead of making them",
    )
    parser.add_argument(
        "--attachments",
        type=int,
        default=0,
        metavar="E",
        help="one record in E lists an attachment: CSV, xlsx, docx and PDF in turn (none)",
    )
    args = parser.parse_args()
    if args.records and len(args.counts) != 1:
        parser.error("--records goes with one N: the number of records in FOLDER")
    if args.records and args.attachments:
        parser.error("--attachments makes the records: FOLDER's are copied as they are")
    if args.attachments < 0:
        parser.error("--attachments must be 0 (none) or more")
    print(
        f"{'N':>7} {'build':<20} {'s':>7} {'pages':>7} {'other':>6} {'files':>7} "
        f"{'ms/page':>8} {'RSS MiB':>8} {'all MiB':>8} {'ratio':>6}"
    )
    for count in args.counts:
        rows = bench(count, args.times, not args.without_pelican, args.records, args.attachments)
        for row in rows:
            per_page = f"{row.seconds / row.pages * 1000:8.2f}" if row.full else ""
            print(
                f"{count:>7} {row.name:<20} {row.seconds:7.1f} {row.pages:>7} "
                f"{row.files - row.pages:>6} {row.files:>7} {per_page:>8} "
                f"{row.largest:>8} {row.together:>8} {row.ratio:>6}"
            )


if __name__ == "__main__":
    main()
