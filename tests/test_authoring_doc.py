"""docs/authoring.md: every full-scenario block validates (with exactly the warnings it
declares), the reference covers every key and warning, and sample output is current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim import loader
from sim.lint import CODES, check_file
from sim.loader import load_scenario
from sim.playtest import analyse_file, render_text

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "authoring.md"
TEXT = GUIDE.read_text(encoding="utf-8")
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```$", re.S | re.M)


def blocks(info: str) -> list[tuple[str, str]]:
    """(info string, body) of every fenced block whose info string starts with ``info``."""
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(TEXT)
            if m.group(1).split(" warnings=")[0] == info]


SCENARIOS = blocks("yaml scenario")


def test_the_guide_has_full_scenarios() -> None:
    assert len(SCENARIOS) >= 3


@pytest.mark.parametrize("info,body", SCENARIOS, ids=[f"block{i}" for i in range(len(SCENARIOS))])
def test_every_full_scenario_block_validates(info: str, body: str, tmp_path: Path, rubric) -> None:  # noqa: ANN001
    declared = set(info.split("warnings=")[1].split(",")) if "warnings=" in info else set()
    assert declared <= set(CODES)
    sid = re.search(r"^id: (\S+)$", body, re.M).group(1)
    path = tmp_path / f"{sid}.yaml"
    path.write_text(body, encoding="utf-8")
    found = check_file(path, rubric.dimension_ids(), rubric)
    assert [p for p in found if p.severity == "error"] == []
    assert {p.code for p in found} == declared, [p.format() for p in found]


def _tutorial(tmp_path: Path, last: bool = True) -> Path:
    body = [b for _, b in SCENARIOS if "id: aanslag-retour" in b][-1 if last else 0]
    path = tmp_path / "aanslag-retour.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_sample_output_is_what_the_tools_print(tmp_path: Path, rubric, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    final = _tutorial(tmp_path).name
    report = render_text(analyse_file(final, rubric.dimension_ids(), rubric, lang="en"), "en")
    assert f"$ sovsim --lang en analyse aanslag-retour.yaml\n{report}```" in TEXT
    from sim.graph import to_mermaid

    scenario = load_scenario(final, rubric.dimension_ids())
    assert f"```mermaid\n{to_mermaid(scenario)}```" in TEXT
    first = _tutorial(tmp_path, last=False).name
    lines = "\n".join(p.format() for p in check_file(first, rubric.dimension_ids(), rubric))
    assert (f"$ sovsim --lang en validate aanslag-retour.yaml\n{lines}\n"
            "1 file checked: 0 errors, 4 warnings") in TEXT
    dutch = next(p for p in check_file(first, rubric.dimension_ids(), rubric)
                 if p.code == "no-feedback")
    assert f"$ sovsim validate aanslag-retour.yaml\n{dutch.format('nl')}\n" in TEXT


def test_reference_names_every_key() -> None:
    keys = (loader.TOP_KEYS | loader.NODE_KEYS | loader.CHOICE_KEYS | loader.VAR_KEYS
            | loader.LINE_KEYS | loader.ENDING_KEYS | loader.ROUTE_KEYS | loader.CHAR_KEYS)
    reference = TEXT.split("## 2. Reference")[1].split("## 3.")[0]
    missing = [k for k in sorted(keys) if f"`{k}`" not in reference]
    assert missing == []


def test_reference_names_every_outcome_channel_and_expression_form() -> None:
    from sim.scenario import CHANNELS, OUTCOMES

    reference = TEXT.split("## 2. Reference")[1].split("## 3.")[0]
    for word in (*OUTCOMES, *CHANNELS, "visits(", "and", "or", "not", "+=", "-=", "==", "!=",
                 "<=", ">="):
        assert f"`{word}" in reference or f"{word}" in reference.split("### Expressions")[1], word


def test_every_warning_code_is_explained() -> None:
    table = TEXT.split("#### Warnings and what to do")[1].split("###")[0]
    for code in CODES:
        assert f"| `{code}` |" in table, code


def test_every_rubric_dimension_has_conventions(rubric) -> None:  # noqa: ANN001
    section = TEXT.split("## 3. Good feedback and scoring")[1].split("## 4.")[0]
    for dim in rubric.dimension_ids():
        assert f"| `{dim}` |" in section, dim


def test_every_catalogue_behaviour_is_listed(rubric) -> None:  # noqa: ANN001
    section = TEXT.split("### The behaviour catalogue")[1].split("###")[0]
    for b in rubric.behaviours:
        assert f"| `{b.id}` |" in section, b.id


def test_the_guide_covers_the_tools() -> None:
    testing = TEXT.split("## 4. Testing your scenario")[1]
    for tool in ("sovsim validate", "sovsim analyse", "sovsim graph", "sovsim play",
                 "--watch", "--at", "--set", "sovsim author", "sovsim schema",
                 "yaml-language-server: $schema=", "yaml.schemas"):
        assert tool in testing, tool


def test_the_old_contract_points_here() -> None:
    assert "authoring.md" in (ROOT / "docs" / "format-spec.md").read_text()


def test_guide_says_who_sees_ids_and_how_tips_are_chosen() -> None:
    reference = " ".join(TEXT.split("## 2. Reference")[1].split("## 3.")[0].split())
    assert "**Ids are seen.** Node and choice ids are visible to authors and trainers" in reference
    assert "Choose readable ids" in reference
    tips = " ".join(TEXT.split("### How the debrief's tips are chosen")[1].split("\n## ")[0]
                    .split())
    for words in ("weakest moments", "tips the scenario itself declares",
                  "the rubric's tips for each dimension", "(rubric.md#the-debrief)"):
        assert words in tips
    assert (ROOT / "docs" / "rubric.md").read_text(encoding="utf-8").count("## The debrief") == 1
