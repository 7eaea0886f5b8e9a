"""Text in records is shown, never run."""

from __future__ import annotations

from conftest import good_record


def test_markup_in_a_question_is_shown_as_text(make_site) -> None:
    record = good_record(
        title="Test <b>bold</b> title",
        questions=[
            {
                "text": 'What is <script>alert("x")</script> here? [link](javascript:alert(1))',
                "outcome": "disclosed",
                "answer": '<img src=x onerror="alert(1)"> Answered.',
            }
        ],
    )
    site = make_site({"2025/a.yaml": record})
    assert site.ok, site.result.stderr
    soup = site.page("disclosures/2025/000001-25/")
    main = soup.find("main")
    assert main.find("script") is None
    assert main.find("img") is None
    assert main.find("b") is None
    assert '<script>alert("x")</script>' in main.get_text()
    assert "<b>bold</b>" in soup.h1.get_text()
    assert not [a for a in main.find_all("a") if (a.get("href") or "").startswith("javascript")]
