"""Pelican plugin: load and check every disclosure record before anything is written.

A bad record, or a publish-guard finding under FOILOG_GUARD = "error", stops the build
with one line each and no traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jinja2 import TemplateNotFound
from pelican.generators import Generator
from pelican.log import console

from foilog.checks.site_check import check_site
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
            result = check_site(site, progress)
        if result.stops_build:
            raise BuildStopped(result.report())
        # Warnings and accepted findings are shown, one line each, with their count last.
        for line in result.report():
            sys.stderr.write(line + "\n")
        topics = result.log.topic_labels
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
        self.context["disclosure_log"] = result.log
        self.context["statistics_cases"] = result.cases
        fingerprint = site_fingerprint(
            Path(self.theme), self.settings, standing, result.log.topic_labels
        )
        page_cache = PageCache(site.cache_path, fingerprint, build_in(self.output_path))
        self.context["page_cache"] = page_cache
