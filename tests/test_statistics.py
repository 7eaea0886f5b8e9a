"""The statistics page, its CSV and each page's timeliness, from real builds of small logs.

Every expected number is worked out by hand in the comments beside the records.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any

import pytest
from conftest import PROJECT, Build, good_record


def record(reference: str, received: str | None, responded: str | None, **changes: Any) -> dict:
    data = good_record(reference=reference, received=received, responded=responded, **changes)
    del data["figures"]
    return data


def question(outcome: str) -> list[dict[str, str]]:
    return [{"text": "What was asked?", "outcome": outcome}]


SECTION_40 = {"section": "40(2)", "reason": "It would identify people."}

RECORDS = {
    # A: Mon 8 Jan to Fri 26 Jan 2024: 9-12 (4), 15-19 (9), 22-26 (14). On time. 2024 Q1.
    "a.yaml": record("000001-24", "2024-01-08", "2024-01-26"),
    # B: Thu 1 Feb to Thu 14 Mar 2024: 2 Feb (1), 5-9 (6), 12-16 (11), 19-23 (16),
    # 26-29 (20; the deadline, Thu 29 Feb), 1 Mar (21), 4-8 (26), 11-14 (30). Extension
    # given on 20 Feb, before the deadline: extended. Refused under 31 and 40. 2024 Q1.
    "b.yaml": record(
        "000002-24",
        "2024-02-01",
        "2024-03-14",
        questions=question("refused"),
        exemptions=[
            {
                "section": "31(1)(a)",
                "reason": "It would harm the prevention of crime.",
                "public_interest": "The public interest favours withholding it.",
            },
            SECTION_40,
        ],
        history=[{"date": "2024-02-20", "event": "extension", "note": "More time for the PIT."}],
    ),
    # C: Tue 2 Apr to Fri 10 May 2024: 3-5 Apr (3), 8-12 (8), 15-19 (13), 22-26 (18),
    # 29-30 (20), 1-3 May (23), 6 May is a bank holiday, 7-10 (27). Late. 2024 Q2, with a
    # review requested and overturned in 2024 Q2.
    "c.yaml": record(
        "000003-24",
        "2024-04-02",
        "2024-05-10",
        questions=[
            {"text": "Part one?", "outcome": "disclosed"},
            {"text": "Part two?", "outcome": "refused"},
        ],
        exemptions=[{**SECTION_40, "questions": [2]}],
        history=[
            {"date": "2024-05-20", "event": "internal-review-requested", "note": "Asked."},
            {
                "date": "2024-06-14",
                "event": "internal-review-outcome",
                "result": "overturned",
                "note": "Released.",
            },
        ],
    ),
    # D: received only as a month: no timeliness. Not held. 2025 Q1.
    "d.yaml": record("000004-25", "2024-12", "2025-01-10", questions=question("not-held")),
    # E: Mon 3 Feb to Tue 4 Feb 2025: 1 day, on time. NCND under 23(5). Review requested
    # and upheld in 2025 Q1.
    "e.yaml": record(
        "000005-25",
        "2025-02-03",
        "2025-02-04",
        questions=question("neither-confirm-nor-deny"),
        exemptions=[{"section": "23(5)", "reason": "Security bodies.", "ncnd": True}],
        history=[
            {"date": "2025-02-10", "event": "internal-review-requested", "note": "Asked."},
            {
                "date": "2025-03-03",
                "event": "internal-review-outcome",
                "result": "upheld",
                "note": "Upheld.",
            },
        ],
    ),
    # F: no response date: counted in no period.
    "f.yaml": record("000006-25", "2025-03-01", None),
}


@pytest.fixture
def small_log(make_site: Callable[..., Build]) -> Build:
    site = make_site(RECORDS)
    assert site.ok, site.result.stderr
    return site


def csv_counts(site: Build) -> dict[tuple[str, str, str], float | None]:
    with (site.output / "data" / "statistics.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    return {
        (r["period"], r["measure"], r["category"]): float(r["count"]) if r["count"] else None
        for r in rows
    }


def test_statistics_csv_counts_records_by_date_received(small_log: Build) -> None:
    counts = csv_counts(small_log)
    # 2024: A, B, C and D were received; F's and E's in 2025.
    expected_2024 = {
        ("requests", "received"): 4,
        ("requests", "answered"): 4,
        ("requests", "withdrawn"): 0,
        ("timeliness", "on-time"): 1,
        ("timeliness", "extended"): 1,
        ("timeliness", "late"): 1,
        ("timeliness", "unknown"): 1,  # D: received only as a month
        ("working-days", "median"): 27,  # A 14, C 27, B 30
        ("working-days", "longest"): 30,
        ("working-days", "1-20"): 1,
        ("working-days", "21-40"): 2,
        ("outcome", "disclosed"): 1,
        ("outcome", "partially-disclosed"): 1,
        ("outcome", "refused"): 1,
        ("outcome", "not-held"): 1,
        ("exemption", "Section 31"): 1,
        ("exemption", "Section 40"): 2,
        ("exemption", "Section 23"): 0,
        ("internal-review", "requested"): 1,
        ("internal-review", "completed"): 1,
        ("internal-review", "overturned"): 1,
        # C's review: asked Mon 20 May 2024, done Fri 14 Jun: 21-24 (4), 27 May is a bank
        # holiday, 28-31 (8), 3-7 Jun (13), 10-14 (18): within 20.
        ("internal-review", "on-time"): 1,
        ("internal-review", "upheld"): 0,
    }
    for (measure, category), value in expected_2024.items():
        assert counts[("2024", measure, category)] == value, (measure, category)
    assert counts[("2024", "working-days", "mean")] == pytest.approx(23.7)
    expected_2025 = {
        ("requests", "received"): 2,
        ("timeliness", "on-time"): 1,
        ("timeliness", "unknown"): 1,  # F: no response date
        ("outcome", "disclosed"): 1,
        ("outcome", "neither-confirm-nor-deny"): 1,
        ("exemption", "Section 23"): 1,
        ("exemption", "Section 40"): 0,
        ("internal-review", "requested"): 1,
        ("internal-review", "upheld"): 1,
    }
    for (measure, category), value in expected_2025.items():
        assert counts[("2025", measure, category)] == value, (measure, category)
    # Quarters run from the first date (2024 Q1) to the last (2025 Q1), empty ones included.
    quarters = sorted({p for p, m, _ in counts if "-Q" in p and m == "requests"})
    assert quarters == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]
    received = [counts[(q, "requests", "received")] for q in quarters]
    assert received == [2, 1, 0, 1, 2]
    assert counts[("2024-Q2", "internal-review", "requested")] == 1
    assert counts[("2024-Q1", "timeliness", "extended")] == 1


def test_statistics_page_has_one_chart_and_one_table_per_measure(small_log: Build) -> None:
    soup = small_log.page("statistics/")
    main = soup.find("main")
    text = " ".join(main.get_text(" ").split())
    assert "count only the requests published in this log" in text
    # The latest quarter, January to March 2025: E (on time) and F (no response date).
    assert "2 requests were received in January to March 2025" in text
    assert "Of 1 answer with full dates, 1 was within 20 working days (too few to show a rate)" in (
        text
    )
    assert soup.find("nav", attrs={"aria-label": "Main"}).find("a", string="Statistics")
    assert main.find("a", href="/data/statistics.csv")
    assert main.find("a", href="/data/statistics-cabinet-office.csv")
    assert not main.find("a", href="/data/statistics-scottish-commissioner.csv")
    assert not main.find("script")  # the charts need no JavaScript
    sections = main.select("section.statistics-section")
    assert [s.find("h2").get_text() for s in sections] == [
        "Requests",
        "Timeliness",
        "Working days taken",
        "Outcomes",
        "Exemptions cited",
        "Internal reviews",
    ]
    for section in sections:
        assert len(section.find_all("table")) == 1
        svg = section.find("svg")
        if svg is None:
            continue
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).get_text()
        assert svg.find("desc", id=desc_id).get_text().startswith(section.find("p").get_text())
    outcomes = sections[3]
    bars = [t.get_text() for t in outcomes.select("svg .chart__label")]
    # The same outcome names as every other page.
    assert bars[:5] == [
        "Disclosed",
        "Partially disclosed",
        "Refused",
        "Information not held",
        "Neither confirmed nor denied",
    ]
    table = sections[1].find("table")
    rows = [[c.get_text() for c in row.find_all(["th", "td"])] for row in table.find_all("tr")[1:]]
    # Quarters newest first, then years newest first.
    assert rows[0] == ["Quarters"]
    assert rows[1] == ["Jan to Mar 2025", "1", "0", "0", "1"]
    assert rows[6] == ["Years"]
    assert rows[7] == ["2025", "1", "0", "0", "1"]
    assert rows[8] == ["2024", "1", "1", "1", "1"]


def time_taken(site: Build, url: str) -> str:
    facts = site.page(url).find("dl", class_="key-facts")
    term = facts.find("dt", string="Time taken")
    return " ".join(term.find_next_sibling("dd").get_text(" ").split())


def test_each_page_says_how_many_working_days(small_log: Build) -> None:
    assert time_taken(small_log, "disclosures/2024/000001-24/") == (
        "Answered in 14 working days: on time"
    )
    assert time_taken(small_log, "disclosures/2024/000002-24/") == (
        "Answered in 30 working days: on time with an extension"
    )
    assert time_taken(small_log, "disclosures/2024/000003-24/") == (
        "Answered in 27 working days: late (the time limit was 30 April 2024 )"
    )
    assert time_taken(small_log, "disclosures/2025/000004-25/").startswith("Not worked out")
    assert time_taken(small_log, "disclosures/2025/000006-25/").startswith("Not worked out")


def test_clarification_restarts_the_clock_and_a_late_extension_does_not_count(
    make_site: Callable[..., Build],
) -> None:
    site = make_site(
        {
            # Received Mon 3 Mar 2025; clarification asked Wed 5 Mar, received Mon 10 Mar.
            # From 10 Mar to Fri 4 Apr: 11-14 (4), 17 Mar is St Patrick's Day, 18-21 (8),
            # 24-28 (13), 31 Mar-4 Apr (18).
            "clarified.yaml": record(
                "000010-25",
                "2025-03-03",
                "2025-04-04",
                history=[
                    {"date": "2025-03-05", "event": "clarification-requested", "note": "Which?"},
                    {"date": "2025-03-10", "event": "clarification-received", "note": "This."},
                ],
            ),
            # Received Mon 3 Mar 2025, deadline Tue 1 Apr (4-7 (4), 10-14 (9), 17 Mar is St
            # Patrick's Day, 18-21 (13), 24-28 (18), 31 Mar (19), 1 Apr (20)). Extension
            # given 2 Apr: too late. Answered Tue 8 Apr: 2-4 Apr (23), 7-8 (25).
            "late-extension.yaml": record(
                "000011-25",
                "2025-03-03",
                "2025-04-08",
                history=[{"date": "2025-04-02", "event": "extension", "note": "More time."}],
            ),
        }
    )
    assert site.ok, site.result.stderr
    assert time_taken(site, "disclosures/2025/000010-25/") == "Answered in 18 working days: on time"
    assert time_taken(site, "disclosures/2025/000011-25/").startswith(
        "Answered in 25 working days: late"
    )


def test_each_act_counts_its_own_bank_holidays(make_site: Callable[..., Build]) -> None:
    # Received Mon 10 Mar 2025, answered Tue 8 Apr. FOIA and EIR skip St Patrick's Day
    # (17 Mar, Northern Ireland) even for an English authority: day 20, on time. FOISA
    # counts Scottish bank holidays only: day 21, late.
    records = {
        "foia.yaml": record("000001-25", "2025-03-10", "2025-04-08"),
        "eir.yaml": record("000002-25", "2025-03-10", "2025-04-08", act="eir"),
        "foisa.yaml": record("000003-25", "2025-03-10", "2025-04-08", act="foisa"),
    }
    site = make_site(records)
    assert site.ok, site.result.stderr
    assert time_taken(site, "disclosures/2025/000001-25/") == "Answered in 20 working days: on time"
    assert time_taken(site, "disclosures/2025/000002-25/") == "Answered in 20 working days: on time"
    assert time_taken(site, "disclosures/2025/000003-25/").startswith(
        "Answered in 21 working days: late"
    )
    # A FOISA authority's statistics come in the Scottish Commissioner's layout too.
    assert (site.output / "data" / "statistics-scottish-commissioner.csv").is_file()
    # A Scottish authority's EIR request is under the Scottish regulations: day 21.
    site = make_site(records, 'FOILOG_JURISDICTION = "scotland"')
    assert site.ok, site.result.stderr
    assert time_taken(site, "disclosures/2025/000002-25/").startswith(
        "Answered in 21 working days: late"
    )
    assert time_taken(site, "disclosures/2025/000001-25/") == "Answered in 20 working days: on time"
    site = make_site(records, 'FOILOG_JURISDICTION = "wales"')
    assert not site.ok
    assert "FOILOG_JURISDICTION: expected one of england-and-wales, scotland" in (
        site.result.stderr
    )


def test_clock_events_outside_the_request_and_foisa_extensions_are_refused(
    make_site: Callable[..., Build],
) -> None:
    site = make_site(
        {
            "a.yaml": record(
                "000001-25",
                "2025-03-03",
                "2025-03-20",
                act="foisa",
                history=[
                    {"date": "2025-03-05", "event": "extension", "note": "More time."},
                    {"date": "2025-03-25", "event": "clarification-received", "note": "Late."},
                ],
            )
        }
    )
    assert not site.ok
    errors = site.error_lines()
    assert any(
        "history[1].event: expected no extension: FOISA has no extension" in e for e in errors
    )
    assert any(
        "history[2].date: expected a date from received (2025-03-03) to responded (2025-03-20);"
        " found 2025-03-25" in e
        for e in errors
    )


def test_an_empty_log_still_has_a_statistics_page(make_site: Callable[..., Build]) -> None:
    site = make_site({})
    assert site.ok, site.result.stderr
    assert "there are no statistics" in site.page("statistics/").get_text()
    header = (site.output / "data" / "statistics.csv").read_text(encoding="utf-8")
    assert header.startswith("period_type,period,period_start,period_end,measure,category")


def test_example_site_counts_its_case_register(example_site: Build) -> None:
    counts = csv_counts(example_site)
    register = (PROJECT / "case-register" / "requests.csv").read_text(encoding="utf-8")
    rows = register.strip().splitlines()[1:]
    years = sorted({p for p, m, _ in counts if "-Q" not in p and m == "requests"})
    assert sum(counts[(y, "requests", "received")] or 0 for y in years) == len(rows)
    assert sum(counts[(y, "requests", "withdrawn")] or 0 for y in years) == register.count(
        ",Withdrawn,"
    )
    text = " ".join(example_site.page("statistics/").find("main").get_text(" ").split())
    assert "from Northshire Police's case register" in text
    # No reference of an unpublished request appears anywhere on the page or in the data.
    published = {p.stem for p in (PROJECT / "disclosures").rglob("*.yaml")}
    unpublished = [row.split(",")[0] for row in rows if row.split(",")[0] not in published]
    assert unpublished
    written = [
        example_site.page("statistics/").get_text(),
        *(p.read_text(encoding="utf-8") for p in (example_site.output / "data").glob("*.*")),
    ]
    for reference in unpublished:
        assert not any(reference in text for text in written), reference
