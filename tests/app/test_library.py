"""The library's metadata index: unchanged files are not parsed again; changes are seen."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import sim.library as library
from sim.library import scan

from .conftest import BROKEN, STEMPAS

DIMS = ["verbinding", "begrip", "zakelijk", "rechtmatig", "helder", "grenzen", "veiligheid"]


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    d = tmp_path / "lib"
    d.mkdir()
    shutil.copy(STEMPAS, d / "stempas.yaml")
    shutil.copy(BROKEN, d / "kapot.yaml")
    return d


def counting(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = library.load_scenario

    def load(path, dims=None, use_cache=True):  # noqa: ANN001, ANN202
        calls.append(Path(path))
        return real(path, dims, use_cache)

    monkeypatch.setattr(library, "load_scenario", load)
    return calls


def test_entries_with_metadata_and_broken_files(lib: Path) -> None:
    entries = {e.id: e for e in scan([lib], DIMS)}
    s = entries["stempas"]
    assert s.title.get("en") == "The returned polling card"
    assert s.role.get("nl") == "Medewerker burgerzaken"
    assert s.themes == ["balie", "brp", "verkiezingen"] and s.minutes == 5 and s.difficulty == 1
    assert "Ruud (52)" in s.dossier.get("nl") and not s.broken
    k = entries["kapot"]
    assert k.broken and len(k.problems) == 3 and k.problems[0].line == 15


def test_second_scan_reads_no_scenario(lib: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan([lib], DIMS)
    calls = counting(monkeypatch)
    again = scan([lib], DIMS)
    assert calls == []
    assert {e.id for e in again} == {"stempas", "kapot"}
    assert next(e for e in again if e.id == "kapot").problems[1].column == 18


def test_a_changed_file_is_read_again(lib: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan([lib], DIMS)
    calls = counting(monkeypatch)
    f = lib / "stempas.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("minutes: 5", "minutes: 7"),
                 encoding="utf-8")
    st = f.stat()
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    entries = {e.id: e for e in scan([lib], DIMS)}
    assert calls == [f]
    assert entries["stempas"].minutes == 7


def test_another_rubric_means_a_fresh_check(lib: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan([lib], DIMS)
    calls = counting(monkeypatch)
    entries = {e.id: e for e in scan([lib], ["verbinding"])}
    assert len(calls) == 2
    assert entries["stempas"].broken  # it scores dimensions this rubric does not have


def test_a_damaged_index_is_ignored(lib: Path) -> None:
    scan([lib], DIMS)
    library._index_path().write_text("{not json", encoding="utf-8")
    assert {e.id for e in scan([lib], DIMS)} == {"stempas", "kapot"}
