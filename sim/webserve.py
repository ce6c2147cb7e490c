"""sovsim's front for browser tabs: textual-serve's server, hardened against hostile tabs.

Every browser tab gets its own ``sovsim join`` process, as with textual-serve, but:

- **sizes** are clamped where they enter (the URL's ``?width/height``, every ``resize``
  message) and again in the tab's process (:class:`sim.webtab.TabDriver`);
- **a tab's process** runs in its own process group with an address-space limit
  (``--tab-memory``), a CPU-time limit of :attr:`Limits.join_cpu_seconds` until it has joined
  (then :attr:`Limits.tab_cpu_seconds`), and dies with the server (``PR_SET_PDEATHSIG``). It
  ends with its websocket: asked to quit, then its whole group is killed after a grace time;
- **tabs are capped**: at most ``--max-tabs`` at once and ``--max-tabs-per-address`` from one
  address; a full session answers with a page saying so (Dutch or English);
- **the Origin** of a websocket must be the address being served, and the ``Host`` must be
  one of this machine's names or an IP address (against DNS rebinding): others get 403;
- **tabs that never join** are closed after ``--join-timeout`` seconds;
- **the banner** is printed only once the port is really listening.

The page <-> tab channel (for the resume token; ``sim/serve_templates/app_index.html``)
---------------------------------------------------------------------------------------
Page to server: the page keeps a token string in ``sessionStorage["sovsim-resume"]`` (JS:
``window.sovsimResume.get() / .set(token) / .clear()``) and adds it to every websocket
(re)connect as the query parameter ``resume=<token>``. The server passes a valid token
(``[A-Za-z0-9._~-]{1,256}``, else ignored) to the tab's process as the environment variable
``SOVSIM_RESUME_TOKEN`` (read it with :func:`sim.webtab.resume_token`).

Tab process to page: the process writes a textual-serve meta packet
``{"type": "sovsim", "event": "resume", "token": "<token>"}`` (:func:`sim.webtab.
send_resume_token`); the server forwards it to the page as the websocket text message
``["sovsim_resume", "<token>"]``, and the page stores it (an empty token clears it).
``{"type": "sovsim", "event": "joined"}`` (:func:`sim.webtab.mark_joined`) tells the server
the tab has joined: no join timeout any more, and the tab's full CPU limit.

Liveness and endings: the page sends ``["sovsim_ping", "<n>"]`` every few seconds and the
server answers ``["sovsim_pong", "<n>"]``; no answer for 8 s, or a dropped socket, shows
"connection lost" and the page reconnects by itself (it polls ``/sovsim/alive``, then
reloads, sending the token). The server closes a websocket with a code that says why:
:data:`CLOSE_ENDED` (the app ended), :data:`CLOSE_FULL`, :data:`CLOSE_TIMEOUT` (never
joined), :data:`CLOSE_STOPPED` (the process died: a limit or a crash).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import ipaddress
import json
import logging
import os
import signal
import socket
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from markupsafe import Markup
from textual_serve.app_service import AppService
from textual_serve.server import Server

from .i18n import t
from .webtab import ADDRESS_ENV, META_TYPE, RESUME_ENV, clamp_size, valid_token

log = logging.getLogger("sovsim.serve")

CLOSE_ENDED = 4000
CLOSE_FULL = 4001
CLOSE_TIMEOUT = 4002
CLOSE_STOPPED = 4003

FULL_RETRY_SECONDS = 15
HEARTBEAT_SECONDS = 15.0
MAX_MESSAGE_BYTES = 1 << 20  # a paste of a few hundred KB still fits
QUIT_GRACE_SECONDS = 2.0
STDERR_KEEP_BYTES = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """What one ``sovsim serve`` allows its tabs (``sovsim serve --help`` sets the first four)."""

    max_tabs: int = 40
    max_tabs_per_address: int = 10  # 0: no per-address cap
    tab_memory_mb: int = 1024  # address space (RLIMIT_AS) of each tab's process; 0: none
    join_timeout: float = 600.0  # seconds a tab may stay without joining; 0: forever
    join_cpu_seconds: int = 30  # CPU time a tab may use before it has joined
    tab_cpu_seconds: int = 3600  # CPU time a tab may use in all


@dataclass
class Tab:
    """One browser tab and its process."""

    address: str
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    started: float = field(default_factory=time.monotonic)
    joined: bool = False
    close_code: int | None = None
    service: TabService | None = None


def _child_limits(memory_bytes: int, cpu_soft: int, cpu_hard: int) -> None:
    """Runs in the forked child before exec: the tab's limits (Linux; best effort elsewhere)."""
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if memory_bytes > 0:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_soft, cpu_hard))
    if _LIBC is not None:
        _LIBC.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG: die with the server


def _load_libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _load_libc()


class TabService(AppService):
    """One tab's process: started without a shell, limited, and killed with its group."""

    def __init__(self, argv: list[str], *, limits: Limits, resume: str | None,
                 on_event: Callable[[dict[str, Any]], Any], verbose: bool = False,
                 address: str = "", **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self.limits = limits
        self.resume = resume
        self.address = address
        self.on_event = on_event
        self.verbose = verbose
        self.exited_cleanly = False
        self.stderr_tail = b""

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        env = super()._build_environment(*clamp_size(width, height))
        env["TEXTUAL_DRIVER"] = "sim.webtab:TabDriver"
        env.pop(RESUME_ENV, None)
        env.pop(ADDRESS_ENV, None)
        if self.resume:
            env[RESUME_ENV] = self.resume
        if self.address:  # wrong codes are counted per device too (sim.groupui.join)
            env[ADDRESS_ENV] = self.address
        return env

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        lim = self.limits
        memory = lim.tab_memory_mb * 1024 * 1024 if lim.tab_memory_mb > 0 else 0
        cpu_hard = max(lim.tab_cpu_seconds, lim.join_cpu_seconds)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, env=self._build_environment(width, height),
            start_new_session=True,
            preexec_fn=partial(_child_limits, memory, lim.join_cpu_seconds, cpu_hard))
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def send_meta(self, data: dict[str, str | None | int | bool]) -> bool:
        if self._process is None or self._process.returncode is not None:
            return False
        return await super().send_meta(data)

    async def send_bytes(self, data: bytes) -> bool:
        if self._process is None or self._process.returncode is not None:
            return False
        return await super().send_bytes(data)

    async def on_meta(self, data: bytes) -> None:
        try:
            meta = json.loads(data)
        except ValueError:
            return
        if not isinstance(meta, dict):
            return
        if meta.get("type") == META_TYPE:
            result = self.on_event(meta)
            if asyncio.iscoroutine(result):
                await result
            return
        if meta.get("type") == "exit":
            self.exited_cleanly = True
        await super().on_meta(data)

    async def run(self) -> None:
        """Relay the process's packets to the browser until it ends (textual-serve's loop,
        with its stderr kept short and off the trainer's console)."""
        process = self._process
        assert process is not None and process.stdout is not None and process.stderr is not None
        stdout, stderr = process.stdout, process.stderr

        async def read_stderr() -> None:
            with contextlib.suppress(asyncio.CancelledError):
                while data := await stderr.read(4096):
                    self.stderr_tail = (self.stderr_tail + data)[-STDERR_KEEP_BYTES:]

        stderr_task = asyncio.create_task(read_stderr())
        try:
            for _ in range(10):  # the prelude: a Textual app says so first
                line = await stdout.readline()
                if not line or line == b"__GANGLION__\n":
                    break
            while True:
                kind = await stdout.readexactly(1)
                size = int.from_bytes(await stdout.readexactly(4), "big")
                payload = await stdout.readexactly(size)
                if kind == b"D":
                    await self.on_data(payload)
                elif kind == b"M":
                    await self.on_meta(payload)
                elif kind == b"P":
                    await self.on_packed(payload)
        except (asyncio.IncompleteReadError, ConnectionResetError, asyncio.CancelledError):
            pass
        except Exception:  # a websocket gone mid-write, a broken packet: the tab ends
            log.debug("tab relay ended", exc_info=True)
        finally:
            stderr_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await stderr_task
            with contextlib.suppress(ProcessLookupError):
                await asyncio.wait_for(process.wait(), QUIT_GRACE_SECONDS)
            if self.verbose and self.stderr_tail:
                sys.stdout.write(self.stderr_tail.decode("utf-8", "replace"))

    async def stop(self) -> None:
        """Ask the app to quit; after a grace time kill its whole process group."""
        process = self._process
        if process is None:
            return
        with contextlib.suppress(Exception):
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.send_meta({"type": "quit"}), 1.0)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.shield(process.wait()), QUIT_GRACE_SECONDS)
        self.kill_group()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(process.wait(), 5.0)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None

    def kill_group(self) -> None:
        """SIGKILL the process and everything it started (its own process group)."""
        pid = self.pid
        if pid is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)


def _host_name(host_header: str) -> str:
    """The name part of a Host header: ``[::1]:8000`` -> ``::1``, ``a.b:80`` -> ``a.b``."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc.lower()}"


class SovsimServer(Server):
    """textual-serve's :class:`~textual_serve.server.Server`, hardened (see the module)."""

    def __init__(self, argv: list[str], *, host: str, port: int, lang: str = "nl",
                 limits: Limits | None = None, public_url: str | None = None,
                 templates_path: Path, banner: Callable[[SovsimServer], None] | None = None,
                 verbose: bool = False, title: str = "sovsim") -> None:
        super().__init__(" ".join(argv), host=host, port=port, title=title,
                         public_url=public_url, templates_path=templates_path)
        self.argv = argv
        self.lang = lang
        self.limits = limits or Limits()
        # behind a reverse proxy (--public-url) every tab comes from the proxy's address:
        # no address is handed to the tabs then, so one device cannot lock out the room
        self.behind_proxy = public_url is not None
        self.banner = banner
        self.verbose = verbose
        self.tabs: dict[str, Tab] = {}
        self._sockets: dict[str, web.WebSocketResponse] = {}
        self._stop: asyncio.Event | None = None
        self._refusals_logged = 0
        self._refusal_window = time.monotonic()
        names = {"localhost", "localhost.localdomain"}
        for name in (socket.gethostname(), socket.getfqdn()):
            if name:
                names |= {name.lower(), f"{name.lower()}.local"}
        public_host = urlsplit(self.public_url).hostname
        if public_host:
            names.add(public_host.lower())
        if host and not _is_ip(host):
            names.add(host.lower())
        self.host_names = names

    # -- the web application -------------------------------------------------------------
    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.get("/sovsim/alive", self.handle_alive, name="alive"),
            web.static("/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_shutdown.append(self.on_shutdown)
        return app

    def host_allowed(self, host_header: str) -> bool:
        """An IP address or one of this machine's names: not a stranger's domain name that
        points here (DNS rebinding)."""
        name = _host_name(host_header)
        return bool(name) and (_is_ip(name) or name in self.host_names)

    def origin_allowed(self, origin: str | None, host_header: str) -> bool:
        """The page that opens a websocket must be sovsim's own: its origin is the address
        the request was made to, or the public address (behind a reverse proxy)."""
        if not origin:
            return False
        got = _origin_of(origin)
        if got is None:
            return False
        if got.split("://", 1)[1] == host_header.strip().lower():
            return True
        return got == _origin_of(self.public_url)

    def _say_refusal(self, line: str) -> None:
        """Tell the trainer's console, at most 20 lines a minute (a flood of refusals must
        not flood the console)."""
        now = time.monotonic()
        if now - self._refusal_window > 60:
            self._refusal_window, self._refusals_logged = now, 0
        if self._refusals_logged < 20:
            self._refusals_logged += 1
            print(line, file=sys.stderr, flush=True)

    def _refuse(self, what: str, text: str) -> web.Response:
        self._say_refusal(t("serve.console.refused", self.lang, what=what))
        return web.Response(status=403, text=text + "\n")

    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        host = request.headers.get("Host", "")
        if not self.host_allowed(host):
            return self._refuse(f"Host {host[:80]!r}", t("serve.refused.host", self.lang,
                                                        host=host[:80]))
        if request.path == "/ws":
            origin = request.headers.get("Origin")
            if not self.origin_allowed(origin, host):
                shown = (origin or "-")[:80]
                return self._refuse(f"Origin {shown!r}",
                                    t("serve.refused.origin", self.lang, origin=shown))
        return await handler(request)

    async def handle_alive(self, request: web.Request) -> web.Response:
        return web.Response(status=204, headers={"Cache-Control": "no-store"})

    # -- the page ------------------------------------------------------------------------
    def _full_reason(self, address: str) -> str | None:
        lim = self.limits
        if len(self.tabs) >= lim.max_tabs:
            return "total"
        if lim.max_tabs_per_address > 0 and \
                sum(1 for tab in self.tabs.values() if tab.address == address) \
                >= lim.max_tabs_per_address:
            return "address"
        return None

    def page_texts(self) -> dict[str, str]:
        keys = ("lost", "reconnecting", "ended", "timeout", "stopped", "again")
        texts = {key: t(f"serve.page.{key}", self.lang) for key in keys}
        texts["full"] = t("serve.full.title", self.lang) + ". " + \
            t("serve.full.retry", self.lang, seconds=FULL_RETRY_SECONDS)
        return texts

    def full_page(self, reason: str) -> web.Response:
        lang = self.lang
        n = self.limits.max_tabs if reason == "total" else self.limits.max_tabs_per_address
        title = html.escape(t("serve.full.title", lang))
        body = html.escape(t(f"serve.full.{reason}", lang, n=n))
        retry = html.escape(t("serve.full.retry", lang, seconds=FULL_RETRY_SECONDS))
        page = (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="{FULL_RETRY_SECONDS}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title}</title><style>body{{background:#0c181f;color:#f2f2f2;"
            "font:18px/1.5 system-ui,sans-serif;display:flex;align-items:center;"
            "justify-content:center;min-height:90vh;margin:0}main{max-width:34em;padding:2em;"
            "background:#12232d;margin:1em}h1{font-size:1.4em;margin-top:0}</style></head>"
            f"<body><main><h1>{title}</h1><p>{body}</p><p>{retry}</p></main></body></html>")
        return web.Response(status=503, text=page, content_type="text/html",
                            headers={"Retry-After": str(FULL_RETRY_SECONDS),
                                     "Cache-Control": "no-store"})

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        reason = self._full_reason(request.remote or "")
        if reason:
            return self.full_page(reason)
        router = request.app.router
        base = self.public_url.rstrip("/")
        ws_url = f"{base}{router['websocket'].url_for()}"
        ws_url = ("wss:" if ws_url.startswith("https") else "ws:") + ws_url.split(":", 1)[1]
        try:
            font_size = min(max(int(request.query.get("fontsize", "16")), 8), 48)
        except ValueError:
            font_size = 16
        texts = Markup(json.dumps(self.page_texts()).replace("<", "\\u003c"))  # JSON in a script
        context = {
            "font_size": font_size,
            "app_websocket_url": ws_url,
            "config": {"static": {"url": f"{base}{router['static'].url_for(filename='/')}"
                                  .rstrip("/") + "/"}},
            "application": {"name": self.title},
            "lang": self.lang,
            "texts_json": texts,
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        return response

    # -- the websocket -------------------------------------------------------------------
    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        address = request.remote or ""
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT_SECONDS,
                                          max_msg_size=MAX_MESSAGE_BYTES)
        await websocket.prepare(request)
        reason = self._full_reason(address)  # after the await: no race past the cap
        if reason:
            n = self.limits.max_tabs if reason == "total" else self.limits.max_tabs_per_address
            self._say_refusal(t("serve.console.full", self.lang, n=n))
            await websocket.close(code=CLOSE_FULL, message=b"full")
            return websocket
        tab = Tab(address=address)
        self.tabs[tab.id] = tab  # counted before the next await
        self._sockets[tab.id] = websocket
        width, height = clamp_size(request.query.get("width"), request.query.get("height"))

        async def close(code: int = CLOSE_ENDED) -> None:
            if tab.close_code is None:
                tab.close_code = code
            with contextlib.suppress(Exception):
                await websocket.close(code=tab.close_code)

        async def event(meta: dict[str, Any]) -> None:
            kind = meta.get("event")
            if kind == "joined":
                tab.joined = True
            elif kind == "resume":
                token = meta.get("token")
                if token == "" or valid_token(token):
                    with contextlib.suppress(Exception):
                        await websocket.send_str(json.dumps(["sovsim_resume", token]))

        service = TabService(
            self.argv, limits=self.limits, resume=valid_token(request.query.get("resume")),
            on_event=event, verbose=self.verbose,
            address="" if self.behind_proxy else address, write_bytes=websocket.send_bytes,
            write_str=websocket.send_str, close=close, download_manager=self.download_manager,
            debug=self.debug)
        tab.service = service
        timer: asyncio.Task[None] | None = None
        try:
            await service.start(width, height)
            assert service._task is not None
            service._task.add_done_callback(
                lambda _task: asyncio.ensure_future(self._process_ended(tab, close)))
            if self.limits.join_timeout > 0:
                timer = asyncio.create_task(self._join_timer(tab, close))
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            pass
        except Exception:
            log.exception("tab %s failed", tab.id)
        finally:
            if timer is not None:
                timer.cancel()
            await service.stop()
            self.tabs.pop(tab.id, None)
            self._sockets.pop(tab.id, None)
            if not websocket.closed:
                await close(CLOSE_STOPPED)
        return websocket

    async def _process_ended(self, tab: Tab, close: Callable[[int], Any]) -> None:
        service = tab.service
        if service is None or tab.close_code is not None:
            return
        if not service.exited_cleanly:
            code = service._process.returncode if service._process else None
            if code == -signal.SIGXCPU:
                why = t("serve.console.why.cpu", self.lang)
            elif code is not None and code < 0:
                why = t("serve.console.why.signal", self.lang, signal=-code)
            else:
                why = t("serve.console.why.error", self.lang, code=code)
            self._say_refusal(t("serve.console.tab_stopped", self.lang, why=why))
        await close(CLOSE_ENDED if service.exited_cleanly else CLOSE_STOPPED)

    async def _join_timer(self, tab: Tab, close: Callable[[int], Any]) -> None:
        await asyncio.sleep(self.limits.join_timeout)
        if not tab.joined:
            await close(CLOSE_TIMEOUT)

    async def _process_messages(self, websocket: web.WebSocketResponse,
                                app_service: AppService) -> None:
        """What a browser may send; anything else is ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(*clamp_size(data.get("width"),
                                                                data.get("height")))
            elif kind in ("ping", "sovsim_ping") and isinstance(data, str) and len(data) <= 64:
                pong = "pong" if kind == "ping" else "sovsim_pong"
                await websocket.send_json([pong, data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()

    # -- running -------------------------------------------------------------------------
    async def on_startup(self, app: web.Application) -> None:  # textual-serve's banner: none
        return None

    async def on_shutdown(self, app: web.Application) -> None:
        for tab_id, websocket in list(self._sockets.items()):
            tab = self.tabs.get(tab_id)
            if tab is not None and tab.service is not None:
                tab.service.kill_group()
            with contextlib.suppress(Exception):
                await websocket.close(code=1001)

    def request_exit(self) -> None:
        if self._stop is not None:
            self._stop.set()

    async def run(self) -> None:
        """Listen (an OSError when the port is taken, before any banner), then serve until
        SIGINT/SIGTERM; every tab's process is ended on the way out."""
        self._stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, self.request_exit)
        runner = web.AppRunner(await self._make_app(), handle_signals=False,
                               shutdown_timeout=5.0, access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
            if self.banner is not None:
                self.banner(self)
            await self._stop.wait()
        finally:
            await runner.cleanup()

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
        self.initialize_logging()
        asyncio.run(self.run())
