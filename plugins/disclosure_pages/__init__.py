"""Pelican plugin: write one page per disclosure, the paginated log index and the brand styles."""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.generators import Generator

from foilog.output import copy_file, output_file, write_text
from foilog.page_generator import LogPageGenerator
from foilog.pagination import paginate


class DisclosurePagesGenerator(LogPageGenerator):
    def generate_output(self, writer: Any) -> None:
        for disclosure in self.log.disclosures:
            self.write_page("disclosure", disclosure.url, disclosure=disclosure)
            for attachment in disclosure.attachments:
                if attachment.file:
                    source = disclosure.source_path.parent / attachment.file
                    copy_file(source, output_file(self.output_path, disclosure.url + source.name))
        for page in paginate(self.log.disclosures, self.site.per_page, ""):
            self.write_page("index", page.url, page=page)
        brand = self.env.get_template("brand.css")
        write_text(
            output_file(self.output_path, "theme/css/brand.css"), brand.render(site=self.site)
        )


def get_generators(pelican: object) -> type[Generator]:
    return DisclosurePagesGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
