"""CSV: rows with more values than the header have columns nobody labelled or reads."""

from __future__ import annotations

import csv
from pathlib import Path

from foilog.guard.attachments.issue import Issue


def check_csv(path: Path) -> list[Issue]:
    issues = []
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        for row in reader:
            if len(row) > len(header):
                issues.append(
                    Issue(
                        f"line {reader.line_num}",
                        "csv-extra-columns",
                        f"{len(row)} values under a header of {len(header)} columns",
                        "remove the values past the last column, or give them a header",
                    )
                )
    return issues
