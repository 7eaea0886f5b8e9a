"""One problem found in a record: where it is, what was expected and what was found."""

from __future__ import annotations

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
        where = f"{self.file}:{self.line}"
        if self.draft:
            return f"{where}: draft: {self.found}; {self.expected}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} expected {self.expected}; found {self.found}"


def field_name(path: Path_) -> str:
    """('questions', 1, 'outcome') -> 'questions[2].outcome' (numbered as staff count them)."""
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step + 1}]"
        else:
            text += f".{step}" if text else step
    return text
