"""Word documents whose stories and parts say things, made here with python-docx."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import RGBColor
from guard_files import _rewrite_zip, clear_properties
from guard_sheet_files import AUTHORITY_EMAIL, people_xlsx
from PIL import Image

VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def _png() -> io.BytesIO:
    image = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(image, "PNG")
    image.seek(0)
    return image


def content_docx(path: Path) -> Path:
    """Paragraph numbers in the body: 1 email, 2 table cell with an NI number, 3 a text box
    holding a phone number (its own paragraph 4), 5 hidden by a style, 6 white text,
    7 a formatting change; a header with a postcode; a picture whose alt text has a
    registration; a footer with a tracked insertion; a footnote with an email address."""
    document = Document()
    clear_properties(document)
    document.add_paragraph("Please reply to j.smith@example.org about this.")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Officer AB 12 34 56 C"
    box = document.add_paragraph("See the box. ")
    box._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} {MC}><mc:AlternateContent><mc:Choice Requires="wps">'
            "<w:drawing/></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
            "<w:t>fallback copy 07700 900123</w:t></w:r></w:p></w:txbxContent></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    box._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')} {VML}><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>"
            "<w:t>Call 07700 900123</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>"
            "</w:pict></w:r>"
        )
    )
    secret = document.styles.add_style("Quiet", WD_STYLE_TYPE.CHARACTER)
    secret.font.hidden = True
    document.add_paragraph("Visible. ").add_run("Named in file 7", style="Quiet")
    document.add_paragraph("Visible. ").add_run("Second name").font.color.rgb = RGBColor(
        0xFF, 0xFF, 0xFF
    )
    changed = document.add_paragraph("Reformatted")
    changed.runs[0]._r.get_or_add_rPr().append(
        parse_xml(
            f'<w:rPrChange {nsdecls("w")} w:id="9" w:author="Sam Smith" '
            'w:date="2025-01-01T00:00:00Z"><w:rPr/></w:rPrChange>'
        )
    )
    document.add_picture(_png())
    picture = document.inline_shapes[0]._inline.docPr
    picture.set("descr", "Car NS21 ABC at the scene")
    document.sections[0].header.paragraphs[0].text = "Home: 4 High Street NS4 7XY"
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = "Prepared by "
    footer._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="11" w:author="Editor" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:t>the case team</w:t></w:r></w:ins>"
        )
    )
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/footnotes.xml"] = FOOTNOTES
    _add_types(parts, f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_TYPE}"/>')
    _write_parts(path, parts)
    return path


def _write_parts(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES = (
    b'<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b'<w:footnote w:id="1"><w:p><w:r><w:t>Source: email from s.jones@example.org</w:t></w:r>'
    b"</w:p></w:footnote></w:footnotes>"
)


def clean_letter_docx(path: Path) -> Path:
    """A realistic reply: the authority's address, years, a shaded table, Page 1."""
    document = Document()
    clear_properties(document)
    document.add_paragraph("Freedom of Information request 000123-25")
    document.add_paragraph(f"Contact the FOI team at {AUTHORITY_EMAIL} or on 01632 960000.")
    table = document.add_table(rows=2, cols=4)
    for column, year in enumerate(["Year", "2021", "2022", "2023"]):
        table.cell(0, column).text = year
    for column, value in enumerate(["Stops", "412", "398", "377"]):
        table.cell(1, column).text = value
    document.sections[0].footer.paragraphs[0].text = "Page 1"
    document.save(str(path))
    return path


def _fill(table: Any, rows: list[list[str]]) -> None:
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def counts_docx(path: Path) -> Path:
    """A reply telling a count in words (paragraph 2), a table of counts by year with a 3
    (table 1 row 2 column 3), a table whose header cell is merged across two columns and
    whose label is merged down two rows, with a 2 under "Female" (table 2 row 4 column
    3), a table of costs and percentages, which are not counts (table 3), and a table of
    officers' names (table 4 row 2 column 1)."""
    document = Document()
    clear_properties(document)
    document.add_paragraph("Freedom of Information request 000123-25")
    document.add_paragraph("Three officers were dismissed for gross misconduct.")
    _fill(
        document.add_table(rows=3, cols=3),
        [["Ethnicity", "2023", "2024"], ["White", "12", "3"], ["Not stated", "<5", "7"]],
    )
    merged = document.add_table(rows=4, cols=3)
    _fill(merged, [["Rank", "Sex", ""], ["", "Male", "Female"], ["Constable", "40", "35"]])
    merged.cell(0, 1).merge(merged.cell(0, 2)).text = "Sex"
    merged.cell(3, 0).text, merged.cell(3, 1).text, merged.cell(3, 2).text = "Sergeant", "9", "2"
    _fill(
        document.add_table(rows=3, cols=3),
        [["Item", "Cost (£)", "Share %"], ["Vans", "2", "1"], ["Cars", "3", "4"]],
    )
    _fill(
        document.add_table(rows=3, cols=2),
        [["Officer name", "Complaints"], ["Sam Smith", "12"], ["Jo Bloggs", "9"]],
    )
    document.save(str(path))
    return path


def _add_types(parts: dict[str, bytes], extra: str) -> None:
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", extra.encode() + b"</Types>"
    )


SHAREPOINT = (
    b'<p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties">'
    b"<documentManagement><CaseOfficer>Sam Smith</CaseOfficer><Empty/></documentManagement>"
    b"</p:properties>"
)
PEOPLE = (
    b'<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
    b'<w15:person w15:author="Sam Smith"/></w15:people>'
)
PEOPLE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def parts_docx(path: Path, folder: Path) -> Path:
    """An xlsx embedded as a package, SharePoint fields, a people part, an attached
    template on the network and a mailto: link."""
    document = Document()
    clear_properties(document)
    document.add_paragraph("See the attached workbook.")
    document.save(str(path))
    inner = people_xlsx(folder / "inner.xlsx").read_bytes()
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/embeddings/Microsoft_Excel_Worksheet.xlsx"] = inner
    parts["customXml/item1.xml"] = SHAREPOINT
    parts["word/people.xml"] = PEOPLE
    parts["word/_rels/settings.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/attachedTemplate" TargetMode="External" '
        'Target="file:///\\\\fileserver\\templates\\Sam%20Smith\\letter.dotm"/></Relationships>'
    ).encode()
    rels = parts["word/_rels/document.xml.rels"]
    parts["word/_rels/document.xml.rels"] = rels.replace(
        b"</Relationships>",
        f'<Relationship Id="rId99" Type="{REL}/hyperlink" TargetMode="External" '
        'Target="mailto:jo.bloggs@example.org"/></Relationships>'.encode(),
    )
    _add_types(
        parts,
        '<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet"/>'
        f'<Override PartName="/word/people.xml" ContentType="{PEOPLE_TYPE}"/>',
    )
    _write_parts(path, parts)
    return path


def macro_docx(path: Path) -> Path:
    """A macro-enabled document saved with a .docx name."""
    document = Document()
    clear_properties(document)
    document.add_paragraph("We hold 12 records.")
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml")
    _rewrite_zip(
        path,
        {
            "[Content_Types].xml": types.replace(
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                b"application/vnd.ms-word.document.macroEnabled.main+xml",
            )
        },
        {},
    )
    return path


def bomb_docx(path: Path) -> Path:
    """A document with a part of 80 MiB of zeros, which compresses to almost nothing."""
    clean_letter_docx(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/filler.bin", bytes(80 * 1024 * 1024))
    return path
