"""Real published responses, attached as staff attach them (a PDF and a Word letter of the
response, a workbook of its figures): the guard finds in them only what the text rules
find in the same words (personal data, and small counts told in words), and the real
small numbers."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import Build, build, good_record, write_site
from docx import Document
from guard_files import clear_properties
from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from test_realworld import realworld_entries

from foilog.guard.personal_data import scan_text
from foilog.guard.text_counts import small_counts


def _pdf(path: Path, text: str) -> None:
    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    y = 800
    for paragraph in text.splitlines():
        for line in textwrap.wrap(paragraph, 90) or [""]:
            canvas.drawString(40, y, line)
            y -= 14
            if y < 40:
                canvas.showPage()
                y = 800
    canvas.save()


def _docx(path: Path, text: str) -> None:
    document = Document()
    clear_properties(document)
    for paragraph in text.splitlines():
        document.add_paragraph(paragraph)
    document.save(str(path))


def _xlsx(path: Path, figures: list[dict[str, Any]]) -> None:
    workbook = Workbook()
    workbook.properties.creator = None
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Figures"
    sheet.append(["Figure", "Count"])
    for figure in figures:
        sheet.append([str(figure.get("label")), figure.get("value")])
    workbook.save(path)


@pytest.fixture(scope="module")
def entries() -> list[dict[str, Any]]:
    return realworld_entries()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, entries: list[dict[str, Any]]) -> Build:
    root = tmp_path_factory.mktemp("realworld-attachments")
    folder = root / "disclosures"
    folder.mkdir()
    records = {}
    for number, entry in enumerate(entries):
        text = entry.get("response_text") or ""
        _pdf(folder / f"{number}.pdf", text)
        _docx(folder / f"{number}.docx", text)
        _xlsx(folder / f"{number}.xlsx", entry.get("figures") or [])
        files = [
            {"title": f"Response {kind}", "file": f"{number}.{kind}"}
            for kind in ("pdf", "docx", "xlsx")
        ]
        records[f"{number}.yaml"] = good_record(reference=f"{number + 1:06d}-25", attachments=files)
    write_site(root, records)
    result = build(root)
    assert result.ok, result.result.stderr
    return result


def _small(figures: list[dict[str, Any]]) -> list[str]:
    """Cells of the real figures that are counts from 1 to 4."""
    return [
        f"Figures!B{row}"
        for row, figure in enumerate(figures, 2)
        if isinstance(figure.get("value"), int) and 0 < figure["value"] < 5
    ]


def test_real_responses_raise_only_what_their_words_and_figures_hold(
    site: Build, entries: list[dict[str, Any]]
) -> None:
    assert len(entries) >= 12
    for number, entry in enumerate(entries):
        prefix = f"warning: disclosures/{number}.yaml:"
        found = [line.split(": ")[2:4] for line in site.error_lines() if line.startswith(prefix)]
        text = entry.get("response_text") or ""
        told = any(small_counts(line, 5) for line in text.splitlines())
        expected_rules = sorted(
            {m.rule for m in scan_text(text)} | ({"small-number-in-text"} if told else set())
        )
        for kind in ("pdf", "docx"):
            rules = sorted({r for r, place in found if place.startswith(f"{number}.{kind} ")})
            assert rules == expected_rules, (number, kind, found)
        small = [place for rule, place in found if rule == "small-number"]
        cells = _small(entry.get("figures") or [])
        assert small == [f"{number}.xlsx {cell}" for cell in cells], (number, found)
        others = [f for f in found if not f[1].startswith((f"{number}.pdf", f"{number}.docx"))]
        assert all(rule.startswith("small-number") for rule, _ in others), (number, others)
        told_in_labels = [
            f"{number}.xlsx Figures!A{row}"
            for row, figure in enumerate(entry.get("figures") or [], 2)
            if small_counts(str(figure.get("label")), 5)
        ]
        assert [p for r, p in others if r == "small-number-in-text"] == told_in_labels
