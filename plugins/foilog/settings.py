"""Every FOILOG_* setting is read and checked here, and nowhere else. See docs/settings.md."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .contrast import AA_TEXT, TEXT, WHITE, contrast_ratio
from .register import ExemptionRegister, RegisterError

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_BRAND = {
    "primary": "#1d3c6e",  # header and footer background
    "link": "#1a5ea8",
    "focus": "#ffbf47",  # focus highlight
}
# What each brand colour must stand out against: (its background or text, what that is).
BRAND_PAIRS = {
    "primary": (WHITE, "the white header text"),
    "link": (WHITE, "the white page"),
    "focus": (TEXT, "the #0b0c0c focused text"),
}
COMPLIANCE = ("full", "partial", "not")
ENFORCEMENT = ("great-britain", "northern-ireland")
KNOWN_ISSUE = (
    "Some attachments, such as PDF documents and spreadsheets, come from other systems and "
    "may not be fully accessible to screen reader software."
)
KNOWN = {
    "FOILOG_DISCLOSURES_PATH",
    "FOILOG_PER_PAGE",
    "FOILOG_EXEMPTIONS",
    "FOILOG_AUTHORITY",
    "FOILOG_LOGO",
    "FOILOG_BRAND",
    "FOILOG_ACCESSIBILITY",
}


class SettingsError(ValueError):
    pass


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


@dataclass(frozen=True)
class SiteSettings:
    sitename: str
    siteurl: str
    disclosures_path: Path
    per_page: int
    authority: str
    logo: str | None
    brand: dict[str, str]
    accessibility: AccessibilitySettings
    register: ExemptionRegister = field(repr=False)
    # Problems worth telling staff that do not stop the build, one line each.
    warnings: tuple[str, ...] = ()


def read_settings(settings: dict[str, Any]) -> SiteSettings:
    """Check the site's settings and return them typed; raise SettingsError listing every fault."""
    faults: list[str] = []
    unknown = sorted(k for k in settings if k.startswith("FOILOG_") and k not in KNOWN)
    faults += [f"{k}: unknown setting (known: {', '.join(sorted(KNOWN))})" for k in unknown]

    def get(name: str, default: Any, kind: type | tuple[type, ...], what: str) -> Any:
        value = settings.get(name, default)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            faults.append(f"{name}: expected {what}; found {value!r}")
            return default
        return value

    sitename = get("SITENAME", "Disclosure log", str, "text")
    per_page = get("FOILOG_PER_PAGE", 20, int, "a whole number of at least 1")
    if per_page < 1:
        faults.append(f"FOILOG_PER_PAGE: expected a whole number of at least 1; found {per_page}")
    brand = {**DEFAULT_BRAND, **get("FOILOG_BRAND", {}, dict, "a mapping of colour names")}
    for name, colour in brand.items():
        if name not in DEFAULT_BRAND:
            faults.append(
                f"FOILOG_BRAND: unknown colour {name!r} (known: {', '.join(DEFAULT_BRAND)})"
            )
        elif not isinstance(colour, str) or not _COLOUR.match(colour):
            faults.append(
                f"FOILOG_BRAND[{name!r}]: expected a colour such as #1d3c6e; found {colour!r}"
            )
    colours_ok = all(isinstance(c, str) and _COLOUR.match(c) for c in brand.values())
    warnings = brand_warnings(brand) if colours_ok and set(brand) == set(DEFAULT_BRAND) else []
    accessibility = _read_accessibility(
        get("FOILOG_ACCESSIBILITY", {}, dict, "a mapping of statement fields"), faults
    )
    try:
        register = ExemptionRegister.load(
            get("FOILOG_EXEMPTIONS", {}, dict, "a mapping of act to sections")
        )
    except RegisterError as error:
        faults.append(f"FOILOG_EXEMPTIONS: {error}")
        register = ExemptionRegister.load()
    result = SiteSettings(
        sitename=sitename,
        siteurl=get("SITEURL", "", str, "an address such as https://foi.example.org").rstrip("/"),
        disclosures_path=Path(get("FOILOG_DISCLOSURES_PATH", "disclosures", str, "a folder path")),
        per_page=per_page,
        authority=get("FOILOG_AUTHORITY", sitename, str, "text"),
        logo=get("FOILOG_LOGO", None, (str, type(None)), "a path under the site, or None"),
        brand=brand,
        accessibility=accessibility,
        register=register,
        warnings=tuple(warnings),
    )
    if not result.disclosures_path.is_dir():
        faults.append(
            "FOILOG_DISCLOSURES_PATH: expected a folder of records; "
            f"found no folder {result.disclosures_path}"
        )
    if faults:
        raise SettingsError("\n".join(faults))
    return result


def brand_warnings(brand: dict[str, str]) -> list[str]:
    """One line for each brand colour that fails WCAG AA against what it sits behind or under."""
    lines = []
    for name, (other, what) in BRAND_PAIRS.items():
        ratio = contrast_ratio(brand[name], other)
        if ratio < AA_TEXT:
            lines.append(
                f"FOILOG_BRAND[{name!r}]: {brand[name]} has a contrast of {ratio:.2f}:1 against "
                f"{what}; WCAG AA needs at least {AA_TEXT}:1"
            )
    return lines


def _read_accessibility(given: dict[str, Any], faults: list[str]) -> AccessibilitySettings:
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
