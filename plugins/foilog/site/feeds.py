"""Atom feeds of the log: the whole log, and one per topic and per exemption, in each of
the log's languages, each language's under its own tree (/feeds/, /cy/feeds/).

Links are absolute (`SiteSettings.absolute_url`): while SITEURL is empty in development
they point at http://localhost:8000, where `make serve` serves the site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from feedgenerator import Atom1Feed

from foilog.core.translation import N_, translate
from foilog.records.model import Disclosure
from foilog.records.register import ExemptionEntry
from foilog.records.translations import in_language
from foilog.settings import SiteSettings
from foilog.site.browse import shown_topics
from foilog.site.language_filters import cited_text, entry_text

ALL_FEED_URL = "feeds/all.atom.xml"
SUMMARY_LENGTH = 300


def topic_feed_url(slug: str) -> str:
    return f"feeds/topics/{slug}.atom.xml"


def exemption_feed_url(entry: ExemptionEntry) -> str:
    return f"feeds/exemptions/{entry.slug}.atom.xml"


def exemption_name(entry: ExemptionEntry, language: str) -> str:
    """'Section 40: Personal information', in `language`."""
    return f"{entry_text(entry, language)}: {translate(entry.title, language)}"


def summary(disclosure: Disclosure, language: str) -> str:
    """Plain text: the reference, outcome and exemptions, then what was asked."""
    d = disclosure
    lines = [
        translate(N_("Reference: %(reference)s."), language) % {"reference": d.reference},
        translate(N_("Outcome: %(outcome)s."), language)
        % {"outcome": translate(d.outcome_label, language)},
    ]
    if d.exemptions:
        cited = "; ".join(
            f"{cited_text(e, language)} ({translate(e.entry.title, language)})"
            for e in d.exemptions
        )
        lines.append(translate(N_("Exemptions: %(exemptions)s."), language) % {"exemptions": cited})
    asked = " ".join(" ".join((q.text or "").split()) for q in d.questions)
    if len(asked) > SUMMARY_LENGTH:
        asked = asked[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    lines.append(translate(N_("Asked: %(asked)s"), language) % {"asked": asked})
    return "\n".join(lines)


def _moment(disclosure: Disclosure, fallback: dt.datetime) -> dt.datetime:
    date = disclosure.date
    if date is None:
        return fallback
    return dt.datetime.combine(date.earliest(), dt.time(), tzinfo=dt.UTC)


def atom_feed(
    site: SiteSettings,
    feed_language: str,
    title: str,
    page_url: str,
    feed_url: str,
    disclosures: Sequence[Disclosure],
) -> str:
    """The newest `site.feed_items` disclosures as an Atom document in `site.language`
    (`feed_language` is its xml:lang, such as en-GB), each record in that language where it
    has it. A record with no date takes the newest date in the feed, so that every entry has
    the 'updated' Atom needs."""
    base, language = site.absolute_url, site.language
    newest = [in_language(d, language) for d in disclosures[: site.feed_items]]
    dated = [d.date.earliest() for d in newest if d.date]
    latest = dt.datetime.combine(max(dated, default=dt.date(2000, 1, 1)), dt.time(), dt.UTC)
    feed = Atom1Feed(
        title=f"{title} – {site.sitename}",
        link=f"{base}/{page_url}",
        feed_url=f"{base}/{feed_url}",
        description=translate(N_("New responses from %(authority)s"), language)
        % {"authority": site.authority},
        language=feed_language,
        author_name=site.authority,
    )
    for d in newest:
        moment = _moment(d, latest)
        feed.add_item(
            title=f"{d.title} ({d.reference})",
            link=f"{base}/{d.url}",
            unique_id=f"{base}/{d.url}",
            description=summary(d, language),
            pubdate=moment,
            updateddate=moment,
            categories=[
                translate(d.outcome_label, language),
                *shown_topics(d, site),
                *(cited_text(e, language) for e in d.exemptions),
            ],
        )
    return feed.writeString("utf-8")
