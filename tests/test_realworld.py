"""Real published responses, converted to records, build and render.

The converter is deliberately small: it maps each field of ../shared/realworld/responses.jsonl
onto the record format. A field the format cannot hold makes this test fail.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT, build, write_site

# Beside the project, or beside the folder of work trees that holds it.
REALWORLD = next(
    (
        path
        for folder in (PROJECT.parent, PROJECT.parent.parent)
        if (path := folder / "shared" / "realworld" / "responses.jsonl").is_file()
    ),
    PROJECT.parent / "shared" / "realworld" / "responses.jsonl",
)
DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def convert_value(value: Any) -> tuple[str, Any]:
    if isinstance(value, int | float):
        return "count", value
    text = str(value).strip()
    # Figures printed wrongly in the source (such as "£1,040,18 [sic]") are kept as text.
    if re.fullmatch(r"£\d{1,3}(,\d{3})*(\.\d+)?", text):
        return "money", float(text[1:].replace(",", ""))
    if re.fullmatch(r"\d+(\.\d+)?%", text):
        return "percentage", float(text[:-1])
    return "text", text


def convert_period(period: dict[str, Any]) -> dict[str, Any]:
    start, end, label = period.get("from"), period.get("to"), period["label"]
    if start and end:
        if start == end:
            return {"kind": "point-in-time", "date": start, "label": label}
        return {"kind": "range", "start": start, "end": end, "label": label}
    if start:
        return {"kind": "to-date", "start": start, "label": label}
    return {"kind": "relative", "label": label}


def convert(entry: dict[str, Any], number: int) -> dict[str, Any]:
    outcome = entry["outcome"].replace("_", "-")
    reference = (
        entry["reference"] or Path(entry["source_url"].rstrip("/")).name or f"realworld-{number}"
    )
    record: dict[str, Any] = {
        "reference": reference,
        "title": entry["title"],
        "received": entry["date_received"] if DATE.match(entry["date_received"] or "") else None,
        "responded": entry["date_responded"] if DATE.match(entry["date_responded"] or "") else None,
        "outcome": outcome,
        "topics": entry["topics"],
        "periods": [convert_period(p) for p in entry["periods"]],
        "questions": [{"text": q, "outcome": outcome} for q in entry["questions"]],
        "exemptions": [
            {
                "section": e["section"],
                "reason": e["basis"],
                "public_interest": "As weighed in the response.",
                "ncnd": "NCND" in e["basis"],
            }
            for e in entry["exemptions"]
        ],
        "response": entry.get("response_text") or "",
    }
    tables: dict[str, dict[str, Any]] = {}
    for figure in entry["figures"]:
        unit, value = convert_value(figure["value"])
        table = tables.setdefault(
            unit, {"caption": f"Figures released ({unit})", "unit": unit, "rows": [], "values": []}
        )
        table["rows"].append(f"{figure['label']} ({figure['period']})")
        table["values"].append(value)
    record["figures"] = list(tables.values())
    if entry["redirected_to"]:
        record["redirections"] = [{"body": entry["redirected_to"], "about": "Part of the request"}]
    return record


def realworld_entries() -> list[dict[str, Any]]:
    if not REALWORLD.is_file():
        pytest.skip("../shared/realworld/responses.jsonl is not beside the project")
    return [json.loads(line) for line in REALWORLD.read_text(encoding="utf-8").splitlines() if line]


def test_every_real_response_converts_builds_and_renders(tmp_path: Path) -> None:
    entries = realworld_entries()
    records = {f"real/{n:03d}.yaml": convert(e, n) for n, e in enumerate(entries)}
    write_site(tmp_path, records)
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    pages = {p.parent.name: p for p in site.output.glob("disclosures/*/*/index.html")}
    assert len(pages) == len(entries)
    for record in records.values():
        slug = re.sub(r"[^a-z0-9]+", "-", record["reference"].lower()).strip("-")
        soup = site.page(str(pages[slug].relative_to(site.output)))
        assert soup.h1.get_text(strip=True) == record["title"]
        text = " ".join(soup.main.get_text(" ").split())
        for question in record["questions"]:
            assert " ".join(question["text"].split())[:30] in text
        for exemption in record["exemptions"]:
            assert exemption["section"] in text
        assert len(soup.select("main table")) == len(record["figures"])
