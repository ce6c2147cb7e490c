"""The browser tab's own process, as ``sovsim serve`` starts it: a Textual web driver that
keeps the terminal size within bounds, and the tab's side of sovsim's channel to the page.

``sovsim serve`` (:mod:`sim.webserve`) sets ``TEXTUAL_DRIVER`` to :class:`TabDriver`, so
every size a tab's process is told (``COLUMNS``/``ROWS`` at start, every ``resize`` message
later) is clamped here too, whatever the server in front of it let through.

The channel (the full interface is in :mod:`sim.webserve`'s docstring):

- :func:`resume_token` -- the token the page sent on (re)connecting, or None;
- :func:`send_resume_token` -- hand the page a new token to keep (``""`` makes it forget);
- :func:`mark_joined` -- this tab has joined: the server stops its join timer, and the
  pre-join CPU limit is lifted to the tab's full limit.

Outside ``sovsim serve`` (the terminal, tests with Pilot) these do nothing and return False.
"""

from __future__ import annotations

import os
import re
from typing import Any

from textual import events
from textual.drivers.web_driver import WebDriver
from textual.geometry import Size

MIN_COLS, MAX_COLS = 20, 500
MIN_ROWS, MAX_ROWS = 10, 200
DEFAULT_COLS, DEFAULT_ROWS = 80, 24

RESUME_ENV = "SOVSIM_RESUME_TOKEN"
ADDRESS_ENV = "SOVSIM_CLIENT_ADDRESS"  # the browser's address (none behind a proxy)
META_TYPE = "sovsim"  # the meta packets sovsim adds to textual-serve's protocol
TOKEN_RE = re.compile(r"[A-Za-z0-9._~-]{1,256}\Z")


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A terminal size within bounds: anything that is not a whole number is the default."""

    def whole(value: object, default: int) -> int:
        if isinstance(value, bool):
            return default
        if isinstance(value, int):
            return value
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                return default
        return default

    cols = min(max(whole(width, DEFAULT_COLS), MIN_COLS), MAX_COLS)
    rows = min(max(whole(height, DEFAULT_ROWS), MIN_ROWS), MAX_ROWS)
    return cols, rows


def valid_token(token: object) -> str | None:
    """The token if it is one the channel carries (URL-safe, at most 256 characters)."""
    return token if isinstance(token, str) and TOKEN_RE.match(token) else None


class TabDriver(WebDriver):
    """textual-serve's web driver, with every terminal size clamped (see :func:`clamp_size`)."""

    def __init__(self, app: Any, *, debug: bool = False, mouse: bool = True,
                 size: tuple[int, int] | None = None) -> None:
        if size is None:
            size = clamp_size(os.environ.get("COLUMNS"), os.environ.get("ROWS"))
        else:
            size = clamp_size(*size)
        super().__init__(app, debug=debug, mouse=mouse, size=size)

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "resize":
            self._size = clamp_size(payload.get("width"), payload.get("height"))
            size = Size(*self._size)
            self._app.post_message(events.Resize(size, size))
            return
        super().on_meta(packet_type, payload)


def _driver(app: Any) -> WebDriver | None:
    driver = getattr(app, "_driver", None)
    return driver if isinstance(driver, WebDriver) else None


def resume_token() -> str | None:
    """The resume token the page sent when this tab (re)connected, if any."""
    return valid_token(os.environ.get(RESUME_ENV))


def send_resume_token(app: Any, token: str) -> bool:
    """Ask the page to keep ``token`` and send it on every reconnect (``""``: forget it).

    False when not running under ``sovsim serve`` or when the token is not URL-safe.
    """
    driver = _driver(app)
    if driver is None or (token != "" and valid_token(token) is None):
        return False
    driver.write_meta({"type": META_TYPE, "event": "resume", "token": token})
    return True


def mark_joined(app: Any) -> bool:
    """Tell the server this tab has joined (no join timeout any more) and lift the pre-join
    CPU limit to the tab's full one. False when not running under ``sovsim serve``."""
    driver = _driver(app)
    if driver is None:
        return False
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))
    except (ImportError, ValueError, OSError):
        pass
    driver.write_meta({"type": META_TYPE, "event": "joined"})
    return True
