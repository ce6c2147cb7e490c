"""Helpers for the serve tests: a real server on loopback, websocket tabs driven as
xterm.js drives them, and what the server's child processes use (from /proc)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[2]


_HANDED: set[int] = set()


def free_port() -> int:
    """A free loopback port not handed out before in this process: from
    ``SOVSIM_TEST_PORTS`` ("8100-8199") if set, else any the system gives."""
    import random

    given = os.environ.get("SOVSIM_TEST_PORTS")
    if given:
        low, high = map(int, given.split("-"))
        candidates = random.sample(range(low, high + 1), high - low + 1)
    else:
        candidates = [0] * 20
    for port in candidates:
        if port in _HANDED:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            port = s.getsockname()[1]
        if port not in _HANDED:
            _HANDED.add(port)
            return port
    raise RuntimeError(f"no free port in {given or 'the system range'}")


def children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        kids = [p for p, pp in parents.items() if pp == parent]
        found += kids
        todo += kids
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def status_kb(pid: int, field: str) -> int:
    """A ``/proc/PID/status`` figure in kB (VmRSS, VmPeak, ...); 0 when the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def limit(pid: int, name: str) -> tuple[str, str]:
    """The (soft, hard) limit named ``name`` in ``/proc/PID/limits`` ("Max cpu time")."""
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith(name):
            soft, hard = line[len(name):].split()[:2]
            return soft, hard
    raise KeyError(name)


def environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode(errors="replace").split("=", 1) for item in raw if b"=" in item)


def wait_until(what: str, check: Callable[[], object], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@dataclass
class Served:
    """A running server: its process, its address and everything it printed."""

    proc: subprocess.Popen[str]
    port: int
    log: list[str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def origin(self) -> str:
        return self.url

    def tabs(self) -> list[int]:
        return [p for p in children(self.proc.pid) if alive(p)]

    def output(self) -> str:
        return "".join(self.log)


@contextlib.contextmanager
def serving(argv: list[str], port: int, *, env: dict[str, str] | None = None
            ) -> Iterator[Served]:
    """Start ``argv`` (a server that prints a line with "serving"/"serves" once it listens),
    yield it, then stop it and every process it left (its own process group)."""
    import threading

    proc = subprocess.Popen(argv, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT),
                                                  **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    log: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            log.append(line)
            if "serv" in line and "http://" in line:
                ready.set()
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        if not ready.wait(60) or proc.poll() is not None:
            raise AssertionError("the server did not start:\n" + "".join(log))
        yield Served(proc, port, log)
    finally:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # anything the test itself left


def sovsim_serve(data: Path, session_id: str, port: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "sim.cli", "--data-dir", str(data), "serve", "--port",
            str(port), "--session", session_id, *extra]


def runner(port: int, limits: dict[str, Any], command: list[str], *extra: str) -> list[str]:
    """A :class:`~sim.webserve.SovsimServer` running ``command`` in every tab."""
    return [sys.executable, "-m", "tests.robustness.serve_runner", str(port),
            json.dumps(limits), *extra, "--", *command]


class Tab:
    """One websocket tab, driven as xterm.js drives it."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.received = 0
        self.texts: list[Any] = []
        self.screen = b""
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.received += len(message.data)
                self.screen = (self.screen + message.data)[-200_000:]
            elif message.type == aiohttp.WSMsgType.TEXT:
                self.texts.append(json.loads(message.data))

    async def send(self, *envelope: Any) -> None:
        await self.ws.send_str(json.dumps(list(envelope)))

    async def type(self, text: str) -> None:
        await self.send("stdin", text)

    async def first_screen(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while self.received < 500 and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        assert self.received >= 500, "the tab never drew its screen"

    async def closed(self, timeout: float = 30.0) -> int | None:
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(asyncio.shield(self._reader), timeout)
        return self.ws.close_code if self.ws.closed else None

    async def pong(self, timeout: float = 10.0) -> bool:
        marker = f"t{time.monotonic_ns()}"
        await self.send("sovsim_ping", marker)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if ["sovsim_pong", marker] in self.texts:
                return True
            await asyncio.sleep(0.05)
        return False

    async def close(self) -> None:
        await self.ws.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self._reader, 5)


async def open_tab(session: aiohttp.ClientSession, served: Served, query: str = "width=80&height=24",
                   *, origin: str | None = None) -> Tab:
    ws = await session.ws_connect(f"{served.url}/ws?{query}", origin=origin or served.origin)
    return Tab(ws)


def client(local: str = "127.0.0.1") -> aiohttp.ClientSession:
    """An HTTP client whose connections come from the loopback address ``local``."""
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(local, 0)))


class Outage:
    """A TCP proxy on loopback that can drop the network: :meth:`cut` closes every
    connection through it and refuses new ones until :meth:`restore`; :meth:`hold` lets
    nothing through but keeps the connections (a short outage) until :meth:`release`."""

    def __init__(self, target_port: int, port: int) -> None:
        import threading

        self.target_port, self.port = target_port, port
        self.down = False
        self._flowing: asyncio.Event | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._started.wait(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._client, "127.0.0.1", self.port))
        self._started.set()
        self._loop.run_forever()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.down:
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        self._writers |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(Exception):
                while data := await src.read(65536):
                    assert self._flowing is not None
                    await self._flowing.wait()
                    dst.write(data)
                    await dst.drain()
            dst.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._writers -= {writer, up_writer}

    def cut(self) -> None:
        def drop() -> None:
            self.down = True
            for writer in list(self._writers):
                writer.transport.abort()

        self._loop.call_soon_threadsafe(drop)

    def hold(self) -> None:
        assert self._flowing is not None
        self._loop.call_soon_threadsafe(self._flowing.clear)

    def release(self) -> None:
        assert self._flowing is not None
        self._loop.call_soon_threadsafe(self._flowing.set)

    def restore(self) -> None:
        self._loop.call_soon_threadsafe(setattr, self, "down", False)

    def close(self) -> None:
        self.cut()
        self._loop.call_soon_threadsafe(self._server.close)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
