"""Time the publish guard on N synthetic records, one in EVERY with an attachment, beside a
full build of the same log.

    python bench/guard_attachments.py 10000 --every 10

Prints the full build's wall time (a fresh `pelican` process, empty cache, the guard
included), then, in this process over the same parsed log: the guard with no cache (every
record and attachment checked), its attachment checks alone, and the guard over a cache
filled by an earlier run (what a rebuild pays).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from builds import generate, pelican, run_measured, write_settings

from foilog.checks.record_log import load_log
from foilog.cli.site import load_site
from foilog.guard import guard_log
from foilog.guard.attachments import attachment_findings


def timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int)
    parser.add_argument("--every", type=int, default=10, help="one record in EVERY has a file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="foilog-guard-bench-") as folder:
        work = Path(folder)
        disclosures = work / "disclosures"
        generate("records", args.count, disclosures, "--attachments", str(args.every))
        settings = write_settings(work, disclosures)
        build, rss, _ = run_measured(pelican(settings, work / "out", "-q"), work)
        site = load_site(str(settings))
        log, _ = load_log(site)
        files = sum(1 for d in log.disclosures for a in d.attachments if a.file)
        cold = timed(lambda: guard_log(log, site.guard))
        attachments = timed(lambda: [attachment_findings(d, site.guard) for d in log.disclosures])
        cache = work / "guard-cache"
        guard_log(log, site.guard, cache)
        warm = timed(lambda: guard_log(log, site.guard, cache))
    others = build - cold
    rows = [
        ("full build (guard included)", build, f"peak RSS {rss} MiB"),
        ("guard, nothing cached", cold, f"{cold / others:6.1%} of the rest of the build"),
        (
            "  of which attachments",
            attachments,
            f"{attachments / max(files, 1) * 1000:.1f} ms a file",
        ),
        ("guard, cache filled", warm, f"{warm / others:6.1%} of the rest of the build"),
    ]
    print(f"records {args.count}, attachments {files}")
    for label, seconds, note in rows:
        print(f"{label:<30}{seconds:7.1f} s   {note}")


if __name__ == "__main__":
    main()
