"""Helpers for the robustness tests: what the app's screen shows, as plain text."""

from __future__ import annotations

import io
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def screen_text(app: Any) -> str:
    """Every character of the app's current screen as rendered (toasts included), no styles."""
    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False,
                      safe_box=False)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(styles=False)


def toasts(app: Any) -> list[str]:
    """The notifications on screen, rendered as the trainee sees them."""
    from textual.widgets._toast import Toast

    return [str(t.render()) for t in app.screen.query(Toast)]


@contextmanager
def hang_guard(seconds: int = 20) -> Iterator[None]:
    """Fail (rather than hang CI) when the block takes more than ``seconds``.

    Generous on purpose: the real times are measured in benchmarks/hostile.py.
    """

    def boom(*_: object) -> None:
        raise TimeoutError(f"took more than {seconds} s: a hang")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
