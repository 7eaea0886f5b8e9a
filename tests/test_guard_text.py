"""Personal data in published text, through a real build and `foilog check`: each rule on
text as it is shown (Markdown, entities, zero-width characters, wrapped lines), with the
field and line it is on, and clean wording that must not be flagged."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import Build, build, good_record, write_site
from test_cli import foilog
from test_realworld import convert, realworld_entries

CONTACTS = 'FOILOG_GUARD_CONTACTS = ["foi@northshire.example", "NS1 0AA", "0300 123 4567"]'

# Each paragraph of the response, and the rule it must set off (None: nothing may fire).
PARAGRAPHS: list[tuple[str, str | None]] = [
    # email-address
    ("Write to j.smith@example.org about it.", "email-address"),
    ("Or to jo dot bloggs at example dot co dot uk.", "email-address"),
    ("Or to jo(at)example(dot)org.", "email-address"),
    ("You can [write to her](mailto:pat.doe@example.net).", "email-address"),
    ("Her address is pat&#64;example.net.", "email-address"),
    ("Her address is pat\u200b@example.net.", "email-address"),
    ("Email foi@northshire.example for anything else.", None),
    ("Officers at Northshire met staff at the City Council.", None),
    # uk-phone-number
    ("Call 07700 900123 after six.", "uk-phone-number"),
    ("Or 07700.900.123, or 0044 7700 900123.", "uk-phone-number"),
    ("Ring the officer on 07700\n900123 in the morning.", "uk-phone-number"),
    ("Ring 101, 999 or the contact centre on 0300 123 4567.", None),
    ("The period ran from 01.04.2023 to 31.03.2024.", None),
    # national-insurance-number
    ("Her number is AB 12 34 56 C.", "national-insurance-number"),
    ("His NI number was AB123456.", "national-insurance-number"),
    ("Case reference CR123456 was closed.", None),
    # nhs-number
    ("NHS number 943 476 5919 was on the form.", "nhs-number"),
    ("Incident log 943 476 5918 was reviewed.", None),
    ("Job 9434765919 was raised on the system.", None),
    # bank-details
    ("Paid to sort code 12-34-56.", "bank-details"),
    ("Bank details 12-34-56 12345678 were shown.", "bank-details"),
    ("On 12-03-24 invoice 12345678 for £1,234.56 was paid.", None),
    # passport-number
    ("Her passport number is 123456789.", "passport-number"),
    ("We received 123 passport applications.", None),
    # postcode
    ("She lives at NS4 7XY.", "postcode"),
    ("He moved to ns4 7xy last year.", "postcode"),
    ("The M1 3rd junction, district NS1, and our address ends NS1 0AA.", None),
    # street-address
    ("The victim lives at 12 Acacia Avenue.", "street-address"),
    ("It happened outside 14b Mill Lane.", "street-address"),
    ("Cases were heard at 3 Leeds Crown Court sites and 2 Car Park areas.", None),
    # vehicle-registration
    ("The car was NS21 ABC.", "vehicle-registration"),
    ("A van, ab12 cde, was seized.", "vehicle-registration"),
    ("Figures for fy23 and fy24, under S40 FOI, in Q3 2023.", None),
    # date-of-birth
    ("He was born on 3 March 1985.", "date-of-birth"),
    ("She was born in March 1985.", "date-of-birth"),
    ("DOB 03/1985.", "date-of-birth"),
    ("We do not hold dates of birth, and he was born in Leeds.", None),
    # age-and-place
    ("A man aged 34, of Leeds, was arrested.", "age-and-place"),
    ("A 34-year-old man from Leeds was charged.", "age-and-place"),
    ("Aged 40, on 3 March 2024, she was stopped.", "age-and-place"),
    ("People aged 18 to 24 made up 30 of the 120 stops, on 3 March 2024.", None),
    # ip-address
    ("The messages came from 81.2.69.160.", "ip-address"),
    ("And from 2001:db8:85a3:0:0:8a2e:370:7334.", "ip-address"),
    ("See section 1.2.3.4 of the guidance, version 10.0.19045.", None),
    # card-number
    ("Card 4111 1111 1111 1111 was used.", "card-number"),
    ("Columns 2017 2018 2019 2020 show each year.", None),
    ("Reference 4111 1111 1111 1112 is not a card number.", None),
    ("Counts 120 340 560 780 103 by quarter.", None),
    # name-after-title
    ("Dear Mr Irving,", "name-after-title"),
    ("PC 1234 Smith attended.", "name-after-title"),
    ("**DS** Jones wrote the report.", "name-after-title"),
    ("It was signed by Mrs J. SMITH.", "name-after-title"),
    ("Ch Insp O'Neill approved it.", "name-after-title"),
    ("Cllr Patel asked the question.", "name-after-title"),
    ("PCSO 5678 was on duty.", "name-after-title"),
    ("PC equipment, PC Equipment purchases, the Chief Constable, Mr X and Sgt rank.", None),
    ("Dear Sir or Madam,", None),
    # salutation-name
    ("Dear Arthur Lightfoot,", "salutation-name"),
    ("Dear Requester,", None),
    # sign-off-name
    ("Yours sincerely\n\nJane Smith\nInformation Officer", "sign-off-name"),
    ("Yours sincerely\n\nInformation Rights Team", None),
    ("Kind regards, FOI Team", None),
    # labelled-name
    ("Case officer: Priya Shah", "labelled-name"),
    ("Name: SMITH, Sam", "labelled-name"),
    ("Our ref: 000123-25. Contact: Jo Bloggs, on the number above.", "labelled-name"),
    ("Requester name: Arthur Lightfoot", "labelled-name"),
    ("Surname: Okonkwo", "labelled-name"),
    ("Suspect: Male. Victim: Unknown. Prepared by: Information Rights Team.", None),
    ("Scheme name: Safer Streets. Name: Anti-social behaviour. Name: CID.", None),
    # Clean wording every rule must leave alone.
    (
        "Section 40(2) applies. Regulation 13(1) of SI 2004/3391 and section 12 cost "
        "£1,234,567.89. Request 000123-25 (FOI 2024/1234) on 3 March 2024. Figures for 2022 "
        "and 2023, 5 of 12 cases.",
        None,
    ),
]


def _response() -> tuple[str, list[int]]:
    """The response text, and the line each paragraph's finding is reported on."""
    lines: list[str] = []
    places = []
    for text, _ in PARAGRAPHS:
        first = len(lines) + 1
        # A sign-off's name is two lines below it; everything else starts its paragraph.
        places.append(first + 2 if text.startswith("Yours") else first)
        lines += [*text.split("\n"), ""]
    return "\n".join(lines), places


RESPONSE, PLACES = _response()

# Every other published field, each with something in it, and where it must be reported.
FIELDS = {
    "topics[2]": "email-address",
    "periods[1].label": "date-of-birth",
    "figures[1].caption": "name-after-title",
    "figures[1].rows[2]": "name-after-title",
    "attachments[1].title": "uk-phone-number",
    "attachments[1].file": "name-after-title",
    "redirections[1].body": "name-after-title",
    "redirections[1].url": "email-address",
    "history[1].note": "uk-phone-number",
    "questions[1].answer": "postcode",
}


def _record() -> dict:
    return good_record(
        topics=["police dogs", "jo.bloggs@example.org"],
        periods=[{"kind": "calendar-year", "year": 2024, "label": "DOB 03/1985"}],
        questions=[
            {"text": "How many dogs?", "outcome": "disclosed", "answer": "Kennels at NS4 7XY."}
        ],
        figures=[
            {
                "caption": "Dogs handled by PC 1234 Smith",
                "unit": "count",
                "rows": ["General purpose", "Sgt Khan"],
                "values": [12, 8],
                "total": 20,
            }
        ],
        attachments=[{"title": "Call 07700 900456", "file": "reply_to_Mr_Irving.csv"}],
        redirections=[
            {
                "body": "DS Jones at Northshire Council",
                "about": "Dog licences",
                "url": "https://example.org/contact?to=jo.bloggs@example.org",
            }
        ],
        history=[
            {"date": "2025-03-05", "event": "clarification-requested", "note": "Rang 01632 960001."}
        ],
        response=RESPONSE,
    )


@pytest.fixture(scope="module")
def text_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("text")
    write_site(root, {"2025/text.yaml": _record()}, CONTACTS)
    (root / "disclosures/2025/reply_to_Mr_Irving.csv").write_text("a,b\n10,20\n")
    result = build(root)
    assert result.ok, result.result.stderr
    return result


def _lines_at(site: Build, place: str) -> list[str]:
    return [line for line in site.error_lines() if f": {place}: " in line]


@pytest.mark.parametrize(
    ("paragraph", "rule"),
    [(n, rule) for n, (_, rule) in enumerate(PARAGRAPHS)],
    ids=[f"{n}-{rule or 'clean'}" for n, (_, rule) in enumerate(PARAGRAPHS)],
)
def test_each_rule_names_the_response_line(text_site: Build, paragraph: int, rule: str) -> None:
    found = _lines_at(text_site, f"response line {PLACES[paragraph]}")
    if rule is None:
        assert found == []
    else:
        assert len(found) >= 1, PARAGRAPHS[paragraph]
        assert {line.removeprefix("warning: ").split(": ")[1] for line in found} == {rule}, found
        assert found[0].startswith("warning: disclosures/2025/text.yaml:")


@pytest.mark.parametrize(("place", "rule"), FIELDS.items())
def test_every_published_field_is_read(text_site: Build, place: str, rule: str) -> None:
    (line,) = _lines_at(text_site, place)
    assert f": {rule}: {place}: " in line


def test_the_clean_fields_of_the_same_record_are_not_flagged(text_site: Build) -> None:
    for place in ("title", "topics[1]", "questions[1].text", "figures[1].rows[1]"):
        assert _lines_at(text_site, place) == []


def test_a_finding_gives_file_line_rule_place_severity_and_one_fix(text_site: Build) -> None:
    (line,) = _lines_at(text_site, "figures[1].caption")
    record_lines = (text_site.root / "disclosures/2025/text.yaml").read_text().splitlines()
    number = int(line.split(":")[2])
    assert record_lines[number - 1].strip().startswith("- caption: Dogs handled by PC 1234")
    assert line.endswith(
        ": name-after-title: figures[1].caption: a name after a title or rank (PC…th), "
        'medium severity. Fix: remove the name, or write the role instead ("the officer", '
        '"the requester"); if it is the authority\'s own published contact, add it to '
        "FOILOG_GUARD_CONTACTS"
    )
    (high,) = _lines_at(text_site, "topics[2]")
    assert ", high severity. Fix: remove or redact it;" in high


def test_what_was_found_is_not_copied_whole_into_the_build_log(text_site: Build) -> None:
    for secret in ("j.smith@example.org", "07700 900123", "Lightfoot", "Acacia Avenue"):
        assert secret not in text_site.result.stderr


def _foilog_check(root: Path) -> subprocess.CompletedProcess[str]:
    return foilog(root, "check")


def test_foilog_check_stops_on_text_findings_in_production(tmp_path: Path) -> None:
    record = good_record(response="Thank you.\n\nYours sincerely\n\nJane Smith")
    write_site(tmp_path, {"2025/dogs.yaml": record}, 'FOILOG_GUARD = "error"')
    result = _foilog_check(tmp_path)
    assert result.returncode == 1, result.stdout
    assert "disclosures/2025/dogs.yaml:" in result.stdout
    assert ": sign-off-name: response line 5: a name under a sign-off (Ja…th)" in result.stdout
    clean = good_record(response="Thank you.\n\nYours sincerely\n\nInformation Rights Team")
    write_site(tmp_path, {"2025/dogs.yaml": clean}, 'FOILOG_GUARD = "error"')
    result = _foilog_check(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "All 1 record(s) can be published." in result.stdout


def test_a_review_accepts_a_name_the_authority_chose_to_publish(tmp_path: Path) -> None:
    review = {
        "rule": "name-after-title",
        "place": "response",
        "by": "Head of Information Management",
        "date": "2025-03-19",
        "reason": "The Chief Constable's name is published on the force's website.",
    }
    record = good_record(response="Chief Constable Jane Doe decided this.", review=[review])
    write_site(tmp_path, {"2025/dogs.yaml": record}, 'FOILOG_GUARD = "error"')
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    assert "1 finding(s) accepted by review" in site.result.stderr


# Rules that are about text; other rules (small numbers in prose, say) are not counted here.
TEXT_RULES = {rule for _, rule in PARAGRAPHS if rule} | {"passport-number"}
# What the real responses hold: the authority's own headquarters' postcode in a letter
# heading (the authority would list it in FOILOG_GUARD_CONTACTS), and a requester's name.
REAL_FINDINGS = {(3, "postcode"), (9, "salutation-name")}


def test_real_responses_raise_only_their_real_personal_data(tmp_path: Path) -> None:
    entries = realworld_entries()
    records = {f"real/{n:03d}.yaml": convert(e, n) for n, e in enumerate(entries)}
    write_site(tmp_path, records)
    result = _foilog_check(tmp_path)
    found = set()
    for line in result.stdout.splitlines():
        parts = line.removeprefix("warning: ").split(": ")
        if len(parts) > 2 and parts[1] in TEXT_RULES:
            found.add((int(parts[0].split("/")[-1].split(".")[0]), parts[1]))
    assert found == REAL_FINDINGS, result.stdout
