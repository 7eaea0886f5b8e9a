"""The structural checks of a record: each field once, no placeholder left, every value
publishable, and the JSON Schema, each failure turned into a problem that says what was
expected and found."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from foilog.records.problems import Problem, field_name, shown_key
from foilog.records.values import value_problems
from foilog.records.yaml_source import Path_, YamlDocument

_SCHEMA = json.loads(
    resources.files("foilog")
    .joinpath("data/disclosure-record.schema.json")
    .read_text(encoding="utf-8")
)
_VALIDATOR = Draft202012Validator(_SCHEMA)
# A compiled copy of the same schema answers "is it valid?" about twenty times faster; the
# full validator runs only for records that fail, to explain every problem.
_FAST_CHECK = fastjsonschema.compile(_SCHEMA)
PLACEHOLDER = "TODO"  # starts every placeholder in a new record's skeleton
_JSON_TYPES = {
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    list: "a list",
    dict: "a mapping",
    type(None): "nothing",
}
_SCHEMA_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true/false",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing",
}


def structure_problems(doc: YamlDocument, shown_as: str) -> list[Problem]:
    """Every structural problem in the document; none means the rules can be checked."""
    problems = [
        Problem(shown_as, line, field_name(path), "each field once", "it again")
        for path, line in doc.duplicate_keys
    ]

    def problem(path: Path_, expected: str, found: str) -> None:
        problems.append(Problem(shown_as, doc.line_of(path), field_name(path), expected, found))

    data = doc.data
    if not isinstance(data, dict):
        problem((), "a mapping of record fields", describe(data))
        return problems
    reported: set[Path_] = set()  # each value's problem is told once
    for path, text in placeholders(data, ()):
        problem(path, "your own text in place of the placeholder", describe(text))
        reported.add(path)
    for path, expected, value in value_problems(data):
        problem(path, expected, value)
        reported.add(path)
    if not passes_schema(data):
        for error in _VALIDATOR.iter_errors(data):
            if tuple(error.absolute_path) not in reported:
                _schema_problem(error, problem)
    return problems


def _schema_problem(error: ValidationError, problem: Any) -> None:
    path: Path_ = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    validator = error.validator
    instance: Any = error.instance
    if validator == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        name = missing[0] if missing else "field"
        problem((*path, name), f"the required field {name}", "nothing")
    elif validator == "additionalProperties":
        extra = sorted(set(instance) - set(schema.get("properties", {})))
        for name in extra:
            known = ", ".join(schema.get("properties", {}))
            problem((*path, name), f"one of the fields {known}", f"unknown field {shown_key(name)}")
    elif validator == "enum":
        allowed: Any = error.validator_value
        choices = ", ".join(str(v) for v in allowed)
        problem(path, f"one of {choices}", repr(error.instance))
    elif validator == "oneOf" and "x-expected" in schema:
        problem(path, schema["x-expected"], "both or neither")
    elif "x-expected" in schema:
        problem(path, schema["x-expected"], describe(error.instance))
    elif validator == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        problem(
            path,
            " or ".join(_SCHEMA_TYPES.get(w, str(w)) for w in wanted),
            describe(error.instance),
        )
    elif validator in ("minItems", "minLength"):
        problem(path, "at least one entry" if validator == "minItems" else "some text", "it empty")
    else:
        problem(path, error.message, describe(error.instance))


def placeholders(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    """Every text still starting with the TODO placeholder that `foilog new` writes."""
    if isinstance(value, str) and value.lstrip().startswith(PLACEHOLDER):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from placeholders(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from placeholders(item, (*path, index))


def describe(value: Any) -> str:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "...'"
    return _JSON_TYPES.get(type(value), type(value).__name__)


def passes_schema(data: dict[str, Any]) -> bool:
    try:
        _FAST_CHECK(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True
