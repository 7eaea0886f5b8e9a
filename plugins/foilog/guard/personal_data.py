"""Personal data in the record's free text: patterns that look like details of a person."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from foilog.guard.findings import Finding
from foilog.records.model import Disclosure
from foilog.records.problems import field_name
from foilog.records.yaml_source import Path_

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"


@dataclass(frozen=True)
class Pattern:
    rule: str
    what: str
    regex: re.Pattern[str]


PATTERNS = [
    Pattern(
        "email-address",
        "an email address",
        re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    ),
    Pattern(
        "uk-phone-number",
        "a UK phone number",
        re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)[1-9](?:[\s)-]{0,2}\d){8,9}(?![\d-])"),
    ),
    Pattern(
        "national-insurance-number",
        "a National Insurance number",
        re.compile(
            r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
            r"\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b",
            re.IGNORECASE,
        ),
    ),
    Pattern(
        "postcode",
        "a full postcode",
        # A full postcode has its inward part ("1AB"); a district alone ("NS1") is allowed.
        re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b"),
    ),
    Pattern(
        "vehicle-registration",
        "a vehicle registration",
        re.compile(r"\b(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-HJ-PR-Y]\d{1,3}\s?[A-Z]{3})\b"),
    ),
    Pattern(
        "date-of-birth",
        "a date of birth",
        re.compile(
            r"\b(?:date\s+of\s+birth|d\.?o\.?b\.?|born(?:\s+on)?)\s*(?:is|was|:|-)?\s*"
            rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[\s/.-]+(?:\d{{1,2}}|{_MONTH})[\s/.,-]+\d{{2,4}}"
            rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})",
            re.IGNORECASE,
        ),
    ),
    Pattern(
        "card-number",
        "a payment card number",
        re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])"),
    ),
]


class TextMatch(NamedTuple):
    """Something in a text that looks like a detail of a person."""

    line: int  # the line of the text it is on, from 1
    rule: str
    what: str  # "an email address (jo…uk)": masked, so build logs do not copy it whole


def scan_text(text: str, contacts: tuple[str, ...] = ()) -> list[TextMatch]:
    """Every personal detail in `text` that is not one of the authority's own `contacts`.
    The one scanner for record fields and for what attachments say."""
    allowed = {_normal(c) for c in contacts}
    return [
        TextMatch(number, pattern.rule, f"{pattern.what} ({_masked(match)})")
        for number, line in enumerate(text.splitlines() or [""], 1)
        for pattern, match in _matches(line)
        if _normal(match) not in allowed
    ]


def personal_data_findings(disclosure: Disclosure, contacts: tuple[str, ...]) -> list[Finding]:
    findings = []
    for path, text in text_fields(disclosure):
        several_lines = len(text.splitlines()) > 1
        for match in scan_text(text, contacts):
            place = field_name(path) + (f" line {match.line}" if several_lines else "")
            findings.append(
                Finding(
                    disclosure.source,
                    disclosure.line_of(path),
                    place,
                    match.rule,
                    match.what,
                    "remove or redact it; if it is the authority's own published "
                    "contact, add it to FOILOG_GUARD_CONTACTS",
                )
            )
    return findings


@lru_cache(maxsize=65536)
def _matches(line: str) -> tuple[tuple[Pattern, str], ...]:
    """Each pattern found in a line; standard wording repeated across records is read once."""
    return tuple(_find(line))


def _find(line: str) -> Iterator[tuple[Pattern, str]]:
    taken: list[tuple[int, int]] = []  # a phone number is not also a card number
    for pattern in PATTERNS:
        for match in pattern.regex.finditer(line):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if pattern.rule == "card-number" and not _luhn(match.group()):
                continue
            taken.append((start, end))
            yield pattern, match.group()


def text_fields(disclosure: Disclosure) -> Iterator[tuple[Path_, str]]:
    """Every published free-text field, with its path in the record."""
    yield ("title",), disclosure.title
    for q, question in enumerate(disclosure.questions):
        if question.text:
            yield ("questions", q, "text"), question.text
        if question.answer:
            yield ("questions", q, "answer"), question.answer
        for p, part in enumerate(question.parts):
            if part.text:
                yield ("questions", q, "parts", p, "text"), part.text
            if part.answer:
                yield ("questions", q, "parts", p, "answer"), part.answer
    for e, exemption in enumerate(disclosure.exemptions):
        if exemption.reason:
            yield ("exemptions", e, "reason"), exemption.reason
        if exemption.public_interest:
            yield ("exemptions", e, "public_interest"), exemption.public_interest
        if exemption.ncnd_scope:
            yield ("exemptions", e, "ncnd_scope"), exemption.ncnd_scope
    for f, table in enumerate(disclosure.figures):
        yield ("figures", f, "caption"), table.caption
        if table.note:
            yield ("figures", f, "note"), table.note
        for r, label in enumerate(table.rows):
            yield ("figures", f, "rows", r), label
        for c, label in enumerate(table.columns):
            yield ("figures", f, "columns", c), label
        if table.unit == "text":
            for r, row in enumerate(table.cells):
                for c, cell in enumerate(row):
                    path: Path_ = (
                        ("figures", f, "values", r, c)
                        if table.columns
                        else ("figures", f, "values", r)
                    )
                    yield path, str(cell.raw)
    for r, redirection in enumerate(disclosure.redirections):
        yield ("redirections", r, "body"), redirection.body
        yield ("redirections", r, "about"), redirection.about
    if disclosure.response:
        yield ("response",), disclosure.response
    for a, attachment in enumerate(disclosure.attachments):
        yield ("attachments", a, "title"), attachment.title
        if attachment.reason:
            yield ("attachments", a, "reason"), attachment.reason
    for h, event in enumerate(disclosure.history):
        yield ("history", h, "note"), event.note
        if event.text:
            yield ("history", h, "text"), event.text


def _luhn(text: str) -> bool:
    digits = [int(d) for d in text if d.isdigit()]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _normal(text: str) -> str:
    """Contact details compared without case, spaces or punctuation, +44 as a leading 0."""
    squashed = re.sub(r"[\s()\-]", "", text).casefold()
    for prefix in ("+440", "+44"):
        if squashed.startswith(prefix):
            return "0" + squashed[len(prefix) :]
    return squashed


def _masked(text: str) -> str:
    """Enough to find it in the record, without copying the whole of it into build logs."""
    return text if len(text) <= 4 else f"{text[:2]}…{text[-2:]}"
