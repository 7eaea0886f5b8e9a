"""Cookie consent: the optional cookie categories (FOILOG_COOKIE_CATEGORIES, read and
checked here for foilog.settings), and what the consent script is told of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from foilog.core.translation import N_

WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
_CATEGORY_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_DATA_ATTRIBUTE = re.compile(r"^data-[a-z0-9-]+$")

# The one essential cookie: it remembers the visitor's choices. The consent script
# (site/static/js/cookie-consent.js) reads its name from the configuration below, so this is
# the only place it is spelt.
CONSENT_COOKIE = "cookie_consent"
# The titles of the usual categories, which the catalogues translate; another category's
# title is its name with a capital letter, unless the site gives one.
CATEGORY_TITLES = {
    "analytics": N_("Analytics"),
    "preferences": N_("Preferences"),
    "marketing": N_("Marketing"),
}


@dataclass(frozen=True, slots=True)
class CookieInfo:
    name: str  # a trailing * matches any ending, as in "_ga_*"
    purpose: str
    expiry: str

    @property
    def wildcard(self) -> bool:
        return self.name.endswith("*")


@dataclass(frozen=True, slots=True)
class OptionalScript:
    src: str
    attributes: dict[str, str]  # data-* attributes only


@dataclass(frozen=True, slots=True)
class CookieCategory:
    name: str  # "analytics": the key stored in the consent cookie
    title: str  # "Analytics"
    description: str
    cookies: tuple[CookieInfo, ...]
    scripts: tuple[OptionalScript, ...]
    hosts: tuple[str, ...]  # other origins the scripts contact, for the security policy


# The only essential cookie: consent itself.
ESSENTIAL_COOKIES = (
    CookieInfo(
        name=CONSENT_COOKIE,
        purpose=N_("Remembers your cookie choices, and the version of the cookie policy"),
        expiry=N_("12 months, or sooner if the cookie policy changes"),
    ),
)


def consent_config(version: str, categories: tuple[CookieCategory, ...]) -> dict[str, Any]:
    """What cookie-consent.js needs: read from a data attribute, so no inline script."""
    return {
        "cookie": CONSENT_COOKIE,
        "version": version,
        "categories": [
            {
                "name": category.name,
                "cookies": [cookie.name for cookie in category.cookies],
                "scripts": [
                    {"src": script.src, "attributes": script.attributes}
                    for script in category.scripts
                ],
            }
            for category in categories
        ],
    }


def read_cookie_categories(
    items: list[Any] | tuple[Any, ...], faults: list[str]
) -> tuple[CookieCategory, ...]:
    """FOILOG_COOKIE_CATEGORIES, checked item by item so that every fault is reported."""
    categories: list[CookieCategory] = []
    for index, item in enumerate(items):
        where = f"FOILOG_COOKIE_CATEGORIES[{index}]"
        if not isinstance(item, dict):
            faults.append(f"{where}: expected a mapping with name and description; found {item!r}")
            continue
        unknown = sorted(
            set(item) - {"name", "title", "description", "cookies", "scripts", "hosts"}
        )
        if unknown:
            faults.append(f"{where}: unknown field {', '.join(unknown)}")
        name = item.get("name")
        if not isinstance(name, str) or not _CATEGORY_NAME.match(name):
            faults.append(
                f"{where}.name: expected lower-case letters such as analytics; found {name!r}"
            )
            continue
        if name in {c.name for c in categories}:
            faults.append(f"{where}.name: {name!r} is listed twice")
        description = item.get("description")
        if not isinstance(description, str) or not description.strip():
            faults.append(f"{where}.description: expected text; found {description!r}")
            description = ""
        title = item.get("title", CATEGORY_TITLES.get(name, name.replace("-", " ").capitalize()))
        if not isinstance(title, str):
            faults.append(f"{where}.title: expected text; found {title!r}")
            title = name
        categories.append(
            CookieCategory(
                name=name,
                title=title,
                description=description.strip(),
                cookies=tuple(_cookies(item.get("cookies", []), f"{where}.cookies", faults)),
                scripts=tuple(_scripts(item.get("scripts", []), f"{where}.scripts", faults)),
                hosts=tuple(_hosts(item.get("hosts", []), f"{where}.hosts", faults)),
            )
        )
    return tuple(categories)


def _cookies(items: Any, where: str, faults: list[str]) -> list[CookieInfo]:
    fields = ("name", "purpose", "expiry")
    if not isinstance(items, list | tuple):
        faults.append(f"{where}: expected a list of cookies; found {items!r}")
        return []
    cookies = []
    for index, item in enumerate(items):
        if (
            not isinstance(item, dict)
            or sorted(item) != sorted(fields)
            or not all(isinstance(item[f], str) and item[f].strip() for f in fields)
        ):
            faults.append(
                f"{where}[{index}]: expected name, purpose and expiry as text; found {item!r}"
            )
            continue
        cookies.append(CookieInfo(**{f: item[f].strip() for f in fields}))
    return cookies


def _scripts(items: Any, where: str, faults: list[str]) -> list[OptionalScript]:
    if not isinstance(items, list | tuple):
        faults.append(f"{where}: expected a list of scripts; found {items!r}")
        return []
    scripts = []
    for index, item in enumerate(items):
        src = item.get("src") if isinstance(item, dict) else None
        attributes = item.get("attributes", {}) if isinstance(item, dict) else None
        on_site = isinstance(src, str) and src.startswith("/") and not src.startswith("//")
        if not isinstance(src, str) or not (WEB_ADDRESS.match(src) or on_site):
            faults.append(
                f"{where}[{index}].src: expected a script address such as https://… "
                f"or /static/…; found {src!r}"
            )
            continue
        if not isinstance(attributes, dict) or not all(
            isinstance(k, str) and _DATA_ATTRIBUTE.match(k) and isinstance(v, str)
            for k, v in attributes.items()
        ):
            faults.append(
                f"{where}[{index}].attributes: expected data-* attributes with text values; "
                f"found {attributes!r}"
            )
            continue
        if sorted(item) not in (["src"], ["attributes", "src"]):
            faults.append(
                f"{where}[{index}]: expected only src and attributes; found {sorted(item)}"
            )
        scripts.append(OptionalScript(src=src, attributes=dict(attributes)))
    return scripts


def _hosts(items: Any, where: str, faults: list[str]) -> list[str]:
    hosts = list(items) if isinstance(items, list | tuple) else [items]
    good = [h for h in hosts if isinstance(h, str) and WEB_ADDRESS.match(h)]
    if len(good) != len(hosts):
        faults.append(
            f"{where}: expected a list of addresses such as https://example.org; found {items!r}"
        )
    return good
