"""An Office file as the package it is: zip parts, their content types and relationships."""

from __future__ import annotations

import io
import posixpath
import zipfile
from functools import cached_property
from typing import NamedTuple

from lxml import etree

_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# No entities, no network, and no limit surprises from huge parts: the file is untrusted.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


class Relationship(NamedTuple):
    source: str  # the part the relationship belongs to ("" for the package)
    kind: str  # the last word of its type: "hyperlink", "attachedTemplate"
    target: str
    external: bool


class TooLargeError(Exception):
    """The package would unpack to more than the guard reads (a "zip bomb")."""


# Office parts compress 5 to 50 times; a large part that compresses far more is made to
# fill memory when unpacked, as is a package that unpacks to more than a gigabyte.
_LARGE_PART = 64 * 1024 * 1024
_MOST_SQUEEZED = 200
_MOST_UNPACKED = 1024 * 1024 * 1024


class Package:
    def __init__(self, data: bytes) -> None:
        self.archive = zipfile.ZipFile(io.BytesIO(data))
        infos = self.archive.infolist()
        for info in infos:
            if info.file_size > _LARGE_PART and info.file_size > _MOST_SQUEEZED * max(
                info.compress_size, 1
            ):
                raise TooLargeError(f"{info.filename} unpacks to {info.file_size // 2**20} MiB")
        if sum(info.file_size for info in infos) > _MOST_UNPACKED:
            raise TooLargeError("the parts unpack to more than 1 GiB")
        self.names = [n for n in self.archive.namelist() if not n.endswith("/")]

    def read(self, name: str) -> bytes:
        return self.archive.read(name)

    def xml(self, name: str) -> etree._Element | None:
        """The part parsed, or None when it is missing or is not XML."""
        if name not in self.names:
            return None
        try:
            return etree.fromstring(self.read(name), PARSER)
        except etree.XMLSyntaxError:
            return None

    @cached_property
    def content_types(self) -> dict[str, str]:
        """Each part's content type, from its override or the default for its extension."""
        root = self.xml("[Content_Types].xml")
        if root is None:
            return {}
        defaults = {
            d.get("Extension", "").lower(): d.get("ContentType", "")
            for d in root.iter(f"{_TYPES}Default")
        }
        overrides = {
            o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
            for o in root.iter(f"{_TYPES}Override")
        }
        return {
            name: overrides.get(name) or defaults.get(name.rpartition(".")[2].lower(), "")
            for name in self.names
        }

    def parts_of_type(self, *fragments: str) -> list[str]:
        """Parts whose content type contains any of `fragments`, wherever they are."""
        return sorted(
            name
            for name, kind in self.content_types.items()
            if any(f.lower() in kind.lower() for f in fragments)
        )

    @cached_property
    def relationships(self) -> list[Relationship]:
        found = []
        for name in self.names:
            if not name.endswith(".rels"):
                continue
            root = self.xml(name)
            if root is None:
                continue
            folder, _, file = name.rpartition("_rels/")
            source = folder + file.removesuffix(".rels")
            for rel in root.iter(f"{_RELS}Relationship"):
                external = rel.get("TargetMode") == "External"
                target = rel.get("Target", "")
                if not external:
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
                kind = rel.get("Type", "").rstrip("/").rpartition("/")[2]
                found.append(Relationship(source, kind, target.lstrip("/"), external))
        return found


def local(tag: object) -> str:
    """An element's name without its namespace."""
    return etree.QName(tag).localname if isinstance(tag, str) else ""  # comments have no name
