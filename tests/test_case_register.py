"""Statistics from a hand-worked case register, built with the real `pelican` command.

Every expected number is worked out by hand in the comments beside the rows.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from conftest import Build, good_record

MAPPING = """
columns:
  reference: Ref
  received: Received
  closed: Closed
  status: Status
  outcome: Outcome
  exemptions: Exemptions
  extension: Extended
  review_requested: Review asked
  review_completed: Review done
  review_result: Review result
values:
  status: {Done: answered, Withdrawn: withdrawn, Lapsed: lapsed, Open: open}
  outcome: {Granted: disclosed, Part: partially-disclosed, Refused: refused}
  review_result: {Upheld: upheld, Overturned: overturned}
date_format: "%d/%m/%Y"
"""
HEADER = (
    "Ref,Received,Closed,Status,Outcome,Exemptions,Extended,Review asked,Review done,Review result"
)
ROWS = [
    # R1, published: Mon 3 Mar to Thu 20 Mar 2025: 4-7 (4), 10-14 (9), 17 Mar is St
    # Patrick's Day, 18-20 (12). On time. The outcome comes from the record: disclosed.
    "000001-25,03/03/2025,20/03/2025,Done,,,,,,",
    # R2: Mon 6 Jan to Fri 28 Feb: 7-10 (4), 13-17 (9), 20-24 (14), 27-31 (19), 3 Feb (20,
    # the deadline), 4-7 (24), 10-14 (29), 17-21 (34), 24-28 (39). Extended on 20 Jan, in
    # time: within an extension. Its review: Mon 3 Mar to Mon 31 Mar: 4-7 (4), 10-14 (9),
    # 18-21 (13), 24-28 (18), 31 (19): within 20, upheld.
    "000002-25,06/01/2025,28/02/2025,Done,Refused,s40(2),20/01/2025,03/03/2025,31/03/2025,Upheld",
    # R3: Mon 13 Jan to Thu 20 Feb: 14-17 (4), 20-24 (9), 27-31 (14), 3-7 (19), 10-14 (24),
    # 17-20 (28). No extension: late.
    "000003-25,13/01/2025,20/02/2025,Done,Part,Section 43(2),N,,,",
    # R4: withdrawn. R5: lapsed on 14 Apr, so open at the end of March.
    "000004-25,03/02/2025,05/02/2025,Withdrawn,,,,,,",
    "000005-25,10/02/2025,14/04/2025,Lapsed,,,,,,",
    # R6: Mon 24 Mar to Thu 17 Apr: 25-28 (4), 31 Mar-4 Apr (9), 7-11 (14), 14-17 (18). On
    # time; open at the end of March. Its review, asked in the next quarter: Tue 22 Apr to
    # Fri 20 Jun: 23-25 (3), 28 Apr-2 May (8), 6-9 May (12), 12-16 (17), 19-23 (22), 27-30
    # (26), 2-6 Jun (31), 9-13 (36), 16-20 (41): late, over the Code's 40.
    "000006-25,24/03/2025,17/04/2025,Done,Granted,,,22/04/2025,20/06/2025,Overturned",
    # R7: still open.
    "000007-25,31/03/2025,,Open,,,,,,",
    # R8: Mon 10 Mar to Tue 8 Apr: day 20 with St Patrick's Day left out (FOIA s.10(6)).
    "000008-25,10/03/2025,08/04/2025,Done,Granted,,,,,",
]


def register_site(
    make_site: Callable[..., Build], tmp_path: Path, rows: list[str], extra: str = ""
) -> Build:
    (tmp_path / "register.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    (tmp_path / "mapping.yaml").write_text(MAPPING, encoding="utf-8")
    record = good_record()
    del record["figures"]
    settings = (
        f"FOILOG_CASE_REGISTER = {str(tmp_path / 'register.csv')!r}\n"
        f"FOILOG_CASE_REGISTER_MAPPING = {str(tmp_path / 'mapping.yaml')!r}\n{extra}"
    )
    return make_site({"r1.yaml": record}, settings)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_register_statistics_are_counted_by_hand(
    make_site: Callable[..., Build], tmp_path: Path
) -> None:
    site = register_site(make_site, tmp_path, ROWS)
    assert site.ok, site.result.stderr
    rows = read_csv(site.output / "data" / "statistics.csv")
    q1 = {(r["measure"], r["category"]): r["count"] for r in rows if r["period"] == "2025-Q1"}
    expected = {
        ("requests", "received"): "8",
        ("requests", "answered"): "5",  # R1, R2, R3, R6, R8
        ("requests", "withdrawn"): "1",
        ("requests", "lapsed"): "1",
        ("requests", "open"): "1",
        ("requests", "open-at-end"): "4",  # R5, R6, R7, R8
        ("timeliness", "on-time"): "3",  # R1, R6, R8
        ("timeliness", "extended"): "1",  # R2
        ("timeliness", "late"): "1",  # R3
        ("working-days", "median"): "20",  # 12, 18, 20, 28, 39
        ("working-days", "mean"): "23.4",
        ("working-days", "longest"): "39",
        ("working-days", "1-20"): "3",
        ("working-days", "21-40"): "2",
        ("outcome", "disclosed"): "3",
        ("outcome", "refused"): "1",
        ("outcome", "partially-disclosed"): "1",
        ("exemption", "Section 40"): "1",
        ("exemption", "Section 43"): "1",
        ("internal-review", "requested"): "1",  # R2's; R6's was asked for in April
        ("internal-review", "upheld"): "1",
        ("internal-review", "on-time"): "1",
    }
    assert {key: q1[key] for key in expected} == expected
    q2 = {(r["measure"], r["category"]): r["count"] for r in rows if r["period"] == "2025-Q2"}
    assert q2[("internal-review", "requested")] == "1"
    assert q2[("internal-review", "late")] == "1"
    assert q2[("internal-review", "overturned")] == "1"
    assert q2[("requests", "received")] == "0"
    # The Cabinet Office layout: rates on a base of 5 answers with full dates.
    office = {
        r["quarter"]: r for r in read_csv(site.output / "data" / "statistics-cabinet-office.csv")
    }
    assert office["2025-Q1"]["requests_received"] == "8"
    assert office["2025-Q1"]["withdrawn_or_lapsed"] == "2"
    assert office["2025-Q1"]["open_at_period_end"] == "4"
    assert office["2025-Q1"]["in_time"] == "4"
    assert office["2025-Q1"]["in_time_percent"] == "80.0"
    assert office["2025-Q1"]["granted_in_full_percent"] == "60.0"
    assert office["2025-Q1"]["exemption_section_40"] == "1"
    assert office["2025-Q2"]["internal_reviews_late"] == "1"
    assert office["2025-Q2"]["in_time_percent"] == ""  # nothing received: too few
    text = " ".join(site.page("statistics/").find("main").get_text(" ").split())
    assert "every request received, from Northshire Police's case register" in text
    # Nothing names an unpublished request.
    page = site.page("statistics/").get_text()
    for reference in ("000002-25", "000003-25", "000008-25"):
        assert reference not in page


def test_a_bad_register_row_stops_the_build_with_one_line(
    make_site: Callable[..., Build], tmp_path: Path
) -> None:
    rows = [*ROWS, "000009-25,31/02/2025,,Open,,,,,,", "000010-25,03/03/2025,,Answered,,,,,,"]
    site = register_site(make_site, tmp_path, rows)
    assert not site.ok
    lines = site.error_lines()
    assert any(
        line.endswith(
            "register.csv:10: column 'Received' (received): expected a date such as "
            "03/04/2025; found '31/02/2025'"
        )
        for line in lines
    ), lines
    assert any(
        "register.csv:11: column 'Status' (status): expected one of answered, withdrawn, "
        "lapsed, open; found 'Answered'" in line
        for line in lines
    ), lines
    assert "Traceback" not in site.result.stderr


def test_a_published_record_missing_from_the_register_is_counted_with_a_warning(
    make_site: Callable[..., Build], tmp_path: Path
) -> None:
    # The register names R2 to R8 only; R1 has a published record, so it still counts.
    site = register_site(make_site, tmp_path, ROWS[1:])
    assert site.ok, site.result.stderr
    assert (
        "r1.yaml: reference 000001-25 is published but not in the case register register.csv; "
        "it is counted from its record"
    ) in site.result.stderr
    rows = read_csv(site.output / "data" / "statistics.csv")
    received = [r for r in rows if r["period"] == "2025-Q1" and r["category"] == "received"]
    assert received[0]["count"] == "8"


def test_register_settings_are_checked(make_site: Callable[..., Build], tmp_path: Path) -> None:
    (tmp_path / "register.csv").write_text(HEADER + "\n", encoding="utf-8")
    (tmp_path / "mapping.yaml").write_text(
        MAPPING.replace("  status: Status\n", "  status: Status\n  decision: Outcome\n"),
        encoding="utf-8",
    )
    register = f"FOILOG_CASE_REGISTER = {str(tmp_path / 'register.csv')!r}\n"
    site = make_site({}, register)
    assert not site.ok
    assert (
        "FOILOG_CASE_REGISTER_MAPPING: expected the path of the register's mapping file "
        "(YAML); found None"
    ) in site.result.stderr
    site = make_site(
        {}, register + f"FOILOG_CASE_REGISTER_MAPPING = {str(tmp_path / 'mapping.yaml')!r}"
    )
    assert not site.ok
    assert "mapping.yaml: columns.decision: unknown register field (known: reference" in (
        site.result.stderr
    )
    site = make_site({}, "FOILOG_CASE_REGISTER = 'nowhere.csv'")
    assert "FOILOG_CASE_REGISTER: expected a file; found no file nowhere.csv" in site.result.stderr
    assert "Traceback" not in site.result.stderr
