"""Attachment files for synthetic records, one of each kind in turn, as staff attach them:
a CSV or workbook of figures, a Word letter, a PDF letter. Each differs from the others
(its reference and figures), so none is read from another's kept findings."""

from __future__ import annotations

import random
from pathlib import Path

from docx import Document
from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

KINDS = ["csv", "xlsx", "docx", "pdf"]
LETTER = [
    "Thank you for your request for information, which we have dealt with under the",
    "Freedom of Information Act 2000. We have searched our records for the period you",
    "asked about, and the figures we hold are set out below. They come from our crime and",
    "incident systems and were correct when the search was made.",
]


def _figures(reference: str, rng: random.Random) -> list[list[object]]:
    rows: list[list[object]] = [["Month", "Reported", "Resolved"]]
    for month in ("January", "February", "March", "April", "May", "June"):
        rows.append([month, rng.randint(5, 400), rng.choice([rng.randint(5, 300), "<5"])])
    rows.append([f"Figures for {reference}", "", ""])
    return rows


def write_attachment(folder: Path, reference: str, kind: str, rng: random.Random) -> str:
    """Write one file beside the record and return its name."""
    name = f"{reference}-figures.{kind}"
    path = folder / name
    rows = _figures(reference, rng)
    if kind == "csv":
        path.write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n", encoding="utf-8")
    elif kind == "xlsx":
        workbook = Workbook()
        workbook.properties.creator = None
        sheet = workbook.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        workbook.save(path)
    elif kind == "docx":
        document = Document()
        document.core_properties.author = ""
        document.core_properties.comments = ""
        document.add_paragraph(f"Our reference {reference}")
        document.add_paragraph(" ".join(LETTER))
        table = document.add_table(rows=len(rows), cols=3)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = str(value)
        document.save(str(path))
    else:
        canvas = Canvas(str(path), pagesize=A4, invariant=True)
        lines = [f"Our reference {reference}", *LETTER, *("   ".join(map(str, r)) for r in rows)]
        for number, line in enumerate(lines):
            canvas.drawString(72, 770 - 16 * number, line)
        canvas.save()
    return name
