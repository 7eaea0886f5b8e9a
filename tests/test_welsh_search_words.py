"""Welsh initial mutations for the browser search, checked against real Welsh words: a
search for any form of a word finds a page that uses any other form of it."""

from __future__ import annotations

import pytest

from foilog.search.welsh_words import radicals, welsh_words, word_forms

# (radical, soft, nasal, aspirate), as Welsh writes them; None where a mutation has none.
MUTATED = [
    ("Caerdydd", "Gaerdydd", "Nghaerdydd", "Chaerdydd"),
    ("Pontypridd", "Bontypridd", "Mhontypridd", "Phontypridd"),
    ("plismon", "blismon", "mhlismon", "phlismon"),
    ("trosedd", "drosedd", "nhrosedd", "throsedd"),
    ("Tregaron", "Dregaron", "Nhregaron", "Thregaron"),
    ("cyngor", "gyngor", "nghyngor", "chyngor"),
    ("carchar", "garchar", "ngharchar", "charchar"),
    ("Bangor", "Fangor", "Mangor", None),
    ("beic", "feic", "meic", None),
    ("Dolgellau", "Ddolgellau", "Nolgellau", None),
    ("dinas", "ddinas", "ninas", None),
    ("gardd", "ardd", "ngardd", None),
    ("Gwynedd", "Wynedd", "Ngwynedd", None),
    ("glaw", "law", "nglaw", None),
    ("gwraig", "wraig", "ngwraig", None),
    ("Merthyr", "Ferthyr", None, None),
    ("mam", "fam", None, None),
    ("Llanelli", "Lanelli", None, None),
    ("llys", "lys", None, None),
    ("rhif", "rif", None, None),
    ("Rhondda", "Rondda", None, None),
]
# Vowel-initial words take h after ei (her), ein, eu: "ei hardal", "ein hysgol".
H_PROTHESIS = [("ardal", "hardal"), ("ysgol", "hysgol"), ("enw", "henw"), ("oed", "hoed")]


def _pairs() -> list[tuple[str, str]]:
    pairs = []
    for radical, *forms in MUTATED:
        pairs += [(radical, form) for form in forms if form]
    return pairs + H_PROTHESIS


@pytest.mark.parametrize(("radical", "mutated"), _pairs())
def test_radical_and_mutation_find_each_other(radical: str, mutated: str) -> None:
    assert mutated.casefold() in word_forms(radical)
    assert radical.casefold() in word_forms(mutated)
    assert radical.casefold() in radicals(mutated.casefold())


@pytest.mark.parametrize("forms", [[f for f in row if f] for row in MUTATED])
def test_every_mutation_finds_every_other(forms: list[str]) -> None:
    for one in forms:
        for other in forms:
            assert other.casefold() in word_forms(one), (one, other)


@pytest.mark.parametrize(
    ("word", "not_a_form"),
    [
        ("Caerdydd", "baerdydd"),  # c never becomes b
        ("Bangor", "nangor"),  # b's nasal is m, not n
        ("ffordd", "ffordd"[1:]),  # ff is one letter, and does not mutate
        ("llys", "ngllys"),
        ("trosedd", "throseddau"),  # no stemming
    ],
)
def test_no_form_outside_the_rules(word: str, not_a_form: str) -> None:
    assert not_a_form not in word_forms(word)


def test_words_that_do_not_mutate_are_only_themselves() -> None:
    assert word_forms("ffordd") == {"ffordd"}
    assert word_forms("swyddfa") == {"swyddfa"}
    assert word_forms("yng") == {"yng"}  # a function word
    assert word_forms("ei") == {"ei"}


def test_circumflexes_are_also_indexed_without() -> None:
    assert {"cwn", "cŵn", "gŵn", "nghŵn"} <= word_forms("cŵn")
    assert "dwr" in word_forms("dŵr")


def test_the_extra_words_for_a_text() -> None:
    extra = welsh_words("Mae swyddfeydd yr heddlu yng Nghaerdydd a Bangor.")
    assert {"caerdydd", "gaerdydd", "chaerdydd", "fangor", "mangor"} <= set(extra)
    assert "nghaerdydd" not in extra and "bangor" not in extra  # already on the page
    assert len(extra) == len(set(extra))
    assert welsh_words("") == []
    # Pen-y-bont ar Ogwr (Bridgend): "bont" is pont, soft-mutated; Ogwr takes h.
    bridgend = set(welsh_words("Pen-y-bont ar Ogwr"))
    assert {"pont", "mhont", "phont", "ben", "mhen", "phen", "hogwr"} <= bridgend
