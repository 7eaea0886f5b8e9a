"""What an attachment checker reports, before the guard names the file and record."""

from __future__ import annotations

from typing import NamedTuple


class Issue(NamedTuple):
    place: str  # inside the file: 'sheet "Data" cell B7', "page 2", "line 14"; "" for the file
    rule: str
    found: str
    fix: str  # one sentence
