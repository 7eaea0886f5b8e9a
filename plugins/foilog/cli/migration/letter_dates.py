"""Dates as UK letters write them, and which of them say when a request came and was answered.

Forms: "3rd April 2025", "3 Apr 2025", "3rd of April, 2025", "April 3rd 2025", "03/04/2025",
"3.4.25", "2025-04-03", and a month alone, "April 2025". Numeric dates are day first.
Only dates the letter labels are taken: "Date of request:", "received on", "your email
dated", "Date of response:", or the letter's own date on a line by itself near the top.
A date in running text ("from 1st November 2022 to date") is never taken as either.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FORMS = [
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.I),  # 3rd April 2025
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # April 3rd, 2025
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # ISO
    re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)?\d\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I),  # April 2025: the month only
]
_RECEIVED = re.compile(
    r"(?:date\s+(?:of\s+)?(?:your\s+)?(?:request|receipt)|date\s+received|request\s+date|"
    r"received(?:\s+by\s+[^.\n]{1,60}?)?\s+on|"
    r"your\s+(?:e-?mail|letter|request|correspondence|application)(?:\s+for\s+information)?"
    r"(?:\s+(?:of|dated|received(?:\s+on)?))|"
    r"request\s+for\s+information\s+(?:dated|of|received\s+on))"
    r"[\s:|,-]*(?:the\s+)?$",
    re.I,
)
_RESPONDED = re.compile(
    r"(?:date\s+of\s+(?:response|reply|disclosure|decision)|response\s+date|date\s+responded|"
    r"date\s+sent|^date)[\s:|,-]*$",
    re.I,
)
_LETTER_TOP = 15  # lines: the letter's own date stands alone near the top


def parse_date(text: str) -> tuple[str, int, int] | None:
    """(ISO date or month, start, end) of the first date in `text`, or None."""
    found = []
    for form in _FORMS:
        match = form.search(text)
        if match and (iso := _iso(match)):
            found.append((match.start(), -len(match.group()), iso, match.end()))
    if not found:
        return None
    start, _, iso, end = min(found)
    return iso, start, end


def _iso(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    month_text = parts["month"].lower()
    month = _MONTHS.get(month_text) or (int(month_text) if month_text.isdigit() else 0)
    year = int(parts["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        if parts.get("day") is None:
            return dt.date(year, month, 1).strftime("%Y-%m")
        return dt.date(year, month, int(parts["day"])).isoformat()
    except ValueError:
        return None


def letter_dates(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """(received, responded, notes): each only where the letter labels it."""
    received = responded = None
    notes: list[str] = []
    for index, line in enumerate(lines):
        for found in _dates_in(line, lines[index + 1] if index + 1 < len(lines) else ""):
            label, iso = found
            if _RECEIVED.search(label) and received is None:
                received = iso
            elif _RESPONDED.search(label) and responded is None:
                responded = iso
    if responded is None:
        for line in lines[:_LETTER_TOP]:
            parsed = parse_date(line)
            if parsed and not line[: parsed[1]].strip(" ,") and not line[parsed[2] :].strip(" ."):
                responded = parsed[0]
                notes.append(f"responded: the date standing alone at the top, {responded}")
                break
    if (received and responded and received[:7] > responded[:7]) or (
        received and responded and len(received) == len(responded) == 10 and received > responded
    ):
        notes.append(f"received: {received} is after the response; left out")
        received = None
    return received, responded, notes


def _dates_in(line: str, next_line: str) -> list[tuple[str, str]]:
    """(the words before, date) for each date in the line; a label alone on its line takes
    the date on the next line ("Date of response" / "September 2024")."""
    found = []
    rest, offset = line, 0
    while parsed := parse_date(rest):
        iso, start, end = parsed
        found.append((line[: offset + start], iso))
        rest, offset = rest[end:], offset + end
    if not found and next_line and (parsed := parse_date(next_line)) and parsed[1] == 0:
        found.append((line, parsed[0]))
    return found
