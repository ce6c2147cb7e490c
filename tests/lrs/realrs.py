"""A real Learning Record Store for the tests: ralph (``ralph-malph`` from PyPI, in the
test extra) run as its own process on loopback, with its file-system backend in a
temporary folder."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
USER, PASSWORD = "sovsim-test", "lrs-wachtwoord-7q"
INSTALL = "pip install -e '.[test]' (the test extra holds ralph-malph)"


def ralph_bin() -> Path | None:
    """ralph's command, beside this Python's (or $SOVSIM_TEST_RALPH)."""
    env = os.environ.get("SOVSIM_TEST_RALPH")
    path = Path(env) if env else Path(sys.executable).parent / "ralph"
    return path if path.is_file() else None


def lrs_python() -> Path | None:
    exe = ralph_bin()
    return exe.parent / "python" if exe else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Ralph:
    """One ralph LRS; :meth:`stop` and :meth:`start` again keep its statements."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        exe = ralph_bin()
        assert exe is not None
        self.exe = exe
        self.folder = folder
        self.port = port or free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.env = {
            **os.environ,
            "RALPH_APP_DIR": str(folder / "app"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT": "1000",
        }
        (folder / "data").mkdir(parents=True, exist_ok=True)
        if not (folder / "app" / "auth.json").is_file():
            subprocess.run(
                [
                    str(exe),
                    "auth",
                    "-u",
                    USER,
                    "-p",
                    PASSWORD,
                    "-s",
                    "all",
                    "-M",
                    "mailto:sovsim-test@example.org",
                    "-w",
                ],
                env=self.env,
                check=True,
                capture_output=True,
                timeout=120,
            )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    @property
    def auth(self) -> str:
        return f"{USER}:{PASSWORD}"

    def start(self) -> None:
        log = open(self.folder / "ralph.log", "ab")  # noqa: SIM115 - kept for the process
        self.proc = subprocess.Popen(
            [
                str(self.exe.parent / "python"),
                str(Path(__file__).with_name("ralph_server.py")),
                "127.0.0.1",
                str(self.port),
                str(self.folder / "data"),
            ],
            env=self.env,
            stdout=log,
            stderr=log,
            stdin=subprocess.DEVNULL,
            cwd=self.folder,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    "ralph did not start: "
                    + (self.folder / "ralph.log").read_text(errors="replace")[-2000:]
                )
            try:
                self.get("statements?limit=1")
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        raise RuntimeError("ralph did not answer within 60 s")

    def stop(self) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self.proc = None
        # the port is free again when nothing answers on it
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) != 0:
                    return
            time.sleep(0.1)

    def get(self, path: str) -> Any:
        req = urllib.request.Request(
            self.url + path,
            headers={
                "X-Experience-API-Version": "1.0.3",
                "Authorization": "Basic " + base64.b64encode(self.auth.encode()).decode(),
            },
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read())

    def statements(self) -> list[dict[str, Any]]:
        """Every statement the LRS holds (following its 'more' links)."""
        out: list[dict[str, Any]] = []
        page = self.get("statements?limit=500")
        while True:
            out += page["statements"]
            more = page.get("more")
            if not more:
                return out
            page = self.get(more.split("/xAPI/", 1)[1])


def check_schema(statements: list[dict[str, Any]]) -> list[str]:
    """Problems of each statement against ralph's own xAPI 1.0.3 statement model (empty:
    all valid), checked in the LRS's environment."""
    py = lrs_python()
    assert py is not None
    script = (
        "import json, sys\n"
        "from ralph.models.xapi.base.statements import BaseXapiStatement\n"
        "bad = []\n"
        "for i, line in enumerate(sys.stdin):\n"
        "    try:\n"
        "        BaseXapiStatement(**json.loads(line))\n"
        "    except Exception as err:\n"
        "        bad.append(f'{i}: {err}')\n"
        "print(json.dumps(bad))\n"
    )
    res = subprocess.run(
        [str(py), "-c", script],
        input="".join(json.dumps(s, ensure_ascii=False) + "\n" for s in statements),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(res.stdout)
