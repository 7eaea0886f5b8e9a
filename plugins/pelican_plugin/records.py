"""Pelican plugin: load and check every disclosure record before anything is written.

A bad record, or a publish-guard finding under FOILOG_GUARD = "error", stops the build
with one line each and no traceback. The guard runs in a child process of its own
(foilog.core.forked) while the other parts prepare their pages, and its findings are taken
before the log's first page is written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from jinja2 import TemplateNotFound
from pelican.generators import Generator
from pelican.log import console

from foilog.checks.record_log import load_log
from foilog.checks.site_check import check_log
from foilog.core.progress import progress_bar
from foilog.settings import SettingsError, enabled_parts, read_settings
from foilog.settings.languages import LANGUAGES
from foilog.settings.topic_names import missing_names_warning
from foilog.site.output import build_in
from foilog.site.page_cache import PageCache, site_fingerprint
from foilog.site.standing_pages import log_pages_to_write, standing_pages


class BuildStopped(SystemExit):
    """Stops the build cleanly: the reasons were already printed, one per line."""

    def __init__(self, lines: list[str]) -> None:
        for line in lines:
            sys.stderr.write(line + "\n")
        super().__init__(1)


class DisclosureRecordsGenerator(Generator):
    def generate_context(self) -> None:
        try:
            site = read_settings(self.settings)
        except SettingsError as error:
            raise BuildStopped(
                [f"settings: {line}" for line in str(error).splitlines()]
                + ["The build stopped: fix the settings above. Nothing was published."]
            ) from None
        try:
            self.env.get_template(site.base_template)
        except TemplateNotFound:
            raise BuildStopped(
                [
                    f"settings: FOILOG_BASE_TEMPLATE: expected a template of the theme "
                    f"{self.theme}; found no template {site.base_template!r}",
                    "The build stopped: fix the settings above. Nothing was published.",
                ]
            ) from None
        for warning in site.warnings:
            sys.stderr.write(f"Warning: settings: {warning}\n")
        with progress_bar("Checking records", console) as progress:
            log, problems = load_log(site, progress)
        # The guard runs in a process of its own while the other parts prepare their pages;
        # its findings are taken before any page is written (generate_output).
        self.check = check_log(site, log, problems, beside=not problems)
        if self.check.problems:
            raise BuildStopped(self.check.result().report())
        topics = log.topic_labels
        for warning in missing_names_warning(site.topic_names, site.languages, topics):
            sys.stderr.write(f"Warning: settings: {warning}\n")
        site_pages = self.context.get("pages", [])
        own_pages = log_pages_to_write(
            site.url_prefix, [*site_pages, *self.context.get("hidden_pages", [])]
        )
        standing = standing_pages(site_pages, own_pages, site.url_prefix)
        self.context["foilog"] = site
        self.context["foilog_parts"] = enabled_parts(self.settings)  # for the links to them
        self.context["language_names"] = LANGUAGES
        self.context["foilog_pages"] = own_pages
        self.context["standing_pages"] = standing
        self.context["disclosure_log"] = log
        self.context["statistics_cases"] = self.check.cases
        fingerprint = site_fingerprint(Path(self.theme), self.settings, standing, topics)
        page_cache = PageCache(site.cache_path, fingerprint, build_in(self.output_path))
        self.context["page_cache"] = page_cache

    def generate_output(self, writer: Any) -> None:
        """Before the log's first page is written: the guard's findings stop the build, or
        its warnings and accepted findings are shown, one line each, with their count last."""
        result = self.check.result()
        if result.stops_build:
            raise BuildStopped(result.report())
        for line in result.report():
            sys.stderr.write(line + "\n")
