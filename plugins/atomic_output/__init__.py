"""Pelican plugin: build into a temporary folder and swap it in only when the build succeeds.

A failed build leaves the previous output folder untouched. List this plugin last in
PLUGINS, so that every other plugin's `finalized` work (such as the search index) is done
inside the temporary folder before the swap.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

from pelican import signals

_pending: dict[int, tuple[Path, Path]] = {}  # id(pelican) -> (temporary folder, real output)


def _discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def start_build(pelican: Any) -> None:
    """Point this run at a fresh temporary folder beside the real output folder."""
    real = Path(_pending.pop(id(pelican), (None, pelican.output_path))[1]).resolve()
    real.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{real.name}-building-", dir=real.parent))
    atexit.register(_discard, building)  # a build that stops leaves nothing half-written
    _pending[id(pelican)] = (building, real)
    pelican.output_path = str(building)


def finish_build(pelican: Any) -> None:
    building, real = _pending[id(pelican)]
    old = real.with_name(f".{real.name}-previous")
    _discard(old)
    if real.exists():
        real.replace(old)
    building.replace(real)
    _discard(old)
    pelican.output_path = str(real)


def register() -> None:
    signals.get_generators.connect(start_build)
    signals.finalized.connect(finish_build)
