"""Generated records, good and bad, through the real `foilog check` and `pelican`.

For every record: no traceback, one line per problem in the problem format, `foilog check`
gives the build's exit code, and a build that stops leaves output/ as it was. The run is
bounded and seeded, so `make test` always tries the same records; a longer run tries more:

    FOILOG_FUZZ_EXAMPLES=500 FOILOG_FUZZ_SEED=7 .venv/bin/pytest tests/test_fuzz_records.py

(the agreement test then tries a tenth as many, as each of its examples is a full build;
another seed tries other records).
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from conftest import PROJECT, build, good_record, write_site
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from test_bad_input import PROBLEM_LINE

from foilog.cli import main as foilog_main

EXAMPLES = int(os.environ.get("FOILOG_FUZZ_EXAMPLES", "60"))
SEED = int(os.environ.get("FOILOG_FUZZ_SEED", "20251"))
LINE_FORMATS = [
    PROBLEM_LINE,
    # A publish-guard finding: file:line: rule: place: what. Fix: …
    re.compile(r"^(?:(?:warning|accepted): )?\S[^:]*:\d+: [a-z0-9-]+: .+$"),
    re.compile(r"^(?:The build stopped|A build would stop): .+\.$"),
    re.compile(r"^All \d+ record\(s\) can be published\.$"),
    re.compile(r"^Publish guard: .+\.$"),
]
# The development settings, where publish-guard findings are warnings, and the production
# rule, where they stop the build.
PUBLISH_GUARD = ["", 'FOILOG_GUARD = "error"']
SETTINGS = dict(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _bases() -> list[dict[str, Any]]:
    """Valid records to break: small ones, and the example log's without their files."""
    two_dimensional = good_record(
        figures=[
            {
                "caption": "Dogs by role and year",
                "unit": "money",
                "rows": ["General purpose", "Search"],
                "columns": ["2023", "2024"],
                "values": [[10.5, 12], [6, "<5"]],
                "row_totals": [22.5, 10],
                "column_totals": [16.5, 16],
            }
        ]
    )
    files = sorted(PROJECT.glob("disclosures/**/*.yaml"))
    examples = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in files]
    for record in examples:
        record.pop("attachments", None)
    return [good_record(), two_dimensional, *examples]


BASES = _bases()
CONTROLS = st.characters(max_codepoint=0x9F).filter(lambda c: not c.isprintable())
TEXTS = st.one_of(
    st.text(max_size=20),
    st.text(st.one_of(CONTROLS, st.sampled_from("ab \n\u2028\u202e\ufffe\ud800")), max_size=6),
    st.sampled_from(
        [
            "TODO: the answer",
            "=SUM(A1:A9)",
            "<5",
            "*",
            "[map](javascript:alert(1)) ![x](//evil.example/x.png)",
            "<script>alert(1)</script>",
            "2999-01-01",
            "2025-02-30",
            "2025-03",
            "40(9)",
            "40(2)(z)(q)",
            "31(1)(a)(b)",
            "disclosed",
            "refused",
            "../outside.csv",
            "0001-01",
            "9999-12",
        ]
    ),
)
NUMBERS = st.one_of(
    st.integers(-10, 100),
    st.integers(min_value=10**14, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
)
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, TEXTS)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXTS, inner, max_size=4),
    max_leaves=10,
)
DEEP = st.integers(10, 40).map(lambda depth: _nested(depth))
ALIASES = [
    "extra: &a [1, 2]\nmore: *a\n",
    "loop: &l [*l]\n",
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"b{n}: &b{n} [{', '.join([f'*b{n - 1}' if n else '*a'] * 9)}]\n" for n in range(9)),
    "base: &b {text: Q, outcome: disclosed}\nquestions: [{<<: *b}]\n",
]


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _keys(value: Any) -> Iterator[str]:
    for path in _paths(value):
        if path and isinstance(path[-1], str):
            yield path[-1]


@st.composite
def record_texts(draw: st.DrawFn) -> str:
    """A record's text: a valid record with a few changes, or anything at all."""
    if draw(st.integers(0, 9)) == 0:
        record: Any = draw(VALUES | DEEP)
    else:
        record = copy.deepcopy(draw(st.sampled_from(BASES)))
        for _ in range(draw(st.integers(0, 3))):
            path = draw(st.sampled_from(list(_paths(record))))
            if not path:
                continue
            parent = record
            for step in path[:-1]:
                parent = parent[step]
            action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
            value = draw(SCALARS | VALUES | DEEP)
            if action == "replace":
                parent[path[-1]] = value
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[draw(st.sampled_from(sorted(set(_keys(record)))) | TEXTS)] = value
    text = yaml.safe_dump(record, allow_unicode=draw(st.booleans()), sort_keys=False)
    if draw(st.integers(0, 7)) == 0:
        text += draw(st.sampled_from(ALIASES))
    return text


def check_in_process(root: Path) -> tuple[int, str]:
    """`foilog check` run by its own entry point, in this process (it is the quick half)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = foilog_main(["check", "--settings", str(root / "settings.py")])
    return code, out.getvalue() + err.getvalue()


def assert_readable(output: str) -> None:
    assert "Traceback" not in output, output
    for line in output.splitlines():
        if line.strip():
            assert any(f.match(line) for f in LINE_FORMATS), line


def write_record(root: Path, text: str, settings: str = "") -> None:
    write_site(root, {}, settings)
    path = root / "disclosures" / "2025" / "record.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    # As written by an editor: lone surrogates become bytes that are not UTF-8.
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


@seed(SEED)
@settings(max_examples=EXAMPLES, **SETTINGS)
@given(record_texts())
def test_check_never_crashes_and_every_line_is_a_problem(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_record(root, text)
        code, output = check_in_process(root)
        assert code in (0, 1)
        assert_readable(output)


@seed(SEED + 1)
@settings(max_examples=max(EXAMPLES // 10, 4), **SETTINGS)
@given(record_texts(), st.sampled_from(PUBLISH_GUARD))
def test_check_and_build_agree(text: str, guard: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_record(root, text, guard)
        earlier = root / "output" / "index.html"
        earlier.parent.mkdir()
        earlier.write_text("the site as published before")
        code, output = check_in_process(root)
        result = build(root)
        assert_readable(output)
        assert_readable(result.result.stderr)
        assert result.result.returncode == code, (output, result.result.stderr)
        if code:
            assert result.result.stderr.splitlines()[-1].startswith("The build stopped")
            assert [p.name for p in result.output.rglob("*")] == ["index.html"]
            assert earlier.read_text() == "the site as published before"
            assert not [p for p in root.iterdir() if "building" in p.name]
        else:
            assert (result.output / "data" / "disclosures.csv").is_file()
