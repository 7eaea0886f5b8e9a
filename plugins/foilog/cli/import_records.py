"""`foilog import`: turn a case-management export (CSV or XLSX) into records.

A mapping file (YAML) names the export's column for each record field. Each row becomes
one record, checked with the build's own checker before it is written; a row that fails
is reported and written nowhere. Each record is written to a hidden temporary file and
renamed into place, so no reader ever sees half a record.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from foilog.cli.import_mapping import Mapping
from foilog.cli.import_record import build_record
from foilog.cli.record_files import record_problems, write_atomically
from foilog.cli.site import CommandError, load_site, references_in_use
from foilog.core.paths import shown
from foilog.core.progress import progress_bar
from foilog.core.slugs import slugify
from foilog.records.column_mapping import MappingError, RowError, read_rows
from foilog.settings import SiteSettings


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "import",
        help="make records from a CSV or XLSX export",
        description="Make one record per row of a CSV or XLSX export, using a mapping file "
        "that names the export's column for each record field (see docs/command-line.md). "
        "Rows that fail are listed with the reason and nothing is written for them. "
        "An existing record is never replaced without --force.",
    )
    parser.add_argument("export", help="the CSV or XLSX file")
    parser.add_argument("--mapping", required=True, help="the column mapping file (YAML)")
    parser.add_argument(
        "--force", action="store_true", help="replace records whose reference already exists"
    )
    parser.add_argument("--dry-run", action="store_true", help="check every row but write nothing")
    return parser


@dataclass
class Outcome:
    lines: list[str] = field(default_factory=list)  # what was done with each row, in order
    written: int = 0
    failed: int = 0

    def wrote(self, line: str) -> None:
        self.lines.append(line)
        self.written += 1

    def fail(self, line: str) -> None:
        self.lines.append(line)
        self.failed += 1


def import_rows(
    site: SiteSettings, export: Path, mapping: Mapping, force: bool, dry_run: bool
) -> Outcome:
    try:
        header, rows = read_rows(export)
    except MappingError as error:
        raise CommandError(str(error)) from None
    missing = [(key, column) for key, column in mapping.all_columns() if column not in header]
    if missing:
        raise CommandError(
            "\n".join(
                f"the mapping names the column {column!r} for {key}, but {shown(export)} "
                f"has no such column (its columns: {', '.join(repr(h) for h in header if h)})"
                for key, column in missing
            )
        )
    in_use = references_in_use(site)
    seen: dict[str, int] = {}
    outcome = Outcome()
    verb = "Would write" if dry_run else "Wrote"
    with progress_bar("Importing rows") as progress:
        for done, (number, row) in enumerate(rows, 1):
            progress(done, len(rows))
            where = f"{shown(export)} row {number}"
            notes: list[str] = []
            try:
                record = build_record(mapping, row, site.register, notes)
            except RowError as error:
                outcome.fail(f"{where}: {error}")
                continue
            reference = record["reference"]
            if reference in seen:
                outcome.fail(f"{where}: reference {reference} is also on row {seen[reference]}")
                continue
            seen[reference] = number
            existing = in_use.get(reference)
            if existing and not force:
                outcome.fail(
                    f"{where}: reference {reference} already has a record, "
                    f"{shown(existing)}; use --force to replace it"
                )
                continue
            year = (record["responded"] or record["received"])[:4]
            target = existing or site.disclosures_path / year / f"{slugify(reference)}.yaml"
            text = f"# Imported by `foilog import` from {export.name}, row {number}.\n"
            text += yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)
            problems = record_problems(site, target, text)
            if problems:
                for field_name, message in problems:
                    column = mapping.column_of(field_name)
                    place = f" (column {column!r})" if column else ""
                    outcome.fail(f"{where}{place}: {message}")
                continue
            if not dry_run:
                write_atomically(target, text)
            outcome.wrote(f"{verb} {shown(target)} from row {number}: {_summary(record, notes)}")
    return outcome


def _summary(record: dict[str, Any], notes: list[str]) -> str:
    """What the row became, in a few words."""
    questions = record["questions"]
    parts = [f"{len(questions)} question(s)"]
    outcomes = sorted({q["outcome"] for q in questions})
    parts.append(
        f"outcome {', '.join(outcomes)}"
        if len(outcomes) == 1
        else "outcomes " + ", ".join(q["outcome"] for q in questions)
    )
    exemptions = record.get("exemptions", [])
    if exemptions:
        cited = [
            e["section"]
            + (" with public interest test" if "public_interest" in e else "")
            + (" (NCND)" if e.get("ncnd") else "")
            for e in exemptions
        ]
        parts.append("exemptions " + ", ".join(cited))
    if record.get("topics"):
        parts.append(f"{len(record['topics'])} topic(s)")
    return "; ".join(parts + notes)


def run(args: argparse.Namespace) -> int:
    site = load_site(args.settings)
    mapping = Mapping.read_import(Path(args.mapping))
    outcome = import_rows(site, Path(args.export), mapping, args.force, args.dry_run)
    verb = "Would write" if args.dry_run else "Wrote"
    for line in outcome.lines:
        print(line)
    print(
        f"{verb} {outcome.written} record(s); {outcome.failed} problem(s) in rows "
        "that were not imported."
    )
    if outcome.written and not args.dry_run:
        print("Run `foilog check` to check the whole log before publishing.")
    return 1 if outcome.failed else 0
