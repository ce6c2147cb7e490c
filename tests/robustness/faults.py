"""Real faults for tests: a tiny disk that fills up, a read-only data folder, and plain mode
driven line by line while the fault is switched on.

A tiny disk is a tmpfs of a few hundred KB and a read-only folder a read-only bind mount;
both need root (as on the project's machine and in CI containers). Without root, a
read-only folder falls back to file permissions, and a test that cannot make its fault
is skipped with the reason. A full store without root: see ``PRAGMA max_page_count`` in
test_disk.py.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=30)


@contextlib.contextmanager
def tiny_disk(folder: Path, kb: int = 512) -> Iterator[Path]:
    """``folder`` as a tmpfs of ``kb`` KB (unmounted afterwards)."""
    if os.geteuid() != 0:
        pytest.skip("a tiny disk is a tmpfs mount, which needs root; "
                    "test_full_store_without_root covers a full store without it")
    folder.mkdir(parents=True, exist_ok=True)
    r = _run("mount", "-t", "tmpfs", "-o", f"size={kb}k,mode=0755", "tmpfs", str(folder))
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.strip()}); "
                    "test_full_store_without_root covers a full store without it")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill(folder: Path) -> Path:
    """Write a file in ``folder`` until the disk is full; returns it (delete it to free)."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for size in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    assert shutil.disk_usage(folder).free < 4096
    return filler


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """``folder`` read-only for everyone: a read-only bind mount (root), else permissions."""
    mounted = False
    if os.geteuid() == 0:
        r = _run("mount", "--bind", str(folder), str(folder))
        if r.returncode == 0:
            mounted = True
            r = _run("mount", "-o", "remount,bind,ro", str(folder))
            if r.returncode != 0:
                _run("umount", "-l", str(folder))
                pytest.skip(f"cannot remount read-only here ({r.stderr.strip()})")
    modes = {}
    if not mounted:
        for p in [folder, *folder.iterdir()]:
            modes[p] = p.stat().st_mode
            p.chmod(modes[p] & ~0o222)
    try:
        probe = folder / ".probe"
        try:
            probe.write_text("x")
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("cannot make a folder read-only here (root without mount rights)")
        yield folder
    finally:
        if mounted:
            _run("umount", "-l", str(folder))
        for p, mode in modes.items():
            p.chmod(mode)


class Plain:
    """``sovsim play ... --plain`` in a subprocess, typed into line by line."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sim.cli", *args], cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), **env}, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        self.out = ""
        self._seen = 0
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for chunk in iter(lambda: self.proc.stdout.read(1), ""):  # type: ignore[union-attr]
            with self._lock:
                self.out += chunk

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """Wait until ``text`` appears after what was waited for before; returns the output
        since then."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self._lock:
                i = self.out.find(text, self._seen)
                if i >= 0:
                    since = self.out[self._seen:i + len(text)]
                    self._seen = i + len(text)
                    return since
            if self.proc.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.01)
        raise AssertionError(f"{text!r} did not appear; output so far:\n{self.out[-2000:]}")

    def type(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def finish(self, timeout: float = 30.0) -> tuple[int, str]:
        assert self.proc.stdin is not None
        with contextlib.suppress(OSError):
            self.proc.stdin.close()
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=5)
        err = self.proc.stderr.read() if self.proc.stderr else ""
        return code, err
