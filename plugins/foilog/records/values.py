"""Every value in a record is one the site can publish: text without control characters,
and numbers that are finite and small enough for a spreadsheet to keep exactly.

These checks look at every value, wherever it is, so that they hold for fields the schema
gains later too. YAML can write any character as an escape ("\\x01") and any number as
`.nan`, `.inf` or `1e999`; none of them belongs in an HTML page, a feed or a CSV file.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator
from typing import Any

from foilog.records.yaml_source import Path_

LARGEST_NUMBER = 10**15  # below 2**53, so every whole number up to it is exact as a float
_ALLOWED_CONTROLS = "\t\n\r"


def value_problems(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str, str]]:
    """(path, expected, found) for every text or number that cannot be published."""
    if isinstance(value, str):
        bad = bad_character(value)
        if bad is not None:
            yield path, "text without control characters", f"the character {bad}"
    elif isinstance(value, float) and not math.isfinite(value):
        yield path, "a finite number", "nan" if math.isnan(value) else repr(value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if abs(value) >= LARGEST_NUMBER:
            yield path, f"a number smaller than {LARGEST_NUMBER:,}", _magnitude(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from value_problems(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from value_problems(item, (*path, index))


def bad_character(text: str) -> str | None:
    """The first control character, lone surrogate or non-character in `text`, as U+XXXX."""
    if text.isprintable():
        return None
    for character in text:
        category = unicodedata.category(character)
        if (
            (category == "Cc" and character not in _ALLOWED_CONTROLS)
            or category == "Cs"
            or _non_character(character)
        ):
            return f"U+{ord(character):04X}"
    return None


def _non_character(character: str) -> bool:
    point = ord(character)
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def _magnitude(number: int | float) -> str:
    """The number, or its size when written out it would be too long to read."""
    if isinstance(number, float) or number.bit_length() <= 64:
        return repr(number)
    return f"a number of about {int(number.bit_length() * math.log10(2)) + 1} digits"
