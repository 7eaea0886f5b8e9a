"""The section 45 statistics page (/statistics/) and /data/statistics.csv.

The numbers come from foilog.statistics; each chart is drawn at build time as inline SVG
from a plain template, beside a data table with the same numbers (see docs/statistics.md).
"""

from __future__ import annotations

from typing import Any

from foilog.records.working_days import JURISDICTIONS
from foilog.site.output import write_text
from foilog.site.page_generator import LogPageGenerator
from foilog.statistics.measures import log_statistics, measures
from foilog.statistics.page_tables import section, statistics_csv

PAGE_URL = "statistics/"
CSV_URL = "data/statistics.csv"


class StatisticsPageGenerator(LogPageGenerator):
    def generate_output(self, writer: Any) -> None:
        log = self.context["disclosure_log"]
        statistics = log_statistics(log.disclosures)
        sections = (
            [section(m, statistics) for m in measures(statistics.years, statistics.section_titles)]
            if statistics.total
            else []
        )
        self.write_page(
            "statistics",
            PAGE_URL,
            statistics=statistics,
            sections=sections,
            csv_url=CSV_URL,
            jurisdiction=JURISDICTIONS[self.site.jurisdiction][1],
        )
        write_text(self.log_file(CSV_URL), statistics_csv(statistics))
