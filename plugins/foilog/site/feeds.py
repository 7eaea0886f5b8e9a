"""Atom feeds of the log: the whole log, and one per topic and per exemption.

Links are absolute (`SiteSettings.absolute_url`): while SITEURL is empty in development
they point at http://localhost:8000, where `make serve` serves the site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from feedgenerator import Atom1Feed

from foilog.records.model import Disclosure
from foilog.records.register import ExemptionEntry
from foilog.settings import SiteSettings

ALL_FEED_URL = "feeds/all.atom.xml"
SUMMARY_LENGTH = 300


def topic_feed_url(slug: str) -> str:
    return f"feeds/topics/{slug}.atom.xml"


def exemption_feed_url(entry: ExemptionEntry) -> str:
    return f"feeds/exemptions/{entry.slug}.atom.xml"


def summary(disclosure: Disclosure) -> str:
    """Plain text: the reference, outcome and exemptions, then what was asked."""
    d = disclosure
    lines = [f"Reference: {d.reference}.", f"Outcome: {d.outcome_label}."]
    if d.exemptions:
        cited = "; ".join(f"{e.label} ({e.entry.title})" for e in d.exemptions)
        lines.append(f"Exemptions: {cited}.")
    asked = " ".join(" ".join((q.text or "").split()) for q in d.questions)
    if len(asked) > SUMMARY_LENGTH:
        asked = asked[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    lines.append(f"Asked: {asked}")
    return "\n".join(lines)


def _moment(disclosure: Disclosure, fallback: dt.datetime) -> dt.datetime:
    date = disclosure.date
    if date is None:
        return fallback
    return dt.datetime.combine(date.earliest(), dt.time(), tzinfo=dt.UTC)


def atom_feed(
    site: SiteSettings, title: str, page_url: str, feed_url: str, disclosures: Sequence[Disclosure]
) -> str:
    """The newest `site.feed_items` disclosures as an Atom document. A record with no date
    takes the newest date in the feed, so that every entry has the 'updated' Atom needs."""
    base = site.absolute_url
    newest = disclosures[: site.feed_items]
    dated = [d.date.earliest() for d in newest if d.date]
    latest = dt.datetime.combine(max(dated, default=dt.date(2000, 1, 1)), dt.time(), dt.UTC)
    feed = Atom1Feed(
        title=f"{title} – {site.sitename}",
        link=f"{base}/{page_url}",
        feed_url=f"{base}/{feed_url}",
        description=f"New responses from {site.authority}",
        language="en-GB",
        author_name=site.authority,
    )
    for d in newest:
        moment = _moment(d, latest)
        feed.add_item(
            title=f"{d.title} ({d.reference})",
            link=f"{base}/{d.url}",
            unique_id=f"{base}/{d.url}",
            description=summary(d),
            pubdate=moment,
            updateddate=moment,
            categories=[d.outcome_label, *d.topics, *(e.label for e in d.exemptions)],
        )
    return feed.writeString("utf-8")
