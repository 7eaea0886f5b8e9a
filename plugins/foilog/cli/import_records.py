"""`foilog import`: turn a case-management export (CSV or XLSX) into records.

A mapping file (YAML) names the export's column for each record field. Each row becomes
one record, checked with the build's own checker before it is written; a row that fails
is reported and written nowhere. Each record is written to a hidden temporary file and
renamed into place, so no reader ever sees half a record.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from foilog.cli.site import CommandError, load_site, references_in_use
from foilog.core.paths import shown
from foilog.core.progress import progress_bar
from foilog.core.slugs import slugify
from foilog.records.column_mapping import Mapping, MappingError, RowError, read_rows
from foilog.records.validation import RecordChecker
from foilog.records.yaml_source import YamlSyntaxError, parse_yaml
from foilog.settings import SiteSettings

REQUIRED_FIELDS = ("reference", "title", "received", "responded", "question", "outcome")
OPTIONAL_FIELDS = (
    "act",
    "answer",
    "topics",
    "exemptions",
    "exemption_reason",
    "public_interest",
    "response",
)
# A problem's field in the built record -> the mapping's field, to name the column.
_FIELD_OF = {"text": "question", "section": "exemptions", "reason": "exemption_reason"}


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


def read_mapping(path: Path) -> Mapping:
    try:
        return Mapping.read(path, "record", REQUIRED_FIELDS, OPTIONAL_FIELDS)
    except MappingError as error:
        raise CommandError(str(error)) from None


def column_of(mapping: Mapping, problem_field: str) -> str | None:
    """The export's column behind a problem in the built record, where there is one."""
    last = problem_field.rsplit(".", 1)[-1]
    root = problem_field.split("[")[0].split(".")[0]
    for key in (_FIELD_OF.get(last, last), root):
        if key in mapping.columns:
            return mapping.columns[key]
    return None


def build_record(mapping: Mapping, row: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "reference": str(mapping.cell(row, "reference")),
        "title": str(mapping.cell(row, "title")),
        "received": mapping.date(row, "received"),
        "responded": mapping.date(row, "responded"),
    }
    if act := mapping.cell(row, "act"):
        record["act"] = str(act)
    question: dict[str, Any] = {
        "text": str(mapping.cell(row, "question")),
        "outcome": str(mapping.cell(row, "outcome")),
    }
    if answer := mapping.cell(row, "answer"):
        question["answer"] = str(answer)
    record["questions"] = [question]
    if topics := mapping.items(row, "topics"):
        record["topics"] = topics
    if sections := mapping.items(row, "exemptions"):
        reason = mapping.cell(row, "exemption_reason")
        public_interest = mapping.cell(row, "public_interest")
        record["exemptions"] = [
            {"section": section, "reason": str(reason or "")}
            | ({"public_interest": str(public_interest)} if public_interest else {})
            for section in sections
        ]
    if response := mapping.cell(row, "response"):
        record["response"] = str(response)
    return record


@dataclass
class Outcome:
    written: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def write_atomically(path: Path, text: str) -> None:
    """Write a hidden temporary file beside `path` and rename it: all of the record or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def import_rows(
    site: SiteSettings, export: Path, mapping: Mapping, force: bool, dry_run: bool
) -> Outcome:
    try:
        header, rows = read_rows(export)
        mapping.check_header(export, header)
    except MappingError as error:
        raise CommandError(str(error)) from None
    in_use = references_in_use(site)
    seen: dict[str, int] = {}
    outcome = Outcome()
    with progress_bar("Importing rows") as progress:
        for done, (number, row) in enumerate(rows, 1):
            progress(done, len(rows))
            where = f"{shown(export)} row {number}"
            try:
                record = build_record(mapping, row)
            except RowError as error:
                outcome.failed.append(f"{where}: {error}")
                continue
            reference = record["reference"]
            if reference in seen:
                outcome.failed.append(
                    f"{where}: reference {reference} is also on row {seen[reference]}"
                )
                continue
            seen[reference] = number
            existing = in_use.get(reference)
            if existing and not force:
                outcome.failed.append(
                    f"{where}: reference {reference} already has a record, "
                    f"{shown(existing)}; use --force to replace it"
                )
                continue
            year = (record["responded"] or record["received"])[:4]
            target = existing or site.disclosures_path / year / f"{slugify(reference)}.yaml"
            text = f"# Imported by `foilog import` from {export.name}, row {number}.\n"
            text += yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)
            problems = _check(site, target, text)
            if problems:
                for field_name, message in problems:
                    column = column_of(mapping, field_name)
                    place = f" (column {column!r})" if column else ""
                    outcome.failed.append(f"{where}{place}: {message}")
                continue
            if not dry_run:
                write_atomically(target, text)
            outcome.written.append(f"{shown(target)} from row {number}")
    return outcome


def _check(site: SiteSettings, target: Path, text: str) -> list[tuple[str, str]]:
    try:
        document = parse_yaml(text)
    except YamlSyntaxError as error:  # safe_dump always writes valid YAML; kept for safety
        return [("", error.message)]
    checker = RecordChecker(document, target, shown(target), site.register)
    checker.check()
    return [
        (p.field, f"{p.field}: expected {p.expected}; found {p.found}") for p in checker.problems
    ]


def run(args: argparse.Namespace) -> int:
    site = load_site(args.settings)
    mapping = read_mapping(Path(args.mapping))
    outcome = import_rows(site, Path(args.export), mapping, args.force, args.dry_run)
    verb = "Would write" if args.dry_run else "Wrote"
    for line in outcome.written:
        print(f"{verb} {line}")
    for line in outcome.failed:
        print(line)
    print(
        f"{verb} {len(outcome.written)} record(s); {len(outcome.failed)} problem(s) in rows "
        "that were not imported."
    )
    if outcome.written and not args.dry_run:
        print("Run `foilog check` to check the whole log before publishing.")
    return 1 if outcome.failed else 0
