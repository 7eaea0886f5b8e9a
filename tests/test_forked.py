"""Work forked into a child process (foilog.core.forked): its result or its error comes
back to the parent; a child that dies says so; a child forked while another thread holds
a lock its parent's messages need still speaks and ends; and when asked not to fork, the
work runs in the parent's own process. Each case runs in a fresh interpreter, as a build
does."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import good_record, write_site


def run(code: str) -> str:
    script = "import os, threading\nfrom foilog.core.forked import Forked, ForkedWorkError\n"
    done = subprocess.run(
        [sys.executable, "-c", script + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,  # a child waiting on a lock held in its parent waits for ever
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_child_sends_back_what_the_work_returned() -> None:
    # More than a pipe holds: the parent must read while the child writes.
    out = run("""
        big = list(range(200_000))
        pid, doubled = Forked(lambda: (os.getpid(), [n * 2 for n in big]), "test").result()
        print(pid != os.getpid(), doubled == [n * 2 for n in big])
    """)
    assert out == "True True"


def test_what_the_work_raised_is_raised_in_the_parent() -> None:
    out = run("""
        def fail():
            raise ValueError("record 000123-24: no such exemption")
        try:
            Forked(fail, "test").result()
        except ValueError as error:
            print("raised:", error)
    """)
    assert out == "raised: record 000123-24: no such exemption"


def test_a_child_that_ends_without_a_result_is_an_error() -> None:
    out = run("""
        try:
            Forked(lambda: os._exit(3), "test").result()
        except ForkedWorkError as error:
            print(error)
    """)
    assert "ended without a result" in out


def test_a_child_forked_while_another_thread_holds_a_lock_still_speaks_and_ends() -> None:
    """Pelican's status thread may hold its console's lock at the moment the build forks:
    the child's messages must not wait on it (they would wait for ever)."""
    out = run("""
        import logging
        held = threading.Lock()
        class Console(logging.Handler):  # as Pelican's handler writes to its console
            def emit(self, record):
                with held:
                    print("parent's console:", record.getMessage())
        logging.getLogger().addHandler(Console())
        ready, done = threading.Event(), threading.Event()
        def status():
            with held:
                ready.set()
                done.wait()
        thread = threading.Thread(target=status)
        thread.start()
        ready.wait()
        def work():
            logging.getLogger("pdfminer").warning("unreadable page")
            print("the child printed")
            return os.getpid()
        pid = Forked(work, "test").result()
        done.set()
        thread.join()
        print(pid != os.getpid())
    """)
    assert out.splitlines() == ["the child printed", "True"]


def test_the_work_runs_in_this_process_when_asked() -> None:
    out = run("""
        ran = []
        not_forked = Forked(lambda: ran.append(os.getpid()), "test", fork=False)
        print(ran == [])  # not yet: when its result is asked for
        not_forked.result()
        print(ran == [os.getpid()])
    """)
    assert out.split() == ["True"] * 2


def test_a_build_guards_beside_only_when_few_records_are_new(tmp_path: Path) -> None:
    """From an empty cache every record is guarded afresh, which a child would do beside
    the build's own memory: the guard runs in the build's process. Once the records are
    kept, it runs in a child."""
    records = {f"2024/r{n}.yaml": good_record(reference=f"{n:06d}-24") for n in range(5)}
    write_site(tmp_path, records)
    out = run(f"""
        from foilog.checks.record_log import load_log
        from foilog.checks import site_check
        from foilog.cli.site import load_site
        site = load_site({str(tmp_path / "settings.py")!r})
        site_check.BESIDE_AT_MOST_NEW = 2
        for build in ("first", "again"):
            log, problems = load_log(site)
            check = site_check.check_log(site, log, problems, beside=True)
            print(build, check.guard.forked, len(check.result().findings))
    """)
    assert out.splitlines() == ["first False 0", "again True 0"]
