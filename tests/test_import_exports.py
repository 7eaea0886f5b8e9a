"""`foilog import` on exports as case-management systems write them."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import write_site

FOILOG = str(Path(sys.executable).with_name("foilog"))

MAPPING = """
columns:
  reference: Ref
  title: Subject
  received: Received
  responded: Sent
  question: Questions
  question_outcomes: Outcomes
  outcome: Overall
  topics: Tags
  exemptions: Exemptions
  exemption_reason: Reasons
  public_interest: PIT
  ncnd: NCND
values:
  outcome:
    Granted: disclosed
    Refused: refused
    Not held: not-held
question_separator: "||"
list_separator: ","
"""
HEADER = ["Ref", "Subject", "Received", "Sent", "Questions", "Outcomes", "Overall", "Tags"]
HEADER += ["Exemptions", "Reasons", "PIT", "NCND", "S43 reason"]


def row(**cells: str) -> list[str]:
    values = {
        "Ref": "000700-25",
        "Subject": "Contracts for towing",
        "Received": "2025-05-01",
        "Sent": "2025-05-20",
        "Questions": "Who holds the towing contract?||How much is it worth?",
        "Outcomes": "Granted, Refused",
        "Overall": "partially-disclosed",
        "Tags": "towing, contracts",
        "Exemptions": "s40(2), S.43 (2)",
        "Reasons": "It names a junior officer. | It would harm the supplier's commercial position.",
        "PIT": "Disclosure would weaken future tenders.",
        "NCND": "no",
        "S43 reason": "",
    }
    values.update(cells)
    return [values[name] for name in HEADER]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write_site(tmp_path, {})
    (tmp_path / "mapping.yaml").write_text(MAPPING, encoding="utf-8")
    return tmp_path


def run_import(site: Path, rows: list[list[str]], mapping: str = "mapping.yaml") -> str:
    with (site / "export.csv").open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([HEADER, *rows])
    result = subprocess.run(
        [FOILOG, "import", "export.csv", "--mapping", mapping, "--settings", "settings.py"],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result.stdout + result.stderr


def record(site: Path, reference: str) -> dict:
    return yaml.safe_load(next(site.rglob(f"{reference}.yaml")).read_text("utf-8"))


def test_citations_reasons_and_outcomes_map_to_their_own_exemption_and_question(site: Path) -> None:
    out = run_import(site, [row()])
    assert (
        "Wrote disclosures/2025/000700-25.yaml from row 2: 2 question(s); outcomes disclosed, "
        "refused; exemptions 40(2), 43(2) with public interest test; 2 topic(s)" in out
    ), out
    written = record(site, "000700-25")
    assert [q["outcome"] for q in written["questions"]] == ["disclosed", "refused"]
    assert written["outcome"] == "partially-disclosed"
    assert written["topics"] == ["towing", "contracts"]
    first, second = written["exemptions"]
    assert first == {"section": "40(2)", "reason": "It names a junior officer."}
    assert second["section"] == "43(2)"
    assert second["reason"] == "It would harm the supplier's commercial position."
    # The one test in the PIT column belongs to the one qualified exemption, 43(2).
    assert second["public_interest"] == "Disclosure would weaken future tenders."


def test_an_absolute_exemption_never_gets_a_public_interest_test(site: Path) -> None:
    out = run_import(
        site,
        [row(Exemptions="Section 40(2)", Reasons="Personal data.", PIT="Weighed carefully.")],
    )
    assert "no public interest test for 40(2): it is not qualified" in out
    assert record(site, "000700-25")["exemptions"] == [
        {"section": "40(2)", "reason": "Personal data."}
    ]


def test_one_reason_is_never_copied_to_every_exemption(site: Path) -> None:
    out = run_import(site, [row(Reasons="One reason for both.")])
    assert (
        "export.csv row 2: column 'Reasons' (exemption_reason): expected one text per exemption "
        "(40(2), 43(2)), separated by '|', or a column per exemption (exemption_columns); "
        "found 1 for 2 exemption(s)" in out
    ), out
    assert not list(site.rglob("000700-25.yaml"))


def test_a_column_per_exemption_and_an_ncnd_column(site: Path) -> None:
    mapping = MAPPING.replace("  exemption_reason: Reasons\n", "") + (
        'exemption_columns:\n  "s.43(2)":\n    reason: S43 reason\n'
    )
    (site / "by-column.yaml").write_text(mapping, encoding="utf-8")
    rows = [
        row(Exemptions="s43(2)", **{"S43 reason": "Commercial harm."}, NCND="s.43(2)"),
        row(Ref="000701-25", Exemptions="s40(2)", **{"S43 reason": "Left over."}),
    ]
    out = run_import(site, rows, "by-column.yaml")
    written = record(site, "000700-25")["exemptions"]
    assert written[0]["reason"] == "Commercial harm." and written[0]["ncnd"] is True
    assert (
        "export.csv row 3: column 'S43 reason' (exemption_columns.43(2).reason): expected empty, "
        "as the row does not cite 43(2); found text" in out
    ), out


def test_a_row_needs_one_outcome_per_question(site: Path) -> None:
    out = run_import(site, [row(Outcomes="Granted")])
    assert (
        "export.csv row 2: column 'Outcomes' (question_outcomes): expected 2 outcome(s), one per "
        "question, separated by ','; found 1" in out
    ), out


def test_a_mapping_error_writes_nothing(site: Path) -> None:
    (site / "bad.yaml").write_text(
        MAPPING + 'exemption_columns:\n  "not a section":\n    reason: S43 reason\n', "utf-8"
    )
    out = run_import(site, [row()], "bad.yaml")
    assert "bad.yaml: exemption_columns.not a section: expected a citation such as 40(2)" in out
    assert not list((site / "disclosures").rglob("*.yaml"))


def test_staff_search_reads_citations_as_case_systems_write_them(site: Path) -> None:
    run_import(site, [row()])
    for written in ("S.43(2)", "s.43 (2)", "Section 43(2)", "s43(2)"):
        result = subprocess.run(
            [FOILOG, "search", "--exemption", written, "--settings", "settings.py"],
            cwd=site,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, (written, result.stdout + result.stderr)
        assert "000700-25" in result.stdout
