"""Where the log sits in a site: FOILOG_URL_PREFIX and FOILOG_BASE_TEMPLATE."""

from __future__ import annotations

import re
from typing import Any

# The log's own full page, which every log page extends unless a site names its theme's base.
OWN_BASE_TEMPLATE = "foilog/base.html"
# One folder name of a web address: letters, digits, dot, hyphen and underscore.
_SEGMENT = re.compile(r"^[A-Za-z0-9._-]+$")


def read_url_prefix(settings: dict[str, Any], faults: list[str]) -> str:
    """FOILOG_URL_PREFIX as '' (the log is the whole site) or folders ending in '/': 'foi/'."""
    value = settings.get("FOILOG_URL_PREFIX", "")
    if not isinstance(value, str):
        faults.append(f"FOILOG_URL_PREFIX: expected a path such as foi/; found {value!r}")
        return ""
    segments = [s for s in value.strip().strip("/").split("/")]
    if segments == [""]:
        return ""
    if not all(_SEGMENT.match(s) and s not in (".", "..") for s in segments):
        faults.append(
            "FOILOG_URL_PREFIX: expected a path such as foi/ (letters, digits, '.', '-' and "
            f"'_' between slashes); found {value!r}"
        )
        return ""
    return "/".join(segments) + "/"


def read_base_template(settings: dict[str, Any], faults: list[str]) -> str:
    """FOILOG_BASE_TEMPLATE: a template name such as base.html, found in the site's theme."""
    value = settings.get("FOILOG_BASE_TEMPLATE", OWN_BASE_TEMPLATE)
    if not isinstance(value, str) or not value.strip():
        faults.append(
            f"FOILOG_BASE_TEMPLATE: expected a template name such as base.html; found {value!r}"
        )
        return OWN_BASE_TEMPLATE
    return value.strip()
