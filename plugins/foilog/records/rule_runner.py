"""How a record's rules run: each problem is collected with its line, and when the record's
structure failed, every rule that can still run does, on the parts that are sound.

Staff fix a record in one go only when one run lists all its problems, so an unknown field
or a placeholder must not hide a total that does not add up. The rules are written for
records that passed the schema; on one that did not, a rule may meet a missing field or a
value of another type, and then only the part it was checking is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from foilog.records.problems import Problem, field_name
from foilog.records.yaml_source import Path_, YamlDocument

# What a rule meets in a record whose structure failed: a missing field, or a value of
# another type, or a number out of range. Its structural problem is already reported.
_MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)
T = TypeVar("T")


class RuleRunner:
    def __init__(self, document: YamlDocument, shown_as: str) -> None:
        self.doc = document
        self.shown_as = shown_as
        self.problems: list[Problem] = []
        self.sound_parts_only = False  # the structure failed: rules run on what they can

    def problem(self, path: Path_, expected: str, found: str) -> None:
        self.problems.append(
            Problem(self.shown_as, self.doc.line_of(path), field_name(path), expected, found)
        )

    def add_problems(self, problems: Iterable[tuple[Path_, str, str]]) -> None:
        """Each (path, expected, found) from a rule kept in a module of its own."""
        for path, expected, found in problems:
            self.problem(path, expected, found)

    def check_sound_parts(
        self, rules: Callable[[dict[str, Any]], object], structural: list[Problem]
    ) -> None:
        """Run `rules` on a record whose structure failed with the `structural` problems.
        A field with a structural problem is not told of again by a rule."""
        self.sound_parts_only = True
        if isinstance(self.doc.data, dict):
            self.part(rules, self.doc.data)
        told = {p.field for p in structural}
        self.problems = structural + [p for p in self.problems if not _within(p.field, told)]

    def part(self, make: Callable[..., T], *args: Any) -> T | None:
        """`make(*args)`; when only sound parts are checked, None for a part that the
        structural failure left unusable."""
        if not self.sound_parts_only:
            return make(*args)
        try:
            return make(*args)
        except _MALFORMED:
            return None

    def each(self, data: dict[str, Any], name: str, make: Callable[..., T], *args: Any) -> list[T]:
        """Each item of the list field `name`, made by `make(index, item, *args)`."""
        items = data.get(name, [])
        if not isinstance(items, list):  # only when the structure failed
            return []
        made = [self.part(make, index, item, *args) for index, item in enumerate(items)]
        return [item for item in made if item is not None]


def _within(field: str, fields: set[str]) -> bool:
    """Whether `field` is one of `fields` or inside one: questions[1].outcome is inside
    questions[1]."""
    return any(field == f or field.startswith((f"{f}.", f"{f}[")) for f in fields)


def question_order(number: str) -> tuple[int, str]:
    """Question and part numbers in the record's order: 2, 2a, 10."""
    digits = re.match(r"\d+", number)
    return (int(digits.group()) if digits else 0, number)
