"""Welsh initial mutations for the browser search: the other forms of each Welsh word.

Welsh changes the first sound of a word after certain words: Caerdydd is "i Gaerdydd"
(soft mutation), "yng Nghaerdydd" (nasal) and "a Chaerdydd" (aspirate); a word starting
with a vowel takes an h after "ei" (her), "ein" and "eu" ("ei hardal"). Pagefind has no
Welsh stemmer, so a search for "Caerdydd" would not find a page that says only
"Nghaerdydd". A Welsh page therefore carries, in a hidden element, the other forms of each
of its words: for each word, every radical (dictionary form) it may be a mutation of, and
every mutation of each of those. Whichever form a citizen types, and whichever the page
uses, the two meet. Forms without circumflex or other accents are added too ("cwn" for
"cŵn"), as many people type them so.

What remains (see docs/search.md): the rules give every radical a word could come from,
so a few forms are indexed that are other words ("dal", to hold, is also the soft
mutation of "tal", pay), and a search may find a page for them; and there is no stemming:
plurals ("cŵn" and "ci") and other endings are not joined.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from foilog.records.model import Disclosure
from foilog.records.translated_fields import authority_fields

# Radical initial -> its soft, nasal and aspirate forms (and h- for a vowel).
MUTATIONS: dict[str, tuple[str, ...]] = {
    "p": ("b", "mh", "ph"),
    "t": ("d", "nh", "th"),
    "c": ("g", "ngh", "ch"),
    "b": ("f", "m"),
    "d": ("dd", "n"),
    "g": ("", "ng"),
    "m": ("f",),
    "ll": ("l",),
    "rh": ("r",),
}
# Welsh letters written with two characters: a word starting with one of these starts with
# that letter, not with its first character ("ch" is not "c").
DIGRAPHS = ("ch", "dd", "ff", "ng", "ll", "ph", "rh", "th")
VOWELS = frozenset("aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ")
# Mutated initial -> the radical initials it can come from (besides the word as it is).
RADICALS: dict[str, tuple[str, ...]] = {}
for _radical, _forms in MUTATIONS.items():
    for _form in _forms:
        if _form:
            RADICALS.setdefault(_form, ())
            RADICALS[_form] += (_radical,)
# Words too short or too common to be worth more forms: articles, pronouns, prepositions.
_FUNCTION_TEXT = """
    a ac â ag am ar at au bod dan dros ei ein eich eu fe fy gan gyda hi hwn hon hyn i mae
    mewn na nad neu ni nid o oedd os pan pob sy sydd tra trwy wedi y yn yng ym yr
"""
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
MIN_LENGTH = 3
_WORD = re.compile(r"[^\W\d_]+")  # letters only: "Pen-y-bont" and "i'r" are words apart


def welsh_words(text: str) -> list[str]:
    """The forms to index beside Welsh `text`, in the order first met, each once, none of
    them a word of the text itself: 'yng Nghaerdydd' -> ['caerdydd', 'gaerdydd', …]."""
    words = [word.casefold() for word in _WORD.findall(text)]
    present = set(words)
    found: dict[str, None] = {}
    for word in words:
        for form in word_forms(word):
            if form not in present:
                found.setdefault(form, None)
    return list(found)


def record_welsh_words(disclosure: Disclosure, language: str = "cy") -> list[str]:
    """The extra forms for all the Welsh a record holds (its `cy:` texts)."""
    return welsh_words("\n".join(_welsh_texts(disclosure, language)))


def word_forms(word: str) -> set[str]:
    """Every radical `word` may be a mutation of, and every mutation of those, with the
    word itself; each also without accents. A short or function word is only itself."""
    word = word.casefold()
    if len(word) < MIN_LENGTH or word in FUNCTION_WORDS:
        return {word}
    forms: set[str] = set()
    for radical in radicals(word):
        forms.add(radical)
        forms.update(mutations(radical))
    return forms | {_unaccented(form) for form in forms}


def radicals(word: str) -> set[str]:
    """The word, and each dictionary form it may be a mutation of: 'nghaerdydd' ->
    {'nghaerdydd', 'caerdydd'}; 'fam' -> {'fam', 'bam', 'mam'}; 'ardal' -> {'ardal', 'gardal'}."""
    found = {word}
    initial = _initial(word)
    rest = word[len(initial) :]
    for radical in RADICALS.get(initial, ()):
        found.add(radical + rest)
    if initial in {"l", "r", "w"} or initial[:1] in VOWELS:
        found.add("g" + word)  # soft mutation drops g: gwlad -> wlad, glaw -> law
    if initial == "h" and rest[:1] in VOWELS:
        found.add(rest)  # h-prothesis: ei hardal -> ardal
    return found


def mutations(radical: str) -> set[str]:
    """Each mutated form of a dictionary form: 'caerdydd' -> {'gaerdydd', 'nghaerdydd',
    'chaerdydd'}; a vowel-initial word takes h: 'ardal' -> {'hardal'}."""
    initial = _initial(radical)
    rest = radical[len(initial) :]
    found = {form + rest for form in MUTATIONS.get(initial, ())}
    if initial[:1] in VOWELS:
        found.add("h" + radical)
    return {form for form in found if form}


def _initial(word: str) -> str:
    """The word's first letter, as Welsh spells letters: 'nghaerdydd' -> 'ngh'."""
    if word.startswith(("ngh", "mh", "nh")):
        return word[:3] if word.startswith("ngh") else word[:2]
    for digraph in DIGRAPHS:
        if word.startswith(digraph):
            return digraph
    return word[:1]


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def _welsh_texts(disclosure: Disclosure, language: str) -> Iterator[str]:
    for item in authority_fields(disclosure):
        translated = item.translated(language)
        if translated is not None:
            yield from _strings(translated.text)


def _strings(text: str | Iterable[str]) -> Iterator[str]:
    if isinstance(text, str):
        yield text
    else:
        yield from text
