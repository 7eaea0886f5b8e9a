"""The word lists the figure rules use, shipped in foilog/data/guard-words.yaml, and the
content words of a caption or sentence."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml


@cache
def word_list(name: str) -> frozenset[str]:
    text = resources.files("foilog").joinpath("data/guard-words.yaml").read_text(encoding="utf-8")
    return frozenset(yaml.safe_load(text)[name].split())


@cache
def words(text: str) -> frozenset[str]:
    """Content words, singular: "Arrests by age group" -> {"arrest", "age"}."""
    found = set()
    for word in re.findall(r"[a-z]{3,}", text.casefold()):
        if word in word_list("caption_stop_words"):
            continue
        if word.endswith("ies"):
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        found.add(word)
    return frozenset(found)
