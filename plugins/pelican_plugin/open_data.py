"""Pelican plugin: the log as open data (foilog.site.open_data), and, once every page is
written, sitemap.xml and robots.txt (foilog.site.sitemap)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from foilog.settings import read_settings
from foilog.site.open_data import open_data_files
from foilog.site.output import build_in, output_relative
from foilog.site.page_generator import LogGenerator
from foilog.site.sitemap import write_sitemap
from foilog.site.spliced_files import SplicedFiles


class OpenDataGenerator(LogGenerator):
    def generate_output(self, writer: Any) -> None:
        page_cache = self.context["page_cache"]
        files = SplicedFiles(self.site.cache_path, page_cache.site, build_in(self.output_path))
        # Each record's key, as its pages were fingerprinted: worked out once in a build.
        data = open_data_files(self.site, self.log, page_cache.record_key)
        for url, texts in data.items():
            files.write(output_relative(self.site.url_prefix + url), self.log_file(url), texts)


def finish_sitemap(pelican: Any) -> None:
    write_sitemap(read_settings(pelican.settings), Path(pelican.output_path))
