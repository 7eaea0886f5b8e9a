"""`foilog import`: turn a case-management export (CSV or XLSX) into records.

A mapping file (YAML) names the export's column for each record field. Each row becomes
one record, checked with the build's own checker before it is written; a row that fails
is reported and written nowhere. Each record is written to a hidden temporary file and
renamed into place, so no reader ever sees half a record.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from foilog.cli.site import CommandError, load_site, references_in_use, shown
from foilog.core.progress import progress_bar
from foilog.core.slugs import slugify
from foilog.records.dates import PartialDate
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
LIST_FIELDS = ("topics", "exemptions")
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


@dataclass
class Mapping:
    columns: dict[str, str]  # record field -> column name
    values: dict[str, dict[str, str]]  # field -> {export's word: record value}
    date_format: str | None
    separator: str

    @classmethod
    def read(cls, path: Path) -> Mapping:
        name = shown(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise CommandError(f"{name}: cannot read the mapping: {error}") from None
        if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
            raise CommandError(f"{name}: expected a mapping with `columns: {{field: column}}`")
        unknown = sorted(set(data) - {"columns", "values", "date_format", "list_separator"})
        faults = [f"unknown setting {key!r}" for key in unknown]
        columns = {str(k): str(v) for k, v in data["columns"].items()}
        known = (*REQUIRED_FIELDS, *OPTIONAL_FIELDS)
        faults += [
            f"columns.{key}: unknown record field (known: {', '.join(known)})"
            for key in columns
            if key not in known
        ]
        faults += [
            f"columns.{key}: required, naming the export's column for the {key}"
            for key in REQUIRED_FIELDS
            if key not in columns
        ]
        values = data.get("values") or {}
        if not isinstance(values, dict) or not all(isinstance(v, dict) for v in values.values()):
            faults.append("values: expected `field: {export's word: record value}`")
            values = {}
        if faults:
            raise CommandError("\n".join(f"{name}: {fault}" for fault in faults))
        return cls(
            columns=columns,
            values={f: {str(k): str(v) for k, v in words.items()} for f, words in values.items()},
            date_format=data.get("date_format"),
            separator=str(data.get("list_separator", ";")),
        )

    def column_of(self, problem_field: str) -> str | None:
        """The export's column behind a problem in the built record, where there is one."""
        last = problem_field.rsplit(".", 1)[-1]
        root = problem_field.split("[")[0].split(".")[0]
        for key in (_FIELD_OF.get(last, last), root):
            if key in self.columns:
                return self.columns[key]
        return None


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """The header and the non-empty rows, each with its row number in the file (header = 1)."""
    if not path.is_file():
        raise CommandError(f"no file {path}")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            rows = [list(row) for row in book.active.iter_rows(values_only=True)]  # type: ignore[union-attr]
        finally:
            book.close()
    elif path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as file:
            rows = [list(row) for row in csv.reader(file)]
    else:
        raise CommandError(f"{path}: expected a .csv or .xlsx file")
    if not rows:
        raise CommandError(f"{path}: the file is empty")
    header = [str(cell).strip() if cell is not None else "" for cell in rows[0]]
    numbered = []
    for number, row in enumerate(rows[1:], 2):
        if any(cell not in (None, "") for cell in row):
            numbered.append((number, dict(zip(header, row, strict=False))))
    return header, numbered


class RowError(Exception):
    pass


def _cell(mapping: Mapping, row: dict[str, Any], key: str) -> Any:
    value = row.get(mapping.columns[key]) if key in mapping.columns else None
    if isinstance(value, str):
        value = value.strip()
    if value in (None, ""):
        if key in REQUIRED_FIELDS:
            raise RowError(f"column {mapping.columns[key]!r} ({key}): empty")
        return None
    words = mapping.values.get(key, {})
    return words.get(str(value), value)


def _date(mapping: Mapping, row: dict[str, Any], key: str) -> str:
    value = _cell(mapping, row, key)
    if isinstance(value, dt.datetime | dt.date):  # a spreadsheet date
        return value.strftime("%Y-%m-%d")
    text = str(value)
    try:
        if mapping.date_format:
            return dt.datetime.strptime(text, mapping.date_format).date().isoformat()
        PartialDate.parse(text)
        return text
    except ValueError:
        example = dt.date(2025, 4, 3).strftime(mapping.date_format or "%Y-%m-%d")
        raise RowError(
            f"column {mapping.columns[key]!r} ({key}): expected a date such as {example}; "
            f"found {text!r}"
        ) from None


def build_record(mapping: Mapping, row: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "reference": str(_cell(mapping, row, "reference")),
        "title": str(_cell(mapping, row, "title")),
        "received": _date(mapping, row, "received"),
        "responded": _date(mapping, row, "responded"),
    }
    if act := _cell(mapping, row, "act"):
        record["act"] = str(act)
    question: dict[str, Any] = {
        "text": str(_cell(mapping, row, "question")),
        "outcome": str(_cell(mapping, row, "outcome")),
    }
    if answer := _cell(mapping, row, "answer"):
        question["answer"] = str(answer)
    record["questions"] = [question]
    lists = {
        key: [item.strip() for item in str(value).split(mapping.separator) if item.strip()]
        for key in LIST_FIELDS
        if (value := _cell(mapping, row, key))
    }
    if lists.get("topics"):
        record["topics"] = lists["topics"]
    if lists.get("exemptions"):
        reason = _cell(mapping, row, "exemption_reason")
        public_interest = _cell(mapping, row, "public_interest")
        record["exemptions"] = [
            {"section": section, "reason": str(reason or "")}
            | ({"public_interest": str(public_interest)} if public_interest else {})
            for section in lists["exemptions"]
        ]
    if response := _cell(mapping, row, "response"):
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
    header, rows = read_rows(export)
    missing = [(key, column) for key, column in mapping.columns.items() if column not in header]
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
                    column = mapping.column_of(field_name)
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
        return [("", str(error))]
    checker = RecordChecker(document, target, shown(target), site.register)
    checker.check()
    return [
        (p.field, f"{p.field}: expected {p.expected}; found {p.found}") for p in checker.problems
    ]


def run(args: argparse.Namespace) -> int:
    site = load_site(args.settings)
    mapping = Mapping.read(Path(args.mapping))
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
