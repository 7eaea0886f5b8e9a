"""How a run of a Word document looks: hidden, or coloured like what is behind it, by its
own formatting, its character style, its paragraph's style or the document's defaults."""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from foilog.guard.attachments.docx_story import W
from foilog.guard.attachments.package import Package

_OFF = {"0", "false", "off"}
_THEME_WHITE = {"background1", "light1"}


class RunLook(NamedTuple):
    hidden: bool
    invisible: bool  # its colour is that of the shading or page behind it


class Styles:
    def __init__(self, package: Package) -> None:
        names = package.parts_of_type("wordprocessingml.styles+xml")
        root = package.xml(names[0]) if names else None
        self.by_id: dict[str, etree._Element] = {}
        self.defaults: etree._Element | None = None
        if root is not None:
            self.by_id = {s.get(f"{W}styleId", ""): s for s in root.iter(f"{W}style")}
            self.defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        """The run properties of a style and the styles it is based on, the base first."""
        layers: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            properties = style.find(f"{W}rPr")
            if properties is not None:
                layers.insert(0, properties)
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return layers

    def look(self, run: etree._Element, paragraph: etree._Element) -> RunLook:
        paragraph_style = paragraph.find(f"{W}pPr/{W}pStyle")
        run_style = run.find(f"{W}rPr/{W}rStyle")
        layers = [self.defaults] if self.defaults is not None else []
        layers += self._chain(_val(paragraph_style)) + self._chain(_val(run_style))
        if (own := run.find(f"{W}rPr")) is not None:
            layers.append(own)
        hidden, colour = False, None
        for properties in layers:
            if (vanish := properties.find(f"{W}vanish")) is not None:
                hidden = (_val(vanish) or "true").lower() not in _OFF
            if (element := properties.find(f"{W}color")) is not None:
                colour = _colour(element)
        return RunLook(hidden, colour is not None and colour == _behind(run, paragraph))


def _val(element: etree._Element | None) -> str | None:
    return element.get(f"{W}val") if element is not None else None


def _colour(element: etree._Element) -> str | None:
    if element.get(f"{W}themeColor") in _THEME_WHITE:
        return "FFFFFF"
    value = (_val(element) or "").upper()
    return value if len(value) == 6 else None  # "auto" contrasts with what is behind


def _behind(run: etree._Element, paragraph: etree._Element) -> str:
    """The colour behind the run: its shading, its paragraph's or cell's, or the page's."""
    holders = [run.find(f"{W}rPr"), paragraph.find(f"{W}pPr")]
    holders += [cell.find(f"{W}tcPr") for cell in paragraph.iterancestors(f"{W}tc")]
    for holder in holders:
        shading = holder.find(f"{W}shd") if holder is not None else None
        fill = (shading.get(f"{W}fill") or "").upper() if shading is not None else ""
        if len(fill) == 6:
            return fill
    background = paragraph.getroottree().getroot().find(f"{W}background")
    colour = (background.get(f"{W}color") or "").upper() if background is not None else ""
    return colour if len(colour) == 6 else "FFFFFF"
