"""Pelican plugin: write `_headers`, the HTTP headers (Content-Security-Policy and others)
that the host should send with every page. See docs/settings.md, "Security headers"."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from foilog.site.output import output_file, write_text
from foilog.site.security_headers import HEADERS_FILE, headers_file


class SecurityHeadersGenerator(Generator):
    def generate_output(self, writer: Any) -> None:
        text = headers_file(self.context["foilog"])
        write_text(output_file(self.output_path, HEADERS_FILE), text)
