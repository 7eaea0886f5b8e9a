"""The publish gate of a bilingual log: with "cy" in FOILOG_LANGUAGES, a real build stops
(FOILOG_GUARD = "error") or warns ("warning") on missing and on out-of-date Welsh."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from conftest import PROJECT, Build, build, good_record, write_site
from test_welsh_records import bilingual_record

BILINGUAL = 'FOILOG_LANGUAGES = ["en", "cy"]\n'


def build_one(tmp_path: Path, record: dict[str, Any], settings: str) -> Build:
    text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
    write_site(tmp_path, {"2025/r.yaml": text}, settings)
    return build(tmp_path)


def finding_lines(site: Build, rule: str) -> list[str]:
    return [line for line in site.error_lines() if f": {rule}: " in line]


def test_a_complete_translation_passes_the_gate(tmp_path: Path) -> None:
    site = build_one(tmp_path, bilingual_record(), BILINGUAL + 'FOILOG_GUARD = "error"')
    assert site.ok, site.result.stderr
    assert not finding_lines(site, "translation-missing")


def test_missing_welsh_stops_the_build(tmp_path: Path) -> None:
    record = bilingual_record()
    del record["cy"]["response"]
    del record["figures"][0]["cy"]["rows"]
    site = build_one(tmp_path, record, BILINGUAL + 'FOILOG_GUARD = "error"')
    assert not site.ok
    assert "Nothing was published" in site.result.stderr
    lines = finding_lines(site, "translation-missing")
    assert len(lines) == 2, site.result.stderr
    text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True).splitlines()
    response_line = next(n for n, line in enumerate(text, 1) if line.startswith("response:"))
    assert lines[0].startswith(f"disclosures/2025/r.yaml:{response_line}: translation-missing: ")
    assert ": cy.response: no Welsh for response 'We hold this information.'" in lines[0]
    rows = ": figures[1].cy.rows: no Welsh for figures[1].rows 'General purpose / Search'"
    assert rows in lines[1]
    assert "foilog translate 000001-25" in lines[0]


def test_missing_welsh_is_a_warning_in_development(tmp_path: Path) -> None:
    site = build_one(tmp_path, good_record(), BILINGUAL + 'FOILOG_GUARD = "warning"')
    assert site.ok, site.result.stderr
    lines = finding_lines(site, "translation-missing")
    assert lines and all(line.startswith("warning: disclosures/2025/r.yaml:") for line in lines)
    places = {line.split(": ")[3] for line in lines}
    assert places == {"cy.title", "figures[1].cy.caption", "figures[1].cy.rows"}


def test_stale_welsh_stops_the_build(tmp_path: Path) -> None:
    record = bilingual_record()
    record["questions"][0]["answer"] = "We have 21 dogs."  # edited after translation
    site = build_one(tmp_path, record, BILINGUAL + 'FOILOG_GUARD = "error"')
    assert not site.ok
    (line,) = finding_lines(site, "translation-stale")
    assert ": questions[1].cy.answer: the Welsh translates an earlier English text" in line
    assert not finding_lines(site, "translation-missing")


def test_an_english_log_asks_for_no_welsh(tmp_path: Path) -> None:
    record = bilingual_record()
    record["questions"][0]["answer"] = "We have 21 dogs."
    site = build_one(tmp_path, record, 'FOILOG_GUARD = "error"')
    assert site.ok, site.result.stderr
    assert not finding_lines(site, "translation-stale")


def test_a_review_accepts_a_translation_finding(tmp_path: Path) -> None:
    record = bilingual_record()
    del record["cy"]["response"]
    record["review"] = [
        {
            "rule": "translation-missing",
            "place": "cy.response",
            "by": "Welsh Language Officer",
            "date": "2025-03-21",
            "reason": "The response is being translated; published in English meanwhile.",
        }
    ]
    site = build_one(tmp_path, record, BILINGUAL + 'FOILOG_GUARD = "error"')
    assert site.ok, site.result.stderr
    assert "1 finding(s) accepted by review" in site.result.stderr


def test_personal_data_in_the_welsh_is_found(tmp_path: Path) -> None:
    record = bilingual_record()
    record["cy"]["response"]["text"] = "Cysylltwch â j.jones@gmail.com am fanylion."
    site = build_one(tmp_path, record, BILINGUAL + 'FOILOG_GUARD = "error"')
    assert not site.ok
    assert any("cy.response.text" in line for line in site.error_lines()), site.result.stderr


def test_the_example_log_builds_bilingual_for_publishing(tmp_path: Path) -> None:
    """Every example record has current Welsh for every field the authority wrote."""
    shutil.copytree(PROJECT / "disclosures", tmp_path / "disclosures")
    write_site(tmp_path, {}, BILINGUAL + 'FOILOG_GUARD = "error"')
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    assert not [line for line in site.error_lines() if ": translation-" in line]
    assert "accepted: disclosures/2024/000256-24.yaml" in site.result.stderr
