"""The stories of a Word document (body, headers, footers, footnotes, endnotes, comments),
their paragraphs and tables and what each says, deleted text included."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree

from foilog.guard.attachments.package import Package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"
_TEXT_TAGS = (f"{W}t", f"{W}delText", f"{W}instrText")
# Story parts by content type; the main document's paragraphs are named without a prefix.
_STORIES = (
    "document.main+xml",
    "template.main+xml",
    "macroEnabled.main+xml",
    "macroEnabledTemplate.main+xml",
    "wordprocessingml.header+xml",
    "wordprocessingml.footer+xml",
    "wordprocessingml.footnotes+xml",
    "wordprocessingml.endnotes+xml",
    "wordprocessingml.comments+xml",
)


class Paragraph(NamedTuple):
    place: str  # "paragraph 3", "header1 paragraph 1"
    element: etree._Element


def stories(package: Package) -> Iterator[tuple[str, etree._Element]]:
    """(label, root) for each story part; the label is "" for the main document."""
    for name in package.parts_of_type(*_STORIES):
        root = package.xml(name)
        if root is None:
            continue
        main = "main+xml" in package.content_types[name]
        yield ("" if main else name.rpartition("/")[2].removesuffix(".xml")), root


def paragraphs(package: Package) -> Iterator[Paragraph]:
    """Every paragraph in document order, those in text boxes too; the copy of a text box
    that Word keeps for old readers (mc:Fallback) is skipped."""
    for label, root in stories(package):
        number = 0
        for element in root.iter(f"{W}p"):
            if any(a.tag == _MC_FALLBACK for a in element.iterancestors()):
                continue
            number += 1
            yield Paragraph(f"{label} paragraph {number}".strip(), element)


def paragraph_text(paragraph: etree._Element) -> str:
    """What the paragraph says, deleted text and field codes included, without the text of
    paragraphs inside it (a text box), which are read on their own."""
    return "".join(
        t.text or ""
        for t in paragraph.iter(*_TEXT_TAGS)
        if next(t.iterancestors(f"{W}p"), None) is paragraph
    )


def alt_texts(package: Package) -> Iterator[tuple[str, str]]:
    """(place, text) for the description and title of each picture and shape."""
    for label, root in stories(package):
        number = 0
        for element in root.iter(_DRAWING, _PICTURE):
            text = " ".join(v for v in (element.get("title"), element.get("descr")) if v)
            if element.tag == _DRAWING:
                number += 1
            if text.strip():
                yield f"{label} image {number} alt text".strip(), text


def tables(package: Package) -> Iterator[tuple[str, list[list[str | None]]]]:
    """("table 2", rows of cell texts) for each table in document order, a table inside a
    cell as its own. A cell merged across columns or down rows is its first cell's text,
    and None in the others, so that each column holds what is shown under its header."""
    for label, root in stories(package):
        for number, table in enumerate(root.iter(f"{W}tbl"), 1):
            yield (
                f"{label} table {number}".strip(),
                [_row(row) for row in table.iterchildren(f"{W}tr")],
            )


def _row(row: etree._Element) -> list[str | None]:
    texts: list[str | None] = []
    for cell in row.iterchildren(f"{W}tc"):
        span = cell.find(f"{W}tcPr/{W}gridSpan")
        merge = cell.find(f"{W}tcPr/{W}vMerge")
        continued = merge is not None and merge.get(f"{W}val", "continue") == "continue"
        own = [p for p in cell.iter(f"{W}p") if next(p.iterancestors(f"{W}tc"), None) is cell]
        texts.append(None if continued else " ".join(paragraph_text(p) for p in own).strip())
        texts += [None] * (int(span.get(f"{W}val", "1")) - 1 if span is not None else 0)
    return texts
