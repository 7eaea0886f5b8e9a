"""Small counts told in words: "Three officers were dismissed", "Fireworks (3 arrests)".

A number from 1 to the threshold minus 1, in digits or words, next to a noun that counts
people or incidents, in an answer, the response, an exemption's reason, a text table's
cell or any table's row or column label. Words can say the same as a table, so this is a
finding; it is often a count of something else, so a review entry accepts it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from foilog.guard.findings import Finding
from foilog.guard.personal_data import text_fields
from foilog.guard.tables import cell_finding
from foilog.guard.words import word_list
from foilog.records.model import Disclosure
from foilog.records.problems import field_name
from foilog.records.yaml_source import Path_

NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
# Words that may stand between the number and the noun: "3 police officers", "two female
# staff"; not "one of our officers" or "two or more complaints".
_BETWEEN = r"(?:(?!(?:of|or|and|to|in|the|our|their|per|were|was|who|which)\b)[a-z-]+\s+){0,2}"
_COUNT = re.compile(
    rf"(?<![\w£$€#./-])(\d+|{'|'.join(NUMBER_WORDS)})\s+{_BETWEEN}"
    rf"({'|'.join(sorted(word_list('count_nouns'), key=len, reverse=True))})\b(?![-%])",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"(\w+)\W*$")
# Fields where a count is told: answers, the response, exemption reasons, figure labels.
_TOLD_IN = ("answer", "response", "reason", "public_interest", "rows", "columns")


@lru_cache(maxsize=65536)
def small_counts(line: str, threshold: int) -> tuple[str, ...]:
    """Each "number noun" in `line` whose number is from 1 to threshold - 1."""
    found = []
    for match in _COUNT.finditer(line):
        before = _LAST_WORD.search(line[: match.start()])
        if before and before.group(1).casefold() in word_list("naming_words"):
            continue
        word = match.group(1).casefold()
        number = int(word) if word.isdigit() else NUMBER_WORDS.index(word) + 1
        if 1 <= number < threshold:
            found.append(" ".join(match.group().split()))
    return tuple(found)


def text_count_findings(disclosure: Disclosure, threshold: int) -> list[Finding]:
    findings = []
    for path, text in text_fields(disclosure):
        in_text_table = path[0] == "figures" and path[2] == "values"
        if not in_text_table and not any(step in _TOLD_IN for step in path):
            continue
        lines = text.splitlines()
        for number, line in enumerate(lines, 1):
            for said in small_counts(line, threshold):
                found = f'"{said}" tells a count below the threshold of {threshold}'
                fix = (
                    f'write "fewer than {threshold}" instead; if it does not count people or '
                    "incidents, add a review entry"
                )
                if in_text_table:
                    findings.append(_text_cell_finding(disclosure, path, found, fix))
                    continue
                place = field_name(path) + (f" line {number}" if len(lines) > 1 else "")
                findings.append(
                    Finding(
                        disclosure.source,
                        disclosure.line_of(path),
                        place,
                        "small-number-in-text",
                        found,
                        fix,
                    )
                )
    return findings


def _text_cell_finding(disclosure: Disclosure, path: Path_, found: str, fix: str) -> Finding:
    index, row = int(path[1]), int(path[3])
    column = int(path[4]) if len(path) > 4 else 0
    table = disclosure.figures[index]
    return cell_finding(
        disclosure, index, table, ("cell", row, column), "small-number-in-text", found, fix
    )
