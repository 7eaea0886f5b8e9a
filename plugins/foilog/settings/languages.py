"""FOILOG_LANGUAGES: the languages the log is published in, the first at the log's root."""

from __future__ import annotations

import re
from typing import Any

# The languages the log's interface has a catalogue for: code to the language's own name.
LANGUAGES = {"en": "English", "cy": "Cymraeg"}
DEFAULT_LANGUAGES = ("en",)
_FOLDER = re.compile(r"^[a-z0-9][a-z0-9-]*$")


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


def read_language_paths(
    settings: dict[str, Any], languages: tuple[str, ...], faults: list[str]
) -> dict[str, str]:
    """FOILOG_LANGUAGE_PATHS: the folder of each language's tree, under the log's address.
    The main language is at the log's root; each other language at its code ("cy/") unless
    the setting names another folder."""
    value = settings.get("FOILOG_LANGUAGE_PATHS", {})
    if not isinstance(value, dict) or not all(
        code in LANGUAGES and isinstance(path, str) for code, path in value.items()
    ):
        faults.append(
            f'FOILOG_LANGUAGE_PATHS: expected a mapping of language to folder such as {{"cy": '
            f'"cymraeg/"}}; found {value!r}'
        )
        value = {}
    paths = {code: f"{code}/" for code in languages[1:]}
    for code, path in value.items():
        folder = path.strip("/")
        if code not in languages[1:]:
            continue  # the main language is always at the root; others are not published
        if not _FOLDER.match(folder):
            faults.append(
                f"FOILOG_LANGUAGE_PATHS[{code!r}]: expected a folder name of lower-case "
                f"letters, digits and hyphens such as cymraeg; found {path!r}"
            )
            continue
        paths[code] = folder + "/"
    if len(set(paths.values())) != len(paths):
        faults.append(
            f"FOILOG_LANGUAGE_PATHS: expected a folder for each language; found {value!r}"
        )
    return {languages[0]: "", **paths}
