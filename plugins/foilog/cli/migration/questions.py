"""The numbered questions of a response letter, their parts, answers and stated outcomes.

Letters number questions "1.", "1)", "1,", "Q1", "Question 1", and letter parts "a)",
"(a)", "a.". A letter often restates the request and then answers it under the same
numbers: the first run of numbers gives the questions, a later run their answers. An item
that reads as an answer ("There are currently 92.") is an answer to a question whose own
words the letter does not give. A number skipped ("2." and "3." only) still counts: the
question before it exists, unrecorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from foilog.cli.migration.reading import CELL_SEPARATOR
from foilog.cli.migration.wording import stated_outcome
from foilog.records import outcomes

_ITEM = re.compile(r"^\s*(?:Q(?:uestion)?\.?\s*)?(\d{1,2})\s*[.):,](?:\s*(?![\d.])(\S.*))?$", re.I)
_HEADING = re.compile(r"^\s*(?:Question|Q)\s*(\d{1,2})\b\s*[:.)\-–]?\s*(.*)$", re.I)
_PART = re.compile(r"^\s*\(?([a-h])[.)]\s+(\S.*)$")
_INLINE_PART = re.compile(r"(?:^|[\s,;:])\(?([a-h])\)\s+")
# How an answer starts, where a question would not: "There are", "Yes", "None", "We hold".
_ANSWER_START = re.compile(
    r"^(?:there\s+(?:is|are|was|were)\b|yes\b|no\b|none\b|nil\b|n/a\b|we\b|i\b|our\b|"
    r"please\s+(?:see|find|note|refer)\b|see\b|this\s+information\b|information\s+(?:at|for|in|"
    r"on|relating)\b|the\s+(?:force|council|trust|authority|department|information|data|"
    r"figure|answer)\s+(?:does|do|did|is|are|was|has|have|holds?|can)\b|not\s+held\b|"
    r"[£$]?\d[\d,.]*\s*%?\s*\.?$)",
    re.I,
)
# Where a letter's general text starts again after an answer.
_GENERAL = re.compile(
    r"^(?:section|s\.?\s?\d|under\b|for\s+questions?\b|in\s+(?:line|relation)\b|public\s+"
    r"interest|no\s+inference|if\s+you|please\s+(?:provide|note|be\s+aware)|this\s+(?:letter|"
    r"response)|reason\s+for|harm\b|every\s+effort|the\s+figures\s+provided|yours\b|to\s+note|"
    r"[^.]{0,60}\b(?:will\s+neither\s+confirm|refusal\s+notice|exempt(?:ion)?s?\s+appl))",
    re.I,
)
_ANSWER_LINES = 6  # an answer longer than this is left in the response letter
# A heading between the request and the answers: "Our answers", "RESPONSE", "In response:".
_HEADING_LINE = re.compile(r"^(?:[A-Za-z]+\s?){1,3}:?$")


@dataclass
class Item:
    number: int
    text: str  # what follows the number on its line; empty for a bare "Question 1"
    line: int
    heading: bool  # "Question 1": the text after it is an answer


@dataclass
class Draft:
    number: int
    text: str | None = None
    answer: str | None = None
    outcome: str | None = None
    parts: list[dict[str, str | None]] = field(default_factory=list)


def numbered_items(lines: list[str]) -> list[Item]:
    """Numbered lines that continue a run (n then n + 1) or start one again."""
    items: list[Item] = []
    first: int | None = None
    for index, line in enumerate(lines):
        if CELL_SEPARATOR in line:
            continue
        heading = _HEADING.match(line)
        match = heading or _ITEM.match(line)
        if not match:
            continue
        number = int(match.group(1))
        previous = items[-1].number if items else None
        if previous is None:
            if number > 3:
                continue
            first = number
        elif number != previous + 1 and not (first is not None and number <= first):
            continue
        items.append(Item(number, (match.group(2) or "").strip(), index, bool(heading)))
    return items


def extract_questions(lines: list[str]) -> tuple[list[Draft], list[str]]:
    """The questions in order, numbered as the letter numbers them, and notes on guesses."""
    items = numbered_items(lines)
    if not items:
        return [Draft(1)], [
            "questions: the letter numbers none; one question, its words not recorded"
        ]
    drafts: dict[int, Draft] = {}
    notes: list[str] = []
    runs = 0
    for position, item in enumerate(items):
        if position and item.number <= items[position - 1].number:
            runs += 1
        draft = drafts.setdefault(item.number, Draft(item.number))
        end = items[position + 1].line if position + 1 < len(items) else len(lines)
        following = _answer_lines(lines[item.line + 1 : end])
        if item.heading or runs or not item.text or _ANSWER_START.match(item.text):
            _attach(draft, [item.text] if item.text else [], following)
        else:
            draft.text = item.text
            draft.parts = [{"text": t, "answer": None} for _, t in _inline_parts(item.text)]
            _attach(draft, [], following)
    highest = max(drafts)
    questions = [drafts.get(n, Draft(n)) for n in range(1, highest + 1)]
    missing = [str(q.number) for q in questions if q.text is None]
    if missing:
        notes.append(
            f"questions {', '.join(missing)}: the letter does not give the question's words"
        )
    if any(q.answer or q.parts for q in questions):
        notes.append("questions: answers were matched to questions by their numbers")
    if any(q.outcome for q in questions):
        notes.append("questions: outcomes were read from the answers' wording")
    return questions, notes


def _answer_lines(lines: list[str]) -> list[str]:
    """The lines of an answer: up to the letter's general text again. Blank lines are
    passed over: a saved page puts one between every paragraph, and a text file may not."""
    taken: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        if (
            _GENERAL.match(line.strip())
            or CELL_SEPARATOR in line
            or len(taken) == _ANSWER_LINES
            or (_HEADING_LINE.match(line.strip()) and not _ANSWER_START.match(line.strip()))
        ):
            break
        taken.append(line.strip())
    return taken


def _answer(draft: Draft, lines: list[str]) -> None:
    if not lines:
        return
    text = "\n\n".join(lines)
    draft.answer = f"{draft.answer}\n\n{text}" if draft.answer else text
    draft.outcome = stated_outcome(draft.answer)


def _attach(draft: Draft, first: list[str], lines: list[str]) -> None:
    """The lines after a numbered item. Lettered lines answer the question's parts, or are
    its parts when they ask ("a) How many were appealed?"); other lines answer it."""
    lettered = [(m.group(1), m.group(2)) for line in lines if (m := _PART.match(line))]
    if first or not lettered or len(lettered) != len(lines):
        _answer(draft, [*first, *lines])
    elif draft.parts:
        answers = dict(lettered)
        letters = [chr(ord("a") + i) for i in range(len(draft.parts))]
        for letter, part in zip(letters, draft.parts, strict=True):
            part["answer"] = answers.get(letter, part["answer"])
            part["outcome"] = stated_outcome(part["answer"] or "")
        stated = {part["outcome"] for part in draft.parts}
        if None not in stated:
            draft.outcome = outcomes.derive([str(o) for o in stated])
    elif all(text.rstrip().endswith("?") for _, text in lettered) and draft.text:
        draft.parts = [{"text": text, "answer": None} for _, text in lettered]
    else:
        _answer(draft, lines)


def _inline_parts(text: str) -> list[tuple[str, str]]:
    """'… a) x, and b) y' -> [('a', 'x, and'), ('b', 'y')], when lettered from a in order."""
    marks = list(_INLINE_PART.finditer(text))
    letters = [m.group(1) for m in marks]
    if len(marks) < 2 or letters != [chr(ord("a") + i) for i in range(len(marks))]:
        return []
    parts = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        words = re.sub(r"[\s,;]+(?:and|or)$", "", text[mark.end() : end].strip(" ,;"))
        parts.append((mark.group(1), words.strip(" ,;")))
    return parts
