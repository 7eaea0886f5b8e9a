"""`foilog withdraw` and the build after it: a record, or one attachment, gone from every
page, list, feed, search index, open-data file and the sitemap, a notice at the old
address, `_redirects` answering 410, the changed addresses for a CDN purge, and the
withdrawal in the record's history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import Build, build, good_record, write_site
from test_cli import foilog

RECORD = "disclosures/2025/000001-25.yaml"
PAGE = "disclosures/2025/000001-25/"
OTHER_PAGE = "disclosures/2025/000002-25/"


def _site(root: Path) -> Build:
    """Two records on the same topic; the first has two attachments and some history."""
    first = good_record(
        title="Dogs retired in 2024",
        topics=["police dogs"],
        attachments=[
            {"title": "Dogs by force area", "file": "dogs.csv"},
            {"title": "Handler rota", "file": "rota.csv"},
        ],
        history=[
            {
                "date": "2025-03-05",
                "event": "clarification-requested",
                "note": "We asked which years.",
            }
        ],
    )
    second = good_record(reference="000002-25", title="Dog kennels", topics=["police dogs"])
    write_site(root, {"2025/000001-25.yaml": first, "2025/000002-25.yaml": second})
    folder = root / "disclosures/2025"
    (folder / "dogs.csv").write_text("area,dogs\nNorth,12\nSouth,8\n", encoding="utf-8")
    (folder / "rota.csv").write_text("week,shifts\n1,10\n2,12\n", encoding="utf-8")
    site = build(root)
    assert site.ok, site.result.stderr
    return site


def _published_text(site: Build) -> dict[str, str]:
    """Every text file of the site but the notices and `_redirects`, by path."""
    return {
        path.relative_to(site.output).as_posix(): path.read_text(encoding="utf-8")
        for path in site.output.rglob("*")
        if path.is_file() and path.suffix in (".html", ".xml", ".csv", ".json", ".txt", "")
    }


@pytest.fixture(scope="module")
def withdrawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, str, str]:
    root = tmp_path_factory.mktemp("withdraw")
    _site(root)
    result = foilog(
        root, "withdraw", "000001-25", "--reason", "Published by mistake.", "--date", "2025-04-02"
    )
    assert result.returncode == 0, result.stderr
    site = build(root)
    assert site.ok, site.result.stderr
    purge = (root / "cache/changed-urls.txt").read_text(encoding="utf-8")
    return site, result.stdout, purge


def test_the_withdrawal_is_recorded_in_the_history(withdrawn: tuple[Build, str, str]) -> None:
    site, stdout, _ = withdrawn
    record = yaml.safe_load((site.root / RECORD).read_text(encoding="utf-8"))
    assert record["history"][-1] == {
        "date": "2025-04-02",
        "event": "withdrawn",
        "note": "Published by mistake.",
    }
    assert record["history"][0]["event"] == "clarification-requested"  # the rest untouched
    assert "Recorded the withdrawal of 000001-25 in the history of disclosures/2025/" in stdout


def test_the_old_address_says_withdrawn_on_the_date(withdrawn: tuple[Build, str, str]) -> None:
    site, _, _ = withdrawn
    page = site.page(PAGE)
    assert page.h1.get_text(strip=True) == "Response 000001-25 was withdrawn"
    text = " ".join(page.main.get_text(" ").split())
    assert "withdrawn from the disclosure log on 2 April 2025" in text
    assert "Published by mistake." in text
    assert "Dogs retired in 2024" not in str(page)  # nothing of the record but its reference
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find(attrs={"data-pagefind-body": True}) is None  # never in the search index


def test_the_record_is_gone_from_everything_else(withdrawn: tuple[Build, str, str]) -> None:
    site, _, _ = withdrawn
    texts = _published_text(site)
    for path, text in texts.items():
        if path.startswith(PAGE) or path == "_redirects":
            continue
        assert "Dogs retired in 2024" not in text, path
        assert "000001-25" not in text, path
    assert not (site.output / PAGE / "dogs.csv").exists()
    assert "Dog kennels" in texts["index.html"]  # the other record is still published
    data = json.loads(texts["data/disclosures.json"])
    assert [d["reference"] for d in data["disclosures"]] == ["000002-25"]
    assert f"/{PAGE}</loc>" not in texts["sitemap.xml"]
    assert f"/{OTHER_PAGE}</loc>" in texts["sitemap.xml"]


def test_the_host_answers_410_and_the_purge_list_names_every_change(
    withdrawn: tuple[Build, str, str],
) -> None:
    site, _, purge = withdrawn
    redirects = (site.output / "_redirects").read_text(encoding="utf-8").splitlines()
    assert redirects == [f"/{PAGE} /{PAGE} 410!", f"/{PAGE}index.html /{PAGE} 410!"]
    urls = set(purge.splitlines())
    base = "http://localhost:8000"  # SITEURL of the development settings
    assert {
        f"{base}/{PAGE}",
        f"{base}/{PAGE}index.html",
        f"{base}/{PAGE}dogs.csv",
        f"{base}/{PAGE}rota.csv",
        f"{base}/",
        f"{base}/data/disclosures.json",
        f"{base}/sitemap.xml",
        f"{base}/_redirects",
        f"{base}/feeds/all.atom.xml",
        f"{base}/topics/police-dogs/",
        f"{base}/{OTHER_PAGE}",  # it listed the withdrawn record as related
    } <= urls
    assert f"{base}/privacy/" not in urls  # unchanged pages are not purged


def test_withdrawing_one_attachment(tmp_path: Path) -> None:
    _site(tmp_path)
    result = foilog(tmp_path, "withdraw", "000001-25", "--file", "rota.csv", "--reason", "Names.")
    assert result.returncode == 0, result.stderr
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    page = site.page(PAGE)
    links = [a["href"] for a in page.select(".attachments a")]
    assert links == [f"/{PAGE}dogs.csv"]
    assert "Handler rota" not in str(page)
    history = " ".join(page.select_one(".history").get_text(" ").split())
    assert "Attachment withdrawn" in history and "Names." in history
    assert "rota.csv" not in history  # the file's name may itself hold personal data
    assert not (site.output / PAGE / "rota.csv").exists()
    assert (site.output / PAGE / "dogs.csv").is_file()
    data = json.loads((site.output / "data/disclosures.json").read_text(encoding="utf-8"))
    assert [a["title"] for a in data["disclosures"][-1]["attachments"]] == ["Dogs by force area"]
    redirects = (site.output / "_redirects").read_text(encoding="utf-8")
    assert redirects == f"/{PAGE}rota.csv /{PAGE} 410!\n"
    assert f"/{PAGE}</loc>" in (site.output / "sitemap.xml").read_text(encoding="utf-8")
    record = yaml.safe_load((tmp_path / RECORD).read_text(encoding="utf-8"))
    assert record["history"][-1]["file"] == "rota.csv"


def test_a_withdrawal_lets_a_guarded_build_publish_again(tmp_path: Path) -> None:
    """The leak that got through: a later rule stops the build until it is withdrawn."""
    leak = good_record(response="Yours sincerely\n\nJane Smith")
    write_site(tmp_path, {"2025/000001-25.yaml": leak}, 'FOILOG_GUARD = "error"')
    assert build(tmp_path).result.returncode == 1
    assert foilog(tmp_path, "withdraw", "000001-25", "--reason", "A name.").returncode == 0
    site = build(tmp_path)
    assert site.ok, site.result.stderr
    assert "Jane Smith" not in "".join(_published_text(site).values())


def test_the_withdrawal_reason_is_read_by_the_guard(tmp_path: Path) -> None:
    write_site(tmp_path, {"2025/000001-25.yaml": good_record()}, 'FOILOG_GUARD = "error"')
    reason = "Withdrawn at the request of Mr Irving."
    assert foilog(tmp_path, "withdraw", "000001-25", "--reason", reason).returncode == 0
    site = build(tmp_path)
    assert site.result.returncode == 1
    assert ": name-after-title: history[1].note: a name after a title or rank (Mr…ng)" in (
        site.result.stderr
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["000009-25", "--reason", "x"], "foilog withdraw: no record has the reference 000009-25"),
        (
            ["000001-25", "--file", "nope.csv", "--reason", "x"],
            "foilog withdraw: --file: expected one of the record's attachments "
            "(dogs.csv, rota.csv); found nope.csv",
        ),
        (
            ["000001-25", "--reason", "x", "--date", "2025-02-30"],
            "foilog withdraw: --date: expected a date such as 2025-04-03; found '2025-02-30'",
        ),
        (
            ["000001-25", "--reason", "x", "--date", "2025-01-02"],
            "foilog withdraw: history[2].date: expected a date on or after responded "
            "(2025-03-20); found 2025-01-02",
        ),
    ],
)
def test_a_withdrawal_that_cannot_be_made_changes_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    _site(tmp_path)
    before = (tmp_path / RECORD).read_text(encoding="utf-8")
    result = foilog(tmp_path, "withdraw", *args)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == message
    assert "Traceback" not in result.stderr
    assert (tmp_path / RECORD).read_text(encoding="utf-8") == before


def test_a_record_is_withdrawn_once(tmp_path: Path) -> None:
    _site(tmp_path)
    first = foilog(tmp_path, "withdraw", "000001-25", "--reason", "x", "--date", "2025-04-02")
    assert first.returncode == 0, first.stderr
    again = foilog(tmp_path, "withdraw", "000001-25", "--file", "dogs.csv", "--reason", "y")
    assert again.returncode == 2
    assert again.stderr == "foilog withdraw: the record was already withdrawn on 2025-04-02\n"


def test_a_withdrawn_file_must_be_one_of_the_attachments(make_site) -> None:
    record = good_record(
        history=[{"date": "2025-04-02", "event": "withdrawn", "note": "x", "file": "a.csv"}]
    )
    site = make_site({"2025/dogs.yaml": record})
    assert site.result.returncode == 1
    assert "history[1].file: expected the file of one of the attachments (none); found a.csv" in (
        site.result.stderr
    )


BASE_TEXT = yaml.safe_dump(good_record(), sort_keys=False)
HISTORY_AT_COLUMN_0 = (
    "history:\n- date: '2025-03-05'\n  event: clarification-requested\n  note: Which years?\n"
)


@pytest.mark.parametrize(
    "text",
    [
        BASE_TEXT + "\n\n# a comment kept at the end\n",
        BASE_TEXT + "history: []\n",
        "history:  # kept\n  - date: '2025-03-05'\n    event: clarification-requested\n"
        "    note: Which years?\n\n" + BASE_TEXT,
        HISTORY_AT_COLUMN_0 + BASE_TEXT,
    ],
    ids=["no-history", "empty-history", "history-first", "history-at-column-0"],
)
def test_the_event_is_added_to_the_history_as_written(tmp_path: Path, text: str) -> None:
    write_site(tmp_path, {"2025/000001-25.yaml": text})
    result = foilog(tmp_path, "withdraw", "000001-25", "--reason", "Names: see note.")
    assert result.returncode == 0, result.stderr
    after = (tmp_path / RECORD).read_text(encoding="utf-8")
    record = yaml.safe_load(after)
    assert record["history"][-1]["event"] == "withdrawn"
    assert record["history"][-1]["note"] == "Names: see note."
    assert {k: v for k, v in record.items() if k != "history"} == good_record()
    assert len(record["history"]) == (1 if "clarification" not in text else 2)
    assert ("# a comment kept" in after) == ("# a comment kept" in text)
