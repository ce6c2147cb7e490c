"""Shared fixtures: isolated data and cache folders, the example scenario, the rubric."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "stempas.yaml"
SCENARIOS = ROOT / "scenarios"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real data or cache folders."""
    monkeypatch.setenv("SOVSIM_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("SOVSIM_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def rubric():  # noqa: ANN201
    from scoring.rubric import load_rubric

    return load_rubric()


@pytest.fixture
def example(rubric):  # noqa: ANN001, ANN201
    from sim.loader import load_scenario

    return load_scenario(EXAMPLE, rubric.dimension_ids(), use_cache=False)


def bundled_scenarios() -> list[Path]:
    return sorted(SCENARIOS.glob("*.yaml"))
