"""Workbooks and CSV files whose cells say things, made here with openpyxl."""

from __future__ import annotations

import base64
import datetime as dt
import io
import struct
import zipfile
from pathlib import Path

from guard_files import _rewrite_zip, _save_workbook
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

AUTHORITY_EMAIL = "foi@northshire-police.example.uk"  # in FOILOG_GUARD_CONTACTS in the tests


def _workbook() -> Workbook:
    workbook = Workbook()
    workbook.properties.creator = None
    return workbook


def people_xlsx(path: Path) -> Path:
    """A visible sheet with an email address and a date of birth, a hidden sheet with an
    NI number."""
    workbook = _workbook()
    data = workbook.active
    data.title = "Data"
    data.append(["Name", "Email", "Date of birth"])
    data.append(["Officer A", "j.smith@example.org", dt.datetime(1985, 3, 3)])
    hidden = workbook.create_sheet("Sheet2")
    hidden["A1"] = "Ref AB 12 34 56 C"
    hidden.sheet_state = "hidden"
    return _save_workbook(workbook, path)


def counts_xlsx(path: Path) -> Path:
    """Sheet1 has only large counts; Sheet2 has a count of 3 at B3 and one of 2 at C7
    under year headers, beside money, row numbers and percentages that are not counts."""
    workbook = _workbook()
    first = workbook.active
    first.title = "Sheet1"
    first.append(["Month", "Searches"])
    first.append(["January", 699])
    second = workbook.create_sheet("Sheet2")
    second.append(["Offence", "Arrests", "Cost (£)", "#", "Share"])
    second.append(["Burglary", 12, 2, 1, 0.75])
    second.append(["Fireworks", 3, 1, 2, 0.25])
    second.append(["Total", 15, 3, 3, 1])
    second.append([])
    second.append(["Category", 2022, 2023])
    second.append(["Assault", 40, 2])
    second.append(["Robbery", 18, "<5"])
    for row in second.iter_rows(min_row=2, max_row=4, min_col=5, max_col=5):
        row[0].number_format = "0%"
    return _save_workbook(workbook, path)


def clean_tables_xlsx(path: Path) -> Path:
    """Realistic and clean: counts all 5 or more or suppressed, a column of years, a rank,
    money, the authority's own address, a row of years and a drop-down of words."""
    workbook = _workbook()
    sheet = workbook.active
    sheet.title = "Figures"
    sheet.append(["Year", "Rank", "Stops", "Arrests", "Spend (£)"])
    for year, rank, stops, arrests, spend in [
        (2017, 1, 412, 40, 3),
        (2018, 2, 398, "<5", 2),
        (2019, 3, 377, 12, 4),
        (2020, 4, 350, "*", 1),
    ]:
        sheet.append([year, rank, stops, arrests, spend])
    sheet.append(["Years covered", 2017, 2018, 2019, 2020])
    sheet.append([f"Contact {AUTHORITY_EMAIL} or 01632 960000"])
    validation = DataValidation(type="list", formula1='"Yes,No,Not known"')
    sheet.add_data_validation(validation)
    validation.add("F2")
    sheet.oddFooter.center.text = "Page &P of &N"
    return _save_workbook(workbook, path)


def unseen_xlsx(path: Path) -> Path:
    """Cells that are there but not seen, a drop-down of names, a name holding a value and
    a print header with a name."""
    workbook = _workbook()
    sheet = workbook.active
    sheet.title = "Figures"
    sheet.append(["Month", "Searches"])
    sheet.append(["January", 699])
    sheet["D2"] = "Officer A Person"
    sheet["D2"].font = Font(color="FFFFFFFF")
    sheet["E2"] = "Second officer"
    sheet["E2"].number_format = ";;;"
    sheet["H2"] = "Third officer"
    sheet["H2"].font = Font(color="FF112233")
    sheet["H2"].fill = PatternFill("solid", fgColor="FF112233")
    sheet["F2"] = "Notes"  # in a column of zero width, written below: openpyxl leaves it out
    names = DataValidation(type="list", formula1='"Jo Bloggs,Sam Smith"')
    sheet.add_data_validation(names)
    names.add("G2")
    workbook.defined_names["reviewer"] = DefinedName("reviewer", attr_text='"Sam Smith"')
    sheet.oddHeader.center.text = "Prepared by Sam Smith"
    _save_workbook(workbook, path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    column = b'<cols><col min="6" max="6" width="0" customWidth="1"/></cols><sheetData>'
    _rewrite_zip(path, {"xl/worksheets/sheet1.xml": xml.replace(b"<sheetData>", column)}, {})
    return path


def _data_mashup(formula: str) -> bytes:
    """A DataMashup part as Excel writes it: base64 of a version, a length and a zip."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as package:
        package.writestr("Formulas/Section1.m", formula)
    packed = inner.getvalue()
    binary = struct.pack("<II", 0, len(packed)) + packed + struct.pack("<I", 0)
    return (
        b'<?xml version="1.0" encoding="utf-16"?>'
        b'<DataMashup xmlns="http://schemas.microsoft.com/DataMashup">'
        + base64.b64encode(binary)
        + b"</DataMashup>"
    ).replace(b'encoding="utf-16"', b'encoding="utf-8"')


def _add_types(path: Path, overrides: dict[str, str]) -> None:
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml")
    extra = "".join(f'<Override PartName="/{n}" ContentType="{t}"/>' for n, t in overrides.items())
    _rewrite_zip(
        path, {"[Content_Types].xml": types.replace(b"</Types>", extra.encode() + b"</Types>")}, {}
    )


CUSTOM_PROPERTIES = (
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner">'
    b"<vt:lpwstr>Sam Smith</vt:lpwstr></property></Properties>"
)
PERSON_TYPE = "application/vnd.ms-excel.person+xml"
PIVOT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"
VBA_TYPE = "application/vnd.ms-office.vbaProject"


def parts_xlsx(path: Path) -> Path:
    """Parts in folders of their own, found by content type: persons, a pivot cache and a
    VBA project; Power Query and a data connection with their sources; a title, a company
    and a custom property; a chart whose title has a phone number."""
    workbook = _workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Month", "Searches"])
    sheet.append(["January", 699])
    chart = BarChart()
    chart.title = "Searches (ask Sam on 07700 900123)"
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=2), titles_from_data=True)
    sheet.add_chart(chart, "D2")
    workbook.properties.title = "Stop search for J Smith"
    _save_workbook(workbook, path)
    query = 'let Source = Excel.Workbook(File.Contents("C:\\Users\\jsmith\\staff.xlsx")) in Source'
    _rewrite_zip(
        path,
        {
            "xl/people/who.xml": b'<personList xmlns="urn:persons">'
            b'<person displayName="Sam Smith" id="{1}"/></personList>',
            "xl/odd/cache.xml": b'<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
            "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1macros",
            "customXml/item1.xml": _data_mashup(query),
            "xl/connections.xml": b'<connections xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><connection id="1" name="cases"><dbPr connection='
            b'"Data Source=\\\\server\\cases\\cases.accdb"/></connection></connections>',
            "docProps/custom.xml": CUSTOM_PROPERTIES,
        },
        {},
    )
    _add_types(
        path,
        {
            "xl/people/who.xml": PERSON_TYPE,
            "xl/odd/cache.xml": PIVOT_TYPE,
            "xl/vbaProject.bin": VBA_TYPE,
        },
    )
    with zipfile.ZipFile(path) as archive:
        app = archive.read("docProps/app.xml")
    _rewrite_zip(
        path,
        {
            "docProps/app.xml": app.replace(
                b"</Properties>", b"<Company>Northshire Police</Company></Properties>"
            )
        },
        {},
    )
    return path


def csv_counts(path: Path) -> Path:
    """Counts of 3 at B3 and 2 at B5; 2019 arrests is a count beside a label, not a header."""
    rows = ["Offence,Arrests", "Burglary,12", "Fireworks,3", "Theft,2019", "Arson,2", "Total,2036"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def csv_people(path: Path) -> Path:
    path.write_text(
        "Month,Searches,Notes\nJanuary,699,called 07700 900123\nFebruary,638,\n",
        encoding="utf-8",
    )
    return path


def csv_clean(path: Path) -> Path:
    """Years, large counts, suppressed cells, a rank and the authority's own address."""
    path.write_text(
        "Year,Rank,Stops,Arrests,Spend (£)\n2017,1,412,40,3\n2018,2,398,<5,2\n2019,3,377,*,4\n"
        f"Years,2017,2018,2019,2020\nContact {AUTHORITY_EMAIL},,,,\n",
        encoding="utf-8",
    )
    return path


def staff_list_xlsx(path: Path) -> Path:
    """A visible staff list, as a spreadsheet exported from an HR system: surnames (B2),
    initials (C2) and the officer's full name (F2), beside ranks, stations and numbers;
    then a form row giving the case officer (B7)."""
    workbook = _workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Staff"
    sheet.append(["Number", "Surname", "Initials", "Rank", "Station", "Officer"])
    sheet.append([1041, "Hughes", "J", "Constable", "Northtown", "Jenny Hughes"])
    sheet.append([1187, "O'Neill", "A B", "Sergeant", "Westley", "Aidan O'Neill"])
    sheet.append([1203, "MCALLISTER", "K", "Inspector", "Northtown", "K. McAllister"])
    sheet.append([])
    sheet.append([])
    sheet.append(["Case officer:", "Priya Shah"])
    workbook.save(path)
    return path


def csv_names(path: Path) -> Path:
    """An export whose "Name" column holds first names and surnames (B2)."""
    path.write_text(
        "Ref,Name,Outcome\n0012,Sam Smith,No further action\n0013,Ravi Patel,Words of advice\n",
        encoding="utf-8",
    )
    return path


def csv_labels(path: Path) -> Path:
    """Clean: columns headed like names that list things: offences under "Name", a team
    as the "Owner", the authority as the "Contact"."""
    path.write_text(
        "Name,Owner,Contact,Total\nBurglary,Estates,Information Rights Team,412\n"
        "Fireworks,Home Office,Customer Services,398\n",
        encoding="utf-8",
    )
    return path


def clean_parts_xlsx(path: Path) -> Path:
    """Clean: a chart with an ordinary title, a link to a web page and no properties."""
    workbook = _workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Month", "Searches"])
    sheet.append(["January", 699])
    sheet["A4"].hyperlink = "https://www.northshire-police.example.uk/foi"
    chart = BarChart()
    chart.title = "Searches by month"
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=2), titles_from_data=True)
    sheet.add_chart(chart, "D2")
    return _save_workbook(workbook, path)
