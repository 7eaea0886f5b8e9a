"""PDFs with failed redactions, hidden text, metadata and links, made here with reportlab
(and pypdf for the parts reportlab does not write)."""

from __future__ import annotations

from pathlib import Path

from guard_sheet_files import AUTHORITY_EMAIL
from PIL import Image, ImageDraw
from pypdf import PdfWriter
from pypdf.annotations import Highlight
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

WIDTH, HEIGHT = A4  # 595 x 842 points


def _canvas(path: Path) -> Canvas:
    return Canvas(str(path), pagesize=A4, invariant=True)


def text_pdf(path: Path) -> Path:
    """Page 1 is clean; page 2 says an email address on its second line."""
    canvas = _canvas(path)
    canvas.drawString(72, 770, "Response to request 000123-25")
    canvas.showPage()
    canvas.drawString(72, 770, "Annex A")
    canvas.drawString(72, 750, "Sent by j.smith@example.org")
    canvas.save()
    return path


def covered_pdf(path: Path) -> Path:
    """A name typed, then a black box drawn over part of it: the box runs from x 100 to
    200, and from 136 to 144 points down the page, inside the letters' height."""
    canvas = _canvas(path)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 700, "Officer Janet Smithson attended")
    canvas.setFillColorRGB(0, 0, 0)
    canvas.rect(100, HEIGHT - 144, 100, 8, stroke=0, fill=1)
    canvas.save()
    return path


def whited_out_pdf(path: Path) -> Path:
    """The same name with a white picture pasted over the same area instead of a box."""
    canvas = _canvas(path)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 700, "Officer Janet Smithson attended")
    canvas.drawImage(ImageReader(Image.new("RGB", (50, 4), "white")), 100, HEIGHT - 144, 100, 8)
    canvas.save()
    return path


def shaded_pdf(path: Path) -> Path:
    """Clean: a light box drawn behind text, and white text on a dark banner."""
    canvas = _canvas(path)
    canvas.setFillColorRGB(0.9, 0.9, 0.9)
    canvas.rect(60, 690, 300, 24, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawString(72, 700, "Total stops in 2021 2022 2023")
    canvas.setFillColorRGB(0.1, 0.1, 0.3)
    canvas.rect(0, 780, WIDTH, 40, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.drawString(72, 795, f"Northshire Police FOI team {AUTHORITY_EMAIL}")
    canvas.save()
    return path


def invisible_pdf(path: Path) -> Path:
    """Invisible text (render mode 3) with an NI number, and text placed off the page."""
    canvas = _canvas(path)
    canvas.drawString(72, 770, "Visible heading")
    hidden = canvas.beginText(72, 700)
    hidden.setTextRenderMode(3)
    hidden.textLine("AB 12 34 56 C")
    canvas.drawText(hidden)
    canvas.drawString(-400, 500, "Moved aside")
    canvas.save()
    return path


def _one_line(path: Path, text: str) -> PdfWriter:
    """A page saying `text`, opened again with pypdf to add what reportlab does not write."""
    canvas = _canvas(path)
    canvas.drawString(72, 700, text)
    canvas.save()
    return PdfWriter(clone_from=str(path))


def annotated_pdf(path: Path) -> Path:
    """Annotation 1 an unapplied redaction, 2 a black highlight, 3 a yellow highlight."""
    writer = _one_line(path, "Officer Janet Smithson attended")
    quad = ArrayObject([FloatObject(v) for v in (72, 712, 250, 712, 72, 698, 250, 698)])
    redact = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Redact"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (72, 698, 250, 712)]),
        }
    )
    writer.add_annotation(0, redact)
    for colour in ("000000", "ffff00"):
        writer.add_annotation(
            0,
            Highlight(rect=(72, 698, 250, 712), quad_points=quad, highlight_color=colour),
        )
    writer.write(str(path))
    return path


def layered_pdf(path: Path) -> Path:
    """An optional-content layer named "Names" that the default view switches off."""
    writer = _one_line(path, "Figures")
    group = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/OCG"),
                NameObject("/Name"): TextStringObject("Names"),
            }
        )
    )
    writer._root_object[NameObject("/OCProperties")] = DictionaryObject(
        {
            NameObject("/OCGs"): ArrayObject([group]),
            NameObject("/D"): DictionaryObject({NameObject("/OFF"): ArrayObject([group])}),
        }
    )
    writer.write(str(path))
    return path


XMP = b"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Producer="Some PDF library">
<dc:creator><rdf:Seq><rdf:li>Jane Officer</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


def described_pdf(path: Path) -> Path:
    """Title, Subject, Keywords and Creator set; XMP naming a person; a bookmark with an
    email address; a mailto: link on page 1."""
    canvas = _canvas(path)
    canvas.setTitle("Complaint by J Smith")
    canvas.setSubject("Misconduct")
    canvas.setKeywords("smith")
    canvas.setCreator("Case system")
    canvas.drawString(72, 700, "Section 1")
    canvas.bookmarkPage("one")
    canvas.addOutlineEntry("Notes for jo.bloggs@example.org", "one")
    canvas.linkURL("mailto:jo.bloggs@example.org", (72, 600, 200, 620))
    canvas.save()
    writer = PdfWriter(clone_from=str(path))
    stream = writer._add_object(_stream(XMP))
    writer._root_object[NameObject("/Metadata")] = stream
    writer.write(str(path))
    return path


def _stream(data: bytes) -> object:
    from pypdf.generic import StreamObject

    stream = StreamObject()
    stream.set_data(data)
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    return stream


def _pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file holding `objects` (numbered from 1, the catalogue being object 2), with a
    correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 2 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def linearised_update_pdf(path: Path) -> Path:
    """A file whose first object says it is linearised (so one %%EOF is not counted), with
    one incremental update after it: the marker must not hide the second revision."""
    path.write_bytes(
        _pdf_from_objects(
            [
                b"<< /Linearized 1 /L 600 /O 4 /E 0 /N 1 /T 0 /H [0 0] >>",
                b"<< /Type /Catalog /Pages 3 0 R >>",
                b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 200 200] >>",
            ]
        )
    )
    update = PdfWriter(str(path), incremental=True)
    update.pages[0][NameObject("/Rotate")] = NumberObject(90)
    update.write(str(path))
    return path


def embedded_counts_pdf(path: Path) -> Path:
    """A letter with the CSV of its figures embedded, holding a count of 3."""
    writer = _one_line(path, "Figures attached")
    writer.add_attachment("counts.csv", b"Offence,Arrests\nBurglary,12\nFireworks,3\n")
    writer.write(str(path))
    return path


def scanned_pdf(path: Path) -> Path:
    """Clean: a scanned page (a picture with marks all over it) with the invisible text
    layer that OCR adds over it, as scanners save searchable PDFs."""
    picture = Image.new("L", (300, 100), 255)
    draw = ImageDraw.Draw(picture)
    for x in range(0, 300, 6):
        draw.line((x, 0, x + 3, 100), fill=0)
    canvas = _canvas(path)
    canvas.drawImage(ImageReader(picture), 60, 650, 300, 100)
    ocr = canvas.beginText(72, 700)
    ocr.setTextRenderMode(3)
    ocr.textLine("Total stops recorded 412")
    canvas.drawText(ocr)
    canvas.save()
    return path


def plain_letter_pdf(path: Path) -> Path:
    """Clean: reportlab's placeholder properties (anonymous, untitled), a bookmark, a link
    to a web page and the authority's own contact details."""
    canvas = _canvas(path)
    canvas.drawString(72, 770, "Freedom of Information request 000123-25")
    canvas.drawString(72, 750, f"Contact {AUTHORITY_EMAIL} or 01632 960000")
    canvas.bookmarkPage("answer")
    canvas.addOutlineEntry("Our answer", "answer")
    canvas.linkURL("https://www.northshire-police.example.uk/foi", (72, 600, 200, 620))
    canvas.save()
    return path


def _letter(path: Path, story: list[object]) -> Path:
    SimpleDocTemplate(str(path), pagesize=A4, invariant=True, author="", title="").build(
        story  # type: ignore[arg-type]
    )
    return path


def counts_pdf(path: Path) -> Path:
    """A letter as a word processor prints it: a table of counts by year with a 3 (page 1
    table 1 row 2 column 3); a ruled table whose headings wrap over two lines, with a 2
    under "Number of charges" (table 2 row 3 column 3); a table with its numbers set to
    the right, with a 1 (table 3 row 3 column 2); a table of costs; and a count told in
    words that the page's width breaks over two lines ("2" / "officers", line 16)."""
    style = getSampleStyleSheet()["Normal"]
    ruled = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")])
    right = TableStyle([("ALIGN", (1, 0), (-1, -1), "RIGHT")])
    words = (
        "The figures for 2024 do not include the cases still open at the end of the year, "
        "which include 2 officers"
    )
    return _letter(
        path,
        [
            Paragraph("Request 000123-25. We received your request on 3 March 2025.", style),
            Paragraph("Table 1: Officers dismissed, by ethnicity", style),
            Table([["Ethnicity", "2023", "2024"], ["White", "12", "3"], ["Other", "<5", "7"]]),
            Table(
                [
                    ["Offence", "Number of", "Number of"],
                    ["", "arrests", "charges"],
                    ["Burglary", "1,204", "2"],
                    ["Fireworks", "9", "11"],
                ],
                style=ruled,
            ),
            Table([["Month", "Stops"], ["January", "120"], ["February", "1"]], style=right),
            Table([["Item", "Cost (£)"], ["Vans", "2"], ["Cars", "3"]]),
            Paragraph(words + " who resigned before a hearing.", style),
        ],
    )


def numbered_letter_pdf(path: Path) -> Path:
    """Clean: a letter whose small numbers count nothing: an address, page numbers, dates,
    numbered questions, sections of the Act, a version."""
    style = getSampleStyleSheet()["Normal"]
    lines = [
        "Northshire Police",
        "Unit 3",
        "Floor 2, Headquarters",
        "Page 1 of 2",
        "Thank you for your request received on 3 March 2025. You asked:",
        "1. How many officers were dismissed in 2024?",
        "2. How many complaints were made?",
        "Question 1",
        "Question 2",
        "Section 40(2) applies to part of question 2. We hold 3 documents.",
        "Version 2",
        "Appendix 1",
    ]
    return _letter(path, [Paragraph(line, style) for line in lines])


def staff_list_pdf(path: Path) -> Path:
    """A staff list printed from a spreadsheet: surnames (page 1 table 1 row 2 column 1)
    and initials (row 2 column 2) beside ranks and stations; then a table of complaints
    by officer, whose "Officer" column holds names (table 2 row 2 column 1)."""
    style = getSampleStyleSheet()["Normal"]
    staff = [
        ["Surname", "Initials", "Rank", "Station"],
        ["Hughes", "J", "Constable", "Northtown"],
        ["O'Neill", "A B", "Sergeant", "Westley"],
        ["MCALLISTER", "K", "Inspector", "Northtown"],
    ]
    complaints = [["Officer", "Complaints"], ["Jenny Hughes", "12"], ["Aidan O'Neill", "9"]]
    return _letter(
        path,
        [
            Paragraph("Officers at each station", style),
            Table(staff),
            Paragraph("Complaints received", style),
            Table(complaints),
        ],
    )


def rank_list_pdf(path: Path) -> Path:
    """Clean: a table under "Officer" and "Name" headings that lists ranks and offences."""
    style = getSampleStyleSheet()["Normal"]
    return _letter(
        path,
        [
            Paragraph("Officers by rank", style),
            Table([["Officer", "Station"], ["Constable", "Northtown"], ["Sergeant", "Westley"]]),
            Paragraph("Offences", style),
            Table([["Name", "Recorded"], ["Burglary", "412"], ["Fireworks", "398"]]),
        ],
    )


def long_table_pdf(path: Path) -> Path:
    """A table of counts too long for one page, as a word processor splits it: its heading
    on page 1 only, and on page 2 (which starts at "Ward K1") a 3 in the "Arrests" column
    of "Ward C2" (page 2 table 1 row 19 column 3)."""
    style = getSampleStyleSheet()["Normal"]
    rows = [["Ward", "Stops", "Arrests"]]
    rows += [
        [f"Ward {chr(65 + n % 26)}{n // 26}", str(100 + n), str(20 + n % 7)] for n in range(60)
    ]
    rows[55][2] = "3"
    return _letter(path, [Paragraph("Stops and arrests by ward", style), Table(rows)])
