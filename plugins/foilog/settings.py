"""Every FOILOG_* setting is read and checked here, and nowhere else. See docs/settings.md."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .register import ExemptionRegister, RegisterError
from .working_days import JURISDICTIONS

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_BRAND = {
    "primary": "#1d3c6e",  # header and footer background
    "link": "#1a5ea8",
    "focus": "#ffbf47",  # focus highlight
}
KNOWN = {
    "FOILOG_DISCLOSURES_PATH",
    "FOILOG_PER_PAGE",
    "FOILOG_EXEMPTIONS",
    "FOILOG_AUTHORITY",
    "FOILOG_LOGO",
    "FOILOG_BRAND",
    "FOILOG_JURISDICTION",
}


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class SiteSettings:
    sitename: str
    siteurl: str
    disclosures_path: Path
    per_page: int
    authority: str
    logo: str | None
    brand: dict[str, str]
    jurisdiction: str  # a key of working_days.JURISDICTIONS: whose bank holidays count
    register: ExemptionRegister = field(repr=False)


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
    jurisdiction = get("FOILOG_JURISDICTION", "england-and-wales", str, "text")
    if jurisdiction not in JURISDICTIONS:
        known = ", ".join(JURISDICTIONS)
        faults.append(f"FOILOG_JURISDICTION: expected one of {known}; found {jurisdiction!r}")
        jurisdiction = "england-and-wales"
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
        jurisdiction=jurisdiction,
        register=register,
    )
    if not result.disclosures_path.is_dir():
        faults.append(
            "FOILOG_DISCLOSURES_PATH: expected a folder of records; "
            f"found no folder {result.disclosures_path}"
        )
    if faults:
        raise SettingsError("\n".join(faults))
    return result
