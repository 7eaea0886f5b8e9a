"""The statistics page, its CSV and each page's timeliness, from real builds of small logs.

Every expected number is worked out by hand in the comments beside the records.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any

import pytest
from conftest import Build, good_record


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


def csv_counts(site: Build) -> dict[tuple[str, str, str], int]:
    with (site.output / "data" / "statistics.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    return {(r["period"], r["measure"], r["category"]): int(r["count"]) for r in rows}


def test_statistics_csv_has_the_hand_counted_numbers(small_log: Build) -> None:
    counts = csv_counts(small_log)
    expected_2024 = {
        ("answered", "all"): 3,
        ("timeliness", "on-time"): 1,
        ("timeliness", "extended"): 1,
        ("timeliness", "late"): 1,
        ("timeliness", "unknown"): 0,
        ("outcome", "disclosed"): 1,
        ("outcome", "partially-disclosed"): 1,
        ("outcome", "refused"): 1,
        ("outcome", "not-held"): 0,
        ("exemption", "Section 31"): 1,
        ("exemption", "Section 40"): 2,
        ("exemption", "Section 23"): 0,
        ("internal-review", "requested"): 1,
        ("internal-review", "completed"): 1,
        ("internal-review", "overturned"): 1,
        ("internal-review", "upheld"): 0,
    }
    for (measure, category), value in expected_2024.items():
        assert counts[("2024", measure, category)] == value, (measure, category)
    expected_2025 = {
        ("answered", "all"): 2,
        ("timeliness", "on-time"): 1,
        ("timeliness", "unknown"): 1,
        ("outcome", "not-held"): 1,
        ("outcome", "neither-confirm-nor-deny"): 1,
        ("exemption", "Section 23"): 1,
        ("exemption", "Section 40"): 0,
        ("internal-review", "requested"): 1,
        ("internal-review", "upheld"): 1,
    }
    for (measure, category), value in expected_2025.items():
        assert counts[("2025", measure, category)] == value, (measure, category)
    # Quarters run from the first date (2024 Q1) to the last (2025 Q1), empty ones included.
    quarters = sorted({p for p, m, _ in counts if "-Q" in p and m == "answered"})
    assert quarters == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]
    answered = [counts[(q, "answered", "all")] for q in quarters]
    assert answered == [2, 1, 0, 0, 2]
    assert counts[("2024-Q2", "internal-review", "requested")] == 1
    assert counts[("2024-Q1", "timeliness", "extended")] == 1


def test_statistics_page_has_charts_summaries_and_tables(small_log: Build) -> None:
    soup = small_log.page("statistics/")
    main = soup.find("main")
    text = " ".join(main.get_text(" ").split())
    assert "Of 4 responses with full dates, 3 (75%) met the time limit" in text
    assert "1 within an extension. 1 was late." in text
    assert "1 response has no response date" in text
    assert "The most cited was Section 40, in 2 responses." in text
    assert soup.find("nav", attrs={"aria-label": "Main"}).find("a", string="Statistics")
    assert main.find("a", href="/data/statistics.csv")
    assert not main.find("script")  # the charts need no JavaScript
    sections = main.select("section.statistics-section")
    assert [s.find("h2").get_text() for s in sections] == [
        "Requests answered",
        "Timeliness",
        "Outcomes",
        "Exemptions cited",
        "Internal reviews",
    ]
    for section in sections:
        svg = section.find("svg")
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).get_text()
        assert svg.find("desc", id=desc_id).get_text().startswith(section.find("p").get_text())
        assert section.find("table").find("caption")
    # The timeliness chart is by quarter, and its table comes first, beside it.
    timeliness = sections[1]
    bars = [t.get_text() for t in timeliness.select("svg .chart__label")]
    assert bars == [
        "January to March 2024",
        "April to June 2024",
        "July to September 2024",
        "October to December 2024",
        "January to March 2025",
    ]
    table = timeliness.find("table")
    assert table.find("caption").get_text() == "Timeliness by quarter"
    first_row = [c.get_text() for c in table.find("tbody").find("tr").find_all(["th", "td"])]
    assert first_row == ["January to March 2024", "1", "1", "0", "0", "2"]
    footer = [c.get_text() for c in table.find("tfoot").find_all(["th", "td"])]
    assert footer == ["Total", "2", "1", "1", "1", "5"]


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
            # From 10 Mar to Fri 4 Apr: 11-14 (4), 17-21 (9), 24-28 (14), 31 Mar-4 Apr (19).
            "clarified.yaml": record(
                "000010-25",
                "2025-03-03",
                "2025-04-04",
                history=[
                    {"date": "2025-03-05", "event": "clarification-requested", "note": "Which?"},
                    {"date": "2025-03-10", "event": "clarification-received", "note": "This."},
                ],
            ),
            # Received Mon 3 Mar 2025, deadline Mon 31 Mar (3 Mar + 20 working days: 4-7 (4),
            # 10-14 (9), 17-21 (14), 24-28 (19), 31 (20)). Extension given 1 Apr: too late.
            # Answered Tue 8 Apr: 1-4 Apr (24), 7-8 (26).
            "late-extension.yaml": record(
                "000011-25",
                "2025-03-03",
                "2025-04-08",
                history=[{"date": "2025-04-01", "event": "extension", "note": "More time."}],
            ),
        }
    )
    assert site.ok, site.result.stderr
    assert time_taken(site, "disclosures/2025/000010-25/") == "Answered in 19 working days: on time"
    assert time_taken(site, "disclosures/2025/000011-25/").startswith(
        "Answered in 26 working days: late"
    )


def test_jurisdiction_setting_changes_the_count(make_site: Callable[..., Build]) -> None:
    # Received Fri 14 Mar 2025, answered Mon 17 Mar: St Patrick's Day in Northern Ireland.
    records = {"a.yaml": record("000001-25", "2025-03-14", "2025-03-17")}
    site = make_site(records, 'FOILOG_JURISDICTION = "northern-ireland"')
    assert site.ok, site.result.stderr
    assert time_taken(site, "disclosures/2025/000001-25/") == "Answered in 0 working days: on time"
    text = " ".join(site.page("statistics/").get_text(" ").split())
    assert "Northern Ireland bank holidays" in text
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


def test_example_log_statistics_match_its_records(
    example_site: Build, example_records: list
) -> None:
    answered = [r for r in example_records if r["responded"]]
    counts = csv_counts(example_site)
    years = sorted({str(r["responded"])[:4] for r in answered})
    assert sum(counts[(y, "answered", "all")] for y in years) == len(answered)
    quarters = {p for p, m, _ in counts if "-Q" in p and m == "answered"}
    assert sum(counts[(q, "answered", "all")] for q in quarters) == len(answered)
    events = [e["event"] for r in example_records for e in r.get("history", [])]
    reviews = events.count("internal-review-requested")
    assert sum(counts[(y, "internal-review", "requested")] for y in years) == reviews
    text = " ".join(example_site.page("statistics/").find("main").get_text(" ").split())
    assert f"{len(answered)} requests were answered from {years[0]} to {years[-1]}." in text
