"""One problem found in a record: where it is, what was expected and what was found."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from foilog.records.yaml_source import Path_


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    field: str
    expected: str
    found: str
    draft: bool = False  # a draft record, not yet reviewed: not an error in it

    def __str__(self) -> str:
        where = f"{printable(self.file)}:{self.line}"
        if self.draft:
            return f"{where}: draft: {printable(self.found)}; {printable(self.expected)}"
        field = f" {printable(self.field)}:" if self.field else ""
        return f"{where}:{field} expected {printable(self.expected)}; found {printable(self.found)}"


def printable(text: str) -> str:
    """`text` with control and other invisible characters written as escapes, so that a
    problem is always one readable line, whatever a record's keys or values hold."""
    if text.isprintable():
        return text
    return "".join(
        c if c == " " or unicodedata.category(c)[0] not in "CZ" else ascii(c)[1:-1] for c in text
    )


_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def shown_key(key: str) -> str:
    """A field's name as written in a problem: quoted when it holds spaces or punctuation,
    so that a problem stays one line with one field in it."""
    return key if _PLAIN_KEY.match(key) else json.dumps(key)


def field_name(path: Path_) -> str:
    """('questions', 1, 'outcome') -> 'questions[2].outcome' (numbered as staff count them)."""
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step + 1}]"
        else:
            text += f".{shown_key(step)}" if text else shown_key(step)
    return text
