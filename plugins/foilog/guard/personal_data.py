"""Personal data in the record's published text: details of a person, found by the rules
in `text_patterns` in each field as it is shown (see `shown_text`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from foilog.guard.findings import Finding
from foilog.guard.shown_text import shown_text
from foilog.guard.text_patterns import HIGH, PATTERNS, Pattern
from foilog.records.model import Disclosure
from foilog.records.problems import field_name
from foilog.records.translated_fields import authority_fields
from foilog.records.yaml_source import Path_


class TextMatch(NamedTuple):
    """Something in a text that looks like a detail of a person."""

    line: int  # the line of the text it is on, from 1
    rule: str
    what: str  # "an email address (jo…uk)": masked, so build logs do not copy it whole
    severity: str = HIGH  # "high" or "medium", see text_patterns
    fix: str = ""  # one sentence


def scan_text(text: str, contacts: tuple[str, ...] = ()) -> list[TextMatch]:
    """Every personal detail in `text`, read as it is shown, that is not part of one of the
    authority's own `contacts`. The one scanner for record fields and for what
    attachments say."""
    shown = shown_text(text)
    allowed = _allowed(contacts)
    return [
        TextMatch(
            shown.line_at(start),
            pattern.rule,
            f"{pattern.what} ({_masked(found)})",
            pattern.severity,
            pattern.fix,
        )
        for pattern, start, found in _matches(shown.text)
        if not any(_normal(found) in contact for contact in allowed)
    ]


def personal_data_findings(disclosure: Disclosure, contacts: tuple[str, ...]) -> list[Finding]:
    """In every published field; of a withdrawn record, only its notice is published."""
    findings = []
    fields = withdrawal_notice(disclosure) if disclosure.withdrawn else text_fields(disclosure)
    for path, text in fields:
        several_lines = len(text.splitlines()) > 1
        for match in scan_text(text, contacts):
            place = field_name(path) + (f" line {match.line}" if several_lines else "")
            findings.append(
                Finding(
                    disclosure.source,
                    disclosure.line_of(path),
                    place,
                    match.rule,
                    f"{match.what}, {match.severity} severity",
                    match.fix,
                )
            )
    return findings


@lru_cache(maxsize=65536)
def _matches(text: str) -> tuple[tuple[Pattern, int, str], ...]:
    """Each rule's matches in a shown text; standard wording repeated across records is
    read once. A span taken by one rule is not read again by a later one (a phone number
    is not also a card number)."""
    taken: list[tuple[int, int]] = []
    found = []
    for pattern in PATTERNS:
        for match in pattern.regex.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if pattern.check and not pattern.check(match):
                continue
            taken.append((start, end))
            where = match.start("found") if "found" in pattern.regex.groupindex else start
            found.append((pattern, where, pattern.found(match)))
    return tuple(sorted(found, key=lambda item: item[1]))


def text_fields(disclosure: Disclosure) -> Iterator[tuple[Path_, str]]:
    """Every free-text field that reaches a page, feed or export, with its path."""
    yield ("title",), disclosure.title
    for t, topic in enumerate(disclosure.topics):
        yield ("topics", t), topic
    for p, period in enumerate(disclosure.periods):
        yield ("periods", p, "label"), period.label
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
        if redirection.url:
            yield ("redirections", r, "url"), redirection.url
    if disclosure.response:
        yield ("response",), disclosure.response
    for a, attachment in enumerate(disclosure.attachments):
        if attachment.withdrawn:
            continue  # no longer published
        yield ("attachments", a, "title"), attachment.title
        for name in ("file", "url"):
            value = getattr(attachment, name)
            if value:
                # A file's name is shown with its words apart: "mr_irving-letter.pdf".
                yield ("attachments", a, name), re.sub(r"[_+]|%20", " ", value)
        if attachment.reason:
            yield ("attachments", a, "reason"), attachment.reason
    for h, event in enumerate(disclosure.history):
        yield ("history", h, "note"), event.note
        if event.text:
            yield ("history", h, "text"), event.text
    yield from translated_text(disclosure)


def translated_text(disclosure: Disclosure) -> Iterator[tuple[Path_, str]]:
    """Each translation the record holds (its `cy:` texts), which reach the Welsh pages."""
    for item in authority_fields(disclosure):
        for language in item.translations:
            translated = item.translated(language)
            if translated is None:
                continue
            path = (*item.translation_path(language), "text")
            if isinstance(translated.text, list):
                for index, label in enumerate(translated.text):
                    yield (*path, index), label
            else:
                yield path, translated.text


def withdrawal_notice(disclosure: Disclosure) -> Iterator[tuple[Path_, str]]:
    """What the notice at a withdrawn record's address shows: the reason."""
    for h, event in enumerate(disclosure.history):
        if event is disclosure.withdrawn:
            yield ("history", h, "note"), event.note


def _allowed(contacts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_normal(c) for c in contacts)


def _normal(text: str) -> str:
    """Contact details compared without case, spaces or punctuation, +44 as a leading 0."""
    squashed = re.sub(r"[\s().\-]", "", text).casefold()
    for prefix in ("+440", "+44", "0044"):
        if squashed.startswith(prefix):
            return "0" + squashed[len(prefix) :]
    return squashed


def _masked(text: str) -> str:
    """Enough to find it in the record, without copying the whole of it into build logs."""
    return text if len(text) <= 4 else f"{text[:2]}…{text[-2:]}"
