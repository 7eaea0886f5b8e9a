"""Pelican plugin: write the accessibility statement from the settings, dated by the build."""

from __future__ import annotations

import datetime as dt
from typing import Any

from foilog.site.page_generator import LogPageGenerator

URL = "accessibility/"


class AccessibilityStatementGenerator(LogPageGenerator):
    def generate_output(self, writer: Any) -> None:
        self.write_page(
            "accessibility",
            URL,
            statement=self.site.accessibility,
            # The checks in docs/accessibility.md run on every build that CI publishes.
            checked_on=dt.date.today(),
        )
