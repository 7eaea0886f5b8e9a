"""The exemption register: shipped data, extended or overridden by the site's settings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from foilog.core.translation import N_

KINDS = ("absolute", "qualified", "procedural")
ENTRY_FIELDS = ("title", "kind", "ncnd", "explanation", "url")
OPTIONAL_FIELDS = ("subsections",)
_CITATION = re.compile(r"^([0-9]+[A-Z]?)((?:\([0-9A-Za-z]+\))*)$")
_PART = re.compile(r"\([0-9A-Za-z]+\)")

ACT_SHORT = {"foia": N_("Section"), "eir": N_("Regulation"), "foisa": N_("Section")}


@dataclass(frozen=True, slots=True)
class ExemptionEntry:
    act: str
    key: str  # "40", or "12(5)(b)" for EIR
    title: str
    kind: str
    ncnd: bool
    explanation: str
    url: str
    # The subsections and paragraphs a citation may name, such as "(2)" and "(2)(a)"; empty
    # when the register does not list them, and then any is accepted.
    subsections: tuple[str, ...] = ()

    def unknown_part(self, parts: list[str]) -> tuple[str, list[str]] | None:
        """The first of a citation's bracketed parts after this entry's key that the listed
        subsections do not have, with the ones they do have at that place. Below a
        subsection that lists nothing further, any part is accepted (31(1)(a)(b))."""
        if not self.subsections:
            return None
        cited = ""
        for part in parts:
            below = [
                s
                for s in self.subsections
                if s.startswith(cited) and _depth(s) == _depth(cited) + 1
            ]
            if not below:
                return None
            if cited + part not in below:
                return self.key + cited + part, [self.key + s for s in below]
            cited += part
        return None

    @property
    def label(self) -> str:
        """'Section 40' or 'Regulation 12(5)(b)'."""
        return f"{ACT_SHORT[self.act]} {self.key}"

    @property
    def slug(self) -> str:
        """'section-40', or 'eir-regulation-12-5-b' so that acts never share an address."""
        base = re.sub(r"[^0-9a-z]+", "-", self.label.lower()).strip("-")
        return base if self.act == "foia" else f"{self.act}-{base}"


class RegisterError(ValueError):
    pass


class ExemptionRegister:
    def __init__(self, entries: dict[str, dict[str, ExemptionEntry]]) -> None:
        self._entries = entries

    @classmethod
    def load(cls, overrides: dict[str, Any] | None = None) -> ExemptionRegister:
        shipped = yaml.safe_load(
            resources.files("foilog").joinpath("data/exemptions.yaml").read_text(encoding="utf-8")
        )
        entries: dict[str, dict[str, ExemptionEntry]] = {}
        for act, sections in shipped.items():
            for key, fields in sections.items():
                entries.setdefault(act, {})[str(key)] = _entry(act, str(key), fields)
        for act, sections in (overrides or {}).items():
            if act not in ACT_SHORT:
                raise RegisterError(f"unknown act {act!r}; expected one of {', '.join(ACT_SHORT)}")
            for key, fields in sections.items():
                current = entries.setdefault(act, {}).get(str(key))
                merged = {
                    **(
                        {f: getattr(current, f) for f in (*ENTRY_FIELDS, *OPTIONAL_FIELDS)}
                        if current
                        else {}
                    ),
                    **fields,
                }
                entries[act][str(key)] = _entry(act, str(key), merged)
        return cls(entries)

    def resolve(self, act: str, citation: str) -> ExemptionEntry | None:
        """The longest register entry that the citation starts with: 31(1)(a)(b) -> 31."""
        match = _CITATION.match(citation)
        if not match:
            return None
        section, brackets = match.groups()
        parts = _PART.findall(brackets)
        sections = self._entries.get(act, {})
        for length in range(len(parts), -1, -1):
            entry = sections.get(section + "".join(parts[:length]))
            if entry:
                return entry
        return None

    def unknown_subsection(
        self, entry: ExemptionEntry, citation: str
    ) -> tuple[str, list[str]] | None:
        """For a citation that resolved to `entry`: its first part that the register's listed
        subsections do not have, and the valid ones there (see ExemptionEntry.unknown_part)."""
        match = _CITATION.match(citation)
        parts = _PART.findall(match.group(2)) if match else []
        return entry.unknown_part(parts[len(_PART.findall(entry.key)) :])

    def entries(self, act: str) -> list[ExemptionEntry]:
        return list(self._entries.get(act, {}).values())

    def entry(self, act: str, key: str) -> ExemptionEntry:
        """The entry of `act` under exactly `key` (KeyError when there is none)."""
        return self._entries[act][key]

    def fingerprint(self) -> str:
        """Every entry, as text that is the same for the same register in every run."""
        return repr(sorted((act, sorted(keys.items())) for act, keys in self._entries.items()))


def _entry(act: str, key: str, fields: dict[str, Any]) -> ExemptionEntry:
    missing = [f for f in ENTRY_FIELDS if f not in fields]
    unknown = [f for f in fields if f not in (*ENTRY_FIELDS, *OPTIONAL_FIELDS)]
    where = f"exemption register entry {act} {key}"
    if missing:
        raise RegisterError(f"{where}: missing {', '.join(missing)}")
    if unknown:
        raise RegisterError(f"{where}: unknown field {', '.join(unknown)}")
    if fields["kind"] not in KINDS:
        raise RegisterError(
            f"{where}: kind must be one of {', '.join(KINDS)}, found {fields['kind']!r}"
        )
    if not isinstance(fields["ncnd"], bool):
        raise RegisterError(f"{where}: ncnd must be true or false")
    subsections = fields.get("subsections") or ()
    if not isinstance(subsections, list | tuple) or not all(
        isinstance(s, str) and re.fullmatch(r"(?:\([0-9A-Za-z]+\))+", s) for s in subsections
    ):
        raise RegisterError(f'{where}: subsections must be a list such as ["(1)", "(2)", "(2)(a)"]')
    return ExemptionEntry(
        act=act,
        key=key,
        title=str(fields["title"]),
        kind=fields["kind"],
        ncnd=fields["ncnd"],
        explanation=str(fields["explanation"]).strip(),
        url=str(fields["url"]),
        subsections=tuple(subsections),
    )


def _depth(subsection: str) -> int:
    return subsection.count("(")
