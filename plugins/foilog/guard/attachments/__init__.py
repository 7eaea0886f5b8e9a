"""Attachments: each listed file is opened, read as a reader would see it, and checked for
what a reader cannot see.

Each checker takes the file's bytes and the guard settings and returns (place inside the
file, rule, what was found, fix); `attachment_findings` names the file in the place and
turns them into findings. What a file holds is decided by its content (kinds.py).
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from pathlib import Path

from foilog.core.cache_files import KeptValues
from foilog.guard.attachments.issue import Issue
from foilog.guard.attachments.kinds import DESCRIBED, EXPECTED, decode_text, kind_of
from foilog.guard.attachments.package import TooLargeError
from foilog.guard.attachments.text_scan import text_issues
from foilog.guard.findings import Finding
from foilog.records.model import Disclosure
from foilog.settings import GuardSettings

Checker = Callable[[bytes, GuardSettings, int], list[Issue]]
# Each checker is the module's check_<name>. The libraries that read these files are slow
# to import, so a checker is imported only when a file of its kind is checked.
CHECKERS = {"text": "csv", "xlsx": "xlsx", "docx": "docx", "pdf": "pdf"}


def _checker(kind: str) -> Checker:
    name = CHECKERS[kind]
    checker: Checker = getattr(importlib.import_module(f".{name}", __package__), f"check_{name}")
    return checker


def attachment_findings(
    disclosure: Disclosure, guard: GuardSettings, kept: KeptValues | None = None
) -> list[Finding]:
    """`kept`, when given, keeps each file's issues under a hash of its bytes and name's
    suffix, so an unchanged file is not opened again (its version holds the settings)."""
    findings = []
    for index, attachment in enumerate(disclosure.attachments):
        if not attachment.file or attachment.withdrawn:  # a withdrawn file is not published
            continue
        path = disclosure.source_path.parent / attachment.file
        for issue in _file_issues(path, guard, kept):
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


def _file_issues(path: Path, guard: GuardSettings, kept: KeptValues | None) -> list[Issue]:
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as error:
        return [_unreadable(suffix, error)]
    key = hashlib.sha256(suffix.encode() + b"\0" + data).hexdigest()
    found: list[Issue] | None = kept.get(key) if kept else None
    if found is None:
        found = check_bytes(data, suffix, guard)
        if kept:
            kept.put(key, found)
    return list(found)


def check_bytes(data: bytes, suffix: str, guard: GuardSettings, depth: int = 0) -> list[Issue]:
    """The issues of one file whose name ends in `suffix` (".xlsx"); also used for the
    files embedded in Office documents (`depth` counts how deep)."""
    kind = kind_of(data)
    expected = EXPECTED.get(suffix)
    if expected is None:
        if suffix not in guard.allowed_types:
            return [_refused(suffix)]
        # An allowed type is published as it is; if it is text, what it says is still read.
        return text_issues([("", decode_text(data))], guard) if kind == "text" else []
    if kind != expected:
        return [
            Issue(
                "",
                "attachment-type-mismatch",
                f"the file is named {suffix} but holds {DESCRIBED[kind]}",
                f"save it again as a real {suffix[1:]} file from the program that made it, "
                "or give it the name its content calls for",
            )
        ]
    if kind == "ole":
        return [
            Issue(
                "",
                "old-excel-format",
                "old .xls workbooks cannot be checked for hidden sheets and data",
                "save it as .xlsx or CSV and list that file instead",
            )
        ]
    try:
        return _checker(kind)(data, guard, depth)
    except TooLargeError as error:
        return [
            Issue(
                "",
                "unreadable-attachment",
                f"the file is too large to check: {error}",
                "save it again from the program that made it, or split it, then rebuild",
            )
        ]
    except Exception as error:  # a file no library can open cannot be checked
        return [_unreadable(suffix, error)]


def _unreadable(suffix: str, error: Exception) -> Issue:
    return Issue(
        "",
        "unreadable-attachment",
        f"the file could not be opened as {suffix[1:] or 'a file'} ({type(error).__name__})",
        "save it again from the program that made it, then rebuild",
    )


def _refused(suffix: str) -> Issue:
    shown = suffix or "no suffix"
    return Issue(
        "",
        "attachment-type",
        f"files of type {shown} are not checked by the guard",
        f'publish it as CSV, xlsx, docx or PDF, or add "{shown}" to '
        "FOILOG_GUARD_ALLOWED_TYPES once you trust such files",
    )
