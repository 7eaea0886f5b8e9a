"""Columns of people's names in the tables of a CSV file, a worksheet or a Word document.

A name with no title, salutation or sign-off around it ("Sam Smith") is not found by the
text rules, but in a table its heading says what it is: a column headed "Name",
"Surname", "Officer" or "Victim" whose values are shaped like names lists people, as
the staff list that an FOI response once leaked in a hidden tab did. So does a row of
a form whose first cell is such a heading and whose next cell is a name ("Name" |
"Sam Smith").
"""

from __future__ import annotations

import re

from foilog.guard.attachments.count_tables import MARKER, Cell
from foilog.guard.attachments.issue import Issue
from foilog.guard.name_words import NO_NAME_WORDS, NOT_NAMES, ROLE_WORDS

# Who a column can name, alone ("Officer") or before "name" ("Officer name").
_PEOPLE = (
    r"officer|officers|staff|staff member|member of staff|employee|person|individual|"
    r"suspect|offender|victim|complainant|witness|patient|client|service user|pupil|"
    r"student|child|parent|driver|owner|applicant|requester|requestor|claimant|tenant|"
    r"resident|customer|councillor|member|author|sender|recipient|reviewer|approver|"
    r"investigating officer|case officer|case worker|caseworker|handler|contact|user"
)
_NAME = r"(?:full |first |last |given |family |middle |sur|fore)?names?"
_PERSON = rf"(?:{_PEOPLE})(?:'s|s')?"
# Headings of a column of names: "Name", "Surname", "Officer name", "Initials"; and of
# who someone is, which holds names as often as ranks or numbers: "Officer", "Created by".
NAME_HEADING = re.compile(
    rf"^(?:(?:{_PERSON}\s+)?(?:{_NAME}|initials)(?:\s+of\s+{_PERSON})?)$", re.IGNORECASE
)
# One word is enough under a heading that names a part of a name ("Surname", "Forename").
PART_HEADING = re.compile(
    rf"^(?:{_PERSON}\s+)?(?:first |last |given |family |middle |sur|fore)names?$", re.IGNORECASE
)
INITIALS_HEADING = re.compile(rf"^(?:{_PERSON}\s+)?initials$", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s*){1,4}$")
WHO_HEADING = re.compile(
    rf"^(?:{_PERSON}|(?:created|modified|assigned|reported|completed|signed|approved) by)$",
    re.IGNORECASE,
)
# Whether a text may have such a heading at all (a quick look before a PDF page is read).
HEADING_WORDS = re.compile(rf"\b(?:{_PEOPLE}|{_NAME}|initials|created by)\b", re.IGNORECASE)


def is_people_heading(text: str) -> bool:
    return bool(NAME_HEADING.match(text) or WHO_HEADING.match(text))


# "Sam Smith", "SMITH", "J. Smith", "Smith, Sam", "O'Neill-Jones": each word capitalised
# or in capitals, up to four, after up to three initials.
_WORD = r"(?:Mc|Mac|O'|O’|D'|Fitz)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]{2,}(?:-[A-Z]{2,})?"
_SHAPE = re.compile(rf"^((?:[A-Z]\.?\s+){{0,3}})({_WORD})((?:,?\s+(?:{_WORD}|[A-Z]\.?)){{0,3}})$")
# Words of teams, places and things, which make a value not a name ("Home Office").
_NOT_NAME_WORDS = {w.casefold() for w in NOT_NAMES | ROLE_WORDS | NO_NAME_WORDS} | {
    "total", "various", "recorded", "stated", "ltd", "limited", "plc", "group", "home",
    "estates", "facilities", "finance", "hr", "it", "admin",
}  # fmt: skip
_FIX = (
    'remove the names from the file (or write "Redacted"), and save it again; if they are '
    "senior staff's names that are published already, add a review entry"
)


def name_issues(rows: list[list[Cell]]) -> list[Issue]:
    """One finding for each column under a people's heading, at its first name; and one
    for each form row that gives a name."""
    issues = []
    for column in range(max((len(row) for row in rows), default=0)):
        cells = [row[column] if column < len(row) else Cell("", None) for row in rows]
        issues += _column_issues(cells)
    for row in rows:
        filled = [c for c in row if _text(c)]
        if len(filled) == 2:
            heading = _text(filled[0]).rstrip(":").strip()
            if names_a_person(heading, _text(filled[1])):
                found = f'"{heading}" is given a name'
                issues.append(Issue(filled[1].place, "name-column", found, _FIX))
    return issues


def _column_issues(cells: list[Cell]) -> list[Issue]:
    issues = []
    index = 0
    while index < len(cells):
        heading = _text(cells[index])
        index += 1
        if not is_people_heading(heading):
            continue
        names = []
        while index < len(cells) and (value := _text(cells[index])):
            if is_people_heading(value):
                break  # the heading of another table below
            if names_a_person(heading, value):
                names.append(cells[index])
            index += 1
        if names:
            found = f'the column "{heading}" holds {len(names)} value(s) shaped like names'
            issues.append(Issue(names[0].place, "name-column", found, _FIX))
    return issues


def _text(cell: Cell) -> str:
    return " ".join(cell.value.split()) if isinstance(cell.value, str) else ""


def names_a_person(heading: str, value: str) -> bool:
    if INITIALS_HEADING.match(heading):
        return _INITIALS.match(value) is not None
    shape = _SHAPE.match(value)
    if not shape or MARKER.match(value):
        return False
    words = re.findall(r"[A-Za-z'’]+", value)
    if any(word.casefold() in _NOT_NAME_WORDS for word in words):
        return False
    if PART_HEADING.match(heading):
        return True
    # "Name" (which may head a list of anything) or "Officer": a first name and a surname,
    # or an initial and a surname.
    return bool(shape.group(1)) or len(words) >= 2
