"""Where a full build's memory goes: resident memory after each stage of the build, and with
--trace the lines of code holding the most memory (tracemalloc) after each stage.

    python bench/memory.py 10000
    python bench/memory.py 10000 --trace --records FOLDER

Builds N synthetic records (`bench/generate.py records N`, or the records already in
FOLDER) with the project's settings, without the search index, from an empty cache, in a
fresh process, and prints for each stage (each generator's context, then its output, then
Pelican's `finalized` work) the process's resident memory (RSS) and its peak so far.
tracemalloc slows the build several times and adds to its memory, so the RSS figures of a
--trace run are not the build's own; run without it for those.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

from builds import PYTHON, generate, write_settings


def status_mib(field: str) -> int:
    """A figure of /proc/self/status (VmRSS: resident now; VmHWM: the peak), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0


def report(stage: str, top: int) -> None:
    line = f"{stage:<48} RSS {status_mib('VmRSS'):>6} MiB  peak {status_mib('VmHWM'):>6} MiB"
    if tracemalloc.is_tracing():
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        line += f"  traced {current >> 20:>5} MiB (stage peak {peak >> 20} MiB)"
    print(line, file=sys.stderr, flush=True)
    if tracemalloc.is_tracing() and top:
        snapshot = tracemalloc.take_snapshot().filter_traces(
            [tracemalloc.Filter(False, tracemalloc.__file__)]
        )
        for stat in snapshot.statistics("lineno")[:top]:
            frame = stat.traceback[0]
            place = f"{_short(frame.filename)}:{frame.lineno}"
            print(
                f"    {stat.size >> 10:>9} KiB {stat.count:>9} blocks  {place}",
                file=sys.stderr,
                flush=True,
            )


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/lib/python"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def measured(cls: type, top: int) -> type:
    """`cls` with a report after its context and its output are made."""
    name = cls.__name__
    overrides: dict[str, Any] = {}
    for method in ("generate_context", "generate_output"):
        if hasattr(cls, method):

            def wrapper(self: Any, *args: Any, _method: str = method) -> None:
                getattr(super(subclass, self), _method)(*args)
                report(f"{name}.{_method}", top)

            overrides[method] = wrapper
    subclass = type(name, (cls,), overrides)
    return subclass


def build_measured(settings: str, output: str, trace: bool, top: int) -> None:
    """Run Pelican here, with a report after every stage."""
    import pelican

    if trace:
        tracemalloc.start()
    original_classes = pelican.Pelican._get_generator_classes
    original_run = pelican.Pelican.run

    def generator_classes(self: Any) -> list[type]:
        return [measured(cls, top) for cls in original_classes(self)]

    def run(self: Any) -> None:
        original_run(self)
        report("finalized (sitemap, move into output)", top)

    pelican.Pelican._get_generator_classes = generator_classes  # type: ignore[method-assign]
    pelican.Pelican.run = run  # type: ignore[method-assign]
    report("start", 0)
    pelican.main(["-s", settings, "-o", output, "-q"])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int, help="number of records, such as 10000")
    parser.add_argument("--records", type=Path, help="a folder of records made already")
    parser.add_argument("--trace", action="store_true", help="tracemalloc's top lines too")
    parser.add_argument("--top", type=int, default=12, help="lines shown for each stage")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)  # settings, output
    args = parser.parse_args()
    if args.child:
        settings, output = args.child
        build_measured(settings, output, trace=args.trace, top=args.top)
        return
    with tempfile.TemporaryDirectory(prefix="foilog-memory-") as folder:
        work = Path(folder)
        disclosures = args.records or work / "disclosures"
        if not args.records:
            generate("records", args.count, disclosures)
        settings = write_settings(work, disclosures)
        command = [PYTHON, __file__, str(args.count), "--top", str(args.top)]
        command += ["--trace"] * args.trace + ["--child", str(settings), str(work / "out")]
        # The stages' lines are on standard error; the build's own quiet output is dropped.
        process = subprocess.run(command, cwd=work, stdout=subprocess.DEVNULL, check=False)
        if process.returncode:
            raise SystemExit(process.returncode)


if __name__ == "__main__":
    main()
