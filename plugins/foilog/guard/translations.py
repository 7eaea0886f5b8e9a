"""A bilingual log's translations: each field the authority wrote has its text in every
language the log is published in, and that text translates the English as it is now.

With "cy" in FOILOG_LANGUAGES, a field with no Welsh is a `translation-missing` finding,
and a Welsh text whose hash is not the hash of the English beside it (the English changed
after it was translated) is a `translation-stale` finding. The Welsh Language Standards
ask for both languages, treated alike; the requester's own words (a question's text) are
shown as asked, and are not checked.
"""

from __future__ import annotations

from foilog.guard.findings import Finding
from foilog.records.model import Disclosure
from foilog.records.problems import field_name
from foilog.records.translated_fields import TRANSLATION_LANGUAGES, authority_fields, english_hash

LANGUAGE_NAMES = {"cy": "Welsh"}


def translation_findings(disclosure: Disclosure, languages: tuple[str, ...]) -> list[Finding]:
    """Each field of `disclosure` missing or out of date in one of `languages`."""
    findings = []
    for language in languages:
        if language not in TRANSLATION_LANGUAGES:
            continue  # English: the record's own fields
        name = LANGUAGE_NAMES.get(language, language)
        fix_command = f"run `foilog translate {disclosure.reference}` and send the file to"
        for item in authority_fields(disclosure):
            translated = item.translated(language)
            place = field_name(item.translation_path(language))
            if translated is None:
                findings.append(
                    Finding(
                        disclosure.source,
                        disclosure.line_of(item.path),
                        place,
                        "translation-missing",
                        f"no {name} for {field_name(item.path)} {_quoted(item.english)}",
                        f"{fix_command} the translators, then read it back with --read",
                    )
                )
            elif translated.hash != english_hash(item.english):
                findings.append(
                    Finding(
                        disclosure.source,
                        disclosure.line_of((*item.translation_path(language), "hash")),
                        place,
                        "translation-stale",
                        f"the {name} translates an earlier English text: "
                        f"{field_name(item.path)} changed since (hash "
                        f"{english_hash(item.english)}, not {translated.hash})",
                        f"{fix_command} the translators for the changed text; if the change "
                        "did not alter the meaning, write the new hash",
                    )
                )
    return findings


def _quoted(english: str | list[str]) -> str:
    text = " ".join((" / ".join(english) if isinstance(english, list) else english).split())
    return repr(text if len(text) <= 50 else text[:47] + "...")
