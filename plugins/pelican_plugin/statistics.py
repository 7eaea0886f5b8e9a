"""The section 45 statistics page (/statistics/) and its data: /data/statistics.csv, the
CSVs in the layouts of the Cabinet Office's and the Scottish Information Commissioner's
statistics, and their CSVW metadata.

The numbers come from foilog.statistics; each chart is drawn at build time as inline SVG
from a plain template, beside a data table with the same numbers (see docs/statistics.md).
"""

from __future__ import annotations

from typing import Any

from foilog.site.output import write_text
from foilog.site.page_generator import LogPageGenerator
from foilog.statistics.bulletins import cabinet_office_table, scottish_commissioner_table
from foilog.statistics.case_register import RegisterCases
from foilog.statistics.csvw import METADATA_URL, STATISTICS_URL, metadata
from foilog.statistics.measure_list import measures, number, rate, section_titles
from foilog.statistics.measures import log_statistics
from foilog.statistics.page_tables import section, statistics_csv

PAGE_URL = "statistics/"


class StatisticsPageGenerator(LogPageGenerator):
    def generate_output(self, writer: Any) -> None:
        found: RegisterCases = self.context["statistics_cases"]
        statistics = log_statistics(found.cases, found.from_register)
        titles = section_titles(self.site.register)
        periods = [*statistics.years, *statistics.quarters]
        measure_list = measures(periods, titles) if periods else []
        bulletins = [cabinet_office_table(found.cases, statistics, self.site.register)]
        if self.site.jurisdiction == "scotland" or any(c.act == "foisa" for c in found.cases):
            bulletins.append(
                scottish_commissioner_table(found.cases, statistics, self.site.register)
            )
        for language in self.site.languages:  # the summaries are sentences in each language
            self.write_page(
                "statistics",
                PAGE_URL,
                [language],
                statistics=statistics,
                sections=[section(m, statistics, language) for m in measure_list],
                latest=statistics.latest,
                csv_url=STATISTICS_URL,
                bulletins=bulletins,
                metadata_url=METADATA_URL,
                rate=rate,
                number=number,
            )
        write_text(self.log_file(STATISTICS_URL), statistics_csv(statistics, titles))
        for table in bulletins:
            write_text(self.log_file(table.url), table.text())
        write_text(
            self.log_file(METADATA_URL),
            metadata(self.site.absolute_url, self.site.authority, bulletins),
        )
