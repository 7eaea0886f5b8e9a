"""Read a YAML record with the line number of every field, using PyYAML's C loader when present."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_yaml(text: str) -> YamlDocument:
    """A record's text, with the line of every field."""
    loader = RecordLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(line, f"{error.problem or error}") from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(1, str(error)) from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    duplicates: list[tuple[Path_, int]] = []
    if node is not None:
        _index_lines(node, (), lines, duplicates)
    return YamlDocument(data, lines, duplicates)


def _index_lines(
    node: yaml.Node,
    path: Path_,
    lines: dict[Path_, int],
    duplicates: list[tuple[Path_, int]],
) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = (*path, key)
            if key in seen:
                duplicates.append((child, key_node.start_mark.line + 1))
            seen.add(key)
            _index_lines(value_node, child, lines, duplicates)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*path, index), lines, duplicates)
