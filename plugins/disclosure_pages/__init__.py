"""Pelican plugin: write one page per disclosure (with its related disclosures), the paginated
log index and the brand styles."""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.generators import Generator

from foilog.markdown_text import render_markdown
from foilog.model import ACT_LABELS, OUTCOME_LABELS
from foilog.output import copy_file, output_file, write_text
from foilog.pagination import paginate
from foilog.related import attach_related
from foilog.template_filters import FILTERS


class DisclosurePagesGenerator(Generator):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Record text comes from staff and requesters: escape everything not marked safe.
        self.env.autoescape = True
        self.env.filters.update(FILTERS)
        self.env.filters["markdown"] = render_markdown

    def generate_context(self) -> None:
        # Related disclosures come from the Whoosh index in Pelican's cache folder.
        attach_related(self.context["foilog"], self.context["disclosure_log"])

    def generate_output(self, writer: Any) -> None:
        log = self.context["disclosure_log"]
        site = self.context["foilog"]
        render = self._renderer()
        disclosure_template = self.get_template("disclosure")
        for disclosure in log.disclosures:
            html = render(disclosure_template, disclosure=disclosure, page_url=disclosure.url)
            write_text(output_file(self.output_path, disclosure.url), html)
            for attachment in disclosure.attachments:
                if attachment.file:
                    source = disclosure.source_path.parent / attachment.file
                    copy_file(source, output_file(self.output_path, disclosure.url + source.name))
        index_template = self.get_template("index")
        for page in paginate(log.disclosures, site.per_page, ""):
            html = render(index_template, page=page, page_url=page.url)
            write_text(output_file(self.output_path, page.url), html)
        brand = self.env.get_template("brand.css")
        write_text(output_file(self.output_path, "theme/css/brand.css"), brand.render(site=site))

    def _renderer(self) -> Any:
        log = self.context["disclosure_log"]
        shared = {
            **self.context,
            "outcome_labels": OUTCOME_LABELS,
            "act_labels": ACT_LABELS,
            "disclosures_by_reference": log.by_reference(),
        }

        def render(template: Any, **values: Any) -> str:
            return template.render({**shared, **values})

        return render


def get_generators(pelican: object) -> type[Generator]:
    return DisclosurePagesGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
