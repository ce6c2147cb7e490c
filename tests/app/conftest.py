"""Helpers for the app's tests: an app on the fixture scenarios with a given data folder."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SCENARIO_DIR = HERE / "scenarios"
STEMPAS = SCENARIO_DIR / "stempas.yaml"
BROKEN = SCENARIO_DIR / "kapot.yaml"


def make_app(data_dir: Path, lang: str = "nl", **kw: Any) -> Any:
    """The app on the fixture scenarios: text at once, no blinking, no animation."""
    from sim.app.app import Options, SovsimApp

    opts = dict(scenario_dirs=[SCENARIO_DIR], pace="off", lang=lang, data_dir=data_dir,
                blink=False, animations=False)
    opts.update(kw)
    return SovsimApp(Options(**opts))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def aio(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test (Textual's pilot) to completion."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run
