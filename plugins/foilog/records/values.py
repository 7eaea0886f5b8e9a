"""Every value in a record is one the site can publish: text without control characters,
and numbers that are finite and small enough for a spreadsheet to keep exactly.

These checks look at every value, wherever it is, so that they hold for fields the schema
gains later too. YAML can write any character as an escape ("\\x01") and any number as
`.nan`, `.inf` or `1e999`; none of them belongs in an HTML page, a feed or a CSV file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from foilog.records.yaml_source import Path_

LARGEST_NUMBER = 10**15  # below 2**53, so every whole number up to it is exact as a float
# Control characters but tab and line breaks; lone surrogates; the non-characters
# (U+FDD0 to U+FDEF, and the last two code points of every plane).
_BAD_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)


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
    found = _BAD_CHARACTER.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def _magnitude(number: int | float) -> str:
    """The number, or its size when written out it would be too long to read."""
    if isinstance(number, float) or number.bit_length() <= 64:
        return repr(number)
    return f"a number of about {int(number.bit_length() * math.log10(2)) + 1} digits"
