"""A compiled-scenario cache keyed by content hash, like Python's .pyc files.

Entries are JSON (never pickle), carry a checksum of their own body, and are
written atomically. A stale, corrupt or unreadable entry is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from . import codec
from .scenario import Scenario

FORMAT = "sovsim-cache-1"


def cache_dir() -> Path:
    env = os.environ.get("SOVSIM_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("sovsim", appauthor=False)) / "scenarios"


def enabled() -> bool:
    return os.environ.get("SOVSIM_NO_CACHE", "") in ("", "0")


def _entry(digest: str) -> Path:
    return cache_dir() / f"{digest}.json"


def get(digest: str) -> Scenario | None:
    if not enabled():
        return None
    try:
        raw = _entry(digest).read_bytes()
        head, _, body = raw.partition(b"\n")
        meta = json.loads(head)
        if meta.get("format") != FORMAT or meta.get("key") != digest:
            return None
        if meta.get("sha256") != hashlib.sha256(body).hexdigest():
            return None
        scenario = codec.load(json.loads(body))
    except Exception:  # noqa: BLE001 - any damage means: rebuild
        return None
    if scenario.content_hash != digest:
        return None
    return scenario


def put(digest: str, scenario: Scenario) -> None:
    if not enabled():
        return
    try:
        body = json.dumps(codec.dump(scenario), separators=(",", ":"),
                          ensure_ascii=False).encode()
        head = json.dumps({"format": FORMAT, "key": digest,
                           "sha256": hashlib.sha256(body).hexdigest()}).encode()
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(head + b"\n" + body)
            os.replace(tmp, _entry(digest))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a cache that cannot be written only costs speed
