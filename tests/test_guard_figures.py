"""Small numbers and differencing in figure tables, one and two dimensions, through a build."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Build, assert_case_findings, build_cases, good_record


def table(**fields: Any) -> dict[str, Any]:
    return {"caption": "Figures", "unit": "count", **fields}


# record name -> (table, [(rule, place, words in the message)])
CASES: dict[str, tuple[dict[str, Any], list[tuple[str, str, str]]]] = {
    "small-1d": (
        table(rows=["A", "B"], values=[12, 3], total=15),
        [("small-number", 'figures[1] row "B"', "3 is below the threshold of 5")],
    ),
    # The small total also leaves each "<5" only 1 or 2.
    "small-total": (
        table(rows=["A", "B"], values=["<5", "<5"], total=3),
        [
            ("small-number", "figures[1] total", "3 is below the threshold of 5"),
            ("differencing-bounds", 'figures[1] row "A"', "one of 2 values"),
            ("differencing-bounds", 'figures[1] row "B"', "one of 2 values"),
        ],
    ),
    "narrow-marker": (
        table(rows=["A", "B", "C"], values=["<3", "<3", 20]),
        [
            ("small-number", 'figures[1] row "A"', '"<3" says the count is below 3'),
            ("small-number", 'figures[1] row "B"', '"<3" says the count is below 3'),
        ],
    ),
    "alone-1d": (
        table(rows=["A", "B", "C"], values=[12, "<5", 30], total=45),
        [
            (
                "differencing",
                'figures[1] row "B"',
                "is the only one in the table, whose total is published. "
                'Fix: also suppress row "A" (12)',
            )
        ],
    ),
    "alone-in-row-2d": (
        table(
            rows=["R1", "R2", "R3"],
            columns=["C1", "C2", "C3"],
            values=[[20, "<5", 30], [15, 25, 35], [40, 45, 50]],
            row_totals=[53, 75, 135],
        ),
        [
            (
                "differencing",
                'figures[1] row "R1", column "C2"',
                "is the only one in its row, whose total is published. "
                'Fix: also suppress row "R1", column "C1" (20)',
            )
        ],
    ),
    "alone-in-columns-2d": (
        table(
            rows=["R1", "R2"],
            columns=["C1", "C2", "C3"],
            values=[[20, "<5", "<5"], [15, 25, 35]],
            column_totals=[35, 28, 38],
        ),
        [
            (
                "differencing",
                f'figures[1] row "R1", column "{column}"',
                "is the only one in its column, whose total is published. Fix: also suppress "
                'row "R2", column "C2" (25) and row "R2", column "C3" (35)',
            )
            for column in ("C2", "C3")
        ],
    ),
    "grand-total-2d": (
        table(rows=["R1", "R2"], columns=["C1", "C2"], values=[[20, "<5"], [30, 40]], total=94),
        [
            (
                "differencing",
                'figures[1] row "R1", column "C2"',
                "can be worked out by subtraction from the published totals. "
                'Fix: also suppress row "R1", column "C1" (20)',
            )
        ],
    ),
    "total-worked-out-2d": (
        table(
            rows=["R1", "R2"],
            columns=["C1", "C2"],
            values=[["<5", "<5"], [30, 40]],
            row_totals=["<10", 70],
            total=75,
        ),
        [
            (
                "differencing",
                'figures[1] total of row "R1"',
                "Fix: also suppress the grand total (75)",
            )
        ],
    ),
    # Every line holding a suppressed cell holds two, yet the cell joining the two groups is
    # fixed by the totals: the simple rule misses it, the guard does not.
    "bridge-2d": (
        table(
            rows=["R1", "R2", "R3", "R4"],
            columns=["C1", "C2", "C3", "C4"],
            values=[
                ["*", "*", 10, 10],
                ["*", "*", "*", 10],
                [10, 10, "*", "*"],
                [10, 10, "*", "*"],
            ],
            row_totals=[30, 30, 30, 30],
            column_totals=[30, 30, 30, 30],
        ),
        [
            (
                "differencing",
                'figures[1] row "R2", column "C3"',
                "can be worked out by subtraction from the published totals",
            )
        ],
    ),
    # Safe tables: nothing to find.
    "no-total-1d": (table(rows=["A", "B", "C"], values=[12, "<5", 30]), []),
    "pair-1d": (table(rows=["A", "B", "C"], values=[12, "<5", "*"], total=45), []),
    "money": (table(unit="money", rows=["A", "B"], values=[2.5, 1], total=3.5), []),
    "zero": (table(rows=["A", "B"], values=[0, 12], total=12), []),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    cases = {name: {"figures": [figure]} for name, (figure, _) in CASES.items()}
    return build_cases(tmp_path_factory.mktemp("figures"), cases)


@pytest.mark.parametrize("name", CASES)
def test_each_table_case(site: Build, name: str) -> None:
    assert_case_findings(site, name, CASES[name][1])


def test_zero_can_be_refused_by_setting(make_site) -> None:
    record = good_record(figures=[table(rows=["A", "B"], values=[0, 12], total=12)])
    site = make_site({"2025/a.yaml": record}, "FOILOG_GUARD_ALLOW_ZERO = False")
    assert site.ok
    assert (
        'small-number: figures[1] row "A": 0 is published, and this site does not allow zero'
        in (site.result.stderr)
    )


def test_site_threshold_setting(make_site) -> None:
    record = good_record(figures=[table(rows=["A", "B"], values=[7, 12], total=19)])
    site = make_site({"2025/a.yaml": record}, "FOILOG_GUARD_THRESHOLD = 10")
    assert 'small-number: figures[1] row "A": 7 is below the threshold of 10' in site.result.stderr
