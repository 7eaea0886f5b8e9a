"""Every FOILOG_* setting is read and checked here, and nowhere else. See docs/settings.md."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .register import ExemptionRegister, RegisterError

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
    "FOILOG_FEED_ITEMS",
}
# Feeds, the sitemap and open data need absolute addresses. While SITEURL is empty (the
# development settings), they use the address `make serve` serves the site on.
DEVELOPMENT_SITEURL = "http://localhost:8000"


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
    cache_path: Path  # Pelican's CACHE_PATH; the Whoosh index lives in it
    feed_items: int
    register: ExemptionRegister = field(repr=False)

    @property
    def absolute_url(self) -> str:
        """SITEURL, or the development address when it is empty; no trailing slash."""
        return self.siteurl or DEVELOPMENT_SITEURL


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

    def count(name: str, default: int) -> int:
        value: int = get(name, default, int, "a whole number of at least 1")
        if value < 1:
            faults.append(f"{name}: expected a whole number of at least 1; found {value}")
        return value

    sitename = get("SITENAME", "Disclosure log", str, "text")
    per_page = count("FOILOG_PER_PAGE", 20)
    feed_items = count("FOILOG_FEED_ITEMS", 50)
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
        cache_path=Path(get("CACHE_PATH", "cache", str, "a folder path")),
        feed_items=feed_items,
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
