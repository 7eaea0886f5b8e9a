"""/data/statistics.csv-metadata.json: the statistics CSVs described in CSV on the Web
(W3C CSVW) metadata, with each column's definition, as schema/open-data.md gives them."""

from __future__ import annotations

import json
from typing import Any

from foilog.statistics.bulletins import BulletinTable

STATISTICS_URL = "data/statistics.csv"
METADATA_URL = "data/statistics.csv-metadata.json"
# /data/statistics.csv: (column, CSVW datatype, definition).
STATISTICS_COLUMNS = [
    ("period_type", "string", "year or quarter."),
    ("period", "string", "The period received in: 2025, or 2025-Q1."),
    ("period_start", "date", "The period's first day."),
    ("period_end", "date", "The period's last day."),
    (
        "measure",
        "string",
        "requests, timeliness, working-days, outcome, exemption or internal-review.",
    ),
    ("category", "string", "What is counted within the measure, such as on-time or Section 40."),
    ("label", "string", "The category as the statistics page shows it."),
    (
        "count",
        "decimal",
        "The number; the mean working days has one decimal place, and a median may end in .5. "
        "Empty for a median, mean or longest when nothing was answered with full dates.",
    ),
]


def _column(name: str, datatype: str, description: str) -> dict[str, Any]:
    return {"name": name, "titles": name, "datatype": datatype, "dc:description": description}


def metadata(site_url: str, authority: str, bulletins: list[BulletinTable]) -> str:
    tables = [
        {
            "url": f"{site_url}/{STATISTICS_URL}",
            "dc:title": f"Statistics of {authority}'s information requests, by period received",
            "tableSchema": {"columns": [_column(*c) for c in STATISTICS_COLUMNS]},
        },
        *(
            {
                "url": f"{site_url}/{table.url}",
                "dc:title": table.title,
                "tableSchema": {
                    "columns": [_column(c.name, c.datatype, c.description) for c in table.columns]
                },
            }
            for table in bulletins
        ),
    ]
    document = {
        "@context": "http://www.w3.org/ns/csvw",
        "dc:publisher": authority,
        "tables": tables,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
