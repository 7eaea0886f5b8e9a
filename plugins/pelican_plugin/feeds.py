"""Pelican plugin: Atom feeds of the whole log, of each topic and of each exemption."""

from __future__ import annotations

from typing import Any

from foilog.site import browse
from foilog.site.feeds import ALL_FEED_URL, atom_feed, exemption_feed_url, topic_feed_url
from foilog.site.output import write_text
from foilog.site.page_generator import LogGenerator


class DisclosureFeedsGenerator(LogGenerator):
    def generate_output(self, writer: Any) -> None:
        log = self.context["disclosure_log"]
        site = self.context["foilog"]
        feeds = [("All responses", "", ALL_FEED_URL, log.disclosures)]
        feeds += [
            (
                f"Responses about {group.name}",
                group.url,
                topic_feed_url(group.slug),
                group.disclosures,
            )
            for group in browse.by_topic(log)
        ]
        feeds += [
            (
                f"Responses citing {group.entry.label}: {group.entry.title}",
                group.url,
                exemption_feed_url(group.entry),
                group.disclosures,
            )
            for group in browse.by_exemption(log)
        ]
        for title, page_url, feed_url, disclosures in feeds:
            text = atom_feed(site, title, page_url, feed_url, disclosures)
            write_text(self.log_file(feed_url), text)
