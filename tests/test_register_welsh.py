"""The exemption register in Welsh: every title and explanation of the shipped register
has a Welsh translation in register.po that is neither empty nor fuzzy, and the merged
catalogue gives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from foilog.core.translation import LOCALE_FOLDER, translate
from foilog.records.register import ExemptionEntry, ExemptionRegister

REGISTER_PO = LOCALE_FOLDER / "cy" / "LC_MESSAGES" / "register.po"
ENTRIES = [
    entry for act in ("foia", "eir", "foisa") for entry in ExemptionRegister.load().entries(act)
]


def _catalogue(path: Path) -> dict[str, tuple[str, bool]]:
    with path.open("rb") as file:
        return {str(m.id): (str(m.string), m.fuzzy) for m in read_po(file, locale="cy") if m.id}


def test_the_register_has_entries_of_every_act() -> None:
    assert {e.act for e in ENTRIES} == {"foia", "eir", "foisa"}
    assert len(ENTRIES) > 50


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.act}-{e.key}")
def test_every_title_and_explanation_has_welsh(entry: ExemptionEntry) -> None:
    messages = _catalogue(REGISTER_PO)
    for english in (entry.title, entry.explanation):
        assert english in messages, f"register.po has no msgid {english!r}"
        welsh, fuzzy = messages[english]
        assert welsh.strip() and not fuzzy, english
        assert welsh != english
        # Through the merged catalogues: a message also in foilog.po (an outcome label)
        # has the same Welsh there, so the two domains never disagree.
        assert translate(english, "cy") == welsh
        assert translate(english, "en") == english


def test_the_acts_have_their_welsh_names() -> None:
    messages = _catalogue(REGISTER_PO)
    environmental = next(e for e in ENTRIES if e.act == "foia" and e.key == "39")
    assert "Reoliadau Gwybodaeth Amgylcheddol 2004" in messages[environmental.explanation][0]
    accessible = next(e for e in ENTRIES if e.act == "foia" and e.key == "21")
    assert "Ddeddf Rhyddid Gwybodaeth" in messages[accessible.explanation][0]


def test_no_translation_is_left_over() -> None:
    """A msgid no register entry has any more (its English changed) is stale: update it."""
    shipped = {text for e in ENTRIES for text in (e.title, e.explanation)}
    assert set(_catalogue(REGISTER_PO)) <= shipped
