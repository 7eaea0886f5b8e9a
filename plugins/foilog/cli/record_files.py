"""Records that commands write: checked by the build's own checker, then written whole."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from foilog.core.paths import shown
from foilog.records.validation import RecordChecker
from foilog.records.yaml_source import YamlSyntaxError, parse_yaml
from foilog.settings import SiteSettings


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


def record_problems(site: SiteSettings, target: Path, text: str) -> list[tuple[str, str]]:
    """(field, problem) for each problem the build's checker finds in a record's text."""
    try:
        document = parse_yaml(text)
    except YamlSyntaxError as error:  # safe_dump always writes valid YAML; kept for safety
        return [("", str(error))]
    checker = RecordChecker(document, target, shown(target), site.register)
    checker.check()
    return [
        (p.field, f"{p.field}: expected {p.expected}; found {p.found}") for p in checker.problems
    ]
