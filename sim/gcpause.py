"""Pausing Python's cyclic garbage collector around work that makes many small acyclic
objects (composing a large YAML file, reading a long run's steps): with much else alive the
collector would rescan it all again and again, costing more than the work itself."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Collector off inside the block, back as it was after (even on an error)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
