"""Hostile browser tabs against a real ``sovsim serve`` on loopback (attack.md, area 3):
every serve failure found there, each checked on the processes' memory and count.

Each test starts its own server (a few seconds each), so they are marked slow.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from sim import sessions
from sim.store import Store
from sim.webserve import CLOSE_FULL, CLOSE_STOPPED, CLOSE_TIMEOUT

from .servekit import (
    Served,
    Tab,
    alive,
    client,
    environ,
    free_port,
    limit,
    open_tab,
    runner,
    serving,
    sovsim_serve,
    status_kb,
    wait_until,
)

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"),
                                 reason="reads /proc and uses Linux process limits")]

MB = 1024  # /proc figures are in kB
TAB_RSS_LIMIT = 150 * MB  # a join tab takes about 50 MB; the bombs took gigabytes


@pytest.fixture
def live(tmp_path: Path, example) -> tuple[Path, str, str]:  # noqa: ANN001
    with Store(tmp_path) as store:
        made = sessions.create_session(store, [example])
    return tmp_path, made.session.id, made.join_code


@pytest.fixture
def served(live: tuple[Path, str, str]) -> Iterator[Served]:
    data, session_id, _code = live
    port = free_port()
    with serving(sovsim_serve(data, session_id, port, "--join-timeout", "120"), port) as s:
        yield s


def run(coro) -> object:  # noqa: ANN001
    return asyncio.run(coro)


def no_traceback(served: Served) -> None:
    out = served.output()
    assert "Traceback" not in out and "IndexError" not in out, out


def test_a_resize_bomb_is_clamped_and_the_tab_keeps_working(served: Served) -> None:
    """One ``resize`` of 10^8 x 1 made the tab grow 190 MB/s until killed."""

    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            tab = await open_tab(http, served)
            await tab.first_screen()
            (pid,) = served.tabs()
            for width in (100_000_000, 10**9, 2**63):
                await tab.send("resize", {"width": width, "height": 1})
            await asyncio.sleep(4)
            assert alive(pid)
            assert status_kb(pid, "VmRSS") < TAB_RSS_LIMIT, status_kb(pid, "VmRSS")
            assert status_kb(pid, "VmPeak") < 600 * MB
            before = tab.received
            await tab.send("resize", {"width": 90, "height": 30})
            assert await tab.pong()
            await asyncio.sleep(1.5)
            assert tab.received > before, "the tab no longer draws"
            await tab.close()

    run(go())
    wait_until("the tab's process to end", lambda: not served.tabs(), 10)
    no_traceback(served)


def test_a_huge_size_in_the_url_is_clamped_in_the_process(served: Served) -> None:
    """``?width=20000&height=20000`` made one process reach 2 GB and send 400 MB."""

    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            tab = await open_tab(http, served, "width=20000&height=20000")
            await tab.first_screen()
            (pid,) = served.tabs()
            env = environ(pid)
            assert (env["COLUMNS"], env["ROWS"]) == ("500", "200")
            await asyncio.sleep(3)
            assert status_kb(pid, "VmRSS") < TAB_RSS_LIMIT
            assert tab.received < 2_000_000, tab.received
            # the tab's own limits: address space, and CPU time until it joins
            assert limit(pid, "Max address space") == (str(1024 << 20), str(1024 << 20))
            assert limit(pid, "Max cpu time") == ("30", "3600")
            await tab.close()

    run(go())
    wait_until("the tab's process to end", lambda: not served.tabs(), 10)


def test_a_negative_or_nonsense_resize_crashes_nothing(served: Served) -> None:
    """``["resize", {"width": -5, "height": -5}]`` crashed the tab's app with a traceback on
    the trainer's console."""

    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            tab = await open_tab(http, served, "width=-5&height=abc")
            await tab.first_screen()
            (pid,) = served.tabs()
            for size in ({"width": -5, "height": -5}, {"width": 0, "height": 0},
                         {"width": "x"}, {}, {"width": True, "height": 1.5}):
                await tab.send("resize", size)
            await tab.ws.send_str("not json")
            await tab.ws.send_str('{"a": 1}')
            await tab.send("stdin", 123)
            await tab.send("resize", [1, 2])
            await asyncio.sleep(3)
            assert alive(pid)
            before = tab.received
            await tab.send("resize", {"width": 100, "height": 30})
            await asyncio.sleep(1.5)
            assert tab.received > before and await tab.pong()
            await tab.close()

    run(go())
    no_traceback(served)


def test_the_process_ends_with_its_websocket_even_when_it_does_not_listen(
        served: Served) -> None:
    """The resize bomb's process went on growing after its websocket closed (an orphan of
    3.9 GB). Here a tab's process is stopped (SIGSTOP: it cannot hear "quit"), then its
    websocket is closed: the process must still be gone, and a plain close ends a tab too."""

    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            deaf = await open_tab(http, served)
            plain = await open_tab(http, served)
            await deaf.first_screen()
            await plain.first_screen()
            pids = served.tabs()
            assert len(pids) == 2
            os.kill(pids[0], signal.SIGSTOP)
            await deaf.close()
            await plain.close()
            return pids

    pids = run(go())
    wait_until("both processes to be gone", lambda: not any(alive(p) for p in pids), 15)
    assert served.tabs() == []


def test_tabs_die_with_the_server(live: tuple[Path, str, str]) -> None:
    """Even a server killed with SIGKILL leaves no tab behind."""
    data, session_id, _code = live
    port = free_port()
    with serving(sovsim_serve(data, session_id, port), port) as served:

        async def go() -> list[int]:
            async with aiohttp.ClientSession() as http:
                tab = await open_tab(http, served)
                await tab.first_screen()
                pids = served.tabs()
                served.proc.kill()
                return pids

        pids = run(go())
        assert pids
        wait_until("the tab to die with the server", lambda: not any(alive(p) for p in pids),
                   10)


def test_tabs_are_capped_per_address_and_in_total(live: tuple[Path, str, str]) -> None:
    """50 websockets started 50 processes (2.3 GB)."""
    data, session_id, _code = live
    port = free_port()
    argv = sovsim_serve(data, session_id, port, "--max-tabs", "3",
                        "--max-tabs-per-address", "2")
    with serving(argv, port) as served:

        async def go() -> None:
            one, two, three = client("127.0.0.1"), client("127.0.0.2"), client("127.0.0.3")
            async with one, two, three:
                first = [await open_tab(one, served) for _ in range(2)]
                over_address = await open_tab(one, served)
                assert await over_address.closed(10) == CLOSE_FULL
                page = await one.get(served.url + "/")
                assert page.status == 503
                assert "vol" in await page.text() and "apparaat" in await page.text()
                other = await open_tab(two, served)
                flood = [await open_tab(three, served) for _ in range(10)]
                for tab in flood:
                    assert await tab.closed(10) == CLOSE_FULL
                page = await three.get(served.url + "/")
                assert page.status == 503 and "(3)" in await page.text()
                for tab in [*first, other]:
                    await tab.first_screen()
                pids = served.tabs()
                assert len(pids) == 3
                assert sum(status_kb(p, "VmRSS") for p in pids) < 3 * TAB_RSS_LIMIT
                for tab in [*first, other]:
                    await tab.close()
                for _ in range(100):  # room again once the processes have ended
                    page = await three.get(served.url + "/")
                    if page.status == 200:
                        break
                    await asyncio.sleep(0.1)
                assert page.status == 200

        run(go())
        wait_until("every tab to end", lambda: not served.tabs(), 15)
        assert "vol" in served.output()


def test_a_foreign_origin_or_host_is_refused(served: Served) -> None:
    """``Origin: http://evil.example`` was accepted (101) and a join process started: any web
    page in the trainer's browser could open the tabs."""

    async def go() -> None:
        async with aiohttp.ClientSession() as http:
            for origin in ("http://evil.example", "null", "http://127.0.0.1:1",
                           f"http://localhost.evil.example:{served.port}"):
                with pytest.raises(aiohttp.WSServerHandshakeError) as err:
                    await http.ws_connect(served.url + "/ws", origin=origin)
                assert err.value.status == 403
            refused = await http.get(served.url + "/ws", headers={
                "Origin": "http://evil.example", "Connection": "Upgrade",
                "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})
            assert refused.status == 403
            assert "andere webpagina" in await refused.text()
            # no Origin at all (not a browser page) is refused too
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await http.ws_connect(served.url + "/ws")
            # a stranger's domain name that points here (DNS rebinding)
            rebound = await http.get(served.url + "/", headers={"Host": f"evil.example:{served.port}"})
            assert rebound.status == 403
            assert served.tabs() == []
            # no directory listings of the page's files
            for folder in ("/static/", "/static/js/"):
                listing = await http.get(served.url + folder)
                assert listing.status in (403, 404) and "textual.js" not in await listing.text()
            # sovsim's own page, also by the name localhost, still works
            ws = await http.ws_connect(served.url + "/ws", origin=f"http://localhost:{served.port}",
                                       headers={"Host": f"localhost:{served.port}"})
            tab = Tab(ws)
            await tab.first_screen()
            await tab.close()

    run(go())
    assert "evil.example" in served.output()


def test_a_tab_that_never_joins_is_closed(live: tuple[Path, str, str]) -> None:
    data, session_id, _code = live
    port = free_port()
    with serving(sovsim_serve(data, session_id, port, "--join-timeout", "4"), port) as served:

        async def go() -> None:
            async with aiohttp.ClientSession() as http:
                start = time.monotonic()
                tab = await open_tab(http, served)
                await tab.first_screen()
                assert await tab.closed(20) == CLOSE_TIMEOUT
                assert 3.9 < time.monotonic() - start < 15

        run(go())
        wait_until("the idle tab's process to end", lambda: not served.tabs(), 10)


def test_a_joined_tab_is_not_timed_out_and_gets_its_full_cpu_limit(
        live: tuple[Path, str, str]) -> None:
    data, session_id, code = live
    port = free_port()
    with serving(sovsim_serve(data, session_id, port, "--join-timeout", "6"), port) as served:

        async def go() -> None:
            async with aiohttp.ClientSession() as http:
                tab = await open_tab(http, served)
                await tab.first_screen()
                await asyncio.sleep(1.0)
                for keys in (sessions.format_code(code), "\r", "Noor", "\r"):
                    await tab.type(keys)
                    await asyncio.sleep(0.5)

                def joined() -> bool:
                    with Store(data) as store:
                        return bool(store.participants(session_id))

                await asyncio.to_thread(wait_until, "Noor to join", joined, 20)
                (pid,) = served.tabs()
                await asyncio.to_thread(wait_until, "the CPU limit to be lifted",
                                        lambda: limit(pid, "Max cpu time")[0] == "3600", 10)
                await asyncio.sleep(7)  # past the join timeout
                assert not tab.ws.closed and await tab.pong()
                await tab.close()

        run(go())


def test_a_tab_over_its_cpu_or_memory_limit_is_stopped(tmp_path: Path) -> None:
    """The limits hold for any tab process: one that spins before joining and one that
    allocates without end are stopped, and the page is told (close code 4003)."""
    spin = [sys.executable, "-c", "import sys; sys.stdout.write('__GANGLION__\\n'); "
            "sys.stdout.flush()\nwhile True: pass"]
    hog = [sys.executable, "-c", "import sys; sys.stdout.write('__GANGLION__\\n'); "
           "sys.stdout.flush(); x = [bytearray(50 << 20) for _ in range(100)]"]
    for command, limits, said in ((spin, {"join_cpu_seconds": 1}, "te veel rekentijd"),
                                  (hog, {"tab_memory_mb": 300}, "een fout, code 1")):
        port = free_port()
        with serving(runner(port, limits, command), port) as served:

            async def go() -> None:
                async with aiohttp.ClientSession() as http:
                    tab = await open_tab(http, served)
                    start = time.monotonic()
                    assert await tab.closed(20) == CLOSE_STOPPED
                    assert time.monotonic() - start < 15

            run(go())
            wait_until("the process to be gone", lambda: not served.tabs(), 10)
            assert "Traceback" not in served.output()
            assert f"Een tabblad is gestopt ({said}" in served.output()
