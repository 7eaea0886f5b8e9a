"""Pelican plugin: write one page per disclosure (with its related disclosures), the paginated
log index, the log's own standing pages, and its styles and scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.log import console

from foilog.core.paths import is_hidden
from foilog.core.progress import progress_bar
from foilog.records.model import Disclosure
from foilog.search.related import attach_related
from foilog.site.output import copy_file, write_text
from foilog.site.page_generator import LogPageGenerator
from foilog.site.pagination import paginate
from foilog.site.sensitivity import disclosure_is_sensitive
from foilog.site.standing_pages import LOG_PAGES, LogPage
from foilog.site.theme_files import STATIC_FOLDER, static_files


class DisclosurePagesGenerator(LogPageGenerator):
    def generate_context(self) -> None:
        # Each record's terms for related disclosures are kept in Pelican's cache folder.
        attach_related(self.site, self.log)

    def generate_output(self, writer: Any) -> None:
        total = len(self.log.disclosures)
        with progress_bar("Writing disclosure pages", console) as progress:
            for done, disclosure in enumerate(self.log.disclosures, 1):
                self._write_disclosure(disclosure)
                progress(done, total)
        for page in paginate(self.log.disclosures, self.site.per_page, ""):
            self.write_page("index", page.url, page=page)
        own_pages: list[LogPage] = self.context["foilog_pages"]
        for own in own_pages:
            self.write_page(own.slug, own.url, page=own)
        # A page the site writes itself is in the main language only: the other languages'
        # trees have the log's own, in their language.
        for taken in (page for page in LOG_PAGES if page not in own_pages):
            self.write_page(taken.slug, taken.url, page=taken, languages=self.site.languages[1:])
        for source, url in static_files():
            copy_file(source, self.log_file(url))
        brand = self.env.get_template("foilog/brand.css")
        write_text(self.log_file(STATIC_FOLDER + "css/brand.css"), brand.render(site=self.site))

    def _write_disclosure(self, disclosure: Disclosure) -> None:
        self.write_page(
            "disclosure",
            disclosure.url,
            disclosure=disclosure,
            sensitive_page=disclosure_is_sensitive(disclosure, self.site),
        )
        for attachment in disclosure.published_attachments:
            # Only listed files are copied, and never a hidden one, whatever the checks said.
            if attachment.file and not is_hidden(Path(attachment.file)):
                source = disclosure.source_path.parent / attachment.file
                self.copy_kept(source, disclosure.url + source.name)
