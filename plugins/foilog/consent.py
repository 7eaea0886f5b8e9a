"""Cookie consent: the optional cookie categories and what the consent script is told of them.

The settings are checked in settings.py; this module only holds their shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The one essential cookie: it remembers the visitor's choices. theme/static/js/cookie-consent.js
# reads its name from the configuration below, so this is the only place it is spelt.
CONSENT_COOKIE = "cookie_consent"


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
        purpose="Remembers your cookie choices, and the version of the cookie policy",
        expiry="12 months, or sooner if the cookie policy changes",
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
