"""A compiled-scenario cache keyed by content hash, like Python's .pyc files.

An entry is text: a header line (format, key, checksum of the rest), a line of
scenario metadata as JSON, then one line per node, ``id<TAB>json``. Nodes are
decoded lazily. Entries are never pickle, carry a checksum of their body, and
are written atomically; a stale, corrupt or unreadable entry is ignored and
rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from . import codec
from .scenario import Scenario

FORMAT = "sovsim-cache-3"  # 3: scenario tips (issue 12)


def cache_dir() -> Path:
    env = os.environ.get("SOVSIM_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("sovsim", appauthor=False)) / "scenarios"


def enabled() -> bool:
    return os.environ.get("SOVSIM_NO_CACHE", "") in ("", "0")


def _entry(digest: str) -> Path:
    return cache_dir() / f"{digest}.txt"


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
        text = body.decode("utf-8")
        first, _, rest = text.partition("\n")
        nodes: dict[str, str] = {}
        for line in rest.splitlines():
            node_id, sep, data = line.partition("\t")
            if not sep:
                return None
            nodes[node_id] = data
        scenario = codec.load_meta(json.loads(first), codec.LazyNodes(nodes))
        if scenario.content_hash != digest or scenario.start not in nodes:
            return None
        scenario.nodes[scenario.start]  # decodes: a broken entry fails here, not later
    except Exception:  # noqa: BLE001 - any damage means: rebuild
        return None
    return scenario


def put(digest: str, scenario: Scenario) -> None:
    if not enabled():
        return
    try:
        parts = [json.dumps(codec.dump_meta(scenario), ensure_ascii=False, separators=(",", ":"))]
        for node in scenario.nodes.values():
            parts.append(node.id + "\t" + json.dumps(codec.dump_node(node), ensure_ascii=False,
                                                     separators=(",", ":")))
        body = "\n".join(parts).encode("utf-8")
        head = json.dumps({"format": FORMAT, "key": digest,
                           "sha256": hashlib.sha256(body).hexdigest()}).encode()
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".txt")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(head + b"\n" + body)
            os.replace(tmp, _entry(digest))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a cache that cannot be written only costs speed
