"""The bases of the log's generators: every file they write goes under FOILOG_URL_PREFIX,
and its pages are rendered with the log's templates (foilog/<name>.html)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from foilog.core.translation import install
from foilog.records.markdown_text import render_markdown
from foilog.records.model import ACT_LABELS, NOT_RECORDED, OUTCOME_LABELS, DisclosureLog
from foilog.settings import SiteSettings
from foilog.site.output import build_in, copy_file, output_file, output_relative, write_text
from foilog.site.page_cache import PageCache
from foilog.site.template_filters import FILTERS, TESTS


def html_language(site: SiteSettings, default_lang: object) -> str:
    """<html lang> of a page in site.language: Pelican's DEFAULT_LANG ("en-GB") where it
    names that language, else the language's code."""
    if isinstance(default_lang, str) and default_lang.split("-")[0].lower() == site.language:
        return default_lang
    return site.language


class LogGenerator(Generator):
    """Writes files of the log, with the log and the site settings at hand."""

    @property
    def log(self) -> DisclosureLog:
        log: DisclosureLog = self.context["disclosure_log"]
        return log

    @property
    def site(self) -> SiteSettings:
        site: SiteSettings = self.context["foilog"]
        return site

    def log_file(self, url: str) -> Path:
        """The output file of the log's address `url` (without the prefix)."""
        return output_file(self.output_path, self.site.url_prefix + url)

    def write_kept(
        self, kind: str, address: str, values: dict[str, Any], make: Callable[[], str]
    ) -> None:
        """Write the text `make()` gives at the log's `address`; or, when the file of
        `address` was made by an earlier build from the same `kind` and `values`, and the
        site did not change (PageCache), take that build's file without calling `make`."""
        page_cache: PageCache = self.context["page_cache"]

        def write() -> None:
            build = build_in(self.output_path)
            if build:
                build.write(self.log_file(address), make())
            else:
                write_text(self.log_file(address), make())

        fingerprint = page_cache.fingerprint(kind, address, values)
        self._made_unless_kept(fingerprint, output_relative(self.site.url_prefix + address), write)

    def copy_kept(self, source: Path, address: str) -> None:
        """Copy the file `source` to the log's `address`; or, when an earlier build copied
        the same file, unchanged since, there, take that build's copy (PageCache)."""
        page_cache: PageCache = self.context["page_cache"]
        relative = output_relative(self.site.url_prefix + address)
        fingerprint = page_cache.copy_fingerprint(source, relative)
        self._made_unless_kept(
            fingerprint, relative, lambda: copy_file(source, self.log_file(address))
        )

    def _made_unless_kept(
        self, fingerprint: str | None, relative: str, make: Callable[[], None]
    ) -> None:
        """Keep the last build's file at `relative` (from the output folder) when it was
        made from `fingerprint` and is as that build left it; else `make` it, noting its
        fingerprint for the next build."""
        page_cache: PageCache = self.context["page_cache"]
        if fingerprint and page_cache.reuse(fingerprint, relative):
            return
        make()
        if fingerprint:
            page_cache.rendered_page(fingerprint, relative)


class LogPageGenerator(LogGenerator):
    """Renders templates with the log, the site settings and the shared filters."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Record text comes from staff and requesters: escape everything not marked safe.
        self.env.autoescape = True
        # Templates do not change within a build: without this, every include and import
        # of every page stats its template file again.
        self.env.auto_reload = False
        self.env.filters.update(FILTERS)
        self.env.tests.update(TESTS)
        self.env.filters["markdown"] = render_markdown

    def write_page(
        self,
        template_name: str,
        url: str,
        languages: Sequence[str] | None = None,
        **values: Any,
    ) -> None:
        """Render foilog/`template_name`.html with the shared context and write it at the
        log's pretty `url`, once in each language of the log (or of `languages`), each in its
        own tree; or, when nothing it is made from changed, take the previous build's file."""
        for language in self.site.languages if languages is None else languages:
            self._write_page_in(self.site.in_language(language), template_name, url, values)

    def _write_page_in(
        self, site: SiteSettings, template_name: str, url: str, values: dict[str, Any]
    ) -> None:
        def render() -> str:
            if not hasattr(self, "_shared"):
                self._shared = {
                    **self.context,
                    "outcome_labels": OUTCOME_LABELS,
                    "act_labels": ACT_LABELS,
                    "not_recorded": NOT_RECORDED,
                }
            template = self.get_template("foilog/" + template_name)
            install(self.env, site.language)
            in_language = {
                "foilog": site,
                "DEFAULT_LANG": html_language(site, self.settings.get("DEFAULT_LANG")),
            }
            return template.render({**self._shared, **in_language, "page_url": url, **values})

        self.write_kept(template_name, site.language_path + url, values, render)
