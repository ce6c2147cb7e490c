"""Sending learning records after an autosave, without delaying play.

When the store has an LRS set to send automatically (``sovsim lrs add ... --auto``),
a save starts ``sovsim lrs send --auto`` as a separate process (at most one at a time
from each process, and at most one sending at a time in all: see
:meth:`~sim.store.Store.lrs_claim`). The player's process only checks the settings (at
most every :data:`RECHECK` seconds) and starts that process: the sending, with its
network waits and retries, happens elsewhere, so a choice takes as long as before.
Whatever is not sent stays queued in the store for the next save or ``lrs send``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

RECHECK = 30.0  # seconds between looks at the settings
PAUSE = 3.0  # seconds between two sending processes from one player

_known: dict[Path, tuple[float, bool]] = {}
_child: subprocess.Popen[bytes] | None = None
_started = 0.0


def _store_path(saver: Any) -> Path | None:
    path = getattr(saver, "store_path", None) or getattr(saver, "path", None)
    return Path(path) if path else None


def _wanted(saver: Any, path: Path) -> bool:
    seen = _known.get(path)
    if seen is not None and time.monotonic() - seen[0] < RECHECK:
        return seen[1]
    wanted = False
    try:
        settings = (
            saver.settings_with_prefix("lrs:")
            if hasattr(saver, "settings_with_prefix")
            else saver._store.settings_with_prefix("lrs:")
        )
        wanted = any('"auto": true' in v for v in settings.values())
    except Exception:  # noqa: BLE001 - sending is never worth breaking play over
        wanted = False
    _known[path] = (time.monotonic(), wanted)
    return wanted


def after_save(saver: Any) -> None:
    """Start a sending process if the store wants one and none of ours is running."""
    global _child, _started
    path = _store_path(saver)
    if path is None or os.environ.get("SOVSIM_NO_AUTOSEND") or not _wanted(saver, path):
        return
    if _child is not None and _child.poll() is None:
        return
    if time.monotonic() - _started < PAUSE:
        return
    _started = time.monotonic()
    code = "import sys; from sim.cli import main; sys.exit(main(sys.argv[1:]))"
    try:
        _child = subprocess.Popen(
            [sys.executable, "-c", code, "--data-dir", str(path.parent), "lrs", "send", "--auto"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError:
        _child = None
