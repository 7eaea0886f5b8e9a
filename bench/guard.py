"""Time the publish guard alone on N synthetic records, as a full build runs it.

    python bench/guard.py 1000 10000

For each N it generates the records (bench/generate.py), reads them once, then runs the
guard from an empty findings cache (as a first build does) and again over that cache (as
a rebuild does), and prints the seconds of each. Compare them with the full build's time
from bench/run.py: the guard should add no more than 20% to it.

One record in five has a two-dimensional table with "<5" cells protected by secondary
suppression, so the figure solver runs as it would on a real log.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from foilog.checks.record_log import load_log
from foilog.guard import guard_log
from foilog.settings import read_settings

PROJECT = Path(__file__).resolve().parent.parent


def suppress_some(disclosures: Path) -> int:
    """Give every fifth record with a table two rows of "<5" cells that protect each other,
    with their totals and the column totals suppressed."""
    changed = 0
    for n, path in enumerate(sorted(disclosures.rglob("*.yaml"))):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if n % 5 or not record.get("figures"):
            continue
        table = record["figures"][0]
        table["rows"] += ["Other: reported", "Other: resolved"]
        table["values"] += [["<5", "<5", "*"], ["<5", "<5", "*"]]
        table["row_totals"] += ["*", "*"]
        table["column_totals"] = ["*", "*", "*"]
        table.pop("total", None)
        path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
        changed += 1
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("counts", type=int, nargs="+", help="numbers of records")
    args = parser.parse_args()
    print(
        f"{'N':>7} {'suppressed':>10} {'read s':>7} {'guard s':>8} {'cached s':>9} {'findings':>8}"
    )
    for count in args.counts:
        with tempfile.TemporaryDirectory(prefix="foilog-guard-") as folder:
            work = Path(folder)
            disclosures = work / "disclosures"
            generate = [sys.executable, str(PROJECT / "bench/generate.py"), "records", str(count)]
            subprocess.run([*generate, str(disclosures)], check=True)
            suppressed = suppress_some(disclosures)
            site = read_settings(
                {"FOILOG_DISCLOSURES_PATH": str(disclosures), "CACHE_PATH": str(work / "cache")}
            )
            start = time.perf_counter()
            log, _ = load_log(site)
            read = time.perf_counter() - start
            timings = []
            for _ in range(2):  # an empty findings cache, then the one the first run left
                start = time.perf_counter()
                result = guard_log(log, site.guard, work / "cache" / "guard-findings")
                timings.append(time.perf_counter() - start)
        print(
            f"{count:>7} {suppressed:>10} {read:7.1f} {timings[0]:8.1f} {timings[1]:9.1f} "
            f"{len(result.findings):>8}"
        )


if __name__ == "__main__":
    main()
