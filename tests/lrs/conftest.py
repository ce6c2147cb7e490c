"""Fixtures of the learning-record tests: a real ralph LRS when it can be had."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .realrs import INSTALL, Ralph, ralph_bin


def need_ralph() -> None:
    if ralph_bin() is None:
        if os.environ.get("CI"):
            pytest.fail(f"ralph (a real LRS) must be installed in CI: {INSTALL}")
        pytest.skip(f"ralph (a real LRS) is not installed here; install it with: {INSTALL}")


@pytest.fixture
def ralph(tmp_path: Path) -> Iterator[Ralph]:
    need_ralph()
    lrs = Ralph(tmp_path / "ralph")
    lrs.start()
    try:
        yield lrs
    finally:
        lrs.stop()
