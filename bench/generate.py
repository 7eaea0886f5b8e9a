"""Write N synthetic, realistic disclosure records (and, for comparison, N plain Markdown articles).

python bench/generate.py records 10000 /tmp/bench/disclosures
python bench/generate.py records 10000 /tmp/bench/disclosures --attachments 10
python bench/generate.py articles 10000 /tmp/bench/articles

With --attachments N, one record in N lists a file (CSV, xlsx, docx and PDF in turn),
written beside it by bench/attachments.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml
from attachments import KINDS, write_attachment

TOPICS = [
    "stop and search",
    "domestic abuse",
    "road safety",
    "police officers",
    "finance",
    "ANPR",
    "custody",
    "firearms",
    "drones",
    "body-worn video",
    "knife crime",
    "hate crime",
    "cybercrime",
    "fraud",
    "missing people",
    "vehicle fleet",
    "overtime",
    "police staff",
    "misconduct",
    "taser",
    "speed cameras",
    "county lines",
    "modern slavery",
    "burglary",
]
# A real log has hundreds of topics, a few used often and most rarely: the TOPICS above, then
# made-up compound ones, drawn with Zipf's law (the k-th most used about 1/k as often).
QUALIFIERS = [
    "youth",
    "rural",
    "online",
    "night-time",
    "repeat",
    "serious",
    "vehicle",
    "retail",
    "school",
    "rail",
    "hospital",
    "prison",
    "airport",
    "festival",
    "student",
    "elderly",
    "business",
    "cross-border",
    "wildlife",
    "heritage",
    "marine",
    "motorway",
]
BASES = [
    "theft",
    "assault",
    "vandalism",
    "patrols",
    "complaints",
    "arrests",
    "victims",
    "CCTV",
    "licensing",
    "staffing",
    "training",
    "contracts",
    "injuries",
    "call handling",
    "safeguarding",
    "interviews",
    "warrants",
    "property",
    "dogs",
    "horses",
    "vehicles",
]
VOCABULARY = TOPICS + [f"{q} {b}" for b in BASES for q in QUALIFIERS]  # 486 topics
ZIPF_WEIGHTS = [1 / rank for rank in range(1, len(VOCABULARY) + 1)]
SUBJECTS = [
    "reports of {t}",
    "spending on {t}",
    "complaints about {t}",
    "training in {t}",
    "incidents involving {t}",
    "staff assigned to {t}",
    "contracts for {t}",
]
EXEMPTIONS = [
    ("40(2)", False),
    ("31(1)(a)(b)", True),
    ("24(1)", True),
    ("30(1)(a)", True),
    ("38(1)(a)", True),
    ("43(2)", True),
    ("21(1)", False),
    ("12", False),
    ("22(1)", True),
    ("42(1)", True),
    ("23(5)", False),
]
OUTCOMES = ["disclosed", "partially-disclosed", "refused", "not-held", "neither-confirm-nor-deny"]
PARAGRAPH = (
    "We have searched the records held by the force for the period you asked about. "
    "The figures below come from our crime and incident systems and were correct when "
    "the search was made; they may change as records are updated."
)


def figure(subject: str, year: str, row: str) -> int:
    value = random.Random(f"{subject}|{year}|{row}").randint(0, 400)
    return 0 if value < 5 else value


def record(n: int, rng: random.Random) -> dict[str, Any]:
    topics = list(dict.fromkeys(rng.choices(VOCABULARY, ZIPF_WEIGHTS, k=rng.randint(1, 3))))
    subject = rng.choice(SUBJECTS).format(t=topics[0])
    received = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))
    responded = received + dt.timedelta(days=rng.randint(5, 40))
    outcome = rng.choice(OUTCOMES)
    questions = [
        {
            "text": f"How many {subject} were recorded in {received.year - k}?",
            "outcome": outcome,
            "answer": PARAGRAPH if outcome in ("disclosed", "partially-disclosed") else None,
        }
        for k in range(rng.randint(1, 4))
    ]
    for question in questions:
        if question["answer"] is None:
            del question["answer"]
    data: dict[str, Any] = {
        "reference": f"{n:06d}-{responded.year % 100:02d}",
        "title": subject[0].upper() + subject[1:],
        "received": received.isoformat(),
        "responded": responded.isoformat(),
        "topics": topics,
        "questions": questions,
        "response": PARAGRAPH + "\n\n" + PARAGRAPH,
    }
    if outcome != "disclosed" and outcome != "not-held":
        section, qualified = rng.choice(EXEMPTIONS)
        exemption: dict[str, Any] = {"section": section, "reason": PARAGRAPH}
        if qualified:
            exemption["public_interest"] = PARAGRAPH
        if outcome == "neither-confirm-nor-deny":
            section, exemption["section"] = "23(5)", "23(5)"
            exemption["ncnd"] = True
            exemption.pop("public_interest", None)
        data["exemptions"] = [exemption]
    if outcome in ("disclosed", "partially-disclosed"):
        years = [str(received.year - k) for k in range(3)]
        rows = [f"{subject.capitalize()}: reported", f"{subject.capitalize()}: resolved"]
        # The same figure (topic, year, row) has the same value in every record, as a real
        # authority's published figures do; the guard's cross-record check relies on it.
        values = [[figure(subject, year, row) for year in years] for row in rows]
        data["periods"] = [
            {"kind": "calendar-year", "year": int(year), "label": f"January to December {year}"}
            for year in years
        ]
        data["figures"] = [
            {
                "caption": f"{subject.capitalize()} by year",
                "unit": "count",
                "rows": rows,
                "columns": years,
                "values": values,
                "row_totals": [sum(row) for row in values],
                "column_totals": [sum(col) for col in zip(*values, strict=True)],
                "total": sum(map(sum, values)),
            }
        ]
    return data


def article(n: int, rng: random.Random) -> str:
    topics = rng.sample(TOPICS, 2)
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))
    return (
        f"Title: Article {n} about {topics[0]}\nDate: {day.isoformat()}\n"
        f"Category: {topics[1]}\nTags: {', '.join(topics)}\n\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kind", choices=["records", "articles"])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--attachments", type=int, default=0, metavar="N")
    args = parser.parse_args()
    rng = random.Random(20251127)
    files = random.Random(20251202)  # its own sequence: the records stay as they were
    for n in range(1, args.count + 1):
        if args.kind == "records":
            data = record(n, rng)
            path = args.folder / data["responded"][:4] / f"{data['reference']}.yaml"
            if args.attachments and n % args.attachments == 0:
                path.parent.mkdir(parents=True, exist_ok=True)
                kind = KINDS[(n // args.attachments) % len(KINDS)]
                name = write_attachment(path.parent, data["reference"], kind, files)
                data["attachments"] = [{"title": "Figures and letter", "file": name}]
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        else:
            path = args.folder / f"article-{n:06d}.md"
            text = article(n, rng)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
