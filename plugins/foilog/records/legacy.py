"""Format 1.1's legacy records: fields the original response never recorded are null.

Only a record marked `legacy: true` may leave these null; a new record keeps the rules of
version 1. The page shows a null field as "Not recorded in the original response", and a
null outcome counts as not recorded, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from foilog.records.yaml_source import Path_

_QUESTION_FIELDS = ("text", "outcome", "answer")
_EXEMPTION_FIELDS = ("reason", "public_interest")


def nullable_fields(data: dict[str, Any]) -> Iterator[Path_]:
    """The path of every field that is null where only a legacy record may have null."""
    if "outcome" in data and data["outcome"] is None:
        yield ("outcome",)
    for q_index, question in enumerate(data.get("questions") or []):
        yield from _nulls(question, ("questions", q_index), _QUESTION_FIELDS)
        for p_index, part in enumerate(question.get("parts") or []):
            yield from _nulls(part, ("questions", q_index, "parts", p_index), _QUESTION_FIELDS)
    for e_index, exemption in enumerate(data.get("exemptions") or []):
        yield from _nulls(exemption, ("exemptions", e_index), _EXEMPTION_FIELDS)


def _nulls(item: dict[str, Any], path: Path_, names: tuple[str, ...]) -> Iterator[Path_]:
    for name in names:
        if name in item and item[name] is None:
            yield (*path, name)
