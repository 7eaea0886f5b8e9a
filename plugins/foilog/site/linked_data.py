"""JSON-LD: each disclosure page is a schema.org Report published by the authority (a
GovernmentOrganization); the open data page is a Dataset."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from foilog.records.model import Disclosure
from foilog.settings import SiteSettings
from foilog.site.browse import shown_topics


def disclosure_linked_data(disclosure: Disclosure, site: SiteSettings) -> dict[str, Any]:
    d = disclosure
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Report",
        "@id": f"{site.absolute_url}/{d.url}",
        "url": f"{site.absolute_url}/{d.url}",
        "name": d.title,
        "reportNumber": d.reference,
        "identifier": d.reference,
        "inLanguage": "en-GB" if site.language == "en" else site.language,  # the page's
        "publisher": {"@type": "GovernmentOrganization", "name": site.authority},
        "isPartOf": {"@type": "Collection", "name": site.sitename, "url": f"{site.absolute_url}/"},
        "keywords": shown_topics(d, site),
        "about": [e.label + ": " + e.entry.title for e in d.exemptions],
        "creativeWorkStatus": d.outcome,
    }
    if d.responded:
        data["datePublished"] = d.responded.iso
    if d.received:
        data["dateCreated"] = d.received.iso
    return data


def json_ld(disclosure: Disclosure, site: SiteSettings) -> Markup:
    return _script_safe(disclosure_linked_data(disclosure, site))


def dataset_json_ld(site: SiteSettings) -> Markup:
    return _script_safe(dataset_linked_data(site))


def _script_safe(data: dict[str, Any]) -> Markup:
    """JSON safe inside <script type="application/ld+json">: '<', '>' and '&' are
    escaped, so record text can never close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for character, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(character, escaped)
    return Markup(text)


def dataset_linked_data(site: SiteSettings) -> dict[str, Any]:
    base = site.absolute_url
    files = [
        ("disclosures.csv", "text/csv"),
        ("figures.csv", "text/csv"),
        ("disclosures.json", "application/json"),
    ]
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": f"{site.sitename}: open data",
        "description": f"Every Freedom of Information response published by {site.authority}.",
        "url": f"{base}/data/",
        "creator": {"@type": "GovernmentOrganization", "name": site.authority},
        "distribution": [
            {"@type": "DataDownload", "contentUrl": f"{base}/data/{name}", "encodingFormat": kind}
            for name, kind in files
        ],
    }
