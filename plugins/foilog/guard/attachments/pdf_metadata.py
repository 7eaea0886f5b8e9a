"""What a PDF says about itself: document information, XMP metadata, bookmarks, links and
optional-content layers that are switched off."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree
from pypdf import PdfReader

from foilog.guard.attachments.issue import Issue
from foilog.guard.attachments.package import local
from foilog.guard.attachments.text_scan import link_issues, text_issues
from foilog.settings import GuardSettings

_FIX = "remove the document properties (or save with Remove Hidden Information)"
# Dates, and the name of the PDF library that wrote the file, say nothing about a person.
_NOT_TEXT = {"/CreationDate", "/ModDate", "/Trapped", "/Producer"}
# What PDF writers put in when nobody filled a property in: not anyone's details.
_PLACEHOLDERS = {"", "anonymous", "unspecified", "(unspecified)", "untitled", "unknown"}
# XMP properties that are dates, identifiers, the format or the program: nothing about a
# person.
_XMP_SKIPPED = {"CreateDate", "ModifyDate", "MetadataDate", "DocumentID", "InstanceID", "format"}
_XMP_SKIPPED |= {"Producer", "CreatorTool"}
_XMP_SKIPPED_NAMESPACES = ("http://ns.adobe.com/xap/1.0/mm/", "http://ns.adobe.com/xap/1.0/sType")
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"


def metadata_issues(reader: PdfReader, guard: GuardSettings) -> list[Issue]:
    issues = []
    metadata: Any = reader.metadata or {}
    for key in sorted(metadata):
        value = str(metadata.get(key) or "").strip()
        if key not in _NOT_TEXT and value.casefold() not in _PLACEHOLDERS:
            issues.append(
                Issue(f"metadata {key[1:]}", "pdf-metadata", f'the {key[1:]} is "{value}"', _FIX)
            )
    for name, value in _xmp(reader):
        issues.append(
            Issue(f"XMP {name}", "pdf-xmp-metadata", f'the XMP {name} is "{value}"', _FIX)
        )
    titles = [(f"bookmark {n}", title) for n, title in enumerate(_bookmarks(reader.outline), 1)]
    issues += text_issues(titles, guard)
    for number, page in enumerate(reader.pages, 1):
        for index, annotation in enumerate(page.get("/Annots") or [], 1):
            action = _get(_get(annotation).get("/A"))
            target = _get(action.get("/URI") or action.get("/F"))  # a web address or a file
            if isinstance(target, dict):
                target = _get(target.get("/F"))
            if target:
                place = f"page {number} link {index}"
                issues += link_issues(place, str(target), guard)
    return issues + _hidden_layers(reader)


def _get(value: Any) -> Any:
    value = value.get_object() if hasattr(value, "get_object") else value
    return value if value is not None else {}


def _xmp(reader: PdfReader) -> Iterator[tuple[str, str]]:
    """(prefix:name, value) for each XMP property that holds text about the document."""
    stream = _get(reader.trailer["/Root"]).get("/Metadata")
    if stream is None:
        return
    try:
        root = etree.fromstring(
            _get(stream).get_data(), etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except (etree.XMLSyntaxError, ValueError):
        return
    for description in root.iter(f"{_RDF}Description"):
        properties = [(k, v) for k, v in description.attrib.items() if not k.startswith(_RDF)]
        properties += [
            (c.tag, " ".join(t.strip() for t in c.itertext() if t.strip())) for c in description
        ]
        for tag, value in properties:
            qname = etree.QName(tag)
            if (
                local(tag) in _XMP_SKIPPED
                or (qname.namespace or "").startswith(_XMP_SKIPPED_NAMESPACES)
                or value.strip().casefold() in _PLACEHOLDERS
            ):
                continue
            prefix = _prefix(description, qname.namespace)
            yield f"{prefix}:{qname.localname}", value.strip()


def _prefix(element: etree._Element, namespace: str | None) -> str:
    return next((p for p, n in element.nsmap.items() if n == namespace and p), "xmp")


def _bookmarks(outline: Any) -> Iterator[str]:
    for item in outline:
        if isinstance(item, list):
            yield from _bookmarks(item)
        elif getattr(item, "title", None):
            yield str(item.title)


def _hidden_layers(reader: PdfReader) -> list[Issue]:
    """Optional-content groups the default view switches off: drawn, but not shown."""
    properties = _get(_get(reader.trailer["/Root"]).get("/OCProperties"))
    if not properties:
        return []
    default = _get(properties.get("/D"))
    groups = [_get(g) for g in properties.get("/OCGs") or []]
    off = [_get(g) for g in default.get("/OFF") or []]
    if default.get("/BaseState") == "/OFF":
        on = [_get(g) for g in default.get("/ON") or []]
        off = [g for g in groups if all(g is not o for o in on)]
    return [
        Issue(
            f'layer "{group.get("/Name", "unnamed")}"',
            "pdf-hidden-layer",
            "a layer that is switched off, whose content is in the file but not shown",
            "delete the layer or flatten the layers, then save",
        )
        for group in off
    ]
