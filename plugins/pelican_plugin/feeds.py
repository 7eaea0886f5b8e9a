"""Pelican plugin: Atom feeds of the whole log, of each topic and of each exemption, in
each of the log's languages."""

from __future__ import annotations

from functools import partial
from typing import Any

from foilog.core.translation import N_, translate
from foilog.site import browse
from foilog.site.feeds import (
    ALL_FEED_URL,
    atom_feed,
    exemption_feed_url,
    exemption_name,
    topic_feed_url,
)
from foilog.site.page_generator import LogGenerator, html_language


class DisclosureFeedsGenerator(LogGenerator):
    def generate_output(self, writer: Any) -> None:
        log = self.context["disclosure_log"]
        topics, exemptions = browse.by_topic(log), browse.by_exemption(log)
        for language in self.site.languages:
            site = self.site.in_language(language)
            feeds = [(translate(N_("All responses"), language), "", ALL_FEED_URL, log.disclosures)]
            feeds += [
                (
                    translate(N_("Responses about %(topic)s"), language)
                    % {"topic": site.topic_name(group.slug, group.name)},
                    group.url,
                    topic_feed_url(group.slug),
                    group.disclosures,
                )
                for group in topics
            ]
            feeds += [
                (
                    translate(N_("Responses citing %(exemption)s"), language)
                    % {"exemption": exemption_name(group.entry, language)},
                    group.url,
                    exemption_feed_url(group.entry),
                    group.disclosures,
                )
                for group in exemptions
            ]
            feed_language = html_language(site, self.settings.get("DEFAULT_LANG"))
            for title, page_url, feed_url, disclosures in feeds:
                newest = disclosures[: site.feed_items]  # all a feed shows
                self.write_kept(
                    "atom-feed",
                    site.language_path + feed_url,
                    {"title": title, "page": page_url, "language": feed_language, "newest": newest},
                    partial(atom_feed, site, feed_language, title, page_url, feed_url, newest),
                )
