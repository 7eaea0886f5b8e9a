"""Names lettered and ordered by their language's alphabet, for an A to Z. In Welsh "ch",
"dd", "ff", "ng", "ll", "ph", "rh" and "th" are letters of their own, each after its first
character: "lonydd" comes before "llifogydd", under L and Ll."""

from __future__ import annotations

from foilog.core.slugs import slugify

LATIN = tuple("abcdefghijklmnopqrstuvwxyz")
# Welsh's letters in order, with the letters of borrowed words in their English places.
WELSH = (
    *("a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "k", "l"),
    *("ll", "m", "n", "o", "p", "ph", "q", "r", "rh", "s", "t", "th", "u", "v", "w", "x"),
    *("y", "z"),
)
ALPHABETS = {"cy": WELSH}


def letters(name: str, language: str) -> list[str]:
    """The name's letters (unaccented, lower case, hyphens between words), as `language`
    spells them: "llifogydd" -> ["ll", "i", "f", "o", "g", "y", "dd"] in Welsh."""
    text = slugify(name)
    pairs = {letter for letter in ALPHABETS.get(language, LATIN) if len(letter) == 2}
    found, at = [], 0
    while at < len(text):
        step = 2 if text[at : at + 2] in pairs else 1
        found.append(text[at : at + step])
        at += step
    return found


def initial(name: str, language: str) -> str:
    """The letter an A to Z files the name under: "Ll" for "llifogydd" in Welsh."""
    return letters(name, language)[0].capitalize()


def order(name: str, language: str) -> tuple[int, ...]:
    """A sort key: the name's letters by their place in the alphabet, after the hyphens and
    digits (as the address of each name sorts in English)."""
    alphabet = ALPHABETS.get(language, LATIN)
    place = {letter: 128 + n for n, letter in enumerate(alphabet)}
    return tuple(place.get(letter, ord(letter[0])) for letter in letters(name, language))
