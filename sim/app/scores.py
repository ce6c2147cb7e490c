"""A finished run's overall score for lists (results, best result), remembered between starts.

The overall score is the mean of the run's assessed 0-100 dimension scores, from
scoring's debrief. Working it out explores the scenario, so results are kept in a
small JSON file in the cache folder, keyed by rubric and run (and its last update).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..cache import cache_dir
from ..store import RunRecord

FILE = "run-scores.json"


class ScoreCache:
    def __init__(self, rubric_key: str) -> None:
        self.rubric_key = rubric_key
        self.path = cache_dir() / FILE
        self._data: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        if self._data is None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self._data = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                self._data = {}
        return self._data

    def key(self, rec: RunRecord) -> str:
        return f"{self.rubric_key}|{rec.id}|{rec.updated}"

    def get(self, rec: RunRecord) -> tuple[bool, int | None]:
        data = self._load()
        k = self.key(rec)
        return (k in data, data.get(k))

    def put(self, rec: RunRecord, value: int | None) -> None:
        data = self._load()
        data[self.key(rec)] = value
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            os.replace(tmp, self.path)
        except OSError:
            pass  # a cache that cannot be written only costs time


def overall(debrief: Any) -> int | None:
    """The mean of the assessed dimension scores (None when nothing was assessed)."""
    scores = [d.score for d in debrief.dimensions if d.assessed and d.score is not None]
    return round(sum(scores) / len(scores)) if scores else None


def rubric_key(rubric: Any, path: str | None) -> str:
    return f"{getattr(rubric, 'id', '')}:{getattr(rubric, 'version', '')}:{Path(path).resolve() if path else ''}"
