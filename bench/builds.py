"""What the benchmarks share: generated logs, their build settings, the measured build, and
the edit a publisher makes to one record before building again."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SAMPLE_SECONDS = 0.05  # how often the memory of a build's processes is read


def generate(kind: str, count: int, folder: Path, *options: str) -> None:
    """`count` synthetic records or plain articles (`kind`) in `folder` (bench/generate.py)."""
    command = [PYTHON, str(PROJECT / "bench/generate.py"), kind, str(count), str(folder)]
    subprocess.run([*command, *options], check=True)


def write_settings(work: Path, disclosures: Path, search: bool = False) -> Path:
    """Settings, in `work`, that build `disclosures` with the project's plugins, theme and
    pages, and its cache in `work/cache`; the search page and index only with `search`."""
    settings = work / "settings.py"
    work.mkdir(parents=True, exist_ok=True)
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(PROJECT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(PROJECT / 'content')!r}\nTHEME = {str(PROJECT / 'theme')!r}\n"
        f"FOILOG_DISCLOSURES_PATH = {str(disclosures)!r}\nCACHE_PATH = {str(work / 'cache')!r}\n"
        # The example's case register is of its own records, not the generated ones.
        + "FOILOG_CASE_REGISTER = FOILOG_CASE_REGISTER_MAPPING = None\n"
        # Ten a page, as in every figure bench/README.md gives (the example shows five).
        + "FOILOG_PER_PAGE = 10\n"
        + ("" if search else "FOILOG_SEARCH = False\n")
    )
    return settings


def pelican(settings: Path, output: Path, *options: str) -> list[str]:
    return [PYTHON, "-m", "pelican", "-s", str(settings), "-o", str(output), *options]


def run_measured(
    command: list[str], cwd: Path, messages: Path | None = None
) -> tuple[float, int, int]:
    """Wall seconds of one command, with two peaks of resident memory in MiB: that of its
    largest process (itself or any process it started and waited for, such as Pagefind),
    from `wait4`; and that of all its processes at once, read from /proc every
    SAMPLE_SECONDS. Its messages go to `messages` when given."""
    # Messages go to a file: a pipe nobody reads until the end fills and stalls the build.
    with messages.open("w+b") if messages else tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=out)
        together = [0]
        ended = threading.Event()

        def sample() -> None:
            while not ended.wait(SAMPLE_SECONDS):
                together[0] = max(together[0], tree_resident(process.pid))

        sampler = threading.Thread(target=sample)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        ended.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        if process.returncode != 0:
            out.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{out.read().decode()[-4000:]}")
    largest = usage.ru_maxrss // 1024
    return elapsed, largest, max(largest, together[0] // 2**20)


def tree_resident(pid: int) -> int:
    """Bytes in memory of process `pid` and its descendants now (0 once gone): the sum of
    their proportional set sizes, in which a page two processes share counts half in each.
    (Their resident sizes would count such pages twice: a process just forked to start
    Pagefind shares all of Pelican's memory until it runs the new program.) A child still
    running its parent's program (its command line is the parent's) is left out: Python
    starts a program with vfork, whose child shares its parent's memory whole until it
    runs the program, and so would count all of it again. A child the build forks to work
    beside it (foilog.core.forked) has its own name, and counts."""
    total = 0
    waiting: list[tuple[int, bytes | None]] = [(pid, None)]
    while waiting:
        process, parent_command = waiting.pop()
        try:
            command = Path(f"/proc/{process}/cmdline").read_bytes()
            name = Path(f"/proc/{process}/comm").read_text().strip()
            if command == parent_command and not name.startswith("foilog-"):
                continue
            rollup = Path(f"/proc/{process}/smaps_rollup").read_text()
            for task in Path(f"/proc/{process}/task").iterdir():
                children = (task / "children").read_text().split()
                waiting += [(int(child), command) for child in children]
        except (FileNotFoundError, ProcessLookupError):
            continue  # it ended while being read
        found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
        total += int(found.group(1)) * 1024 if found else 0
    return total


def edit_title(record: Path) -> None:
    """Change one record's title, as a publisher correcting it does."""
    record.write_text(record.read_text().replace("title: ", "title: Edited ", 1))


def add_newest(disclosures: Path) -> None:
    """Add a record responded to after every other, as a publisher adds the week's newest:
    a copy of the record in the middle of the log (by file), so on other topics than the
    newest, as a new response usually is, with the next reference, a new title and dates
    after the newest (or the same, when the newest was answered today), and no attachment."""
    records = record_files(disclosures)
    latest = dt.date.fromisoformat(max(_responded(record) for record in records))
    data = yaml.safe_load(records[len(records) // 2].read_text(encoding="utf-8"))
    # The day after the newest, unless that is in the future, which validation refuses.
    responded = max(latest, min(latest + dt.timedelta(days=1), dt.date.today()))
    received = responded - dt.timedelta(days=10)
    data["reference"] = f"{len(records) + 1:06d}-{responded.year % 100:02d}"
    data["title"] = "New: " + data["title"]
    # Its attachment files are beside the record copied, in another folder than the new one.
    data.pop("attachments", None)
    data["received"], data["responded"] = received.isoformat(), responded.isoformat()
    path = disclosures / str(responded.year) / f"{data['reference']}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


_RESPONDED = re.compile(r"^responded: '?([0-9-]+)'?$", re.MULTILINE)


def _responded(record: Path) -> str:
    found = _RESPONDED.search(record.read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def record_files(disclosures: Path) -> list[Path]:
    """The generated records, oldest year first."""
    return sorted(disclosures.rglob("*.yaml"))
