"""FOILOG_ACCESSIBILITY: what the accessibility statement says, read and checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

COMPLIANCE = ("full", "partial", "not")
ENFORCEMENT = ("great-britain", "northern-ireland")
KNOWN_ISSUE = (
    "Some attachments, such as PDF documents and spreadsheets, come from other systems and "
    "may not be fully accessible to screen reader software."
)


@dataclass(frozen=True)
class AccessibilitySettings:
    """What the accessibility statement says; see FOILOG_ACCESSIBILITY in docs/settings.md."""

    status: str = "partial"
    issues: tuple[str, ...] = (KNOWN_ISSUE,)
    contact_email: str | None = None
    contact_phone: str | None = None
    reply_days: int = 5
    enforcement: str = "great-britain"
    prepared_on: dt.date | None = None
    tested_on: dt.date | None = None
    tested_by: str = "our own staff"


def read_accessibility(given: dict[str, Any], faults: list[str]) -> AccessibilitySettings:
    defaults = AccessibilitySettings()
    known = set(AccessibilitySettings.__dataclass_fields__)
    for name in sorted(set(given) - known):
        faults.append(
            f"FOILOG_ACCESSIBILITY: unknown field {name!r} (known: {', '.join(sorted(known))})"
        )

    def fault(name: str, what: str) -> None:
        faults.append(f"FOILOG_ACCESSIBILITY[{name!r}]: expected {what}; found {given[name]!r}")

    status = given.get("status", defaults.status)
    if status not in COMPLIANCE:
        fault("status", "one of " + ", ".join(COMPLIANCE))
        status = defaults.status
    issues = given.get("issues", () if status == "full" else defaults.issues)
    if not isinstance(issues, list | tuple) or not all(isinstance(i, str) for i in issues):
        fault("issues", "a list of sentences")
        issues = defaults.issues
    elif status == "full" and issues:
        fault("issues", "no issues when the status is 'full'")
    enforcement = given.get("enforcement", defaults.enforcement)
    if enforcement not in ENFORCEMENT:
        fault("enforcement", "one of " + ", ".join(ENFORCEMENT))
        enforcement = defaults.enforcement
    reply_days = given.get("reply_days", defaults.reply_days)
    if isinstance(reply_days, bool) or not isinstance(reply_days, int) or reply_days < 1:
        fault("reply_days", "a whole number of working days, at least 1")
        reply_days = defaults.reply_days

    def text(name: str, optional: bool) -> Any:
        value = given.get(name, getattr(defaults, name))
        if (value is None and optional) or isinstance(value, str):
            return value
        fault(name, "text")
        return getattr(defaults, name)

    def date(name: str) -> dt.date | None:
        value = given.get(name)
        try:
            return None if value is None else dt.date.fromisoformat(str(value))
        except ValueError:
            fault(name, "a date such as 2025-06-30")
            return None

    return AccessibilitySettings(
        status=status,
        issues=tuple(issues),
        contact_email=text("contact_email", optional=True),
        contact_phone=text("contact_phone", optional=True),
        reply_days=reply_days,
        enforcement=enforcement,
        prepared_on=date("prepared_on"),
        tested_on=date("tested_on"),
        tested_by=text("tested_by", optional=False),
    )
