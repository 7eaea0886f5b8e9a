"""One export row of `foilog import` as a record, by the mapping.

Exemption texts are matched to their own exemption: a reason or public interest test is
never copied to every exemption on the row, and an absolute exemption never gets one.
"""

from __future__ import annotations

from typing import Any

from foilog.cli.import_mapping import Mapping
from foilog.records.citations import normalise
from foilog.records.column_mapping import RowError
from foilog.records.register import ExemptionRegister

_YES = {"yes", "y", "true", "1", "ncnd", "x"}
_NO = {"no", "n", "false", "0", ""}


def _split(text: Any, separator: str | None) -> list[str]:
    if text is None:
        return []
    if separator is None:
        return [str(text).strip()]
    return [item.strip() for item in str(text).split(separator) if item.strip()]


def build_record(
    mapping: Mapping, row: dict[str, Any], register: ExemptionRegister, notes: list[str]
) -> dict[str, Any]:
    """The record for the row; `notes` is told what was done that the row does not show."""
    record: dict[str, Any] = {
        "reference": str(mapping.cell(row, "reference")),
        "title": str(mapping.cell(row, "title")),
        "received": mapping.date(row, "received"),
        "responded": mapping.date(row, "responded"),
    }
    act = str(mapping.cell(row, "act") or "foia")
    if "act" in mapping.columns and mapping.cell(row, "act"):
        record["act"] = act
    if (overall := mapping.cell(row, "outcome")) and "question_outcomes" in mapping.columns:
        record["outcome"] = str(overall)
    record["questions"] = _questions(mapping, row)
    topics = _split(mapping.cell(row, "topics"), mapping.separator)
    if topics:
        record["topics"] = topics
    exemptions = _exemptions(mapping, row, register, act, notes)
    if exemptions:
        record["exemptions"] = exemptions
    if response := mapping.cell(row, "response"):
        record["response"] = str(response)
    return record


def _questions(mapping: Mapping, row: dict[str, Any]) -> list[dict[str, Any]]:
    texts = _split(mapping.cell(row, "question"), mapping.question_separator)
    answers = _split(mapping.cell(row, "answer"), mapping.question_separator)
    if "question_outcomes" in mapping.columns:
        column = mapping.columns["question_outcomes"]
        words = mapping.values.get("outcome", {})
        outcomes = [words.get(o, o) for o in _split(row.get(column), mapping.separator)]
        if len(outcomes) != len(texts):
            raise RowError(
                f"column {column!r} (question_outcomes): expected {len(texts)} outcome(s), one "
                f"per question, separated by {mapping.separator!r}; found {len(outcomes)}"
            )
    else:
        outcomes = [str(mapping.cell(row, "outcome"))] * len(texts)
    if answers and len(answers) != len(texts):
        raise RowError(
            f"column {mapping.columns['answer']!r} (answer): expected {len(texts)} answer(s), "
            f"one per question; found {len(answers)}"
        )
    questions = []
    for index, (text, outcome) in enumerate(zip(texts, outcomes, strict=True)):
        question = {"text": text, "outcome": outcome}
        if answers:
            question["answer"] = answers[index]
        questions.append(question)
    return questions


def _exemptions(
    mapping: Mapping, row: dict[str, Any], register: ExemptionRegister, act: str, notes: list[str]
) -> list[dict[str, Any]]:
    citations = [normalise(c) for c in _split(mapping.cell(row, "exemptions"), mapping.separator)]
    reasons = _per_exemption(mapping, row, "exemption_reason", citations)
    kinds = [entry.kind if (entry := register.resolve(act, c)) else "" for c in citations]
    qualified = [c for c, kind in zip(citations, kinds, strict=True) if kind == "qualified"]
    public_interest = _per_exemption(mapping, row, "public_interest", citations, qualified)
    ncnd = _ncnd(mapping, row, citations)
    exemptions = []
    for citation, kind in zip(citations, kinds, strict=True):
        exemption: dict[str, Any] = {"section": citation, "reason": reasons.get(citation, "")}
        if kind == "qualified" and citation in public_interest:
            exemption["public_interest"] = public_interest[citation]
        elif citation in public_interest:
            notes.append(f"no public interest test for {citation}: it is not qualified")
        if citation in ncnd:
            exemption["ncnd"] = True
        exemptions.append(exemption)
    _unmatched_columns(mapping, row, citations)
    return exemptions


def _per_exemption(
    mapping: Mapping,
    row: dict[str, Any],
    field: str,
    citations: list[str],
    qualified: list[str] | None = None,
) -> dict[str, str]:
    """Each exemption's own text: from its own column, or from the one cell split on the
    text separator, one text per exemption in order (or, for public interest tests, one
    per qualified exemption)."""
    texts: dict[str, str] = {}
    for citation in citations:
        own = "reason" if field == "exemption_reason" else field  # the name in exemption_columns
        column = mapping.exemption_columns.get(citation, {}).get(own)
        if column and (value := row.get(column)) not in (None, ""):
            texts[citation] = str(value).strip()
    cell = mapping.cell(row, field)
    if cell is None:
        return texts
    parts = _split(cell, mapping.text_separator)
    if len(parts) == len(citations):
        return {**dict(zip(citations, parts, strict=True)), **texts}
    if qualified is not None and len(parts) == len(qualified):
        return {**dict(zip(qualified, parts, strict=True)), **texts}
    counts = f"{len(citations)} exemption(s)"
    if qualified is not None:
        counts += f" ({len(qualified)} qualified)"
    raise RowError(
        f"column {mapping.columns[field]!r} ({field}): expected one text per exemption "
        f"({', '.join(citations) or 'none cited'}), separated by {mapping.text_separator!r}, "
        f"or a column per exemption (exemption_columns); found {len(parts)} for {counts}"
    )


def _ncnd(mapping: Mapping, row: dict[str, Any], citations: list[str]) -> set[str]:
    """ "yes" for every exemption on the row, or the exemptions used to neither confirm nor deny."""
    value = mapping.cell(row, "ncnd")
    if value is None or str(value).strip().lower() in _NO:
        return set()
    if str(value).strip().lower() in _YES:
        return set(citations)
    named = {normalise(c) for c in _split(value, mapping.separator)}
    unknown = sorted(named - set(citations))
    if unknown:
        raise RowError(
            f"column {mapping.columns['ncnd']!r} (ncnd): expected yes, no or exemptions cited "
            f"on the row ({', '.join(citations) or 'none'}); found {', '.join(unknown)}"
        )
    return named


def _unmatched_columns(mapping: Mapping, row: dict[str, Any], citations: list[str]) -> None:
    """A per-exemption column with text for an exemption the row does not cite is a mistake."""
    for citation, fields in mapping.exemption_columns.items():
        if citation in citations:
            continue
        for field, column in fields.items():
            if row.get(column) not in (None, ""):
                raise RowError(
                    f"column {column!r} (exemption_columns.{citation}.{field}): expected empty, "
                    f"as the row does not cite {citation}; found text"
                )
