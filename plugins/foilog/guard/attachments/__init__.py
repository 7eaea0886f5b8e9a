"""Attachments: each listed file is opened and checked for data that a reader cannot see.

Each checker takes the file and returns (place inside the file, rule, what was found, fix);
`attachment_findings` names the file in the place and turns them into findings.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from foilog.guard.attachments.issue import Issue
from foilog.guard.findings import Finding
from foilog.records.model import Disclosure
from foilog.settings import GuardSettings

# Each checker is the module's check_<name>. The libraries that read these files are slow
# to import, so a checker is imported only when a file of its kind is checked.
CHECKERS = {".csv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx", ".docx": "docx", ".pdf": "pdf"}


def _checker(suffix: str) -> Callable[[Path], list[Issue]] | None:
    name = CHECKERS.get(suffix)
    if name is None:
        return None
    checker: Callable[[Path], list[Issue]] = getattr(
        importlib.import_module(f".{name}", __package__), f"check_{name}"
    )
    return checker


def attachment_findings(disclosure: Disclosure, guard: GuardSettings) -> list[Finding]:
    findings = []
    for index, attachment in enumerate(disclosure.attachments):
        if not attachment.file or attachment.withdrawn:  # a withdrawn file is not published
            continue
        path = disclosure.source_path.parent / attachment.file
        for issue in check_file(path, guard.allowed_types):
            where = f"{attachment.file} {issue.place}" if issue.place else attachment.file
            findings.append(
                Finding(
                    disclosure.source,
                    disclosure.line_of(("attachments", index, "file")),
                    where,
                    issue.rule,
                    issue.found,
                    issue.fix,
                )
            )
    return findings


def check_file(path: Path, allowed_types: frozenset[str]) -> list[Issue]:
    suffix = path.suffix.lower()
    checker = _checker(suffix)
    if checker is not None:
        try:
            return checker(path)
        except Exception as error:  # a file no library can open cannot be checked
            return [
                Issue(
                    "",
                    "unreadable-attachment",
                    f"the file could not be opened as {suffix[1:]} ({type(error).__name__})",
                    "save it again from the program that made it, then rebuild",
                )
            ]
    if suffix in allowed_types:
        return []
    if suffix == ".xls":
        return [
            Issue(
                "",
                "old-excel-format",
                "old .xls workbooks cannot be checked for hidden sheets and data",
                "save it as .xlsx or CSV and list that file instead",
            )
        ]
    shown = suffix or "no suffix"
    return [
        Issue(
            "",
            "attachment-type",
            f"files of type {shown} are not checked by the guard",
            f'publish it as CSV, xlsx, docx or PDF, or add "{shown}" to '
            "FOILOG_GUARD_ALLOWED_TYPES once you trust such files",
        )
    ]
