"""What an attachment says, read by the same personal-data rules as a record's text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

from foilog.guard.attachments.issue import Issue
from foilog.guard.personal_data import scan_text

FIX = (
    "remove or redact it in the file and save it again; if it is the authority's own "
    "published contact, add it to FOILOG_GUARD_CONTACTS"
)


def text_issues(pieces: Iterable[tuple[str, str]], contacts: tuple[str, ...]) -> list[Issue]:
    """`pieces` are (place, text): a cell, a paragraph, a page. A text of several lines
    names the line of each match."""
    issues = []
    for place, text in pieces:
        if not text or not text.strip():
            continue
        several_lines = "\n" in text.strip()
        for match in scan_text(text, contacts):
            where = f"{place} line {match.line}".strip() if several_lines else place
            # The scanner's own fix when it gives one, else the general one for files.
            issues.append(Issue(where, match.rule, match.what, getattr(match, "fix", "") or FIX))
    return issues


# A link to a file on a computer or the authority's network names servers, folders, people.
_FILE_PATH = re.compile(r"^(?:file:|\\\\|[A-Za-z]:[\\/])", re.IGNORECASE)


def link_issues(place: str, target: str, contacts: tuple[str, ...]) -> list[Issue]:
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
    return issues + text_issues([(place, unquote(target))], contacts)
