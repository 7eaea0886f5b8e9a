"""The mapping file of `foilog import`: which export column holds which record field.

Read and checked whole before any row is read, so a mapping error writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from foilog.cli.site import CommandError
from foilog.core.paths import shown
from foilog.records.citations import is_citation, normalise

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
SETTINGS = (
    "columns",
    "values",
    "date_format",
    "list_separator",
    "text_separator",
    "question_separator",
    "exemption_columns",
)
EXEMPTION_COLUMN_FIELDS = ("reason", "public_interest")
# A problem's field in the built record -> the mapping's field, to name the column.
_FIELD_OF = {"text": "question", "section": "exemptions", "reason": "exemption_reason"}


@dataclass
class Mapping:
    columns: dict[str, str]  # record field -> column name
    values: dict[str, dict[str, str]]  # field -> {export's word: record value}
    date_format: str | None
    separator: str  # between items of a list: topics, exemptions, outcomes
    text_separator: str  # between the texts of one cell: a reason per exemption
    question_separator: str | None  # between the questions of one cell, when rows hold several
    exemption_columns: dict[str, dict[str, str]]  # citation -> {reason/public_interest: column}

    @classmethod
    def read(cls, path: Path) -> Mapping:
        name = shown(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise CommandError(f"{name}: cannot read the mapping: {error}") from None
        if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
            raise CommandError(f"{name}: expected a mapping with `columns: {{field: column}}`")
        faults = [f"unknown setting {key!r}" for key in sorted(set(data) - set(SETTINGS))]
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
        if "outcome" not in columns and "question_outcomes" not in columns:
            faults.append(
                "columns.outcome: required (the outcome), unless columns.question_outcomes "
                "names a column with one outcome per question"
            )
        values = data.get("values") or {}
        if not isinstance(values, dict) or not all(isinstance(v, dict) for v in values.values()):
            faults.append("values: expected `field: {export's word: record value}`")
            values = {}
        per_exemption, exemption_faults = _exemption_columns(data.get("exemption_columns"))
        faults += exemption_faults
        if faults:
            raise CommandError("\n".join(f"{name}: {fault}" for fault in faults))
        question_separator = data.get("question_separator")
        return cls(
            columns=columns,
            values={f: {str(k): str(v) for k, v in words.items()} for f, words in values.items()},
            date_format=data.get("date_format"),
            separator=str(data.get("list_separator", ";")),
            text_separator=str(data.get("text_separator", "|")),
            question_separator=str(question_separator) if question_separator else None,
            exemption_columns=per_exemption,
        )

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
