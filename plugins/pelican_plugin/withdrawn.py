"""Pelican plugin: a notice at the address of each withdrawn record, and `_redirects`, which
tells the host to answer every withdrawn address with 410 Gone. The records themselves are
left out of every other page, feed, index and file when the log is loaded."""

from __future__ import annotations

from typing import Any

from foilog.site.output import output_file, write_text
from foilog.site.page_generator import LogPageGenerator
from foilog.site.withdrawn import REDIRECTS_FILE, redirects_file


class WithdrawnPagesGenerator(LogPageGenerator):
    def generate_output(self, writer: Any) -> None:
        for disclosure in self.log.withdrawn:
            self.write_page("withdrawn", disclosure.url, disclosure=disclosure)
        text = redirects_file(self.log, self.site.url_prefix)
        if text:
            write_text(output_file(self.output_path, REDIRECTS_FILE), text)
