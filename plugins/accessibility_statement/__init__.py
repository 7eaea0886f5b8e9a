"""Pelican plugin: write the accessibility statement from the settings, dated by the build."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pelican import signals
from pelican.generators import Generator

from foilog.output import output_file, write_text

URL = "accessibility/"


class AccessibilityStatementGenerator(Generator):
    def generate_output(self, writer: Any) -> None:
        self.env.autoescape = True
        template = self.get_template("accessibility")
        html = template.render(
            {
                **self.context,
                "statement": self.context["foilog"].accessibility,
                # The checks in docs/accessibility.md run on every build that CI publishes.
                "checked_on": dt.date.today(),
                "page_url": URL,
            }
        )
        write_text(output_file(self.output_path, URL), html)


def get_generators(pelican: object) -> type[Generator]:
    return AccessibilityStatementGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
