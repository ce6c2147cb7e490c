"""The hardened serve's rules, without a server: sizes, tokens, origins and hosts, the
tab's own driver, and the page it serves (the real server: tests/robustness/
test_serve_hostile.py; the page in a browser: test_serve_browser.py)."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import pytest
from textual import events

from sim.commands.live import TEMPLATES
from sim.i18n import t
from sim.webserve import Limits, SovsimServer
from sim.webtab import (
    MAX_COLS,
    MAX_ROWS,
    MIN_COLS,
    MIN_ROWS,
    TabDriver,
    clamp_size,
    mark_joined,
    send_resume_token,
    valid_token,
)


@pytest.mark.parametrize(("given", "expected"), [
    ((80, 24), (80, 24)),
    ((100_000_000, 1), (MAX_COLS, MIN_ROWS)),
    ((-5, -5), (MIN_COLS, MIN_ROWS)),
    ((0, 10**9), (MIN_COLS, MAX_ROWS)),
    (("20000", "20000"), (MAX_COLS, MAX_ROWS)),
    (("x", None), (80, 24)),
    ((True, 1.5), (80, 24)),
    ((" 120 ", "40"), (120, 40)),
])
def test_terminal_sizes_are_clamped(given: tuple[Any, Any], expected: tuple[int, int]) -> None:
    assert clamp_size(*given) == expected


def test_resume_tokens_are_url_safe_and_short() -> None:
    assert valid_token("aB3-_.~x") == "aB3-_.~x"
    for bad in ("", "a b", "a&resume=b", "x" * 257, None, 5, "é", "a\n"):
        assert valid_token(bad) is None


class FakeApp:
    def __init__(self) -> None:
        self.posted: list[Any] = []

    def post_message(self, message: Any) -> None:
        self.posted.append(message)


def test_the_tab_process_clamps_sizes_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a server in front lets through, the tab's driver keeps sizes in bounds."""
    import textual.drivers.web_driver as web_driver

    monkeypatch.setattr(web_driver, "InputReader", lambda: None)  # no stdin in a test
    monkeypatch.setenv("COLUMNS", "20000")
    monkeypatch.setenv("ROWS", "-3")
    app = FakeApp()

    async def drive() -> TabDriver:  # a driver belongs to a running event loop
        driver = TabDriver(app)  # type: ignore[arg-type]
        driver.on_meta("resize", {"width": 100_000_000, "height": 1})
        driver.on_meta("resize", {"width": "nonsense"})
        return driver

    driver = asyncio.run(drive())
    assert driver._size == (80, 24)  # the last one
    app2 = FakeApp()

    async def first() -> TabDriver:
        return TabDriver(app2)  # type: ignore[arg-type]

    assert asyncio.run(first())._size == (MAX_COLS, MIN_ROWS)
    sizes = [m.size for m in app.posted if isinstance(m, events.Resize)]
    assert [(s.width, s.height) for s in sizes] == [(MAX_COLS, MIN_ROWS), (80, 24)]


def test_the_channel_does_nothing_outside_serve() -> None:
    app = FakeApp()
    assert send_resume_token(app, "tok") is False
    assert mark_joined(app) is False


def server(**kw: Any) -> SovsimServer:
    return SovsimServer(["true"], host=kw.pop("host", "127.0.0.1"), port=8123,
                        templates_path=TEMPLATES, **kw)


def test_only_sovsims_own_page_may_open_a_tab() -> None:
    s = server()
    assert s.origin_allowed("http://127.0.0.1:8123", "127.0.0.1:8123")
    assert s.origin_allowed("http://localhost:8123", "localhost:8123")
    for origin in ("http://evil.example", "null", "", None, "http://127.0.0.1:8124",
                   "file://", "http://127.0.0.1:8123.evil.example"):
        assert not s.origin_allowed(origin, "127.0.0.1:8123"), origin
    # behind a TLS reverse proxy: the public address is the page's origin
    proxied = server(public_url="https://sovsim.example.nl")
    assert proxied.origin_allowed("https://sovsim.example.nl", "127.0.0.1:8123")
    assert not proxied.origin_allowed("https://evil.example", "127.0.0.1:8123")


def test_hosts_are_addresses_or_this_machines_names() -> None:
    s = server(public_url="https://sovsim.example.nl")
    for host in ("127.0.0.1:8123", "[::1]:8123", "192.168.1.23:8123", "localhost:8123",
                 "sovsim.example.nl", os.uname().nodename + ":8123"):
        assert s.host_allowed(host), host
    for host in ("evil.example:8123", "", "localhost.evil.example"):
        assert not s.host_allowed(host), host


def test_the_page_says_everything_in_the_sessions_language() -> None:
    for lang in ("nl", "en"):
        texts = server(lang=lang).page_texts()
        assert texts["lost"] == t("serve.page.lost", lang)
        assert all(texts.values())
    assert server(lang="nl").page_texts()["lost"] != server(lang="en").page_texts()["lost"]


def test_limits_default_to_a_room_of_trainees() -> None:
    lim = Limits()
    assert lim.max_tabs >= 30 and lim.max_tabs_per_address >= 4
    assert lim.join_cpu_seconds < lim.tab_cpu_seconds


def test_a_tab_gets_its_browsers_address_for_the_join_throttle_unless_proxied() -> None:
    from sim.webserve import TabService
    from sim.webtab import ADDRESS_ENV

    def env(address: str) -> dict[str, str]:
        tab = TabService(["sovsim"], limits=Limits(), resume=None, on_event=lambda m: None,
                         address=address, write_bytes=None, write_str=None, close=None,
                         download_manager=None)
        return tab._build_environment(80, 24)

    assert env("192.168.1.23")[ADDRESS_ENV] == "192.168.1.23"
    assert ADDRESS_ENV not in env("")
    assert not server().behind_proxy and server(public_url="https://x.example").behind_proxy
