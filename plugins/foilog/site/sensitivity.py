"""Which pages are sensitive, and so show the quick-exit button (DESIGN section 4)."""

from __future__ import annotations

from foilog.records.model import Disclosure, DisclosureLog
from foilog.settings import SiteSettings


def topic_is_sensitive(topic_slug: str, site: SiteSettings) -> bool:
    """A topic listed in FOILOG_SENSITIVE_TOPICS: its topic page shows quick exit."""
    return topic_slug in site.sensitive_topics


def disclosure_is_sensitive(disclosure: Disclosure, site: SiteSettings) -> bool:
    """A record marked `sensitive: true`, or one with a sensitive topic."""
    return disclosure.sensitive or any(
        topic_is_sensitive(slug, site) for slug in disclosure.topic_slugs
    )


def sensitive_topic_names(log: DisclosureLog, site: SiteSettings) -> list[str]:
    """The names of the log's sensitive topics, as written and in site.language: a search
    for one, or a filter by its name on the page, shows quick exit."""
    return sorted(
        {
            shown
            for slug, name in log.topic_labels.items()
            if topic_is_sensitive(slug, site)
            for shown in (name, site.topic_name(slug, name))
        }
    )
