"""Small numbers and differencing in figure tables, one and two dimensions, through a build."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Build, build, good_record, write_site


def table(**fields: Any) -> dict[str, Any]:
    return {"caption": "Figures", "unit": "count", **fields}


# record name -> (table, [(rule, place, words in the message)])
CASES: dict[str, tuple[dict[str, Any], list[tuple[str, str, str]]]] = {
    "small-1d": (
        table(rows=["A", "B"], values=[12, 3], total=15),
        [("small-number", 'figures[1] row "B"', "3 is below the threshold of 5")],
    ),
    "small-total": (
        table(rows=["A", "B"], values=["<5", "<5"], total=3),
        [("small-number", "figures[1] total", "3 is below the threshold of 5")],
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
    "rectangle-2d": (
        table(
            rows=["R1", "R2", "R3"],
            columns=["C1", "C2", "C3"],
            values=[[64, "<5", "<5"], [27, "<5", "<5"], [100, 50, 60]],
            row_totals=[69, 32, 210],
            column_totals=[191, 54, 66],
            total=311,
        ),
        [],
    ),
    "money": (table(unit="money", rows=["A", "B"], values=[2.5, 1], total=3.5), []),
    "zero": (table(rows=["A", "B"], values=[0, 12], total=12), []),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("figures")
    records = {
        # A topic each: the cases share labels such as "R1", which the cross-record check
        # would otherwise compare between them.
        f"2025/{name}.yaml": good_record(
            reference=f"{n:06d}-25", topics=[f"case {name}"], figures=[figure]
        )
        for n, (name, (figure, _)) in enumerate(CASES.items())
    }
    write_site(root, records)
    result = build(root)
    assert result.ok, result.result.stderr
    return result


@pytest.mark.parametrize("name", CASES)
def test_each_table_case(site: Build, name: str) -> None:
    lines = [
        line
        for line in site.error_lines()
        if line.startswith(f"warning: disclosures/2025/{name}.yaml:")
    ]
    expected = CASES[name][1]
    assert len(lines) == len(expected), lines
    for line, (rule, place, words) in zip(sorted(lines), sorted(expected), strict=True):
        assert f": {rule}: {place}: " in line, line
        assert words in line, line


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
