"""Record format 1.1: what real responses hold, built into a real site and read back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Build, build, good_record, write_site

NOT_RECORDED = "Not recorded in the original response"


def legacy_record() -> dict[str, Any]:
    """A response moved from an older log, that recorded only some of what 1.0 asks for."""
    return {
        "reference": "615/20",
        "title": "Drones used by the force",
        "legacy": True,
        "received": None,
        "responded": "2020-06",
        "questions": [
            {"text": None, "outcome": None},
            {"text": "How many drones does the force own?", "outcome": "disclosed", "answer": None},
        ],
        "exemptions": [
            {
                "section": "24(2)",
                "reason": None,
                "public_interest": None,
                "ncnd": True,
                "ncnd_scope": "any other information about covert drone use",
            },
            {"section": "40(2)", "questions": [1], "reason": None},
        ],
        "figures": [
            {
                "caption": "Drone flights by month",
                "unit": "count",
                "period": {"kind": "financial-year", "start_year": 2019, "label": "2019 to 2020"},
                "rows": ["April", "May", "June"],
                "values": [None, {"more_than": 20}, "<5"],
                "total": {"fewer_than": 40},
            }
        ],
        "attachments": [
            {"title": "Flight log", "published": False, "reason": "sent to the requester by post"}
        ],
        "history": [
            {
                "date": "2020-07-01",
                "event": "correction",
                "note": "A corrected figure was sent.",
                "text": "We wrote again to correct the figure for May.",
            }
        ],
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("format-1-1")
    write_site(
        root,
        {
            "legacy.yaml": legacy_record(),
            "new.yaml": good_record(reference="FOI 105263", responded="2025-03-20"),
        },
    )
    result = build(root)
    assert result.ok, result.result.stderr
    return result


def test_a_legacy_record_shows_what_was_not_recorded(site: Build) -> None:
    page = site.page("disclosures/2020/615-20/")
    text = " ".join(page.main.get_text(" ").split())
    assert page.select_one(".key-facts dd").get_text(strip=True) == "615/20"
    questions = page.select("li.question")
    assert NOT_RECORDED in questions[0].select_one(".question__text").get_text()
    assert NOT_RECORDED in questions[0].select_one(".question__heading").get_text()
    assert NOT_RECORDED in questions[1].select_one(".answer").get_text()
    exemptions = page.select(".exemption")
    # Why it applies and its public interest test (24 is qualified) were not recorded.
    assert [p.get_text() for p in exemptions[0].select(".not-recorded")] == [NOT_RECORDED] * 2
    scope = "neither confirm nor deny whether the information is held: any other information"
    assert scope in " ".join(exemptions[0].get_text(" ").split())
    # 40 is absolute: no public interest test is shown, not even as not recorded.
    assert "Public interest test" not in exemptions[1].get_text()
    assert "Flight log (released, not published here: sent to the requester by post)" in text
    assert not page.select_one(".attachments a")
    assert "We wrote again to correct the figure for May." in text
    caption = page.select_one("main table caption").get_text(" ", strip=True)
    assert caption.startswith("Drone flights by month , 2019 to 2020")
    cells = [td.get_text(" ", strip=True) for td in page.select("main table td")]
    assert cells[:2] == ["– no figure", "more than 20"]


def test_a_null_outcome_counts_as_not_recorded_in_browse_pages_and_statistics(site: Build) -> None:
    outcomes = site.page("outcomes/")
    links = {a.get_text(strip=True): a["href"] for a in outcomes.select("main li a")}
    assert "Not recorded in the original response" in links
    listed = site.page("outcomes/not-recorded/").main.get_text(" ")
    assert "Drones used by the force" in listed
    assert "Number of police dogs" not in listed
    # Statistics count by the date received, which this legacy record lacks; the outcomes
    # table still has its one "Not recorded" column for records that have one.
    statistics = site.page("statistics/")
    headers = [
        [th.get_text(strip=True) for th in table.select("thead th")]
        for table in statistics.select("main table")
        if "Disclosed" in table.get_text()
    ]
    assert headers and all(h.count("Not recorded") == 1 for h in headers), headers


def test_open_data_carries_periods_bounds_and_legacy_fields(site: Build) -> None:
    data = site.output / "data"
    rows = list(csv.DictReader(io.StringIO((data / "figures.csv").read_text("utf-8"))))
    drones = [r for r in rows if r["reference"] == "615/20"]
    assert [r["value"] for r in drones] == ["", "more than 20", "<5", "fewer than 40"]
    assert {(r["period"], r["period_start"], r["period_end"]) for r in drones} == {
        ("2019 to 2020", "2019-04-01", "2020-03-31")
    }
    dogs = [r for r in rows if r["reference"] == "FOI 105263"]
    assert {r["period"] for r in dogs} == {""}
    document = json.loads((data / "disclosures.json").read_text("utf-8"))
    record = next(d for d in document["disclosures"] if d["reference"] == "615/20")
    assert record["legacy"] is True
    assert record["questions"][0]["text"] is None
    assert record["questions"][0]["outcome"] == "not-recorded"
    assert record["figures"][0]["values"] == [[None], [{"more_than": 20}], ["<5"]]
    assert record["figures"][0]["period"]["label"] == "2019 to 2020"
    assert record["attachments"][0]["published"] is False
    assert record["history"][0]["text"].startswith("We wrote again")
    import jsonschema

    schema = json.loads((Path(__file__).parents[1] / "schema/open-data.schema.json").read_text())
    jsonschema.validate(document, schema)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"legacy": False},
            "questions[1].text: expected a value (null only in a record marked legacy: true); "
            "found null",
        ),
        (
            {
                "figures": [
                    {
                        "caption": "Flights",
                        "unit": "count",
                        "rows": ["A", "B"],
                        "values": [{"more_than": 20}, 5],
                        "total": 20,
                    }
                ]
            },
            "figures[1].total: expected a total that adds up (the known cells already add up "
            "to 26); found 20",
        ),
        (
            {
                "figures": [
                    {
                        "caption": "Flights",
                        "unit": "count",
                        "rows": ["A", "B"],
                        "values": [{"fewer_than": 10}, 5],
                        "total": 15,
                    }
                ]
            },
            "figures[1].total: expected a total that adds up (the cells add up to at most 14); "
            "found 15",
        ),
        (
            {"exemptions": [{"section": "40(2)", "reason": "Personal data", "ncnd_scope": "x"}]},
            "exemptions[1].ncnd_scope: expected ncnd_scope only with ncnd: true; found 'x'",
        ),
        (
            {"attachments": [{"title": "Log", "published": False}]},
            "attachments[1]: expected either file or url (not both), or published: false with a "
            "reason",
        ),
    ],
)
def test_format_1_1_rules_give_one_clear_line(
    tmp_path: Path, change: dict[str, Any], expected: str
) -> None:
    write_site(tmp_path, {"legacy.yaml": {**legacy_record(), **change}})
    result = build(tmp_path)
    assert not result.ok
    assert any(expected in line for line in result.error_lines()), result.result.stderr


def test_a_blank_cell_leaves_a_total_open(tmp_path: Path) -> None:
    table = {"caption": "Flights", "unit": "count", "rows": ["A", "B"], "values": [None, 5]}
    write_site(tmp_path, {"r.yaml": good_record(figures=[{**table, "total": 90}])})
    assert build(tmp_path).ok


def test_two_references_with_one_address_are_a_clear_error(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {
            "a.yaml": good_record(reference="615/20"),
            "b.yaml": good_record(reference="615-20"),
        },
    )
    result = build(tmp_path)
    assert not result.ok
    assert any(
        "reference: expected a reference that makes its own page address" in line and "615" in line
        for line in result.error_lines()
    ), result.result.stderr
