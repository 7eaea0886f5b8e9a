"""Each validation rule: a bad record stops the build, names the problem, and publishes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import Build, build, good_record, write_site


def assert_stopped(result: Build, file: str, field: str, *words: str) -> str:
    assert result.result.returncode == 1, result.result.stdout + result.result.stderr
    assert "Traceback" not in result.result.stderr + result.result.stdout
    matching = [
        line
        for line in result.error_lines()
        if line.startswith(f"disclosures/{file}:") and f" {field}: " in line
    ]
    assert matching, result.result.stderr
    line = matching[0]
    for word in words:
        assert word in line, line
    assert "Nothing was published" in result.result.stderr
    return line


def build_with(tmp_path: Path, *records: dict[str, Any] | str) -> Build:
    names = {f"2025/record-{n}.yaml": r for n, r in enumerate(records)}
    write_site(tmp_path, names)
    return build(tmp_path)


def test_missing_field(tmp_path: Path) -> None:
    record = good_record()
    del record["title"]
    line = assert_stopped(build_with(tmp_path, record), "2025/record-0.yaml", "title", "required")
    assert "found nothing" in line


def test_unknown_outcome(tmp_path: Path) -> None:
    record = good_record(questions=[{"text": "Q?", "outcome": "granted"}])
    line = assert_stopped(
        build_with(tmp_path, record), "2025/record-0.yaml", "questions[1].outcome", "'granted'"
    )
    assert "disclosed" in line and "neither-confirm-nor-deny" in line
    text = (tmp_path / "disclosures/2025/record-0.yaml").read_text().splitlines()
    outcome_line = next(n for n, t in enumerate(text, 1) if "outcome: granted" in t)
    assert line.startswith(f"disclosures/2025/record-0.yaml:{outcome_line}: ")


def test_unknown_exemption(tmp_path: Path) -> None:
    record = good_record(
        outcome="partially-disclosed",
        questions=[
            {"text": "A?", "outcome": "disclosed"},
            {"text": "B?", "outcome": "refused"},
        ],
        exemptions=[{"section": "99(1)", "questions": [2], "reason": "No such section."}],
    )
    assert_stopped(
        build_with(tmp_path, record),
        "2025/record-0.yaml",
        "exemptions[1].section",
        "'99(1)'",
        "FOIA register",
    )


def test_received_after_responded(tmp_path: Path) -> None:
    record = good_record(received="2025-04-01", responded="2025-03-20")
    assert_stopped(
        build_with(tmp_path, record), "2025/record-0.yaml", "received", "2025-04-01", "2025-03-20"
    )


def test_impossible_date(tmp_path: Path) -> None:
    record = good_record(received="2025-02-30")
    assert_stopped(build_with(tmp_path, record), "2025/record-0.yaml", "received", "'2025-02-30'")


def test_duplicate_reference(tmp_path: Path) -> None:
    result = build_with(tmp_path, good_record(), good_record(title="Another"))
    line = assert_stopped(result, "2025/record-1.yaml", "reference", "'000001-25'")
    assert "record-0.yaml" in line


def test_outcome_contradicts_questions(tmp_path: Path) -> None:
    record = good_record(outcome="refused")
    line = assert_stopped(build_with(tmp_path, record), "2025/record-0.yaml", "outcome", "refused")
    assert "1 disclosed" in line


def test_figure_total_does_not_add_up(tmp_path: Path) -> None:
    record = good_record()
    record["figures"][0]["total"] = 21
    line = assert_stopped(
        build_with(tmp_path, record), "2025/record-0.yaml", "figures[1].total", "21"
    )
    assert "add up to 20" in line


def test_two_dimensional_totals_checked(tmp_path: Path) -> None:
    record = good_record(
        figures=[
            {
                "caption": "Dogs by role and year",
                "unit": "count",
                "rows": ["General purpose", "Search"],
                "columns": ["2023", "2024"],
                "values": [[10, 12], [6, "<5"]],
                "row_totals": [22, 20],
                "column_totals": [16, 10],
            }
        ]
    )
    result = build_with(tmp_path, record)
    # Row 2 is 6 plus at most 4, so 20 cannot be right; column 2 is 12 plus at most 4.
    assert_stopped(result, "2025/record-0.yaml", "figures[1].row_totals[2]", "at most 10")
    assert any("figures[1].column_totals[2]" in line for line in result.error_lines())
    assert not any("row_totals[1]" in line for line in result.error_lines())


def test_public_interest_required_for_qualified(tmp_path: Path) -> None:
    record = good_record(
        questions=[{"text": "Where are the cameras?", "outcome": "refused"}],
        figures=[],
        exemptions=[{"section": "31(1)(a)(b)", "reason": "Would help offenders avoid them."}],
    )
    assert_stopped(
        build_with(tmp_path, record),
        "2025/record-0.yaml",
        "exemptions[1].public_interest",
        "qualified",
    )


def test_question_reference_must_exist(tmp_path: Path) -> None:
    record = good_record(
        questions=[{"text": "Names?", "outcome": "refused"}],
        figures=[],
        exemptions=[{"section": "40(2)", "questions": [1, "3b"], "reason": "Personal data."}],
    )
    assert_stopped(
        build_with(tmp_path, record), "2025/record-0.yaml", "exemptions[1].questions[2]", "3b"
    )


def test_unknown_field_and_bad_yaml_reported_together(tmp_path: Path) -> None:
    result = build_with(
        tmp_path, good_record(colour="blue"), "reference: [unclosed\n", good_record(reference="2")
    )
    assert_stopped(result, "2025/record-0.yaml", "colour", "unknown field")
    assert any(line.startswith("disclosures/2025/record-1.yaml:") for line in result.error_lines())
    assert "2 problem(s) in 2 record(s)" in result.result.stderr


def test_missing_attachment_file(tmp_path: Path) -> None:
    record = good_record(attachments=[{"title": "Data", "file": "missing.csv"}])
    assert_stopped(
        build_with(tmp_path, record), "2025/record-0.yaml", "attachments[1].file", "missing.csv"
    )


@pytest.mark.parametrize(
    "bad_settings",
    ["FOILOG_PER_PAGE = 0", 'FOILOG_BRAND = {"primary": "blue"}', "FOILOG_COLOUR = 1"],
)
def test_bad_settings_stop_the_build(tmp_path: Path, bad_settings: str) -> None:
    write_site(tmp_path, {"a.yaml": good_record()}, bad_settings)
    result = build(tmp_path)
    assert result.result.returncode == 1
    assert "Traceback" not in result.result.stderr
    assert result.result.stderr.startswith("settings: FOILOG_")


def test_failed_build_leaves_previous_output_untouched(tmp_path: Path) -> None:
    write_site(tmp_path, {"2025/good.yaml": good_record()})
    first = build(tmp_path)
    assert first.ok, first.result.stderr
    before = {p: p.read_bytes() for p in first.output.rglob("*") if p.is_file()}
    write_site(tmp_path, {"2025/bad.yaml": good_record(reference="2", received="2026-01-01")})
    second = build(tmp_path)
    assert second.result.returncode == 1
    after = {p: p.read_bytes() for p in second.output.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if "building" in p.name]


def test_references_that_make_the_same_address(tmp_path: Path) -> None:
    result = build_with(tmp_path, good_record(reference="FOI/7"), good_record(reference="FOI-7"))
    line = assert_stopped(result, "2025/record-1.yaml", "reference", "'FOI-7'")
    assert "/disclosures/2025/foi-7/" in line and "'FOI/7'" in line


def test_unchanged_rebuild_writes_no_files(tmp_path: Path) -> None:
    write_site(tmp_path, {"2025/a.yaml": good_record(), "2025/b.yaml": good_record(reference="2")})
    first = build(tmp_path)
    assert first.ok, first.result.stderr

    def state() -> dict[Path, tuple[int, int]]:
        # The search index too: a shard whose pages did not change is not indexed again.
        return {
            p.relative_to(first.output): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in first.output.rglob("*")
            if p.is_file()
        }

    before = state()
    again = build(tmp_path)
    assert again.ok, again.result.stderr
    assert state() == before  # no file rewritten, added or removed

    # A removed record's page goes; the other record's page is left alone.
    (tmp_path / "disclosures/2025/b.yaml").unlink()
    third = build(tmp_path)
    assert third.ok, third.result.stderr
    after = state()
    assert Path("disclosures/2025/2/index.html") not in after
    assert not (first.output / "disclosures/2025/2").exists()
