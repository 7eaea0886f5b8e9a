"""FOILOG_LANGUAGES: the languages the log is published in, the first at the log's root."""

from __future__ import annotations

from typing import Any

# The languages the log's interface has a catalogue for: code to the language's own name.
LANGUAGES = {"en": "English", "cy": "Cymraeg"}
DEFAULT_LANGUAGES = ("en",)


def read_languages(settings: dict[str, Any], faults: list[str]) -> tuple[str, ...]:
    """FOILOG_LANGUAGES as a tuple of codes of LANGUAGES, each once, the main one first."""
    value = settings.get("FOILOG_LANGUAGES", list(DEFAULT_LANGUAGES))
    known = ", ".join(f'"{code}"' for code in LANGUAGES)
    if (
        not isinstance(value, (list, tuple))
        or not value
        or not all(isinstance(code, str) and code in LANGUAGES for code in value)
        or len(set(value)) != len(value)
    ):
        faults.append(
            f'FOILOG_LANGUAGES: expected a list of languages such as ["en", "cy"], each once, '
            f"from {known}; found {value!r}"
        )
        return DEFAULT_LANGUAGES
    return tuple(value)
