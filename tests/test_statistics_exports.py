"""The statistics exports (CSVW metadata, the Cabinet Office and Scottish Commissioner
layouts) and the page as a person reads it on a 320 px screen."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from conftest import PROJECT, Build, good_record


def test_csvw_metadata_describes_every_column_of_every_file(example_site: Build) -> None:
    data = example_site.output / "data"
    metadata = json.loads((data / "statistics.csv-metadata.json").read_text(encoding="utf-8"))
    assert metadata["@context"] == "http://www.w3.org/ns/csvw"
    described = {table["url"].rsplit("/", 1)[-1]: table for table in metadata["tables"]}
    assert set(described) == {"statistics.csv", "statistics-cabinet-office.csv"}
    for name, table in described.items():
        with (data / name).open(encoding="utf-8") as file:
            header = next(csv.reader(file))
        columns = table["tableSchema"]["columns"]
        assert [c["name"] for c in columns] == header, name
        assert all(c["dc:description"] and c["datatype"] for c in columns), name


def test_open_data_docs_give_each_columns_definition(example_site: Build) -> None:
    """schema/open-data.md and the CSVW metadata give the same definitions."""
    docs = (PROJECT / "schema" / "open-data.md").read_text(encoding="utf-8")
    # Each file's own "### statistics….csv" table of columns.
    sections = dict(re.findall(r"^### (statistics[a-z-]*\.csv)\n(.*?)(?=^#|\Z)", docs, re.M | re.S))
    metadata = json.loads(
        (example_site.output / "data" / "statistics.csv-metadata.json").read_text(encoding="utf-8")
    )
    for table in metadata["tables"]:
        name = table["url"].rsplit("/", 1)[-1]
        rows = dict(re.findall(r"^\| `([a-z0-9_<>]+)` \| [a-z]+ \| (.+) \|$", sections[name], re.M))
        for column in table["tableSchema"]["columns"]:
            if column["name"].startswith("exemption_"):
                assert "exemption_<slug>" in rows, name
                continue
            assert rows.get(column["name"]) == column["dc:description"], (name, column["name"])


def test_a_foisa_authority_gets_the_scottish_commissioners_layout(
    make_site: Callable[..., Build],
) -> None:
    def foisa(reference: str, received: str, responded: str, **changes: Any) -> dict:
        data = good_record(reference=reference, received=received, responded=responded)
        del data["figures"]
        return {**data, "act": "foisa", **changes}

    site = make_site(
        {
            # Mon 10 Mar to Tue 8 Apr 2025: day 21 in Scotland, where 17 Mar is a working
            # day: outside the timescale.
            "a.yaml": foisa("000001-25", "2025-03-10", "2025-04-08"),
            # Mon 3 Feb to Fri 28 Feb: 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19). Its
            # review: Mon 3 Mar to Tue 1 Apr: 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19),
            # 31 (20), 1 Apr (21): late under FOISA s.21(1).
            "b.yaml": foisa(
                "000002-25",
                "2025-02-03",
                "2025-02-28",
                questions=[{"text": "What was asked?", "outcome": "refused"}],
                exemptions=[{"section": "38(1)(b)", "reason": "Personal data."}],
                history=[
                    {"date": "2025-03-03", "event": "internal-review-requested", "note": "."},
                    {
                        "date": "2025-04-01",
                        "event": "internal-review-outcome",
                        "result": "upheld",
                        "note": "Upheld.",
                    },
                ],
            ),
        },
        'FOILOG_JURISDICTION = "scotland"',
    )
    assert site.ok, site.result.stderr
    with (site.output / "data" / "statistics-scottish-commissioner.csv").open() as file:
        rows = {(r["quarter"], r["regime"]): r for r in csv.DictReader(file)}
    foisa_q1 = rows[("2025-Q1", "FOISA")]
    assert foisa_q1["requests_received"] == "2"
    assert foisa_q1["within_timescale"] == "1"
    assert foisa_q1["outside_timescale"] == "1"
    assert foisa_q1["full_refusal"] == "1"
    assert foisa_q1["exemption_foisa_section_38"] == "1"
    assert foisa_q1["internal_reviews_received"] == "1"
    assert foisa_q1["reviews_within_timescale"] == "0"
    assert rows[("2025-Q1", "EIRs")]["requests_received"] == "0"
    page = site.page("statistics/")
    assert page.find("a", href="/data/statistics-scottish-commissioner.csv")


def test_statistics_page_reads_at_320_pixels(browser: Any, example_server: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(f"{example_server}/statistics/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Every chart's text as drawn: its font size times the drawing's scale.
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('main svg text')].map(text => {
            const svg = text.ownerSVGElement;
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return parseFloat(getComputedStyle(text).fontSize) * scale;
        })"""
    )
    assert sizes and min(sizes) >= 12
    # The latest quarter comes first; every quarter and year is a click away.
    assert page.locator("main h2").first.inner_text() == "October to December 2025"
    summary = page.locator("#requests ~ details summary")
    summary.click()
    first_row = page.locator("#requests-table").locator("xpath=..").locator("tbody tr").nth(1)
    assert first_row.locator("th").inner_text() == "Oct to Dec 2025"
    context.close()


def test_statistics_files_follow_the_url_prefix(make_site: Callable[..., Build]) -> None:
    record = good_record()
    del record["figures"]
    site = make_site({"a.yaml": record}, 'FOILOG_URL_PREFIX = "foi/"')
    assert site.ok, site.result.stderr
    data = site.output / "foi" / "data"
    assert (data / "statistics.csv").is_file()
    assert (data / "statistics-cabinet-office.csv").is_file()
    metadata = json.loads((data / "statistics.csv-metadata.json").read_text(encoding="utf-8"))
    urls = [table["url"] for table in metadata["tables"]]
    assert urls == [
        "http://localhost:8000/foi/data/statistics.csv",
        "http://localhost:8000/foi/data/statistics-cabinet-office.csv",
    ]
    page = site.page("foi/statistics/")
    assert page.find("a", href="/foi/data/statistics-cabinet-office.csv")


# Each layout's file, the settings and Act of its requests, and the rows of the quarters.
LAYOUTS = {
    "cabinet office": ("statistics-cabinet-office.csv", "", "foia", lambda row: True),
    "scottish commissioner": (
        "statistics-scottish-commissioner.csv",
        'FOILOG_JURISDICTION = "scotland"',
        "foisa",
        lambda row: row["regime"] == "FOISA",
    ),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_bulletin_quarters_are_calendar_quarters_at_their_edges(
    make_site: Callable[..., Build], layout: str
) -> None:
    name, settings, act, counted = LAYOUTS[layout]

    def received(reference: str, day: str, responded: str, **changes: Any) -> dict:
        data = good_record(reference=reference, received=day, responded=responded, **changes)
        del data["figures"]  # records of the same figures would be compared with each other
        return {**data, "act": act}

    # The last and first days of the calendar year and of the financial year.
    site = make_site(
        {
            "a.yaml": received(
                "000001-24",
                "2024-12-31",
                "2025-01-10",
                history=[{"date": "2025-01-06", "event": "internal-review-requested", "note": "."}],
            ),
            "b.yaml": received("000002-25", "2025-01-01", "2025-01-20"),
            "c.yaml": received("000003-25", "2025-03-31", "2025-04-10"),
            "d.yaml": received("000004-25", "2025-04-01", "2025-04-15"),
        },
        settings,
    )
    assert site.ok, site.result.stderr
    with (site.output / "data" / name).open() as file:
        rows = {r["quarter"]: r for r in csv.DictReader(file) if counted(r)}
    columns = [
        "period_start",
        "period_end",
        "requests_received",
        "open_at_period_end",
        "internal_reviews_received",
    ]
    assert {quarter: [row[c] for c in columns] for quarter, row in rows.items()} == {
        "2024-Q4": ["2024-10-01", "2024-12-31", "1", "1", "0"],
        "2025-Q1": ["2025-01-01", "2025-03-31", "2", "1", "1"],
        "2025-Q2": ["2025-04-01", "2025-06-30", "1", "0", "0"],
    }
