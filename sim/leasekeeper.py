"""The heartbeat of a run's lease from a thread of its own, for plain mode (which waits
on its input line, so it has no event loop to renew the lease from)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from .store import LEASE_TTL, Store, StoreError


class LeaseKeeper:
    """Renews ``owner``'s lease on ``run_id`` every ``interval`` seconds, through a
    connection of its own to the store at ``path``; :attr:`lost` is set once another
    window has taken the run over. While ``active()`` is false (the window watches), it
    renews nothing."""

    def __init__(self, path: Path, run_id: str, owner: str, *, interval: float = 10.0,
                 ttl: float = LEASE_TTL, active: Callable[[], bool] = lambda: True) -> None:
        self.path, self.run_id, self.owner, self.active = path, run_id, owner, active
        self.interval, self.ttl = interval, ttl
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sovsim-lease", daemon=True)

    def start(self) -> LeaseKeeper:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        try:
            store = Store(self.path)
        except StoreError:
            return
        try:
            while not self._stop.wait(self.interval):
                if not self.active():
                    continue
                with suppress(StoreError):
                    if not store.renew_lease(self.run_id, self.owner, ttl=self.ttl):
                        self.lost.set()
        finally:
            store.close()
