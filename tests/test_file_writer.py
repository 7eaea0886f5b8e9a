"""The build's pages are written by a thread of their own (foilog.site.output.FileWriter):
every file given is there once the writes are finished, a failed write is raised in the
build's thread, and an abandoned build's folder gets nothing more. Work beside the build
(`Build.run_beside`) gives its result or its error, and a stopped build stops it and waits
for it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from foilog.site.output import WRITES_WAITING, Build, FileWriter


def test_every_file_given_is_written_once_the_writes_are_finished(tmp_path: Path) -> None:
    writer = FileWriter()
    # More than the writer holds, so that writing has to wait for it too.
    pages = {tmp_path / f"d{n % 7}/p{n}/index.html": f"page {n} é" for n in range(1000)}
    for path, text in pages.items():
        writer.write(path, text)
    writer.write(tmp_path / "d0/p0/index.html", "written again")  # the later text wins
    writer.finish()
    assert len(pages) > WRITES_WAITING
    pages[tmp_path / "d0/p0/index.html"] = "written again"
    assert {p: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.html")} == pages


def test_a_failed_write_is_raised_and_nothing_after_it_is_written(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file where a folder should be")
    writer = FileWriter()
    writer.write(tmp_path / "taken/index.html", "cannot be written")
    writer.write(tmp_path / "after/index.html", "not written")
    with pytest.raises(FileExistsError):
        writer.finish()
    assert not (tmp_path / "after").exists()


def test_the_next_write_raises_what_failed_before(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file where a folder should be")
    writer = FileWriter()
    writer.write(tmp_path / "taken/index.html", "cannot be written")
    with pytest.raises(FileExistsError):
        # Once the writer has taken two texts the first has failed, so the error comes
        # back within WRITES_WAITING + 3 writes.
        for n in range(WRITES_WAITING + 3):
            writer.write(tmp_path / f"p{n}/index.html", "page")
    writer.abandon()


def test_an_abandoned_writer_writes_nothing_more(tmp_path: Path) -> None:
    writer = FileWriter()
    writer.write(tmp_path / "first/index.html", "page")
    writer.abandon()
    written = set(tmp_path.rglob("*.html"))
    assert written <= {tmp_path / "first/index.html"}
    assert not [t for t in threading.enumerate() if t.name == "foilog-writer"]


def test_work_beside_the_build_gives_its_result_or_raises_its_error(tmp_path: Path) -> None:
    build = Build(tmp_path / "building", tmp_path / "output")
    counted = build.run_beside(lambda stop: sum(range(1000)))
    failed = build.run_beside(lambda stop: 1 // 0)
    assert counted.result() == 499500
    with pytest.raises(ZeroDivisionError):
        failed.result()


def test_a_stopped_build_stops_its_work_beside_and_waits_for_it(tmp_path: Path) -> None:
    build = Build(tmp_path / "building", tmp_path / "output")
    started = threading.Event()
    steps: list[int] = []

    def work(stop: threading.Event) -> None:
        started.set()
        while not stop.wait(0.01):
            steps.append(len(steps))
        (tmp_path / "last step").write_text("done")  # the work's last act, before abandon ends

    build.run_beside(work)
    started.wait()
    build.abandon()
    assert (tmp_path / "last step").exists()
    taken = len(steps)
    assert not [t for t in threading.enumerate() if t.name == "foilog-beside"]
    assert len(steps) == taken and build.beside == []
