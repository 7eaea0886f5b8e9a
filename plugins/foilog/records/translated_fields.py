"""The fields the authority wrote, which a bilingual log publishes in each language.

Each object of a record (the record itself, a question, a part, an exemption …) may hold
a mapping per language, `cy:` for Welsh, beside its English fields. Each entry gives the
Welsh `text` and the short `hash` of the English it translates, so that a change to the
English shows that the Welsh is out of date. The requester's own words (a question's or a
part's `text`) are shown as asked, in no other language.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from foilog.records.model import Disclosure, Translated, Translations
from foilog.records.yaml_source import Path_

TRANSLATION_LANGUAGES = ("cy",)  # the languages a record may hold beside English
HASH_LENGTH = 8  # hexadecimal characters of the English text's SHA-256

# The authority's fields of each kind of object, in the order a translator reads them.
FIELDS: dict[str, tuple[str, ...]] = {
    "record": ("title", "response"),
    "question": ("answer",),
    "part": ("answer",),
    "period": ("label",),
    "exemption": ("reason", "public_interest", "ncnd_scope"),
    "figure": ("caption", "rows", "columns", "note"),
    "redirection": ("body", "about"),
    "attachment": ("title", "reason"),
    "event": ("note", "text"),
}
LABEL_LISTS = frozenset({"rows", "columns"})  # a list of labels, translated one by one


def normal_text(value: str | list[str]) -> str:
    """The English as the hash sees it: runs of spaces and line breaks do not count, so
    re-wrapping a paragraph leaves its translation current."""
    items = value if isinstance(value, list) else [value]
    return "\n".join(" ".join(str(item).split()) for item in items)


def english_hash(value: str | list[str]) -> str:
    """The short hash written beside a translation: '3f2a9c1b'."""
    return hashlib.sha256(normal_text(value).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def read_translations(raw: dict[str, Any]) -> Translations:
    """An object's `cy:` (and any other language's) mapping, as the model holds it."""
    found: Translations = {}
    for language in TRANSLATION_LANGUAGES:
        entries = raw.get(language)
        if isinstance(entries, dict):
            found[language] = {
                name: Translated(entry["text"], str(entry["hash"]))
                for name, entry in entries.items()
                if isinstance(entry, dict) and "text" in entry
            }
    return found


def translation_problems(raw: dict[str, Any], path: Path_) -> Iterator[tuple[Path_, str, str]]:
    """Each Welsh field of one object that translates no English field, or whose labels do
    not match the English ones in number: (path, expected, found)."""
    for language in TRANSLATION_LANGUAGES:
        entries = raw.get(language)
        if not isinstance(entries, dict):
            continue
        for name, entry in entries.items():
            where = (*path, language, name)
            english = raw.get(name)
            if english is None or english == []:
                yield where, "a translation only of a field that is given in English", name
            elif isinstance(english, list) and isinstance(entry, dict):
                text = entry.get("text")
                if isinstance(text, list) and len(text) != len(english):
                    yield (
                        (*where, "text"),
                        f"{len(english)} labels, one for each English label",
                        str(len(text)),
                    )


@dataclass(frozen=True, slots=True)
class AuthorityField:
    """One field the authority wrote, found in a checked record."""

    path: Path_  # of the English field: ("questions", 0, "answer")
    english: str | list[str]
    translations: Translations  # its object's

    def translated(self, language: str) -> Translated | None:
        return self.translations.get(language, {}).get(self.path[-1])  # type: ignore[arg-type]

    def translation_path(self, language: str) -> Path_:
        """Where its translation is written: ("questions", 0, "cy", "answer")."""
        return (*self.path[:-1], language, self.path[-1])


def authority_fields(disclosure: Disclosure) -> Iterator[AuthorityField]:
    """Every field the authority wrote that has English text, in the record's order."""
    for path, item, kind in authority_objects(disclosure):
        if kind == "attachment" and item.withdrawn:
            continue  # no longer published
        for name in FIELDS[kind]:
            value = getattr(item, name)
            if value:  # a legacy record's null, or a field left out, has nothing to translate
                yield AuthorityField((*path, name), value, item.translations)


def authority_objects(disclosure: Disclosure) -> Iterator[tuple[Path_, Any, str]]:
    """Each object that holds fields the authority wrote: (its path, it, its kind)."""
    yield (), disclosure, "record"
    for p, period in enumerate(disclosure.periods):
        yield ("periods", p), period, "period"
    for q, question in enumerate(disclosure.questions):
        yield ("questions", q), question, "question"
        for p, part in enumerate(question.parts):
            yield ("questions", q, "parts", p), part, "part"
    for e, exemption in enumerate(disclosure.exemptions):
        yield ("exemptions", e), exemption, "exemption"
    for f, table in enumerate(disclosure.figures):
        yield ("figures", f), table, "figure"
        if table.period:
            yield ("figures", f, "period"), table.period, "period"
    for r, redirection in enumerate(disclosure.redirections):
        yield ("redirections", r), redirection, "redirection"
    for a, attachment in enumerate(disclosure.attachments):
        yield ("attachments", a), attachment, "attachment"
    for h, event in enumerate(disclosure.history):
        yield ("history", h), event, "event"


def attach_translations(
    disclosure: Disclosure, data: dict[str, Any]
) -> list[tuple[Path_, str, str]]:
    """Give each object of a checked record its translations from the record's data, and
    return the problems with them: (path, expected, found)."""
    problems: list[tuple[Path_, str, str]] = []
    for path, item, _kind in authority_objects(disclosure):
        raw: Any = data
        for step in path:
            raw = raw[step]
        item.translations = read_translations(raw)
        problems += translation_problems(raw, path)
    return problems
