"""The base of every generator that renders log pages with the theme's templates."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from foilog.records.markdown_text import render_markdown
from foilog.records.model import ACT_LABELS, OUTCOME_LABELS, DisclosureLog
from foilog.settings import SiteSettings
from foilog.site.output import output_file, write_text
from foilog.site.page_cache import PageCache
from foilog.site.template_filters import FILTERS, TESTS


class LogPageGenerator(Generator):
    """Renders templates with the log, the site settings and the shared filters."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Record text comes from staff and requesters: escape everything not marked safe.
        self.env.autoescape = True
        self.env.filters.update(FILTERS)
        self.env.tests.update(TESTS)
        self.env.filters["markdown"] = render_markdown

    @property
    def log(self) -> DisclosureLog:
        log: DisclosureLog = self.context["disclosure_log"]
        return log

    @property
    def site(self) -> SiteSettings:
        site: SiteSettings = self.context["foilog"]
        return site

    def write_page(self, template_name: str, url: str, **values: Any) -> None:
        """Render `template_name` with the shared context and write it at the pretty `url`;
        or, when nothing it is made from changed, take the previous build's file."""
        page_cache: PageCache = self.context["page_cache"]
        fingerprint = page_cache.fingerprint(template_name, url, values)
        relative = output_file("", url).as_posix()
        if fingerprint and page_cache.reuse(fingerprint, relative):
            return
        if not hasattr(self, "_shared"):
            self._shared = {
                **self.context,
                "outcome_labels": OUTCOME_LABELS,
                "act_labels": ACT_LABELS,
            }
        template = self.get_template(template_name)
        html = template.render({**self._shared, "page_url": url, **values})
        write_text(output_file(self.output_path, url), html)
        if fingerprint:
            page_cache.rendered_page(fingerprint, relative)
