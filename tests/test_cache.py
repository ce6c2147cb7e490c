"""The compiled cache: unchanged files load from it, damaged entries are rebuilt."""

from __future__ import annotations

from pathlib import Path

from sim import cache
from sim.loader import load_scenario

from .conftest import EXAMPLE


def entries() -> list[Path]:
    return sorted(cache.cache_dir().glob("*.txt"))


def test_second_load_comes_from_cache(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    dims = rubric.dimension_ids()
    first = load_scenario(EXAMPLE, dims)
    assert len(entries()) == 1
    second = load_scenario(EXAMPLE, dims)
    assert second is not first
    assert second.content_hash == first.content_hash
    assert second.nodes.keys() == first.nodes.keys()
    assert second.nodes["balie"].choices[0].effects == first.nodes["balie"].choices[0].effects
    assert second.nodes["balie"].choices[0].routes[0].condition == first.nodes["balie"].choices[0].routes[0].condition


def test_changed_file_is_not_served_stale(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    f = tmp_path / "s.yaml"
    f.write_text(EXAMPLE.read_text())
    load_scenario(f, rubric.dimension_ids())
    f.write_text(EXAMPLE.read_text().replace("De ingeleverde stempas", "Gewijzigd"))
    assert load_scenario(f, rubric.dimension_ids()).title.get("nl") == "Gewijzigd"


def test_corrupt_entries_are_ignored_and_rebuilt(rubric) -> None:  # noqa: ANN001
    dims = rubric.dimension_ids()
    load_scenario(EXAMPLE, dims)
    (entry,) = entries()
    good = entry.read_bytes()
    for damage in (b"", b"garbage", good[:-20], good.replace(b'"balie"', b'"bolie"', 1),
                   good.split(b"\n", 1)[0] + b"\n{}"):
        entry.write_bytes(damage)
        s = load_scenario(EXAMPLE, dims)
        assert s.start == "balie" and "balie" in s.nodes
        assert entry.read_bytes() == good  # rebuilt


def test_rubric_change_invalidates(tmp_path: Path) -> None:
    a = load_scenario(EXAMPLE, None)
    b = load_scenario(EXAMPLE, ["verbinding", "begrip", "zakelijk", "rechtmatig", "helder",
                                "grenzen", "veiligheid"])
    assert a.content_hash != b.content_hash


def test_unwritable_cache_only_costs_speed(tmp_path: Path, monkeypatch, rubric) -> None:  # noqa: ANN001
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SOVSIM_CACHE_DIR", str(blocker / "cache"))
    assert load_scenario(EXAMPLE, rubric.dimension_ids()).id == "stempas"


def test_scenario_tips_come_back_from_the_cache(rubric) -> None:  # noqa: ANN001
    path = Path(__file__).parent.parent / "scenarios" / "wijkteam-huisbezoek.yaml"
    fresh = load_scenario(path, rubric.dimension_ids(), use_cache=False)
    load_scenario(path, rubric.dimension_ids())  # fills the cache
    cached = load_scenario(path, rubric.dimension_ids())
    assert fresh.tips and [(t.dimension, t.text, t.pos) for t in cached.tips] == \
        [(t.dimension, t.text, t.pos) for t in fresh.tips]
