"""Record format 1.2: Welsh beside the English fields the authority wrote, each with the
hash of the English it translates, read by the real build and by `in_language`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from conftest import build, good_record, write_site

from foilog.checks.record_log import load_log
from foilog.records.model import Disclosure
from foilog.records.translated_fields import authority_fields, english_hash
from foilog.records.translations import in_language
from foilog.settings import read_settings


def welsh(english: str | list[str], text: str | list[str]) -> dict[str, Any]:
    return {"text": text, "hash": english_hash(english)}


def bilingual_record(**changes: Any) -> dict[str, Any]:
    """good_record with Welsh for every field the authority wrote."""
    record = good_record(
        title="Number of police dogs",
        response="We hold this information.",
        questions=[
            {
                "text": "How many police dogs do you have?",
                "outcome": "disclosed",
                "answer": "We have 20 dogs.",
                "cy": {"answer": welsh("We have 20 dogs.", "Mae gennym 20 ci.")},
            }
        ],
        attachments=[
            {
                "title": "Dog list",
                "url": "https://example.org/dogs.csv",
                "cy": {"title": welsh("Dog list", "Rhestr cŵn")},
            }
        ],
    )
    figure = record["figures"][0]
    figure["cy"] = {
        "caption": welsh(figure["caption"], "Cŵn heddlu yn ôl rôl"),
        "rows": welsh(figure["rows"], ["Pwrpas cyffredinol", "Chwilio"]),
    }
    record["cy"] = {
        "title": welsh("Number of police dogs", "Nifer y cŵn heddlu"),
        "response": welsh("We hold this information.", "Rydym yn dal yr wybodaeth hon."),
    }
    record.update(changes)
    return record


def checked(tmp_path: Path, record: dict[str, Any]) -> Disclosure:
    folder = tmp_path / "disclosures"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "r.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    settings = {"FOILOG_DISCLOSURES_PATH": str(folder), "CACHE_PATH": str(tmp_path / "cache")}
    log, problems = load_log(read_settings(settings))
    assert problems == []
    return log.disclosures[0]


def test_hash_ignores_wrapping_but_not_words() -> None:
    assert english_hash("We hold\n  this information.\n") == english_hash(
        "We hold this information."
    )
    assert english_hash("We hold this information.") != english_hash("We hold no information.")
    assert english_hash(["a", "b"]) != english_hash(["a b"])
    assert len(english_hash("x")) == 8


def test_in_language_gives_the_welsh_and_leaves_the_english(tmp_path: Path) -> None:
    record = checked(tmp_path, bilingual_record())
    cy = in_language(record, "cy")
    assert cy.language == "cy" and record.language == "en"
    assert cy.title == "Nifer y cŵn heddlu"
    assert cy.response == "Rydym yn dal yr wybodaeth hon."
    assert cy.questions[0].answer == "Mae gennym 20 ci."
    assert cy.questions[0].text == "How many police dogs do you have?"  # as asked
    assert cy.figures[0].caption == "Cŵn heddlu yn ôl rôl"
    assert cy.figures[0].rows == ["Pwrpas cyffredinol", "Chwilio"]
    assert cy.attachments[0].title == "Rhestr cŵn"
    # The English record is unchanged, and English gives the record itself.
    assert record.title == "Number of police dogs"
    assert record.figures[0].rows == ["General purpose", "Search"]
    assert record.questions[0].answer == "We have 20 dogs."
    assert in_language(record, "en") is record


def test_in_language_keeps_english_where_welsh_is_missing(tmp_path: Path) -> None:
    data = bilingual_record()
    del data["cy"]["response"]
    del data["figures"][0]["cy"]
    cy = in_language(checked(tmp_path, data), "cy")
    assert cy.title == "Nifer y cŵn heddlu"
    assert cy.response == "We hold this information."
    assert cy.figures[0].caption == "Police dogs by role"


def test_a_record_without_welsh_is_unchanged(tmp_path: Path) -> None:
    record = checked(tmp_path, good_record())
    assert in_language(record, "cy") is record
    paths = [f.path for f in authority_fields(record)]
    assert ("title",) in paths and ("figures", 0, "rows") in paths
    assert ("questions", 0, "text") not in paths  # the requester's words


def _stopped(tmp_path: Path, record: dict[str, Any]) -> list[str]:
    write_site(tmp_path, {"2025/r.yaml": yaml.safe_dump(record, allow_unicode=True)})
    site = build(tmp_path)
    assert not site.ok
    assert "Traceback" not in site.result.stderr
    return [line for line in site.error_lines() if line.startswith("disclosures/2025/r.yaml:")]


def test_welsh_builds(tmp_path: Path) -> None:
    write_site(tmp_path, {"2025/r.yaml": yaml.safe_dump(bilingual_record(), allow_unicode=True)})
    site = build(tmp_path)
    assert site.ok, site.result.stderr


def test_welsh_without_a_hash_is_refused(tmp_path: Path) -> None:
    record = bilingual_record()
    record["cy"]["title"] = "Nifer y cŵn heddlu"
    (line,) = _stopped(tmp_path, record)
    assert " cy.title: expected a mapping" in line, line


def test_welsh_for_a_field_with_no_english_is_refused(tmp_path: Path) -> None:
    record = bilingual_record()
    record["questions"][0]["cy"]["answer"] = welsh("x", "Dim")
    del record["questions"][0]["answer"]
    (line,) = _stopped(tmp_path, record)
    assert "questions[1].cy.answer: expected a translation only of a field" in line, line


def test_welsh_labels_must_match_the_english_in_number(tmp_path: Path) -> None:
    record = bilingual_record()
    record["figures"][0]["cy"]["rows"]["text"] = ["Pwrpas cyffredinol"]
    (line,) = _stopped(tmp_path, record)
    assert "figures[1].cy.rows.text: expected 2 labels, one for each English label" in line


def test_the_question_text_has_no_welsh_field(tmp_path: Path) -> None:
    record = bilingual_record()
    record["questions"][0]["cy"]["text"] = welsh("How many police dogs do you have?", "Faint?")
    (line,) = _stopped(tmp_path, record)
    assert "questions[1].cy.text: expected one of the fields answer" in line, line


def test_the_documented_example_has_the_right_hashes() -> None:
    """docs/record-format.md's Welsh example: each hash is the hash of the English beside it."""
    docs = (Path(__file__).parents[1] / "docs/record-format.md").read_text(encoding="utf-8")
    section = docs.split("## Welsh translations", 1)[1]
    example = yaml.safe_load(section.split("```yaml", 1)[1].split("```", 1)[0])
    objects = [example, example["questions"][0], example["figures"][0]]
    checked = 0
    for item in objects:
        for name, entry in item["cy"].items():
            assert entry["hash"] == english_hash(item[name]), name
            checked += 1
    assert checked == 4


def test_in_language_translates_every_kind_of_object(tmp_path: Path) -> None:
    period = {"kind": "calendar-year", "year": 2024, "label": "2024"}
    record = bilingual_record(
        received="2025-03-03",
        responded="2025-03-20",
        periods=[{**period, "cy": {"label": welsh("2024", "Blwyddyn 2024")}}],
        exemptions=[
            {
                "section": "40(2)",
                "reason": "It would identify handlers.",
                "cy": {"reason": welsh("It would identify handlers.", "Byddai'n adnabod trinwyr.")},
            }
        ],
        redirections=[
            {
                "body": "HM Treasury",
                "about": "Fines",
                "cy": {
                    "body": welsh("HM Treasury", "Trysorlys EF"),
                    "about": welsh("Fines", "Dirwyon"),
                },
            }
        ],
        history=[
            {
                "date": "2025-03-25",
                "event": "withdrawn",
                "note": "Withdrawn: it held a name.",
                "file": "list.csv",
                "cy": {
                    "note": welsh("Withdrawn: it held a name.", "Tynnwyd yn ôl: roedd enw ynddo.")
                },
            }
        ],
    )
    record["attachments"].append({"title": "List", "file": "list.csv"})
    (tmp_path / "disclosures").mkdir()
    (tmp_path / "disclosures/list.csv").write_text("a\n1\n", encoding="utf-8")
    english = checked(tmp_path, record)
    cy = in_language(english, "cy")
    assert cy.periods[0].label == "Blwyddyn 2024"
    assert cy.exemptions[0].reason == "Byddai'n adnabod trinwyr."
    assert cy.exemptions[0].entry is english.exemptions[0].entry
    assert (cy.redirections[0].body, cy.redirections[0].about) == ("Trysorlys EF", "Dirwyon")
    assert cy.history[0].note == "Tynnwyd yn ôl: roedd enw ynddo."
    # The withdrawn attachment points at the Welsh event, and the English one is untouched.
    assert cy.attachments[1].withdrawn is cy.history[0]
    assert english.attachments[1].withdrawn is english.history[0]
    assert english.history[0].note == "Withdrawn: it held a name."
    assert [a.title for a in cy.published_attachments] == ["Rhestr cŵn"]
