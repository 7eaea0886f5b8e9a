"""What an attachment says, read by the same personal-data rules as a record's text, and
for small counts told in words ("Three officers were dismissed"), as a record's answers are."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

from foilog.guard.attachments.issue import Issue
from foilog.guard.personal_data import scan_text
from foilog.guard.text_counts import small_counts
from foilog.settings import GuardSettings

FIX = (
    "remove or redact it in the file and save it again; if it is the authority's own "
    "published contact, add it to FOILOG_GUARD_CONTACTS"
)


def text_issues(pieces: Iterable[tuple[str, str]], guard: GuardSettings) -> list[Issue]:
    """`pieces` are (place, text): a cell, a paragraph, a page. A text of several lines
    names the line of each match."""
    issues = []
    for place, text in pieces:
        if not text or not text.strip():
            continue
        several_lines = "\n" in text.strip()
        for match in scan_text(text, guard.contacts):
            where = f"{place} line {match.line}".strip() if several_lines else place
            # The scanner's own fix when it gives one, else the general one for files.
            issues.append(Issue(where, match.rule, match.what, getattr(match, "fix", "") or FIX))
        for number, said in _told_counts(text.splitlines(), guard.threshold):
            where = f"{place} line {number}".strip() if several_lines else place
            issues.append(_told_count(where, said, guard.threshold))
    return issues


def _told_counts(lines: list[str], threshold: int) -> list[tuple[int, str]]:
    """(line, "number noun") for each small count; one that a page's line breaks split
    ("...include 2" / "officers in 2018") is named at the line where it starts."""
    found = []
    for index, line in enumerate(lines):
        found += [(index + 1, said) for said in small_counts(line, threshold)]
        if index + 1 < len(lines):
            within = {*small_counts(line, threshold), *small_counts(lines[index + 1], threshold)}
            across = small_counts(f"{line} {lines[index + 1]}", threshold)
            found += [(index + 1, said) for said in across if said not in within]
    return found


def _told_count(place: str, said: str, threshold: int) -> Issue:
    return Issue(
        place,
        "small-number-in-text",
        f'"{said}" tells a count below the threshold of {threshold}',
        f'write "fewer than {threshold}" instead in the file and save it again; if it does '
        "not count people or incidents, add a review entry",
    )


# A link to a file on a computer or the authority's network names servers, folders, people.
_FILE_PATH = re.compile(r"^(?:file:|\\\\|[A-Za-z]:[\\/])", re.IGNORECASE)


def link_issues(place: str, target: str, guard: GuardSettings) -> list[Issue]:
    """A link's address: a path to a file, or personal data such as a mailto: address."""
    issues = []
    if _FILE_PATH.match(target):
        issues.append(
            Issue(
                place,
                "link-file-path",
                f"a link to a file at {target}",
                "remove the link, or point it at a published address",
            )
        )
    return issues + text_issues([(place, unquote(target))], guard)
