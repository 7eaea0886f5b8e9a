"""A record in one of the log's languages: the authority's fields in that language.

`in_language(record, "cy")` gives a copy of a checked record whose title, answers,
reasons, public interest tests, response, figure captions and labels, attachment titles
and the rest of what the authority wrote (see translated_fields.FIELDS) are the Welsh of
its `cy:` mappings. A field with no Welsh keeps its English: the publish guard reports it
(see docs/publish-guard.md). The requester's questions stay as asked. The copy's objects
are new, so the English record is never changed.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from foilog.records.model import Disclosure, Translations
from foilog.records.translated_fields import FIELDS, authority_fields

ENGLISH = "en"  # the language of a record's own fields

_Item = TypeVar("_Item")


def in_language(record: Disclosure, language: str) -> Disclosure:
    """`record` with the authority's fields in `language`; English gives the record itself."""
    if language == ENGLISH or not _any_translation(record, language):
        return record
    questions = [
        _translated(
            question,
            "question",
            language,
            parts=[_translated(part, "part", language) for part in question.parts],
        )
        for question in record.questions
    ]
    figures = [
        _translated(
            table,
            "figure",
            language,
            period=_translated(table.period, "period", language) if table.period else None,
        )
        for table in record.figures
    ]
    history = [_translated(event, "event", language) for event in record.history]
    by_event = {id(old): new for old, new in zip(record.history, history, strict=True)}
    attachments = [
        _translated(
            a,
            "attachment",
            language,
            withdrawn=by_event.get(id(a.withdrawn), a.withdrawn),  # as translated
        )
        for a in record.attachments
    ]
    return _translated(
        record,
        "record",
        language,
        questions=questions,
        periods=[_translated(p, "period", language) for p in record.periods],
        exemptions=[_translated(e, "exemption", language) for e in record.exemptions],
        figures=figures,
        redirections=[_translated(r, "redirection", language) for r in record.redirections],
        attachments=attachments,
        history=history,
        language=language,
    )


def _translated(item: _Item, kind: str, code: str, **changes: Any) -> _Item:
    """A copy of `item` with its fields of `kind` in the language `code`, and the `changes`."""
    translations: Translations = getattr(item, "translations")  # noqa: B009
    entries = translations.get(code, {})
    for name in FIELDS[kind]:
        entry = entries.get(name)
        if entry is None or not getattr(item, name):
            continue
        english = getattr(item, name)
        if isinstance(english, list):  # labels: each one without Welsh keeps its English
            welsh = entry.text if isinstance(entry.text, list) else []
            welsh = [*welsh, *[""] * len(english)][: len(english)]
            changes[name] = [w or e for w, e in zip(welsh, english, strict=True)]
        else:
            changes[name] = str(entry.text)
    return dataclasses.replace(item, **changes)  # type: ignore[type-var]


def _any_translation(record: Disclosure, language: str) -> bool:
    """Whether anything in the record is written in `language`."""
    return any(field.translated(language) for field in authority_fields(record))
