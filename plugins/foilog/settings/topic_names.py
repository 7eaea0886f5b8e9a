"""FOILOG_TOPIC_NAMES: the names of the records' topics on the pages of another language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from foilog.core.slugs import slugify
from foilog.core.translation import SOURCE_LANGUAGE
from foilog.settings.languages import LANGUAGES

EXAMPLE = '{"cy": {"stop and search": "stopio a chwilio"}}'


def read_topic_names(settings: dict[str, Any], faults: list[str]) -> dict[str, dict[str, str]]:
    """Language to topic slug to name. A topic is keyed as records write it and matched by
    its slug, as records' topics are matched to each other ("ANPR" and "anpr" are one)."""
    value = settings.get("FOILOG_TOPIC_NAMES", {})
    codes = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]
    if not isinstance(value, dict) or not all(
        code in codes and isinstance(names, dict) for code, names in value.items()
    ):
        faults.append(
            f"FOILOG_TOPIC_NAMES: expected a mapping of language ({', '.join(codes)}) to "
            f"topic names such as {EXAMPLE}; found {value!r}"
        )
        return {}
    result: dict[str, dict[str, str]] = {}
    for code, names in value.items():
        written: dict[str, str] = {}  # slug -> the topic as the setting writes it
        result[code] = {}
        for topic, name in names.items():
            if not (isinstance(topic, str) and isinstance(name, str) and name.strip()):
                faults.append(
                    f"FOILOG_TOPIC_NAMES[{code!r}]: expected a topic and its name as text, "
                    f"such as {EXAMPLE}; found {topic!r}: {name!r}"
                )
                continue
            slug = slugify(topic)
            if slug in written:
                faults.append(
                    f"FOILOG_TOPIC_NAMES[{code!r}]: {written[slug]!r} and {topic!r} are one "
                    "topic (topics are matched by their letters and digits); name it once"
                )
            written[slug] = topic
            result[code][slug] = name.strip()
    return result


def missing_names_warning(
    topic_names: dict[str, dict[str, str]], languages: Iterable[str], topics: dict[str, str]
) -> list[str]:
    """One line for each published language other than the records' own that lacks the
    name of some of the log's `topics` (slug -> name as written): those show as written."""
    lines = []
    for code in languages:
        if code == SOURCE_LANGUAGE:
            continue
        names = topic_names.get(code, {})
        missing = sorted(name for slug, name in topics.items() if slug not in names)
        if missing:
            lines.append(
                f"FOILOG_TOPIC_NAMES[{code!r}]: no name for {len(missing)} topic(s), shown as "
                f"written on the {code!r} pages: {', '.join(missing)}"
            )
    return lines
