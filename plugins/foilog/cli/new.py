"""`foilog new`: write a record skeleton with the next free reference and today's date.

References like `000123-25` are numbered within each year: the next reference is the
highest number used with this year's two digits, plus one, padded to the same width
(`000124-25`); the first of a year is `000001-25`. `--reference` chooses one instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from foilog.cli.site import CommandError, load_site, references_in_use
from foilog.core.paths import shown
from foilog.core.slugs import slugify
from foilog.records.dates import PartialDate
from foilog.records.outcomes import OUTCOMES
from foilog.records.structure import PLACEHOLDER

_NUMBERED = re.compile(r"^(\d+)-(\d{2})$")
_OUTCOME_PLACEHOLDER = f"{PLACEHOLDER}: {', '.join(OUTCOMES[:-1])} or {OUTCOMES[-1]}"


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "new",
        help="write a new record with the next free reference",
        description="Write a new record under the disclosures folder, with the next free "
        "reference, today's date and TODO placeholders. The build refuses a record that "
        "still has a TODO in it. An existing record is never overwritten.",
    )
    parser.add_argument("--reference", help="use this reference instead of the next free one")
    parser.add_argument(
        "--interactive",
        "-i",
        action="store_true",
        help="ask for the title, the dates and the questions",
    )
    return parser


def next_reference(references: list[str], today: dt.date) -> str:
    year = f"{today.year % 100:02d}"
    numbered = [m for r in references if (m := _NUMBERED.match(r))]
    width = max((len(m.group(1)) for m in numbered), default=6)
    used = [int(m.group(1)) for m in numbered if m.group(2) == year]
    return f"{max(used, default=0) + 1:0{width}d}-{year}"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def skeleton(reference: str, answers: dict[str, Any], today: dt.date) -> str:
    questions = answers.get("questions") or [(f"{PLACEHOLDER}: the question as asked", None)]
    lines = [
        f"# Written by `foilog new` on {today.isoformat()}. Replace every {PLACEHOLDER}, then run",
        "# `foilog check`. The record format: docs/record-format.md in the foilog project.",
        f"reference: {_quoted(reference)}",
        f"title: {_quoted(answers.get('title') or PLACEHOLDER + ': a short plain-English title')}",
        f"received: {answers.get('received', today.isoformat())}",
        f"responded: {answers.get('responded', today.isoformat())}",
        "topics: []",
        "questions:",
    ]
    for text, outcome in questions:
        lines += [
            f"  - text: {_quoted(text)}",
            f"    outcome: {_quoted(outcome or _OUTCOME_PLACEHOLDER)}",
            f"    answer: {_quoted(PLACEHOLDER + ': the answer, or delete this line')}",
        ]
    lines += [
        "response: |",
        f"  {PLACEHOLDER}: the body of the response letter, or delete this field.",
    ]
    return "\n".join(lines) + "\n"


def _ask(prompt: str, default: str | None = None) -> str:
    shown_default = f" [{default}]" if default else ""
    return input(f"{prompt}{shown_default}: ").strip() or (default or "")


def _ask_date(prompt: str, default: str) -> str:
    while True:
        answer = _ask(prompt, default)
        try:
            if PartialDate.parse(answer).day is not None:
                return answer
        except ValueError:
            pass
        print("  Please give a date such as 2025-04-03.")


def _ask_outcome(number: int) -> str:
    choices = ", ".join(f"{i} {o}" for i, o in enumerate(OUTCOMES, 1))
    while True:
        answer = _ask(f"Outcome of question {number} ({choices})")
        if answer in OUTCOMES:
            return answer
        if answer.isdigit() and 1 <= int(answer) <= len(OUTCOMES):
            return OUTCOMES[int(answer) - 1]
        print(f"  Please give a number from 1 to {len(OUTCOMES)}, or an outcome's name.")


def interview(today: dt.date) -> dict[str, Any]:
    print("Leave an answer empty to keep the placeholder or the [default].")
    answers: dict[str, Any] = {"title": _ask("Title")}
    answers["received"] = _ask_date("Received", today.isoformat())
    answers["responded"] = _ask_date("Responded", today.isoformat())
    questions: list[tuple[str, str]] = []
    while text := _ask(f"Question {len(questions) + 1} (empty to finish)"):
        questions.append((text, _ask_outcome(len(questions) + 1)))
    answers["questions"] = questions
    return answers


def run(args: argparse.Namespace) -> int:
    site = load_site(args.settings)
    today = dt.date.today()
    in_use = references_in_use(site)
    reference = args.reference or next_reference(list(in_use), today)
    if reference in in_use:
        raise CommandError(
            f"the reference {reference} is already used by {shown(in_use[reference])}"
        )
    answers = interview(today) if args.interactive else {}
    year = str(answers.get("responded", today.isoformat()))[:4]
    path = site.disclosures_path / year / f"{slugify(reference)}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with Path(path).open("x", encoding="utf-8") as file:  # "x": never overwrite
            file.write(skeleton(reference, answers, today))
    except FileExistsError:
        raise CommandError(f"{shown(path)} already exists; it was left as it was") from None
    print(f"Wrote {shown(path)} with the reference {reference}.")
    print(f"Replace every {PLACEHOLDER} in it, then run `foilog check`.")
    return 0
