"""Read a YAML record with the line number of every field, using PyYAML's C loader when present.

A record is plain data: aliases (`*name`) are refused before anything is expanded, so a
small file cannot grow into an exponentially large one, and nesting is limited far above
what a record needs, so a walk over it cannot run out of stack.
"""

from __future__ import annotations

import pickle
import re
from dataclasses import dataclass
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LONG_NUMBER = re.compile(r"\d{4000}")
MAX_DEPTH = 20  # levels of mappings and lists; a record needs five
_EXPECTED_BUT_FOUND = re.compile(r"^(?:did not find )?expected (.+?)(?:, but found (.+))?$")


class RecordLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader that keeps dates as text, so that the validator can explain bad ones."""


RecordLoader.add_constructor("tag:yaml.org,2002:timestamp", RecordLoader.construct_yaml_str)

Path_ = tuple[str | int, ...]


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Path_, int]
    duplicate_keys: list[tuple[Path_, int]]

    def line_of(self, path: Path_) -> int:
        return nearest_line(self.lines, path)


def nearest_line(lines: dict[Path_, int], path: Path_) -> int:
    """The line of the field at `path`, or of its nearest parent that exists."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)


def pack_lines(lines: dict[Path_, int]) -> bytes:
    """The line map as one small bytes object, for a record held for the whole build: the
    dict of tuples and key strings takes about ten times more memory."""
    return pickle.dumps(lines, protocol=pickle.HIGHEST_PROTOCOL) if lines else b""


def unpack_lines(packed: bytes) -> dict[Path_, int]:
    result: dict[Path_, int] = pickle.loads(packed) if packed else {}
    return result


class YamlSyntaxError(Exception):
    """Text that is not a record's YAML: where, what was expected and what was found."""

    def __init__(self, line: int, found: str, expected: str = "valid YAML") -> None:
        super().__init__(f"{expected}; found {found}")
        self.line = line
        self.expected = expected
        self.found = found


def parse_yaml(text: str) -> YamlDocument:
    """A record's text, with the line of every field."""
    loader = RecordLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        duplicates: list[tuple[Path_, int]] = []
        if node is not None:
            # Before constructing: an alias found here has not been expanded yet.
            _index_lines(node, (), lines, duplicates, set(), text)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise YamlSyntaxError(
            line, f"the character {_code_point(error.character)}", "text without control characters"
        ) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(1, str(error).splitlines()[0]) from None
    except ValueError:  # Python refuses to read a whole number of thousands of digits
        digits = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, digits.start()) + 1 if digits else 1
        raise YamlSyntaxError(line, "a number of thousands of digits", "a number") from None
    finally:
        loader.dispose()
    return YamlDocument(data, lines, duplicates)


def _code_point(character: int | str) -> str:
    number = character if isinstance(character, int) else ord(character)
    return f"U+{number:04X}"


def _syntax_error(error: yaml.MarkedYAMLError) -> YamlSyntaxError:
    """PyYAML's message as expected and found, on the line where the mistake is: for a
    quote never closed, that is where the quote opens, not the end of the file."""
    problem = (error.problem or str(error)).strip()
    if (error.context or "").startswith("while scanning a quoted scalar") and error.context_mark:
        return YamlSyntaxError(
            error.context_mark.line + 1,
            "a quote that is never closed",
            "a closing quote to match the one on this line",
        )
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    match = _EXPECTED_BUT_FOUND.match(problem)
    if not match:
        return YamlSyntaxError(line, problem.removeprefix("found "))
    expected, found = match.group(1), match.group(2) or "something else"
    context = error.context or ""
    if context.startswith("while parsing a flow") and error.context_mark:
        # A bracket never closed: the mistake is where it opens.
        kind = "list" if "sequence" in context else "mapping"
        expected = f"{expected} to close the {kind} opened on this line"
        return YamlSyntaxError(error.context_mark.line + 1, f"{found} on line {line}", expected)
    return YamlSyntaxError(line, found, expected)


def _index_lines(
    node: yaml.Node,
    path: Path_,
    lines: dict[Path_, int],
    duplicates: list[tuple[Path_, int]],
    seen_nodes: set[int],
    text: str,
) -> None:
    """Record the line of every field; refuse aliases (a node met twice) and deep nesting."""
    if id(node) in seen_nodes:
        raise YamlSyntaxError(
            _first_alias_line(text),
            "an alias (*name)",
            "each value written out: aliases are not used in records",
        )
    seen_nodes.add(id(node))
    lines[path] = node.start_mark.line + 1
    if len(path) > MAX_DEPTH and isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        raise YamlSyntaxError(
            lines[path], f"more than {MAX_DEPTH}", f"at most {MAX_DEPTH} levels of nesting"
        )
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = (*path, key)
            if key in seen:
                duplicates.append((child, key_node.start_mark.line + 1))
            seen.add(key)
            _index_lines(value_node, child, lines, duplicates, seen_nodes, text)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*path, index), lines, duplicates, seen_nodes, text)


def _first_alias_line(text: str) -> int:
    """The line of the first alias, read from the events, which name it where it is written."""
    for event in yaml.parse(text, Loader=RecordLoader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark:
            return int(event.start_mark.line) + 1
    return 1
