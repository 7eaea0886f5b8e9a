"""Pelican plugin: browse pages by exemption, topic, year and month, and outcome, and the
open data page at /data/.

Every list is paginated newest first with `foilog.site.pagination`: the newest responses on
the list's own page, older ones at '<list>page/N/' numbered from the oldest, so that a new
response leaves the older pages as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from foilog.records.model import Disclosure
from foilog.site import browse
from foilog.site.browse import BrowseGroup
from foilog.site.exports import (
    LIST_SEPARATOR,
    OPEN_DATA_VERSION,
    disclosure_columns,
    figure_columns,
)
from foilog.site.feeds import exemption_feed_url, topic_feed_url
from foilog.site.linked_data import dataset_json_ld
from foilog.site.page_generator import LogPageGenerator
from foilog.site.pagination import paginate
from foilog.site.sensitivity import topic_is_sensitive


class DisclosureBrowseGenerator(LogPageGenerator):
    def generate_output(self, writer: Any) -> None:
        log = self.context["disclosure_log"]
        exemptions = browse.by_exemption(log)
        topics = browse.by_topic(log)
        years = browse.by_year(log)
        outcomes = browse.by_outcome(log)
        self.write_page("exemptions", "exemptions/", groups=exemptions)
        for group in exemptions:
            self._list(
                "exemption",
                group.url,
                group.disclosures,
                group=group,
                exemption_group=group,
                feed_url=exemption_feed_url(group.entry),
            )
        for language in self.site.languages:
            letters = browse.topic_letters(topics, self.site.in_language(language))
            self.write_page("topics", "topics/", [language], groups=topics, letters=letters)
        for topic in topics:
            self._list(
                "topic",
                topic.url,
                topic.disclosures,
                group=topic,
                feed_url=topic_feed_url(topic.slug),
                sensitive_page=topic_is_sensitive(topic.slug, self.site),
            )
        self.write_page("years", "years/", groups=years)
        for year in years:
            self._list("year", year.url, year.disclosures, group=year)
            for month in year.months:
                self._list("month", month.url, month.disclosures, group=month, year=year)
        self.write_page("outcomes", "outcomes/", groups=outcomes)
        for outcome in outcomes:
            self._list("outcome", outcome.url, outcome.disclosures, group=outcome)
        self.write_page(
            "data",
            "data/",
            disclosure_columns=disclosure_columns(self.site.languages),
            figure_columns=figure_columns(self.site.languages),
            list_separator=LIST_SEPARATOR,
            open_data_version=OPEN_DATA_VERSION,
            dataset_json_ld=dataset_json_ld(self.context["foilog"]),
        )

    def _list(self, name: str, url: str, disclosures: Sequence[Disclosure], **values: Any) -> None:
        # Older pages show no counts, so a new record leaves them as they were.
        older_values = {
            key: value.uncounted() if isinstance(value, BrowseGroup) else value
            for key, value in values.items()
        }
        for page in paginate(disclosures, self.context["foilog"].per_page, url):
            self.write_page(name, page.url, page=page, **(older_values if page.number else values))
