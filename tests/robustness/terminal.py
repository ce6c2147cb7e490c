"""Run sovsim in a real pseudo-terminal, type keys, and keep every byte it writes."""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass
class Session:
    proc: subprocess.Popen[bytes]
    master: int
    slave: int
    output: bytearray = field(default_factory=bytearray)
    before: list = field(default_factory=list)  # the terminal's modes before the app started

    def read(self, seconds: float = 0.05) -> None:
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                return
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: bytes, timeout: float = 20.0) -> bool:
        """Read until ``text`` has been written (True) or ``timeout`` passed (False)."""
        start = len(self.output)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in self.output[max(0, start - len(text)):]:
                return True
            self.read(0.05)
            if self.proc.poll() is not None:
                self.read(0.2)
                return text in self.output[max(0, start - len(text)):]
        return False

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Read until the program has written nothing for ``quiet`` seconds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            n = len(self.output)
            self.read(quiet)
            if len(self.output) == n:
                return

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def finish(self, timeout: float = 20.0) -> int:
        end = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < end:
            self.read(0.05)
        if self.proc.poll() is None:
            self.proc.kill()
        self.read(0.2)
        return self.proc.wait()

    def modes(self) -> list:
        return termios.tcgetattr(self.slave)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


def start(args: list[str], env: dict[str, str], size: tuple[int, int] = (100, 30)) -> Session:
    """``python -m sim.cli ARGS`` attached to a new pseudo-terminal of ``size`` (cols, rows)."""
    master, slave = os.openpty()
    cols, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    before = termios.tcgetattr(slave)
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color",
                "COLUMNS": str(cols), "LINES": str(rows), **env}
    full_env.pop("TEXTUAL", None)
    proc = subprocess.Popen([sys.executable, "-m", "sim.cli", *args], cwd=ROOT, env=full_env,
                            stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
    return Session(proc, master, slave, before=before)
