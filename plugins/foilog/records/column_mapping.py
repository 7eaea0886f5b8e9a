"""Reading a case-management export (CSV or XLSX) through a mapping file (YAML) that names
the export's column for each field, as `foilog import` and the case register both do.

The mapping file: `columns: {field: column}`, and optionally `values: {field: {export's
word: our word}}`, `date_format` (strptime, such as "%d/%m/%Y") and `list_separator`
(";" unless given). See docs/command-line.md.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from foilog.core.paths import shown
from foilog.records.dates import PartialDate

_SETTINGS = {"columns", "values", "date_format", "list_separator"}


class MappingError(ValueError):
    """A mapping file or an export that cannot be read: one line per fault."""


class RowError(ValueError):
    """One cell of one row that cannot be read."""


@dataclass
class Mapping:
    columns: dict[str, str]  # field -> column name
    values: dict[str, dict[str, str]]  # field -> {export's word: our word}
    date_format: str | None
    separator: str
    required: tuple[str, ...]  # fields whose cell may not be empty

    @classmethod
    def read(
        cls, path: Path, kind: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> Mapping:
        """`kind` names the fields in messages: "record" or "register"."""
        name = shown(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise MappingError(f"{name}: cannot read the mapping: {error}") from None
        if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
            raise MappingError(f"{name}: expected a mapping with `columns: {{field: column}}`")
        faults = [f"unknown setting {key!r}" for key in sorted(set(data) - _SETTINGS)]
        columns = {str(k): str(v) for k, v in data["columns"].items()}
        known = (*required, *optional)
        faults += [
            f"columns.{key}: unknown {kind} field (known: {', '.join(known)})"
            for key in columns
            if key not in known
        ]
        faults += [
            f"columns.{key}: required, naming the export's column for the {key}"
            for key in required
            if key not in columns
        ]
        values = data.get("values") or {}
        if not isinstance(values, dict) or not all(isinstance(v, dict) for v in values.values()):
            faults.append("values: expected `field: {export's word: our word}`")
            values = {}
        date_format = data.get("date_format")
        if date_format is not None and not isinstance(date_format, str):
            faults.append(f"date_format: expected a format such as %d/%m/%Y; found {date_format!r}")
            date_format = None
        if faults:
            raise MappingError("\n".join(f"{name}: {fault}" for fault in faults))
        return cls(
            columns=columns,
            values={f: {str(k): str(v) for k, v in words.items()} for f, words in values.items()},
            date_format=date_format,
            separator=str(data.get("list_separator", ";")),
            required=required,
        )

    def check_header(self, export: Path, header: list[str]) -> None:
        """Every column the mapping names must be in the export."""
        missing = [(key, column) for key, column in self.columns.items() if column not in header]
        if missing:
            raise MappingError(
                "\n".join(
                    f"the mapping names the column {column!r} for {key}, but {shown(export)} "
                    f"has no such column (its columns: {', '.join(repr(h) for h in header if h)})"
                    for key, column in missing
                )
            )

    def cell(self, row: dict[str, Any], key: str) -> Any:
        """The row's value for a field, with the mapping's words changed; None when empty."""
        value = row.get(self.columns[key]) if key in self.columns else None
        if isinstance(value, str):
            value = value.strip()
        if value in (None, ""):
            if key in self.required:
                raise RowError(f"column {self.columns[key]!r} ({key}): empty")
            return None
        return self.values.get(key, {}).get(str(value), value)

    def date(self, row: dict[str, Any], key: str) -> str | None:
        """The field as an ISO date (YYYY-MM-DD, or YYYY-MM for a month); None when empty."""
        value = self.cell(row, key)
        if value is None:
            return None
        if isinstance(value, dt.datetime | dt.date):  # a spreadsheet date
            return value.strftime("%Y-%m-%d")
        text = str(value)
        try:
            if self.date_format:
                return dt.datetime.strptime(text, self.date_format).date().isoformat()
            PartialDate.parse(text)
            return text
        except ValueError:
            example = dt.date(2025, 4, 3).strftime(self.date_format or "%Y-%m-%d")
            raise RowError(
                f"column {self.columns[key]!r} ({key}): expected a date such as {example}; "
                f"found {text!r}"
            ) from None

    def items(self, row: dict[str, Any], key: str) -> list[str]:
        """A list field: the cell split at the separator, blanks left out."""
        value = self.cell(row, key)
        if value is None:
            return []
        return [item.strip() for item in str(value).split(self.separator) if item.strip()]


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """The header and the non-empty rows, each with its row number in the file (header = 1)."""
    if not path.is_file():
        raise MappingError(f"no file {shown(path)}")
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
        raise MappingError(f"{shown(path)}: expected a .csv or .xlsx file")
    if not rows:
        raise MappingError(f"{shown(path)}: the file is empty")
    header = [str(cell).strip() if cell is not None else "" for cell in rows[0]]
    numbered = []
    for number, row in enumerate(rows[1:], 2):
        if any(cell not in (None, "") for cell in row):
            numbered.append((number, dict(zip(header, row, strict=False))))
    return header, numbered
