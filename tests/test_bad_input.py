"""Bad input gives one clear line each, never a traceback, through the real `pelican` and
`foilog` commands; `foilog check` and the build always give the same verdict."""

from __future__ import annotations

import csv
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Build, build, good_record, write_site
from openpyxl import Workbook
from test_cli import FOILOG, foilog

# file:line: field: expected …; found … (a field with spaces or punctuation is quoted)
PROBLEM_LINE = re.compile(
    r'^\S[^:]*:\d+: (?:(?:[^\s":]|"(?:[^"\\]|\\.)*")+: )?expected .+; found .+$'
)


def built_and_checked(root: Path, records: dict[str, Any], settings: str = "") -> Build:
    """Build the records and check them with `foilog check`: both must agree, line by line."""
    write_site(root, records, settings)
    result = build(root)
    check = foilog(root, "check")
    assert "Traceback" not in result.result.stderr + check.stdout + check.stderr
    assert check.returncode == result.result.returncode, (check.stdout, result.result.stderr)
    problems = [line for line in result.error_lines() if PROBLEM_LINE.match(line)]
    assert problems == [line for line in check.stdout.splitlines() if PROBLEM_LINE.match(line)]
    return result


def stopped_with(root: Path, records: dict[str, Any], settings: str = "") -> list[str]:
    """The problem lines of a build that must stop, each in the one-line format."""
    result = built_and_checked(root, records, settings)
    assert result.result.returncode == 1, result.result.stderr
    lines = result.error_lines()
    assert lines[-1].startswith("The build stopped:"), lines
    for line in lines[:-1]:
        assert PROBLEM_LINE.match(line), line
        assert "found found" not in line and "found but found" not in line, line
    assert not result.output.exists()
    return lines[:-1]


def one_line(lines: list[str], *words: str) -> str:
    matching = [line for line in lines if all(word in line for word in words)]
    assert len(matching) == 1, lines
    return matching[0]


def test_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, 12):  # 9**12 items if expanded
        levels.append(
            f"l{n}: &l{n} [" + ", ".join([f"*{'a' if n == 1 else f'l{n - 1}'}"] * 9) + "]"
        )
    text = yaml.safe_dump(good_record()) + "\n".join(levels) + "\n"
    assert len(text) < 2000
    lines = stopped_with(tmp_path, {"2025/bomb.yaml": text})
    line = one_line(lines, "alias")
    first_alias = next(n for n, t in enumerate(text.splitlines(), 1) if "*a" in t)
    assert line.startswith(f"disclosures/2025/bomb.yaml:{first_alias}: ")


@pytest.mark.parametrize("unit", ["count", "money"])
def test_nan_and_infinity_in_cells_are_refused(tmp_path: Path, unit: str) -> None:
    record = good_record()
    record["figures"][0].update(unit=unit, values=[float("nan"), float("inf")], total=float("-inf"))
    lines = stopped_with(tmp_path, {"2025/a.yaml": record})
    assert "found nan" in one_line(lines, "figures[1].values[1]: expected a finite number")
    one_line(lines, "figures[1].values[2]: expected a finite number; found inf")
    one_line(lines, "figures[1].total: expected a finite number; found -inf")


def test_huge_numbers_are_refused(tmp_path: Path) -> None:
    record = good_record()
    record["figures"][0].update(values=[10**40, 12], total=1e300)
    lines = stopped_with(tmp_path, {"2025/a.yaml": record})
    one_line(lines, "figures[1].values[1]: expected a number smaller than 1,000,000,000,000,000")
    one_line(lines, "figures[1].total:", "1e+300")


def test_control_characters_are_refused_naming_the_field(tmp_path: Path) -> None:
    record = good_record(title="Police\x01 dogs")
    record["questions"][0]["answer"] = "Twelve\x1b[2J dogs"
    lines = stopped_with(tmp_path, {"2025/a.yaml": record})
    one_line(lines, " title: expected text without control characters; found the character U+0001")
    one_line(lines, " questions[1].answer: ", "U+001B")


def test_raw_control_character_is_reported_on_its_line(tmp_path: Path) -> None:
    text = yaml.safe_dump(good_record()).replace("Number of police dogs", "Number\x07 of dogs")
    line_number = next(n for n, t in enumerate(text.splitlines(), 1) if "\x07" in t)
    lines = stopped_with(tmp_path, {"2025/a.yaml": text})
    assert lines == [
        f"disclosures/2025/a.yaml:{line_number}: expected text without control characters; "
        "found the character U+0007"
    ]


def test_unclosed_quote_is_reported_where_it_opens(tmp_path: Path) -> None:
    text = yaml.safe_dump(good_record()).replace("title: Number", 'title: "Number')
    line_number = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("title:"))
    lines = stopped_with(tmp_path, {"2025/a.yaml": text})
    assert lines == [
        f"disclosures/2025/a.yaml:{line_number}: expected a closing quote to match the one on "
        "this line; found a quote that is never closed"
    ]


def two_dimensional(values: list[list[int]]) -> dict[str, Any]:
    return good_record(
        figures=[
            {
                "caption": "Dogs by role and year",
                "unit": "count",
                "rows": ["General purpose", "Search"],
                "columns": ["2023", "2024", "2025"],
                "values": values,
                "column_totals": [16, 20, 3],
            }
        ]
    )


@pytest.mark.parametrize("row", [[6, 8], [6, 8, 1, 1]])
def test_two_dimensional_row_of_the_wrong_length(tmp_path: Path, row: list[int]) -> None:
    lines = stopped_with(tmp_path, {"2025/a.yaml": two_dimensional([[10, 12, 2], row])})
    assert lines == [
        f"disclosures/2025/a.yaml:{lines[0].split(':')[1]}: figures[1].values[2]: expected 3 "
        f"values, one per column; found {len(row)}"
    ]


def test_every_problem_in_one_run(tmp_path: Path) -> None:
    record = good_record(colour="blue", received="2025-04-01", responded="2025-03-20")
    record["questions"] = [
        {"text": "How many dogs?", "outcome": "granted"},
        {"text": "TODO: the question as asked", "outcome": "disclosed"},
    ]
    record["figures"][0]["total"] = 21
    record["exemptions"] = [{"section": "40(2)", "questions": [3], "reason": "Names."}]
    lines = stopped_with(tmp_path, {"2025/a.yaml": record})
    one_line(lines, " colour: ", "unknown field colour")
    one_line(lines, " questions[1].outcome: ", "'granted'")
    one_line(lines, " questions[2].text: ", "placeholder")
    one_line(lines, " figures[1].total: ", "add up to 20")
    one_line(lines, " received: ", "2025-03-20")
    one_line(lines, " exemptions[1].questions[1]: ", "3")
    assert len(lines) == 6


def test_record_over_the_size_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    text = yaml.safe_dump(good_record(response="Dogs. " * 500))
    lines = stopped_with(tmp_path, {"2025/a.yaml": text}, "FOILOG_MAX_RECORD_BYTES = 2000")
    size = len(text.encode())
    assert lines == [
        "disclosures/2025/a.yaml:1: expected a record of at most 2,000 bytes "
        f"(FOILOG_MAX_RECORD_BYTES); found {size:,} bytes"
    ]


def test_dates_in_the_future_are_refused(tmp_path: Path) -> None:
    lines = stopped_with(
        tmp_path, {"2025/a.yaml": good_record(received="2999-03-03", responded="2999-03")}
    )
    one_line(lines, " received: expected a date no later than today", "2999-03-03, in the future")
    one_line(lines, " responded: ", "2999-03, in the future")


@pytest.mark.parametrize(
    ("citation", "cited", "valid"),
    [
        ("40(9)", "'40(9)'", "40(1), 40(2), 40(3)"),
        ("40(2)(z)(q)", "'40(2)(z)'", "40(2)(a), 40(2)(b)"),
        ("31(4)", "'31(4)'", "31(1), 31(2), 31(3)"),
    ],
)
def test_unknown_subsections_are_refused(
    tmp_path: Path, citation: str, cited: str, valid: str
) -> None:
    record = good_record(
        questions=[{"text": "Names?", "outcome": "refused"}],
        figures=[],
        exemptions=[{"section": citation, "reason": "Why.", "public_interest": "Weighed."}],
    )
    lines = stopped_with(tmp_path, {"2025/a.yaml": record})
    line = one_line(lines, " exemptions[1].section: expected a subsection of Section ")
    assert line.endswith(f"; found {cited}") and valid in line


def test_deeper_citations_still_resolve(tmp_path: Path) -> None:
    record = good_record(
        questions=[{"text": "Where?", "outcome": "refused"}],
        figures=[],
        exemptions=[
            {"section": citation, "reason": "Why.", "public_interest": "Weighed."}
            for citation in ("31(1)(a)(b)", "36(2)(b)(ii)", "40(2)(a)(b)", "40(5)", "21")
        ],
    )
    result = built_and_checked(tmp_path, {"2025/a.yaml": record})
    assert result.ok, result.result.stderr


def test_attachments_with_one_name_in_two_folders_are_refused(tmp_path: Path) -> None:
    for folder in ("2025/one", "2025/two"):
        (tmp_path / "disclosures" / folder).mkdir(parents=True)
        (tmp_path / "disclosures" / folder / "data.csv").write_text(f"{folder}\n1\n")
    record = good_record(
        attachments=[
            {"title": "First", "file": "one/data.csv"},
            {"title": "Second", "file": "two/DATA.csv"},
        ]
    )
    (tmp_path / "disclosures/2025/two/data.csv").rename(tmp_path / "disclosures/2025/two/DATA.csv")
    lines = stopped_with(tmp_path, {"2025/a.yaml": record})
    assert lines == [
        f"disclosures/2025/a.yaml:{lines[0].split(':')[1]}: attachments[2].file: expected a file "
        "name used by no other attachment of this record (each is published under its own "
        "name, on the page's address); found two/DATA.csv, whose name is also one/data.csv"
    ]


def test_symlink_attachment_is_reported_as_a_link(tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("name\nsomeone\n")
    (tmp_path / "disclosures/2025").mkdir(parents=True)
    (tmp_path / "disclosures/2025/a.csv").symlink_to(secret)
    record = good_record(attachments=[{"title": "Data", "file": "a.csv"}])
    lines = stopped_with(tmp_path, {"2025/a.yaml": record})
    line = one_line(lines, " attachments[1].file: ")
    assert "links outside the record's folder are not published" in line
    assert line.endswith("found a.csv, a link to a place outside it")


def test_open_data_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    record = good_record(title='=HYPERLINK("https://evil.example","Click")')
    record["figures"][0].update(caption="@SUM(A1:A9)", rows=["+cmd|' /C calc'!A0", "-2+3"])
    result = built_and_checked(tmp_path, {"2025/a.yaml": record})
    assert result.ok, result.result.stderr
    sheet = Workbook().active
    for name in ("disclosures.csv", "figures.csv"):
        text = (result.output / "data" / name).read_text(encoding="utf-8")
        for row in csv.reader(text.splitlines()):
            sheet.append(row)  # as a spreadsheet reads each cell: "=…" becomes a formula
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [c.value for c in cells if c.data_type == "f"]
    values = {str(c.value) for c in cells}
    assert '\'=HYPERLINK("https://evil.example","Click")' in values
    assert {"'@SUM(A1:A9)", "'+cmd|' /C calc'!A0", "'-2+3"} <= values
    assert "12" in values and "20" in values  # numbers are left as they are


def test_markdown_links_and_remote_images(tmp_path: Path) -> None:
    record = good_record(
        response="See [the map](javascript:alert(1)), [the list](//evil.example/list), "
        "[our page](../other/) and [mail](mailto:foi@example.org).\n\n"
        "![A chart](https://evil.example/track.png) ![Local](/theme/images/logo.png)"
    )
    result = built_and_checked(tmp_path, {"2025/a.yaml": record})
    assert result.ok, result.result.stderr
    response = result.page("disclosures/2025/000001-25/").find(string="the map").find_parent("div")
    hrefs = {a.get_text(): a.get("href") for a in response.find_all("a")}
    assert response.find("span", string="the map")  # its text, no longer a link
    assert hrefs == {
        "the list": "//evil.example/list",
        "our page": "../other/",
        "mail": "mailto:foi@example.org",
        "A chart": "https://evil.example/track.png",
    }
    assert [img["src"] for img in response.find_all("img")] == ["/theme/images/logo.png"]


def test_new_interactive_when_the_input_ends(tmp_path: Path) -> None:
    write_site(tmp_path, {"2025/a.yaml": good_record()})
    for answers in ("", "A title\n2025-03-01\n"):
        result = foilog(tmp_path, "new", "-i", stdin=answers)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert result.stderr.strip().endswith("foilog new: the input ended; nothing was written")
    assert [p.name for p in (tmp_path / "disclosures").rglob("*.yaml")] == ["a.yaml"]


@pytest.mark.parametrize(
    "command",
    [["check"], ["stats"], ["search", "dogs"], ["new", "--reference", "000009-25"], ["--help"]],
)
def test_every_command_into_a_closed_pipe(tmp_path: Path, command: list[str]) -> None:
    write_site(tmp_path, {f"2025/{n}.yaml": good_record(reference=f"{n}") for n in range(30)})
    settings = [] if command == ["--help"] else ["--settings", "settings.py"]
    reader, writer = os.pipe()
    os.close(reader)  # nobody reads: the first write fails
    process = subprocess.run(
        [FOILOG, *command, *settings], cwd=tmp_path, stdout=writer, stderr=subprocess.PIPE
    )
    os.close(writer)
    assert b"Traceback" not in process.stderr and b"BrokenPipe" not in process.stderr
    assert process.returncode in (0, 141), process.stderr
