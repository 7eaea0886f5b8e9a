"""FOILOG_CASE_REGISTER and FOILOG_CASE_REGISTER_MAPPING: the optional export of every
request from the case-management system that the statistics count (docs/statistics.md)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foilog.records.column_mapping import Mapping, MappingError

REGISTER_REQUIRED = ("reference", "received", "status")
REGISTER_OPTIONAL = (
    "closed",
    "act",
    "outcome",
    "exemptions",
    "extension",
    "clarified",
    "review_requested",
    "review_completed",
    "review_result",
)


@dataclass(frozen=True)
class CaseRegisterSource:
    path: Path  # the CSV or XLSX export
    mapping: Mapping


def read_register_mapping(path: Path) -> Mapping:
    """The register's mapping file, in the format `foilog import` reads (MappingError)."""
    return Mapping.read(path, "register", REGISTER_REQUIRED, REGISTER_OPTIONAL)


def read_case_register(settings: dict[str, Any], faults: list[str]) -> CaseRegisterSource | None:
    register = settings.get("FOILOG_CASE_REGISTER")
    mapping = settings.get("FOILOG_CASE_REGISTER_MAPPING")
    if register is None:
        if mapping is not None:
            faults.append(
                "FOILOG_CASE_REGISTER_MAPPING: expected None when FOILOG_CASE_REGISTER is None; "
                f"found {mapping!r}"
            )
        return None
    if not isinstance(register, str) or Path(register).suffix.lower() not in (".csv", ".xlsx"):
        faults.append(
            "FOILOG_CASE_REGISTER: expected the path of a .csv or .xlsx file, or None; "
            f"found {register!r}"
        )
        return None
    if not Path(register).is_file():
        faults.append(f"FOILOG_CASE_REGISTER: expected a file; found no file {register}")
        return None
    if not isinstance(mapping, str):
        faults.append(
            "FOILOG_CASE_REGISTER_MAPPING: expected the path of the register's mapping file "
            f"(YAML); found {mapping!r}"
        )
        return None
    try:
        return CaseRegisterSource(Path(register), read_register_mapping(Path(mapping)))
    except MappingError as error:
        faults += [f"FOILOG_CASE_REGISTER_MAPPING: {line}" for line in str(error).splitlines()]
        return None
