"""The publish guard through a build: errors or warnings by setting, reviews that accept
findings, and files that are never published (personal data in text: test_guard_text.py)."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, build, good_record, write_site

from foilog.checks.record_log import load_log
from foilog.guard.cross_record import cross_record_findings
from foilog.settings import read_settings

# -- errors, warnings and reviews -----------------------------------------------------------

UNSAFE = good_record(
    figures=[
        {"caption": "Dogs", "unit": "count", "rows": ["A", "B"], "values": [12, 3], "total": 15}
    ]
)
REVIEW = {
    "rule": "small-number",
    "place": 'figures[1] row "B"',
    "by": "Head of Information Management",
    "date": "2025-03-19",
    "reason": "The three dogs are animals, not people.",
}


def test_production_settings_stop_the_build_and_keep_the_old_output(tmp_path: Path) -> None:
    write_site(tmp_path, {"2025/dogs.yaml": good_record()})
    assert build(tmp_path).ok
    before = (tmp_path / "output/index.html").read_text(encoding="utf-8")
    write_site(tmp_path, {"2025/dogs.yaml": UNSAFE}, 'FOILOG_GUARD = "error"')
    site = build(tmp_path)
    assert site.result.returncode == 1
    assert "Traceback" not in site.result.stderr
    lines = site.error_lines()
    assert lines[0].startswith("disclosures/2025/dogs.yaml:")
    assert ': small-number: figures[1] row "B": 3 is below the threshold of 5. Fix: ' in lines[0]
    assert lines[-1] == (
        "The build stopped: 1 publish-guard finding(s) in 1 record(s). Nothing was published."
    )
    assert (tmp_path / "output/index.html").read_text(encoding="utf-8") == before


def test_publishconf_makes_findings_errors() -> None:
    text = (PROJECT / "publishconf.py").read_text(encoding="utf-8")
    assert 'FOILOG_GUARD = "error"' in text


def test_development_settings_warn_count_and_publish(make_site) -> None:
    site = make_site({"2025/dogs.yaml": UNSAFE})
    assert site.ok, site.result.stderr
    lines = site.error_lines()
    assert lines[0].startswith("warning: disclosures/2025/dogs.yaml:")
    assert lines[-1].startswith("Publish guard: 1 warning(s), 0 finding(s) accepted by review.")
    assert (site.output / "disclosures/2025/000001-25/index.html").is_file()


def test_a_review_accepts_a_finding_and_is_listed(make_site) -> None:
    record = {**UNSAFE, "review": [REVIEW]}
    site = make_site({"2025/dogs.yaml": record}, 'FOILOG_GUARD = "error"')
    assert site.ok, site.result.stderr
    lines = site.error_lines()
    assert lines[0].startswith("accepted: disclosures/2025/dogs.yaml:")
    assert "reviewed by Head of Information Management on 2025-03-19: The three dogs" in lines[0]
    assert lines[-1] == "Publish guard: 0 warning(s), 1 finding(s) accepted by review."


def test_a_review_that_matches_no_finding_is_a_warning(make_site) -> None:
    record = good_record(review=[{**REVIEW, "place": 'figures[1] row "C"'}])
    site = make_site({"2025/dogs.yaml": record}, 'FOILOG_GUARD = "error"')
    assert site.ok, site.result.stderr
    (line, summary) = site.error_lines()
    assert line.startswith("warning: disclosures/2025/dogs.yaml:")
    assert "review[1]: matches no finding (rule 'small-number', place 'figures[1] row \"C\"')" in (
        line
    )
    assert summary.startswith("Publish guard: 1 warning(s)")


def test_a_table_threshold_needs_a_review(tmp_path: Path) -> None:
    figure = {
        "caption": "Dogs",
        "unit": "count",
        "rows": ["A", "B", "C"],
        "values": [12, 4, 2],
        "threshold": 3,
    }
    write_site(
        tmp_path, {"2025/dogs.yaml": good_record(figures=[figure])}, 'FOILOG_GUARD = "error"'
    )
    site = build(tmp_path)
    assert site.result.returncode == 1
    stderr = site.result.stderr
    assert ": table-threshold: figures[1].threshold: this table uses a threshold of 3" in stderr
    assert ': small-number: figures[1] row "C": 2 is below the threshold of 3' in stderr
    assert 'row "B"' not in stderr  # 4 is safe under the table's own threshold
    reviewed = good_record(
        figures=[figure],
        review=[
            {**REVIEW, "rule": "table-threshold", "place": "figures[1].threshold"},
            {**REVIEW, "place": 'figures[1] row "C"'},
        ],
    )
    write_site(tmp_path, {"2025/dogs.yaml": reviewed}, 'FOILOG_GUARD = "error"')
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    assert "2 finding(s) accepted by review" in site.result.stderr


def test_a_bad_table_threshold_is_a_record_problem(make_site) -> None:
    figure = {"caption": "D", "unit": "count", "rows": ["A"], "values": [12], "threshold": 0}
    site = make_site({"2025/dogs.yaml": good_record(figures=[figure])})
    assert site.result.returncode == 1
    assert "figures[1].threshold: expected a whole number of at least 1; found 0" in (
        site.result.stderr
    )


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('FOILOG_GUARD = "strict"', 'FOILOG_GUARD: expected "error" or "warning"'),
        ("FOILOG_GUARD_THRESHOLD = 0", "FOILOG_GUARD_THRESHOLD: expected a whole number"),
        ("FOILOG_GUARD_ALLOW_ZERO = 'no'", "FOILOG_GUARD_ALLOW_ZERO: expected True or False"),
        ("FOILOG_GUARD_CONTACTS = [3]", "FOILOG_GUARD_CONTACTS: expected a list"),
        ('FOILOG_GUARD_ALLOWED_TYPES = ["*.png"]', "FOILOG_GUARD_ALLOWED_TYPES: expected a list"),
    ],
)
def test_guard_settings_are_checked(make_site, setting: str, message: str) -> None:
    site = make_site({"2025/dogs.yaml": good_record()}, setting)
    assert site.result.returncode == 1
    assert f"settings: {message}" in site.result.stderr


# -- files that are never published ---------------------------------------------------------


def test_hidden_and_unlisted_files_are_never_copied(tmp_path: Path) -> None:
    folder = tmp_path / "disclosures" / "2025"
    folder.mkdir(parents=True)
    (folder / "listed.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (folder / "unlisted.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (folder / ".hidden.csv").write_text("name\nA Person\n", encoding="utf-8")
    listed = good_record(attachments=[{"title": "Listed", "file": "listed.csv"}])
    write_site(tmp_path, {"2025/dogs.yaml": listed})
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    published = {p.name for p in (site.output / "disclosures").rglob("*.csv")}
    assert published == {"listed.csv"}
    hidden = good_record(attachments=[{"title": "Hidden", "file": ".hidden.csv"}])
    write_site(tmp_path, {"2025/dogs.yaml": hidden})
    site = build(tmp_path)
    assert site.result.returncode == 1
    assert 'attachments[1].file: expected a file whose name and folders do not start with "."' in (
        site.result.stderr
    )
    assert not list(site.output.rglob(".hidden.csv"))


def test_the_example_log_passes_the_production_guard(tmp_path: Path) -> None:
    write_site(tmp_path, {}, 'FOILOG_GUARD = "error"')
    for path in (PROJECT / "disclosures").rglob("*"):
        if path.is_file():
            target = tmp_path / "disclosures" / path.relative_to(PROJECT / "disclosures")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    assert not [line for line in site.error_lines() if line.startswith("warning: ")]
    # The helpline's public number, in the English and in the Welsh of one response.
    assert "Publish guard: 0 warning(s), 2 finding(s) accepted by review." in site.result.stderr


# -- the same figure published differently in two records -----------------------------------


def _log(tmp_path: Path, records: dict[str, dict]) -> dict:
    folder = tmp_path / "disclosures"
    for name, record in records.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    settings = {"FOILOG_DISCLOSURES_PATH": str(folder), "CACHE_PATH": str(tmp_path / "cache")}
    log, problems = load_log(read_settings(settings))
    assert problems == []
    return log.by_reference()


def _burglaries(reference: str, value: int, **changes: object) -> dict:
    fields: dict = {
        "reference": reference,
        "topics": ["burglary"],
        "periods": [{"kind": "calendar-year", "year": 2023, "label": "2023"}],
        "figures": [
            {
                "caption": "Burglaries",
                "unit": "count",
                "rows": ["Dwelling", "Business"],
                "values": [value, 40],
            }
        ],
    }
    return good_record(**{**fields, **changes})


def test_a_small_difference_from_an_earlier_record_is_a_finding(tmp_path: Path) -> None:
    records = _log(
        tmp_path,
        {
            "a.yaml": _burglaries("000001-24", 120),
            "b.yaml": _burglaries("000002-25", 123),
            "c.yaml": _burglaries("000003-25", 130),
        },
    )
    later = records["000002-25"]
    (finding,) = cross_record_findings(later, [records["000001-24"], records["000003-25"]], 5)
    assert finding.rule == "cross-record-difference"
    assert finding.place == 'figures[1] row "Dwelling"'
    assert "123 here and 120 in 000001-24 for the same figure over overlapping periods" in (
        finding.found
    )
    assert "differ by 3" in finding.found
    assert finding.file == "disclosures/b.yaml"


def test_other_subjects_periods_or_labels_are_not_compared(tmp_path: Path) -> None:
    robbery = [{**_burglaries("x", 1)["figures"][0], "caption": "Robberies"}]
    records = _log(
        tmp_path,
        {
            "a.yaml": _burglaries("000001-25", 123),
            "b.yaml": _burglaries("000002-24", 120, topics=["robbery"], figures=robbery),
            "c.yaml": _burglaries(
                "000003-24", 120, periods=[{"kind": "calendar-year", "year": 2022, "label": "2022"}]
            ),
            "d.yaml": _burglaries("000004-24", 123),  # the same figure, published the same
            "e.yaml": _burglaries("000005-24", 120, figures=[_relabelled("Dwellings")]),
        },
    )
    earlier = [records[r] for r in ("000002-24", "000003-24", "000004-24", "000005-24")]
    assert cross_record_findings(records["000001-25"], earlier, 5) == []


def _relabelled(row: str, value: int = 120) -> dict:
    return {
        "caption": "Burglaries",
        "unit": "count",
        "rows": [row, "Business"],
        "values": [value, 40],
    }


def test_a_renamed_topic_or_an_overlapping_period_is_still_compared(tmp_path: Path) -> None:
    records = _log(
        tmp_path,
        {
            "a.yaml": _burglaries("000001-24", 120, received="2024-12-20", responded="2025-01-10"),
            # The topic renamed, and the caption worded differently, in the later records.
            "b.yaml": _burglaries(
                "000002-25",
                121,
                topics=["burglary and theft"],
                figures=[{**_relabelled("Dwelling", 121), "caption": "Number of burglaries"}],
                periods=[
                    {
                        "kind": "range",
                        "start": "2023-01-01",
                        "end": "2024-01-31",
                        "label": "January 2023 to January 2024",
                    }
                ],
            ),
        },
    )
    (finding,) = cross_record_findings(records["000002-25"], [records["000001-24"]], 5)
    assert finding.place == 'figures[1] row "Dwelling"'
    assert "121 here and 120 in 000001-24" in finding.found


def test_a_small_difference_stops_the_production_build_until_reviewed(make_site) -> None:
    later = _burglaries("000002-25", 123, topics=["burglaries"])
    records = {"a.yaml": _burglaries("000001-24", 120, responded="2025-03-10"), "b.yaml": later}
    site = make_site(records, 'FOILOG_GUARD = "error"')
    assert site.result.returncode == 1
    (line,) = [line for line in site.error_lines() if "cross-record-difference" in line]
    assert line.startswith("disclosures/b.yaml:")
    assert (
        ': cross-record-difference: figures[1] row "Dwelling": 123 here and 120 in 000001-24'
        in (line)
    )
    review = {
        "rule": "cross-record-difference",
        "place": 'figures[1] row "Dwelling"',
        "by": "Head of Information Management",
        "date": "2025-03-19",
        "reason": "The three later burglaries were reported in the press with the dates.",
    }
    records["b.yaml"] = {**later, "review": [review]}
    site = make_site(records, 'FOILOG_GUARD = "error"')
    assert site.ok, site.result.stderr
    assert "1 finding(s) accepted by review" in site.result.stderr


def test_a_rebuild_compares_a_new_record_with_the_figures_kept_from_the_last_build(
    make_site,
) -> None:
    """The keys of the first build's figures are kept, and read by a later build in
    another process: a new record 3 away from a kept figure is still found."""
    records = {
        "a.yaml": _burglaries("000001-24", 120, responded="2025-03-10"),
        "c.yaml": _burglaries("000003-25", 150, responded="2025-03-25"),
    }
    first = make_site(records, 'FOILOG_GUARD = "error"')
    assert first.ok, first.result.stderr
    records["b.yaml"] = _burglaries("000002-25", 123, topics=["burglaries"])
    again = make_site(records, 'FOILOG_GUARD = "error"')
    assert again.result.returncode == 1
    (line,) = [line for line in again.error_lines() if "cross-record-difference" in line]
    assert line.startswith("disclosures/b.yaml:")
    assert "123 here and 120 in 000001-24" in line
    records["b.yaml"] = _burglaries("000002-25", 135, topics=["burglaries"])
    third = make_site(records, 'FOILOG_GUARD = "error"')
    assert third.ok, third.result.stderr


def test_the_pairs_a_rebuild_keeps_are_those_of_unchanged_records(
    make_site, tmp_path: Path
) -> None:
    """A rebuild keeps the close figures found between records that did not change, looks
    again only at those that did, and finds what a build from nothing finds."""

    def differences(site) -> list[str]:
        assert site.ok, site.result.stderr
        return sorted(line for line in site.error_lines() if "cross-record-difference" in line)

    records = {
        "a.yaml": _burglaries("000001-24", 120, responded="2025-03-10"),
        "b.yaml": _burglaries("000002-25", 123, topics=["burglaries"]),
        "c.yaml": _burglaries("000003-25", 150, responded="2025-03-25"),
        # Enough other records that a rebuild looks again at the changed ones only.
        **{f"other-{n}.yaml": good_record(reference=f"00001{n}-25") for n in range(6)},
    }
    (first,) = differences(make_site(records))
    assert "b.yaml" in first and "123 here and 120 in 000001-24" in first
    # Kept pairs that are not as the build wrote them are not believed: a pair lost would
    # stay lost while its records are unchanged.
    pairs_file = tmp_path / "cache" / "guard-findings" / "close-pairs.pickle"
    kept = pickle.loads(pairs_file.read_bytes())
    assert kept["pairs"]
    pairs_file.write_bytes(pickle.dumps({**kept, "pairs": []}))
    assert differences(make_site(records)) == [first]
    # Another record changes, to figures of another subject: the pair of the two that did
    # not is still found.
    robberies = [{**_relabelled("Street", 151), "caption": "Robberies"}]
    records["c.yaml"] = _burglaries("000003-25", 0, topics=["robbery"], figures=robberies)
    assert differences(make_site(records)) == [first]
    records["c.yaml"] = _burglaries("000003-25", 151, responded="2025-03-25")
    assert differences(make_site(records)) == [first]
    # One of the pair changes: its pair goes, and the new one is found.
    records["a.yaml"] = _burglaries("000001-24", 149, responded="2025-03-10")
    (changed,) = differences(make_site(records))
    assert "c.yaml" in changed and "151 here and 149 in 000001-24" in changed
    shutil.rmtree(tmp_path / "cache")
    assert differences(make_site(records)) == [changed]
    # A record is removed: so are its pairs.
    del records["a.yaml"]
    (tmp_path / "disclosures" / "a.yaml").unlink()
    assert differences(make_site(records)) == []


def test_the_build_does_not_warn_of_the_same_figure_or_a_large_difference(make_site) -> None:
    site = make_site(
        {
            "a.yaml": _burglaries("000001-24", 120, responded="2025-03-10"),
            "b.yaml": _burglaries("000002-25", 120),  # the same figure again
            "c.yaml": _burglaries("000003-25", 150, responded="2025-03-25"),  # differs by 30
        }
    )
    assert site.ok, site.result.stderr
    assert not [line for line in site.error_lines() if "cross-record-difference" in line]
    assert "Publish guard" not in site.result.stderr


# -- tables of figures by person ----------------------------------------------------------


def _table(caption: str, rows: list[str]) -> dict:
    return {"caption": caption, "unit": "count", "rows": rows, "values": [12] * len(rows)}


def test_a_table_by_person_with_names_for_labels_is_a_finding(tmp_path: Path) -> None:
    records = {
        "2025/by-officer.yaml": good_record(
            reference="000101-25",
            figures=[_table("Complaints by officer", ["Constable", "Sam Smith", "Jo Bloggs"])],
        ),
        "2025/things.yaml": good_record(
            reference="000102-25",
            figures=[
                _table("Staff by department", ["Human Resources", "Corporate Services"]),
                _table("Arrests by offence", ["Criminal Damage", "Public Order"]),
                _table("Complaints by officer rank", ["Police Constable", "Police Sergeant"]),
            ],
        ),
    }
    write_site(tmp_path, records)
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    found = [line for line in site.error_lines() if ": name-label: " in line]
    assert len(found) == 1, found
    assert found[0].startswith("warning: disclosures/2025/by-officer.yaml:")
    assert ": name-label: figures[1].rows[2]: " in found[0]
    assert "2 of its labels" in found[0]
