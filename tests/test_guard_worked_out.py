"""Figures that can be worked out from everything a record publishes, and small counts told
in words, through a real build: bounds of markers, rows and columns labelled as totals,
percentages with a base, the same total elsewhere in the record, counts in text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import Build, assert_case_findings, build_cases, good_record, write_site

FOILOG = str(Path(sys.executable).with_name("foilog"))


def count(caption: str = "Arrests by offence", **fields: Any) -> dict[str, Any]:
    return {"caption": caption, "unit": "count", **fields}


def shares(caption: str = "Complaints upheld", **fields: Any) -> dict[str, Any]:
    return {"caption": caption, "unit": "percentage", **fields}


EXACT = "can be worked out exactly"
NARROWED = "can be narrowed to one of 2 values, of the 4 its marker allows"
SAID = "tells a count below the threshold of 5"

# record name -> (record fields, [(rule, place, words in the message)])
CASES: dict[str, tuple[dict[str, Any], list[tuple[str, str, str]]]] = {
    # -- bounds: "<5" is 1 to 4 where zeros are published ---------------------------------
    "bounds-both-four": (
        {
            "figures": [
                count(
                    rows=["Theft", "Assault"],
                    columns=["Adult", "Youth", "Child"],
                    values=[[10, "<5", "<5"], [20, 30, 40]],
                    row_totals=[18, 90],
                )
            ]
        },
        [
            ("differencing-bounds", f'figures[1] row "Theft", column "{c}"', EXACT)
            for c in ("Youth", "Child")
        ],
    ),
    "bounds-narrowed": (
        {
            "figures": [
                count(
                    rows=["Theft", "Assault"],
                    columns=["Adult", "Youth", "Child"],
                    values=[[20, "<5", "<5"], [20, 30, 40]],
                    row_totals=[27, 90],
                )
            ]
        },
        [
            (
                "differencing-bounds",
                f'figures[1] row "Theft", column "{c}"',
                f"{NARROWED}, from figures[1]"
                ' total of row "Theft". Fix: also suppress row "Theft", column "Adult" (20)',
            )
            for c in ("Youth", "Child")
        ],
    ),
    # Two "<5" in each of two rows and columns (as in the example log's 000118-24): the totals
    # fix only their sums, which leave each cell three of its four values.
    "bounds-rectangle": (
        {
            "figures": [
                count(
                    rows=["R1", "R2", "R3"],
                    columns=["C1", "C2", "C3"],
                    values=[[64, "<5", "<5"], [27, "<5", "<5"], [100, 50, 60]],
                    row_totals=[69, 32, 210],
                    column_totals=[191, 54, 66],
                    total=311,
                )
            ]
        },
        [],
    ),
    # Correctly protected: each "<5" shares its row and column with a large suppressed cell.
    "bounds-secondary-suppressed": (
        {
            "figures": [
                count(
                    rows=["R1", "R2", "R3"],
                    columns=["C1", "C2", "C3"],
                    values=[["*", "<5", 30], ["*", "<5", 35], [40, 45, 50]],
                    row_totals=[53, 75, 135],
                    column_totals=[90, 53, 115],
                    total=263,
                )
            ]
        },
        [],
    ),
    # Nothing bounds the suppressed totals from above: the solver must say so, not fail.
    "bounds-unbounded-totals": (
        {
            "figures": [
                count(
                    rows=["Theft", "Assault"],
                    columns=["Adult", "Youth", "Child"],
                    values=[["<5", "<5", "*"], ["<5", "<5", "*"]],
                    row_totals=["*", "*"],
                    column_totals=["*", "*", "*"],
                )
            ]
        },
        [],
    ),
    "bounds-wide": (
        {
            "figures": [
                count(
                    rows=["Theft", "Assault"],
                    columns=["Adult", "Youth", "Child"],
                    values=[[20, "<5", "<5"], [20, 30, 40]],
                    row_totals=[25, 90],
                )
            ]
        },
        [],
    ),
    "large-counts": (
        {
            "figures": [
                count(
                    rows=["Theft", "Assault", "Total"],
                    columns=["2022", "2023", "All years"],
                    values=[[1204, 1310, 2514], [880, 912, 1792], [2084, 2222, 4306]],
                )
            ]
        },
        [],
    ),
    # -- rows and columns labelled as totals, typed as ordinary values --------------------
    "total-row": (
        {"figures": [count(rows=["Fireworks", "Theft", "Total"], values=["<5", 30, 33])]},
        [
            (
                "differencing-bounds",
                'figures[1] row "Fireworks"',
                f'{EXACT}, from figures[1] row "Total". Fix: also suppress row "Theft" (30)',
            )
        ],
    ),
    "all-column": (
        {
            "figures": [
                count(
                    rows=["Fireworks", "Theft"],
                    columns=["Male", "Female", "All"],
                    values=[["<5", 12, 15], [20, 21, 41]],
                )
            ]
        },
        [
            (
                "differencing-bounds",
                'figures[1] row "Fireworks", column "Male"',
                f'{EXACT}, from figures[1] row "Fireworks", column "All"',
            )
        ],
    ),
    "grand-total-row": (
        {
            "figures": [
                count(
                    rows=["Fireworks", "Theft", "Assault", "Grand total"],
                    values=["<5", "<5", 30, 37],
                )
            ]
        },
        [
            ("differencing-bounds", f'figures[1] row "{r}"', NARROWED)
            for r in ("Fireworks", "Theft")
        ],
    ),
    "all-other-is-not-a-total": (
        {"figures": [count(rows=["Fireworks", "Theft", "All other"], values=["<5", 30, 33])]},
        [],
    ),
    "total-row-that-does-not-add-up": (
        {"figures": [count(rows=["Fireworks", "Theft", "Total"], values=["<5", 30, 100])]},
        [],
    ),
    "total-row-protected": (
        {
            "figures": [
                count(rows=["Fireworks", "Theft", "Assault", "Total"], values=["<5", "*", 30, 48])
            ]
        },
        [],
    ),
    # -- percentages with a published base ------------------------------------------------
    "percentage-column": (
        {
            "figures": [
                count(
                    "Stop and search by ethnicity",
                    rows=["White", "Black", "Asian"],
                    columns=["Number", "%"],
                    values=[[30, 75.0], ["*", 7.5], ["*", 17.5]],
                )
            ]
        },
        [
            ("differencing-bounds", f'figures[1] row "{r}", column "Number"', EXACT)
            for r in ("Black", "Asian")
        ],
    ),
    "percentage-column-rounded": (
        {
            "figures": [
                count(
                    "Stop and search by ethnicity",
                    rows=["White", "Black", "Asian"],
                    columns=["Number", "Per cent"],
                    values=[[3000, 77], ["*", 1], ["*", 22]],
                )
            ]
        },
        [],
    ),
    "percentage-base-in-caption": (
        {
            "figures": [
                shares("Complaints upheld (n = 40)", rows=["Upheld", "Not"], values=[7.5, 92.5])
            ]
        },
        [
            (
                "percentage-small-number",
                'figures[1] row "Upheld"',
                "7.5% of the published base of 40 is a count of 3, below the threshold of 5",
            )
        ],
    ),
    "percentage-base-large-shares": (
        {
            "figures": [
                shares("Complaints upheld (n = 40)", rows=["Upheld", "Not"], values=[25, 75])
            ]
        },
        [],
    ),
    "percentage-without-base": (
        {"figures": [shares(rows=["Upheld", "Not upheld"], values=[7.5, 92.5])]},
        [],
    ),
    "percentage-table-of-a-count-table": (
        {
            "figures": [
                count("Complaints", rows=["Upheld", "Not upheld"], values=["<5", 37]),
                shares("Complaints, share", rows=["Upheld", "Not upheld"], values=[7.5, 92.5]),
            ]
        },
        [
            (
                "differencing-bounds",
                'figures[1] row "Upheld"',
                f'{EXACT}, from figures[2] row "Upheld" and figures[2] row "Not upheld"',
            )
        ],
    ),
    # -- the same total elsewhere in the record -------------------------------------------
    "total-in-another-table": (
        {
            "figures": [
                count(rows=["Theft", "Fireworks", "Assault"], values=[30, "<5", 20]),
                count("Arrests by age", rows=["Under 18", "Adult"], values=[10, 43], total=53),
            ]
        },
        [
            (
                "differencing-bounds",
                'figures[1] row "Fireworks"',
                f"{EXACT}, from the total of 53 in figures[2]",
            )
        ],
    ),
    "total-in-a-table-on-another-subject": (
        {
            "figures": [
                count(rows=["Theft", "Fireworks", "Assault"], values=[30, "<5", 20]),
                count("Complaints by month", rows=["May", "June"], values=[10, 43], total=53),
            ]
        },
        [],
    ),
    "total-in-the-response": (
        {
            "figures": [count(rows=["Theft", "Fireworks", "Assault"], values=[30, "<5", 20])],
            "response": "Thank you for your request.\nWe made 53 arrests in total last year.",
        },
        [
            (
                "differencing-bounds",
                'figures[1] row "Fireworks"',
                f"{EXACT}, from the total of 53 in response line 2",
            )
        ],
    ),
    "total-in-the-response-of-something-else": (
        {
            "figures": [count(rows=["Theft", "Fireworks", "Assault"], values=[30, "<5", 20])],
            "response": "We received 53 complaints in total last year.",
        },
        [],
    ),
    # -- money ----------------------------------------------------------------------------
    "money-total-row": (
        {
            "figures": [
                {
                    "caption": "Spend",
                    "unit": "money",
                    "rows": ["Legal", "Agency", "Total"],
                    "values": [2500.5, "*", 10000.0],
                }
            ]
        },
        [("differencing-bounds", 'figures[1] row "Agency"', EXACT)],
    ),
    "money-published": (
        {
            "figures": [
                {
                    "caption": "Spend",
                    "unit": "money",
                    "rows": ["Legal", "Agency", "Total"],
                    "values": [2.5, 3.75, 6.25],
                }
            ]
        },
        [],
    ),
    # -- small counts told in words -------------------------------------------------------
    "counts-in-prose": (
        {
            "response": "Three officers were dismissed.\nIn 2 cases the complaint was upheld.",
            "questions": [
                {"text": "How many?", "outcome": "disclosed", "answer": "Fireworks (3 arrests)"}
            ],
        },
        [
            ("small-number-in-text", "response line 1", f'"Three officers" {SAID}'),
            ("small-number-in-text", "response line 2", f'"2 cases" {SAID}'),
            ("small-number-in-text", "questions[1].answer", f'"3 arrests" {SAID}'),
        ],
    ),
    "counts-in-labels-and-text-tables": (
        {
            "figures": [
                count(rows=["Fireworks (3 arrests)", "Theft"], values=[30, 40]),
                {
                    "caption": "Outcomes",
                    "unit": "text",
                    "rows": ["Misconduct"],
                    "columns": ["Outcome"],
                    "values": [["Two serving officers were dismissed"]],
                },
            ]
        },
        [
            ("small-number-in-text", "figures[1].rows[1]", f'"3 arrests" {SAID}'),
            (
                "small-number-in-text",
                'figures[2] row "Misconduct", column "Outcome"',
                f'"Two serving officers" {SAID}',
            ),
        ],
    ),
    "numbers-that-are-not-small-counts": (
        {
            "response": (
                "One of our officers will reply within 2 working days.\n"
                "Section 3 officers and Band 4 staff are covered; we hold 2023 records.\n"
                "There were 12 officers and 40 complaints. Question 2 asks about 1 April."
            ),
        },
        [],
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    cases = {name: fields for name, (fields, _) in CASES.items()}
    return build_cases(tmp_path_factory.mktemp("worked-out"), cases)


@pytest.mark.parametrize("name", CASES)
def test_each_case(site: Build, name: str) -> None:
    assert_case_findings(site, name, CASES[name][1])


def test_where_zeros_are_suppressed_a_marker_starts_at_zero(make_site) -> None:
    """Two "<5" that add up to 3 are each 1 or 2 where zeros are published, but could be
    anything from 0 to 3 where zeros are suppressed too."""
    figure = count(
        rows=["Theft", "Assault"],
        columns=["Adult", "Youth", "Child"],
        values=[[20, "<5", "<5"], [20, 30, 40]],
        row_totals=[23, 90],
    )
    record = {"2025/a.yaml": good_record(figures=[figure])}
    found = [line for line in make_site(record).error_lines() if "differencing-bounds" in line]
    assert [line.split(": ")[3] for line in found] == [
        'figures[1] row "Theft", column "Youth"',
        'figures[1] row "Theft", column "Child"',
    ]
    assert all("one of 2 values, of the 4 its marker allows" in line for line in found)
    site = make_site(record, "FOILOG_GUARD_ALLOW_ZERO = False")
    assert site.ok, site.result.stderr
    assert not [line for line in site.error_lines() if "differencing-bounds" in line]


def test_a_count_in_text_stops_the_production_build_until_reviewed(make_site) -> None:
    record = good_record(response="Three officers were dismissed.")
    site = make_site({"2025/a.yaml": record}, 'FOILOG_GUARD = "error"')
    assert site.result.returncode == 1
    assert (
        ': small-number-in-text: response: "Three officers" tells a count' in site.error_lines()[0]
    )
    review = {
        "rule": "small-number-in-text",
        "place": "response",
        "by": "Head of Information Management",
        "date": "2025-03-19",
        "reason": "The dismissals were announced by the force at the time.",
    }
    site = make_site({"2025/a.yaml": {**record, "review": [review]}}, 'FOILOG_GUARD = "error"')
    assert site.ok, site.result.stderr
    assert site.error_lines()[-1] == "Publish guard: 0 warning(s), 1 finding(s) accepted by review."


def test_foilog_check_names_a_worked_out_figure(tmp_path: Path) -> None:
    figure = count(rows=["Fireworks", "Theft", "Total"], values=["<5", 30, 33])
    write_site(tmp_path, {"2025/a.yaml": good_record(figures=[figure])}, 'FOILOG_GUARD = "error"')
    result = subprocess.run(
        [FOILOG, "check", "--settings", "settings.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith(
        'disclosures/2025/a.yaml:18: differencing-bounds: figures[1] row "Fireworks": '
    )
    assert "A build would stop: 1 publish-guard finding(s) in 1 record(s)." in result.stdout
