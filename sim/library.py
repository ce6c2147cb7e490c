"""The scenario library: what the scenario list needs, without parsing every file each start.

A small metadata index (JSON, in the cache folder) remembers, per file, its size
and modification time with the few fields the library shows. An unchanged file
is not read at all; a new or changed one is loaded (and validated) once through
:func:`sim.loader.load_scenario`, which has its own compiled cache.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ContentError, ScenarioError
from .loader import load_scenario
from .problemtext import Msg
from .scenario import Scenario
from .text import EMPTY, Text

INDEX_FORMAT = "sovsim-library-2"  # 2: problems carry their message as data
INDEX_NAME = "library-index.json"


@dataclass(slots=True)
class Entry:
    """One scenario file as the library lists it."""

    path: Path
    id: str
    title: Text = EMPTY
    summary: Text = EMPTY
    role: Text = EMPTY
    dossier: Text = EMPTY
    setting: Text | None = None
    themes: list[str] = field(default_factory=list)
    difficulty: int = 1
    minutes: int = 0
    version: int = 0
    problems: list[ScenarioError] = field(default_factory=list)

    @property
    def broken(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    @classmethod
    def of(cls, path: Path, s: Scenario) -> Entry:
        return cls(path, s.id, s.title, s.summary, s.role, s.dossier, s.setting, list(s.themes),
                   s.difficulty, s.minutes, s.version)

    def to_data(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title.to_data(), "summary": self.summary.to_data(),
                "role": self.role.to_data(), "dossier": self.dossier.to_data(),
                "setting": self.setting.to_data() if self.setting else None,
                "themes": self.themes, "difficulty": self.difficulty, "minutes": self.minutes,
                "version": self.version,
                "problems": [[p.line, p.column, p.message, p.severity, p.code,
                              p.msg.to_data() if p.msg is not None else None]
                             for p in self.problems]}

    @classmethod
    def from_data(cls, path: Path, d: dict[str, Any]) -> Entry:
        return cls(path, str(d["id"]), Text.of(d["title"]), Text.of(d["summary"]),
                   Text.of(d["role"]), Text.of(d["dossier"]),
                   Text.of(d["setting"]) if d.get("setting") is not None else None,
                   [str(x) for x in d["themes"]], int(d["difficulty"]), int(d["minutes"]),
                   int(d.get("version", 0)),
                   [ScenarioError(str(path), int(p[0]), int(p[1]), str(p[2]), str(p[3]), str(p[4]),
                                  Msg.from_data(p[5]) if len(p) > 5 else None)
                    for p in d.get("problems", [])])


def _index_path() -> Path:
    from .cache import cache_dir

    return cache_dir() / INDEX_NAME


def _stamp(st: os.stat_result, dims: Collection[str] | None) -> list[Any]:
    return [st.st_size, st.st_mtime_ns, ",".join(sorted(dims or []))]


def _read_index(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") == INDEX_FORMAT and isinstance(data.get("files"), dict):
            return data["files"]
    except (OSError, ValueError, AttributeError):
        pass
    return {}


def _write_index(path: Path, files: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"format": INDEX_FORMAT, "files": files}, fh, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        return  # an index that cannot be written only costs speed


def files_in(dirs: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for d in dirs:
        if d.is_dir():
            out += sorted(p for p in d.iterdir()
                          if p.suffix in (".yaml", ".yml") and p.is_file()
                          and not p.name.startswith("."))
        elif d.is_file():
            out.append(d)
    return out


def scan(dirs: Iterable[Path], dimensions: Collection[str] | None = None,
         use_index: bool = True) -> list[Entry]:
    """Every scenario file in ``dirs``; broken files are listed with their problems."""
    index_path = _index_path()
    old = _read_index(index_path) if use_index else {}
    new: dict[str, Any] = {}
    entries: list[Entry] = []
    for path in files_in(dirs):
        key = str(path.resolve())
        try:
            stamp = _stamp(path.stat(), dimensions)
        except OSError:
            continue
        cached = old.get(key)
        entry: Entry | None = None
        if cached and cached.get("stamp") == stamp:
            try:
                entry = Entry.from_data(path, cached["entry"])
            except (KeyError, TypeError, ValueError):
                entry = None
        if entry is None:
            entry = _load_entry(path, dimensions)
        new[key] = {"stamp": stamp, "entry": entry.to_data()}
        entries.append(entry)
    if use_index and new != old:
        _write_index(index_path, new)
    return entries


def _load_entry(path: Path, dimensions: Collection[str] | None) -> Entry:
    try:
        return Entry.of(path, load_scenario(path, dimensions))
    except ContentError as err:
        return Entry(path, path.stem, title=Text.of(path.name), problems=list(err.problems))


def find(entries: Iterable[Entry], scenario_id: str) -> Entry | None:
    return next((e for e in entries if e.id == scenario_id and not e.broken), None)
