"""Time the related-disclosures step alone on N synthetic records, as a build runs it.

    python bench/related.py 10000

For each N it generates the records (bench/generate.py), reads them once with the
project's settings, then finds every record's related disclosures twice: with nothing
cached (as a first build does, working out every record's terms) and over the terms that
run kept (as a rebuild does), and prints the seconds of each.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from builds import generate, write_settings

from foilog.checks.record_log import load_log
from foilog.cli.site import load_site
from foilog.search.related import attach_related


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("counts", type=int, nargs="+", help="numbers of records")
    args = parser.parse_args()
    print(f"{'N':>7} {'nothing cached s':>16} {'terms cached s':>14}")
    for count in args.counts:
        with tempfile.TemporaryDirectory(prefix="foilog-related-") as folder:
            work = Path(folder)
            generate("records", count, work / "disclosures")
            site = load_site(str(write_settings(work, work / "disclosures")))
            log, _ = load_log(site)
            timings = []
            for _ in range(2):  # nothing cached, then the terms the first run kept
                start = time.perf_counter()
                attach_related(site, log)
                timings.append(time.perf_counter() - start)
        print(f"{count:>7} {timings[0]:16.2f} {timings[1]:14.2f}")


if __name__ == "__main__":
    main()
