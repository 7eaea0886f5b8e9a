"""The `foilog` command, run as staff run it, on a temporary copy of the example site."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, good_record, write_site

FOILOG = str(Path(sys.executable).with_name("foilog"))

MAPPING = """
columns:
  reference: Case ref
  title: Subject
  received: Date received
  responded: Date sent
  question: Request
  outcome: Result
  topics: Keywords
  exemptions: Exemptions
  exemption_reason: Why
values:
  outcome:
    Granted in full: disclosed
    Refused: refused
date_format: "%d/%m/%Y"
"""
HEADER = ["Case ref", "Subject", "Date received", "Date sent", "Request", "Result", "Keywords"]
HEADER = [*HEADER, "Exemptions", "Why"]
GOOD_ROW = ["000610-25", "Police horses", "01/09/2025", "22/09/2025", "How many horses?"]
GOOD_ROW += ["Granted in full", "horses; mounted unit", "", ""]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(PROJECT / "disclosures", tmp_path / "disclosures")
    write_site(tmp_path, {})
    (tmp_path / "mapping.yaml").write_text(MAPPING, encoding="utf-8")
    return tmp_path


def foilog(site: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [FOILOG, *args, "--settings", "settings.py"],
        cwd=site,
        capture_output=True,
        text=True,
        input=stdin,
        check=False,
    )


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    lines = [",".join(row) for row in [HEADER, *rows]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_command_has_help() -> None:
    for command in ("new", "check", "import", "stats", "search", "withdraw", "translate"):
        result = subprocess.run([FOILOG, command, "--help"], capture_output=True, text=True)
        assert result.returncode == 0
        assert "--settings" in result.stdout


def test_missing_settings_file_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run([FOILOG, "check"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2
    assert "no settings file pelicanconf.py" in result.stderr


def test_check_passes_the_example_and_fails_a_bad_record(site: Path) -> None:
    result = foilog(site, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All 16 record(s) can be published." in result.stdout
    broken = good_record(reference="000999-25", questions=[{"text": "Q?", "outcome": "granted"}])
    (site / "disclosures" / "broken.yaml").write_text(yaml.safe_dump(broken))
    result = foilog(site, "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("disclosures/broken.yaml:")
    assert "questions[1].outcome: expected one of disclosed" in lines[0]
    assert "found 'granted'" in lines[0]
    assert lines[-1].startswith("A build would stop: 1 problem(s) in 1 record(s).")


def test_check_runs_the_publish_guard_as_the_settings_say(site: Path) -> None:
    small = good_record(reference="000998-25")
    small["figures"][0]["values"] = [17, 3]
    (site / "disclosures" / "small.yaml").write_text(yaml.safe_dump(small))
    result = foilog(site, "check")  # development settings: findings are warnings
    assert result.returncode == 0, result.stdout + result.stderr
    warning = next(line for line in result.stdout.splitlines() if "small-number" in line)
    assert warning.startswith("warning: disclosures/small.yaml:")
    with (site / "settings.py").open("a") as settings:
        settings.write('FOILOG_GUARD = "error"\n')
    result = foilog(site, "check")
    assert result.returncode == 1
    assert "A build would stop: 1 publish-guard finding(s) in 1 record(s)." in result.stdout


def test_new_writes_the_next_reference_with_placeholders_the_check_refuses(site: Path) -> None:
    year = dt.date.today().year
    yy = f"{year % 100:02d}"
    # An existing reference of this year: the next one follows it.
    shutil.copy(site / "disclosures/2025/000341-25.yaml", site / "disclosures/this-year.yaml")
    existing = site / "disclosures/this-year.yaml"
    existing.write_text(existing.read_text().replace("000341-25", f"000041-{yy}"))
    result = foilog(site, "new")
    assert result.returncode == 0, result.stderr
    path = site / "disclosures" / str(year) / f"000042-{yy}.yaml"
    record = yaml.safe_load(path.read_text())
    assert record["reference"] == f"000042-{yy}"
    assert str(record["responded"]) == dt.date.today().isoformat()
    assert record["title"].startswith("TODO")
    check = foilog(site, "check")
    assert check.returncode == 1
    assert f"000042-{yy}.yaml:4: title: expected your own text in place of the placeholder" in (
        check.stdout
    )
    # Never overwrites: the reference in use is refused and the file is left as it was.
    before = path.read_text()
    again = foilog(site, "new", "--reference", f"000042-{yy}")
    assert again.returncode == 2
    assert f"000042-{yy} is already used by disclosures/{year}/000042-{yy}.yaml" in again.stderr
    assert path.read_text() == before


def test_new_interactive_asks_for_title_dates_and_questions(site: Path) -> None:
    answers = "Police dogs\n2025-03-03\nnot a date\n2025-03-20\nHow many dogs?\n9\n1\n\n"
    result = foilog(site, "new", "-i", "--reference", "000900-25", stdin=answers)
    assert result.returncode == 0, result.stderr
    assert "Please give a date such as 2025-04-03." in result.stdout
    assert "Please give a number from 1 to 5" in result.stdout
    path = site / "disclosures/2025/000900-25.yaml"
    record = yaml.safe_load(path.read_text())
    assert record["title"] == "Police dogs"
    assert str(record["received"]) == "2025-03-03"
    assert record["questions"][0]["text"] == "How many dogs?"
    assert record["questions"][0]["outcome"] == "disclosed"
    # What was not asked for stays a placeholder until staff replace or delete it.
    problems = [line for line in foilog(site, "check").stdout.splitlines() if "000900" in line]
    assert [p.split(": ")[1] for p in problems] == ["questions[1].answer", "response"]


def test_import_writes_good_rows_and_reports_bad_ones(site: Path) -> None:
    export = write_csv(
        site / "export.csv",
        [
            GOOD_ROW,
            ["000611-25", "Overtime", "02/09/2025", "not a date", "How much?", "Refused", "", ""],
            [
                *["000612-25", "Informants", "03/09/2025", "24/09/2025", "How much?", "Refused"],
                *["", "31(1)(a)", "It would harm crime prevention."],
            ],
            ["000613-25", "Custody", "03/09/2025", "25/09/2025", "How many?", "Maybe", "", "", ""],
        ],
    )
    result = foilog(site, "import", str(export), "--mapping", "mapping.yaml")
    assert result.returncode == 1
    out = result.stdout
    assert "Wrote disclosures/2025/000610-25.yaml from row 2" in out
    assert (
        "export.csv row 3: column 'Date sent' (responded): expected a date such as 03/04/2025; "
        "found 'not a date'" in out
    )
    assert (
        "export.csv row 4 (column 'Exemptions'): exemptions[1].public_interest: "
        "expected a public interest test, because Section 31 is qualified" in out
    )
    assert "export.csv row 5 (column 'Result'): questions[1].outcome: expected one of" in out
    assert "Wrote 1 record(s); 3 problem(s)" in out
    written = yaml.safe_load((site / "disclosures/2025/000610-25.yaml").read_text())
    assert written["questions"] == [{"text": "How many horses?", "outcome": "disclosed"}]
    assert written["topics"] == ["horses", "mounted unit"]
    for reference in ("000611-25", "000612-25", "000613-25"):
        assert not list(site.rglob(f"{reference}.yaml"))
    assert not list(site.rglob(".*.tmp"))
    assert foilog(site, "check").returncode == 0


def test_import_never_overwrites_without_force(site: Path) -> None:
    target = site / "disclosures/2025/000566-25.yaml"
    before = target.read_text()
    row = ["000566-25", "Replacement", "01/09/2025", "22/09/2025", "Again?", "Granted in full"]
    export = write_csv(site / "export.csv", [[*row, "", "", ""]])
    result = foilog(site, "import", str(export), "--mapping", "mapping.yaml")
    assert result.returncode == 1
    assert (
        "row 2: reference 000566-25 already has a record, disclosures/2025/000566-25.yaml; "
        "use --force to replace it" in result.stdout
    )
    assert target.read_text() == before
    forced = foilog(site, "import", str(export), "--mapping", "mapping.yaml", "--force")
    assert forced.returncode == 0, forced.stdout
    assert yaml.safe_load(target.read_text())["title"] == "Replacement"


def test_import_with_an_unknown_column_writes_nothing(site: Path) -> None:
    mapping = site / "mapping.yaml"
    mapping.write_text(mapping.read_text().replace("title: Subject", "title: Subjekt"))
    export = write_csv(site / "export.csv", [GOOD_ROW])
    result = foilog(site, "import", str(export), "--mapping", "mapping.yaml")
    assert result.returncode == 2
    assert (
        "the mapping names the column 'Subjekt' for title, but export.csv has no such column"
        in result.stderr
    )
    assert not list(site.rglob("000610-25.yaml"))
    mapping.write_text(mapping.read_text().replace("title: Subjekt", "headline: Subject"))
    result = foilog(site, "import", str(export), "--mapping", "mapping.yaml")
    assert result.returncode == 2
    assert "columns.headline: unknown record field" in result.stderr
    assert "columns.title: required" in result.stderr


def test_import_reads_xlsx_with_real_dates(site: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    row: list = [*GOOD_ROW]
    row[2], row[3] = dt.datetime(2025, 9, 1), dt.datetime(2025, 9, 22)
    sheet.append(row)
    book.save(site / "export.xlsx")
    result = foilog(site, "import", "export.xlsx", "--mapping", "mapping.yaml", "--dry-run")
    assert result.returncode == 0, result.stdout
    assert "Would write disclosures/2025/000610-25.yaml from row 2" in result.stdout
    assert not list(site.rglob("000610-25.yaml"))
    result = foilog(site, "import", "export.xlsx", "--mapping", "mapping.yaml")
    written = yaml.safe_load((site / "disclosures/2025/000610-25.yaml").read_text())
    assert str(written["received"]) == "2025-09-01"


def test_stats_for_a_year_and_for_dates(site: Path) -> None:
    result = foilog(site, "stats", "--year", "2025")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Statistics for Northshire Police: requests received in 2025" in out
    assert "Counted from the published records only." in out
    # Received in 2025: 000198-25, 000341-25, 000402-25 and 000566-25 (000871-24 was
    # received in December 2024). 000402-25: Mon 9 Jun to Mon 21 Jul 2025, extended on
    # 3 Jul: 10-13 Jun (4), 16-20 (9), 23-27 (14), 30 Jun-4 Jul (19), 7-11 (24), Mon 14 Jul
    # is the Battle of the Boyne holiday (a bank holiday in Northern Ireland, so not a
    # working day under FOIA), 15-18 (28), 21 (29). The rest were within 20.
    assert "4 requests were received in 2025: 4 answered, 0 withdrawn" in out
    assert (
        "Of 4 answers with full dates, 3 were within 20 working days (too few to show a rate) "
        "and 1 within an extension; 0 were late"
    ) in out
    assert re.search(r"Longest\s+29\n", out)
    # The 2023-24 financial year, by date received: 000388-23, 000642-23, 000651-23,
    # 000797-23, 000903-23, 000041-24, 000118-24 and 000256-24 (received 25 March 2024).
    result = foilog(site, "stats", "--from", "2023-04-01", "--to", "2024-03-31")
    assert result.returncode == 0
    assert "8 requests were received from 1 April 2023 to 31 March 2024" in result.stdout
    result = foilog(site, "stats", "--quarter", "2024-Q1")
    assert "3 requests were received in January to March 2024" in result.stdout
    clash = foilog(site, "stats", "--year", "2025", "--from", "2025-01-01")
    assert clash.returncode == 2
    assert "give one of --year, --quarter, or --from and --to" in clash.stderr


def test_stats_with_a_case_register(site: Path) -> None:
    register = PROJECT / "case-register"
    result = foilog(
        site,
        "stats",
        "--quarter",
        "2025-Q4",
        "--register",
        str(register / "requests.csv"),
        "--mapping",
        str(register / "mapping.yaml"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Counted from the case register." in out
    # The example register's October to December 2025: 000701-25, 000715-25, 000733-25,
    # 000748-25 (withdrawn), 000760-25, 000777-25, 000790-25 (open), 000802-25 (lapsed in
    # December) and 000815-25 (open).
    assert (
        "9 requests were received in October to December 2025: 4 answered, 1 withdrawn, "
        "1 lapsed and 3 still open. 3 were open at the end of the period."
    ) in out
    # 000760-25: Mon 27 Oct to Fri 5 Dec: 28-31 (4), 3-7 Nov (9), 10-14 (14), 17-21 (19),
    # 24-28 (24), Mon 1 Dec is St Andrew's Day's substitute in Scotland, 2-5 (28): late.
    assert re.search(r"Longest\s+28\n", out)
    missing = foilog(site, "stats", "--register", str(register / "requests.csv"))
    assert missing.returncode == 2
    assert "--register needs --mapping" in missing.stderr


def test_search_shows_matches_with_outcome_date_and_figures(site: Path) -> None:
    result = foilog(site, "search", "stop search")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "000214-23  Stop and search by ethnicity, 2020 to 2022" in result.stdout
    assert "Disclosed, responded 2023-03-02" in result.stdout
    assert "Figures: Stop and searches by self-defined ethnicity and calendar year" in result.stdout
    assert "Total: 24735" in result.stdout
    assert "000118-24  Stop and search in 2023 by reason and outcome" in result.stdout
    assert "2 record(s) shown, best match first." in result.stdout


def test_search_filters_by_exemption_year_topic_and_outcome(site: Path) -> None:
    result = foilog(site, "search", "sex workers", "--exemption", "40(2)", "--year", "2025")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "000341-25  Attacks on sex workers reported to the force" in result.stdout
    assert "Exemptions: Section 40(2)" in result.stdout
    assert "All alleged offences, April 2022 to March 2025: 5" in result.stdout
    assert "1 record(s) shown" in result.stdout
    custody = foilog(site, "search", "--topic", "Custody", "--outcome", "refused")
    references = re.findall(r"^([0-9]{6}-[0-9]{2})  ", custody.stdout, re.M)
    assert references == ["000651-23", "000642-23"]
    assert "2 record(s) shown, newest first." in custody.stdout


def test_search_with_no_match_says_so_and_exits_1(site: Path) -> None:
    result = foilog(site, "search", "sex workers", "--year", "2023")
    assert result.returncode == 1
    assert result.stdout.strip() == "No record matches."


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ('"sex workers', 'a quotation mark (") is not closed'),
        ("AND OR", "AND needs a word on each side"),
        ("custody NOT", "NOT needs a word after it"),
        ("(custody OR children", "the brackets ( ) do not pair up"),
    ],
)
def test_search_refuses_a_query_it_cannot_parse(site: Path, query: str, reason: str) -> None:
    result = foilog(site, "search", query)
    assert result.returncode == 2
    assert result.stderr == f"foilog search: cannot search for {query!r}: {reason}\n"
    assert result.stdout == ""


def test_search_leaves_out_broken_records_and_says_so(site: Path) -> None:
    broken = site / "disclosures" / "2025" / "000341-25.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("outcome: partially", "outcome: x")
    )
    result = foilog(site, "search", "sex workers")
    assert result.returncode == 1
    assert "1 record file(s) have problems and are left out of the search" in result.stdout
    assert "No record matches." in result.stdout
