"""`foilog translate`: the spreadsheet for translators, the Welsh read back into the
record with its hashes (the rest of the file as it was), and the bilingual build's gate
passing, then finding the Welsh out of date when the English is edited."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import build, write_site
from openpyxl import load_workbook
from test_cli import foilog

RECORD = """\
reference: "000007-25"   # the authority's own reference
title: Police dogs retired in 2024
received: 2025-03-03
responded: 2025-03-20
questions:
  - text: How many police dogs retired in 2024?
    outcome: disclosed
    answer: |
      Twelve dogs retired in 2024.

      Most were rehomed with their handlers.
figures:
  - caption: Dogs retired in 2024 by role
    unit: count
    rows: [General purpose, Search]
    values: [7, 5]
    total: 12
attachments:
  - title: Retirement policy
    url: https://example.org/policy.pdf
"""
WELSH = {
    "title": "Cŵn heddlu a ymddeolodd yn 2024",
    "questions[1].answer": (
        "Ymddeolodd deuddeg ci yn 2024.\n\nCafodd y rhan fwyaf gartref gyda'u trinwyr."
    ),
    "figures[1].caption": "Cŵn a ymddeolodd yn 2024 yn ôl rôl",
    "figures[1].rows[1]": "Pwrpas cyffredinol",
    "figures[1].rows[2]": "Chwilio",
    "attachments[1].title": "Polisi ymddeol",
}
BILINGUAL = 'FOILOG_LANGUAGES = ["en", "cy"]\nFOILOG_GUARD = "error"\n'


def _site(root: Path) -> Path:
    write_site(root, {"2025/000007-25.yaml": RECORD}, BILINGUAL)
    return root / "disclosures/2025/000007-25.yaml"


def _sheet(path: Path) -> list[tuple[object, ...]]:
    return list(load_workbook(path)["Translation"].iter_rows(values_only=True))


def _translate(sheet: Path, welsh: dict[str, str]) -> None:
    """Fill in the Welsh column, as a translator does in a spreadsheet program."""
    book = load_workbook(sheet)
    for row in book["Translation"].iter_rows(min_row=2):
        if row[0].value in welsh:
            row[2].value = welsh[str(row[0].value)]
    book.save(sheet)


def test_the_sheet_lists_the_authority_fields(tmp_path: Path) -> None:
    _site(tmp_path)
    done = foilog(tmp_path, "translate", "000007-25")
    assert done.returncode == 0, done.stderr
    sheet = tmp_path / "000007-25.cy.xlsx"
    assert f"foilog translate 000007-25 --read {sheet.name}" in done.stdout
    rows = _sheet(sheet)
    assert rows[0] == ("Field", "English", "Cymraeg (Welsh)", "Status", "English hash")
    assert [r[0] for r in rows[1:]] == list(WELSH)
    assert rows[2][1] == "Twelve dogs retired in 2024.\n\nMost were rehomed with their handlers.\n"
    assert all(r[2] is None and r[3] == "to translate" for r in rows[1:])
    assert not any("How many police dogs" in str(r[1]) for r in rows)  # the requester's words


def test_read_back_passes_the_gate_and_goes_stale(tmp_path: Path) -> None:
    record = _site(tmp_path)
    assert not build(tmp_path).ok  # no Welsh yet: the bilingual build stops
    foilog(tmp_path, "translate", "000007-25", "--out", "sent.xlsx")
    _translate(tmp_path / "sent.xlsx", WELSH)
    done = foilog(tmp_path, "translate", "000007-25", "--read", "sent.xlsx")
    assert done.returncode == 0, done.stderr
    assert "Wrote the Welsh of 5 field(s) into disclosures/2025/000007-25.yaml." in done.stdout

    text = record.read_text(encoding="utf-8")
    # The English lines are as they were, comments included; the Welsh is beside them.
    lines = iter(text.splitlines())
    assert all(any(line == english for line in lines) for english in RECORD.splitlines())
    data = yaml.safe_load(text)
    assert data["cy"]["title"]["text"] == "Cŵn heddlu a ymddeolodd yn 2024"
    assert data["figures"][0]["cy"]["rows"]["text"] == ["Pwrpas cyffredinol", "Chwilio"]
    assert data["questions"][0]["cy"]["answer"]["text"].startswith("Ymddeolodd deuddeg ci")
    assert "text" not in data["questions"][0].get("cy", {})
    site = build(tmp_path)
    assert site.ok, site.result.stderr

    # The English answer is edited: the Welsh is now out of date, and the build stops.
    record.write_text(text.replace("Twelve dogs retired", "Eleven dogs retired"), "utf-8")
    site = build(tmp_path)
    assert not site.ok
    stale = [line for line in site.error_lines() if ": translation-stale: " in line]
    assert len(stale) == 1 and "questions[1].cy.answer" in stale[0], site.result.stderr

    # A new sheet says which Welsh to check; read back, the gate passes again.
    foilog(tmp_path, "translate", "000007-25", "--out", "again.xlsx")
    rows = {r[0]: r for r in _sheet(tmp_path / "again.xlsx")}
    assert rows["questions[1].answer"][3] == "English changed: check the Welsh"
    assert rows["title"][3] == "up to date" and rows["title"][2] == WELSH["title"]
    _translate(tmp_path / "again.xlsx", {"questions[1].answer": "Ymddeolodd un ci ar ddeg."})
    done = foilog(tmp_path, "translate", "000007-25", "--read", "again.xlsx")
    assert done.returncode == 0, done.stderr
    assert build(tmp_path).ok


def test_a_sheet_for_another_record_is_refused(tmp_path: Path) -> None:
    record = _site(tmp_path)
    before = record.read_text(encoding="utf-8")
    foilog(tmp_path, "translate", "000007-25", "--out", "sent.xlsx")
    book = load_workbook(tmp_path / "sent.xlsx")
    book["Translation"].cell(2, 1).value = "exemptions[1].reason"
    book["Translation"].cell(2, 3).value = "Rheswm"
    book.save(tmp_path / "sent.xlsx")
    done = foilog(tmp_path, "translate", "000007-25", "--read", "sent.xlsx")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "foilog translate: sent.xlsx: row 2: expected a field of 000007-25 to translate; "
        "found 'exemptions[1].reason'"
    )
    assert record.read_text(encoding="utf-8") == before
    other = tmp_path / "disclosures/2025/000008-25.yaml"
    other.write_text(before.replace("000007-25", "000008-25"), encoding="utf-8")
    foilog(tmp_path, "translate", "000008-25", "--out", "other.xlsx")
    done = foilog(tmp_path, "translate", "000007-25", "--read", "other.xlsx")
    assert done.returncode == 2
    assert "other.xlsx: expected the spreadsheet of 000007-25; found that of 000008-25" in (
        done.stderr
    )
    assert record.read_text(encoding="utf-8") == before
    (tmp_path / "notes.txt").write_text("not a spreadsheet", encoding="utf-8")
    done = foilog(tmp_path, "translate", "000007-25", "--read", "notes.txt")
    assert done.returncode == 2 and "expected a translation spreadsheet" in done.stderr
    assert "Traceback" not in done.stderr
