"""The mapping file of `foilog import`: which export column holds which record field.

Read and checked whole before any row is read, so a mapping error writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from foilog.cli.site import CommandError
from foilog.core.paths import shown
from foilog.records.citations import is_citation, normalise
from foilog.records.column_mapping import Mapping as ColumnMapping
from foilog.records.column_mapping import MappingError, read_mapping_file

REQUIRED_FIELDS = ("reference", "title", "received", "responded", "question")
OPTIONAL_FIELDS = (
    "outcome",
    "question_outcomes",
    "act",
    "answer",
    "topics",
    "exemptions",
    "exemption_reason",
    "public_interest",
    "ncnd",
    "response",
)
IMPORT_SETTINGS = ("text_separator", "question_separator", "exemption_columns")
EXEMPTION_COLUMN_FIELDS = ("reason", "public_interest")
# A problem's field in the built record -> the mapping's field, to name the column.
_FIELD_OF = {"text": "question", "section": "exemptions", "reason": "exemption_reason"}


@dataclass
class Mapping(ColumnMapping):
    text_separator: str = "|"  # between the texts of one cell: a reason per exemption
    question_separator: str | None = None  # between questions of one cell, when rows hold several
    # citation -> {reason/public_interest: column}
    exemption_columns: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def read_import(cls, path: Path) -> Mapping:
        try:
            data, faults = read_mapping_file(path, IMPORT_SETTINGS)
        except MappingError as error:
            raise CommandError(str(error)) from None
        mapping = cls.from_data(data, "record", REQUIRED_FIELDS, OPTIONAL_FIELDS, faults)
        assert isinstance(mapping, Mapping)
        if "outcome" not in mapping.columns and "question_outcomes" not in mapping.columns:
            faults.append(
                "columns.outcome: required (the outcome), unless columns.question_outcomes "
                "names a column with one outcome per question"
            )
        mapping.exemption_columns, exemption_faults = _exemption_columns(
            data.get("exemption_columns")
        )
        faults += exemption_faults
        if faults:
            raise CommandError("\n".join(f"{shown(path)}: {fault}" for fault in faults))
        mapping.text_separator = str(data.get("text_separator", "|"))
        question_separator = data.get("question_separator")
        mapping.question_separator = str(question_separator) if question_separator else None
        return mapping

    def all_columns(self) -> list[tuple[str, str]]:
        """(what it is for, column) for every column the mapping names."""
        named = list(self.columns.items())
        for citation, fields in self.exemption_columns.items():
            named += [(f"exemption_columns.{citation}.{f}", c) for f, c in fields.items()]
        return named

    def column_of(self, problem_field: str) -> str | None:
        """The export's column behind a problem in the built record, where there is one."""
        last = problem_field.rsplit(".", 1)[-1]
        root = problem_field.split("[")[0].split(".")[0]
        for key in (_FIELD_OF.get(last, last), root):
            if key in self.columns:
                return self.columns[key]
        return None


def _exemption_columns(raw: Any) -> tuple[dict[str, dict[str, str]], list[str]]:
    """`exemption_columns: {40(2): {reason: S40 reason, public_interest: S40 PIT}}`."""
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, ["exemption_columns: expected `citation: {reason: column, ...}`"]
    found: dict[str, dict[str, str]] = {}
    faults = []
    for key, fields in raw.items():
        citation = normalise(str(key))
        where = f"exemption_columns.{key}"
        if not is_citation(citation):
            faults.append(f"{where}: expected a citation such as 40(2) or s.43(2)")
        elif not isinstance(fields, dict) or not fields:
            faults.append(f"{where}: expected `reason: column` and/or `public_interest: column`")
        else:
            unknown = [f for f in fields if f not in EXEMPTION_COLUMN_FIELDS]
            faults += [f"{where}.{f}: expected reason or public_interest" for f in unknown]
            found[citation] = {str(f): str(c) for f, c in fields.items()}
    return found, faults
