"""How well `foilog migrate`'s rules read real responses.

    .venv/bin/python bench/migration_accuracy.py [RESPONSES.jsonl]

Each response text of the sample (by default ../shared/realworld/responses.jsonl) is saved
as a letter and drafted as `foilog migrate` drafts it; the draft is compared with the facts
pulled out of the response by hand. It prints, over the sample:

- citations: of the exemptions the response cites, the share found exactly as cited
  (`40(2)(a)(b)`, not `40(2)` or `40`), and how many citations were drafted that it does
  not cite;
- dates: of the received and responded dates (two a response), the share drafted right,
  a date the response leaves out being right when the draft leaves it out too;
- questions: the share of responses whose draft has as many questions as the response.

Each miss is listed, so a rule can be improved where it matters.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from foilog.cli.migration.extract import draft_record
from foilog.cli.migration.reading import read_letter
from foilog.records.citations import normalise
from foilog.records.register import ExemptionRegister

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "realworld" / "responses.jsonl"


def measure(entries: list[dict[str, Any]]) -> None:
    register = ExemptionRegister.load()
    cited = found = extra = dates = dates_right = counts_right = 0
    misses: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for number, entry in enumerate(entries):
            path = Path(folder) / f"response-{number:03d}.txt"
            path.write_text(entry["response_text"], encoding="utf-8")
            record = draft_record(read_letter(path), path.stem, register)
            name = entry.get("reference") or path.stem
            wanted = [normalise(e["section"]) for e in entry["exemptions"]]
            drafted = [e["section"] for e in record.get("exemptions", [])]
            cited += len(wanted)
            found += sum(1 for c in wanted if c in drafted)
            extra += sum(1 for c in drafted if c not in wanted)
            if sorted(wanted) != sorted(drafted):
                misses.append(f"{name}: citations {wanted} drafted as {drafted}")
            for field, key in (("received", "date_received"), ("responded", "date_responded")):
                dates += 1
                if record[field] == entry[key]:
                    dates_right += 1
                else:
                    misses.append(f"{name}: {field} {entry[key]} drafted as {record[field]}")
            if len(record["questions"]) == len(entry["questions"]):
                counts_right += 1
            else:
                misses.append(
                    f"{name}: {len(entry['questions'])} question(s) drafted as "
                    f"{len(record['questions'])}"
                )
    total = len(entries)
    print(f"responses: {total}")
    print(f"citations found exactly: {found}/{cited} ({_share(found, cited)}); {extra} extra")
    print(f"dates right: {dates_right}/{dates} ({_share(dates_right, dates)})")
    print(f"question counts right: {counts_right}/{total} ({_share(counts_right, total)})")
    for miss in misses:
        print(f"  miss: {miss}")


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "n/a"


def main() -> None:
    sample = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    lines = sample.read_text(encoding="utf-8").splitlines()
    measure([json.loads(line) for line in lines if line.strip()])


if __name__ == "__main__":
    main()
