"""One published response letter as a draft legacy record, by rules alone.

What the letter states is taken as it states it; what it does not state is left null
("not recorded"); every field a rule had to guess is named in `migration_notes`.
"""

from __future__ import annotations

import re
from typing import Any

from foilog.cli.migration.letter_dates import letter_dates
from foilog.cli.migration.questions import Draft, extract_questions
from foilog.cli.migration.reading import CELL_SEPARATOR, Letter
from foilog.cli.migration.tables import figure_tables
from foilog.cli.migration.wording import (
    act_of,
    cost_limit,
    letter_outcome,
    redirections,
    reference_of,
    states_ncnd,
    title_of,
)
from foilog.records import outcomes
from foilog.records.citations import find_citations
from foilog.records.register import ExemptionRegister

_TITLE_LENGTH = 120


def draft_record(letter: Letter, stem: str, register: ExemptionRegister) -> dict[str, Any]:
    """The draft record for a letter read from a file named `stem`."""
    lines = letter.text.split("\n")
    notes: list[str] = []
    reference = reference_of(lines, letter.title)
    if reference is None:
        reference = stem
        notes.append(f"reference: the letter gives none; {stem!r} is the file's name")
    act, named = act_of(letter.text)
    if not named:
        notes.append("act: the letter does not name the law; FOIA assumed")
    received, responded, date_notes = letter_dates(lines)
    notes += date_notes
    if received is None:
        notes.append("received: the letter does not date the request")
    if responded is None:
        notes.append("responded: the letter does not give its own date")
    questions, question_notes = extract_questions(lines)
    notes += question_notes
    title = title_of(lines, letter.title)
    if title is None:
        title = _title_from(questions) or reference
        notes.append("title: made from the first question, or the reference; write a short one")
    record: dict[str, Any] = {
        "reference": reference,
        "title": title,
        "legacy": True,
        "draft": True,
        "migration_notes": notes,
    }
    if act != "foia":
        record["act"] = act
    record["received"] = received
    record["responded"] = responded
    record["questions"] = [_question(q) for q in questions]
    exemptions = _exemptions(letter.text, act, register, notes)
    overall = letter_outcome(letter.text, bool(exemptions))
    if overall and outcomes.consistent(
        overall, [q["outcome"] or outcomes.NOT_RECORDED for q in record["questions"]]
    ):
        record["outcome"] = overall
        notes.append(f"outcome: {overall}, from the letter's wording")
    if exemptions:
        record["exemptions"] = exemptions
    tables, table_notes = figure_tables(lines)
    if tables:
        record["figures"] = tables
        notes += table_notes
    sent_to = redirections(lines)
    if sent_to:
        record["redirections"] = [
            {"body": r.body, "about": r.about} | ({"url": r.url} if r.url else {}) for r in sent_to
        ]
        notes.append("redirections: the body's name and the sentence are the letter's; check them")
    record["response"] = _markdown(lines)
    return record


def _question(draft: Draft) -> dict[str, Any]:
    question: dict[str, Any] = {"text": draft.text, "outcome": draft.outcome}
    if draft.answer:
        question["answer"] = draft.answer
    if draft.parts:
        question["parts"] = [
            {"text": part["text"] or None}
            | ({"outcome": part["outcome"]} if part.get("outcome") else {})
            | ({"answer": part["answer"]} if part.get("answer") else {})
            for part in draft.parts
        ]
    return question


def _exemptions(
    text: str, act: str, register: ExemptionRegister, notes: list[str]
) -> list[dict[str, Any]]:
    """Every exemption cited, at the most specific level the letter cites it."""
    cited = list(dict.fromkeys(c for _, c in find_citations(text) if register.resolve(act, c)))
    # "Section 40" beside "Section 40(2)" is the same exemption, cited less exactly.
    exact = [c for c in cited if not any(o != c and o.startswith(c + "(") for o in cited)]
    if act != "eir" and cost_limit(text) and not any(c.split("(")[0] == "12" for c in exact):
        exact.append("12")
        notes.append("exemptions: section 12 (cost limit) from the letter's wording; it cites none")
    ncnd = states_ncnd(text)
    exemptions = []
    for citation in exact:
        entry = register.resolve(act, citation)
        exemption: dict[str, Any] = {"section": citation, "reason": None}
        if entry is not None and entry.kind == "qualified":
            exemption["public_interest"] = None
        if ncnd and entry is not None and entry.ncnd:
            exemption["ncnd"] = True
        exemptions.append(exemption)
    if exemptions:
        notes.append(
            "exemptions: reasons and public interest tests are left as not recorded (they are "
            "in the response), and each exemption covers the whole request; check both"
        )
    if ncnd:
        notes.append("exemptions: the letter neither confirms nor denies; check which it covers")
    return exemptions


def _title_from(questions: list[Draft]) -> str | None:
    for question in questions:
        if question.text:
            sentence = re.split(r"(?<=[.?])\s", question.text)[0].strip()
            return (
                sentence if len(sentence) <= _TITLE_LENGTH else sentence[: _TITLE_LENGTH - 1] + "…"
            )
    return None


def _markdown(lines: list[str]) -> str:
    """The letter as Markdown: each line its own paragraph, a table's rows kept together."""
    paragraphs: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        if CELL_SEPARATOR in line and paragraphs and CELL_SEPARATOR in paragraphs[-1]:
            paragraphs[-1] += "\n" + line
        else:
            paragraphs.append(line.strip())
    return "\n\n".join(paragraphs)
