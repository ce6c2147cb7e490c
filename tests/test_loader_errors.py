"""Every broken file in tests/broken/ reports the problems its '# expect:' lines name,
at that line and column, and nothing crashes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.errors import ContentError
from sim.loader import load_scenario, validate_file

BROKEN = sorted((Path(__file__).parent / "broken").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.+)$")


def expectations(path: Path) -> list[tuple[int, int, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = EXPECT.match(line)
        if m:
            out.append((int(m[1]), int(m[2]), m[3]))
    return out


def test_corpus_is_substantial() -> None:
    assert len(BROKEN) >= 25
    assert all(expectations(p) for p in BROKEN)


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_reports_problem_at_position(path: Path, rubric) -> None:  # noqa: ANN001
    problems = validate_file(path, rubric.dimension_ids())
    assert problems, "a broken file must not validate"
    assert all(p.file == str(path) for p in problems)
    for line, col, text in expectations(path):
        hits = [p for p in problems if text in p.message]
        assert hits, f"no problem mentions {text!r}; got {[p.message for p in problems]}"
        assert (hits[0].line, hits[0].column) == (line, col), hits[0].format()
        assert hits[0].severity == "error"


def test_all_problems_reported_together(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    src = (Path(__file__).parent / "fixtures" / "klein.yaml").read_text(encoding="utf-8")
    src = src.replace("target: eind\n      - id: b", "target: nergens\n      - id: b")
    src = src.replace("speaker: ria", "speaker: niemand").replace("verbinding: -1", "verbindingg: -1")
    f = tmp_path / "veel.yaml"
    f.write_text(src, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_scenario(f, rubric.dimension_ids())
    messages = " | ".join(p.message for p in err.value.problems)
    assert "nergens" in messages and "niemand" in messages and "verbindingg" in messages
    lines = [p.line for p in err.value.problems]
    assert lines == sorted(lines)


def test_yes_and_no_stay_text(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    """YAML 1.1 reads Yes/No as booleans; in a text field the author means the words."""
    s = load_scenario(Path(__file__).parent / "fixtures" / "klein.yaml", rubric.dimension_ids())
    assert s.nodes["begin"].choices[0].text.get("en") == "Yes"
    assert s.nodes["begin"].choices[1].text.get("en") == "No"


def test_format_is_file_line_col(tmp_path: Path) -> None:
    f = tmp_path / "x.yaml"
    f.write_text("- a\n- b\n", encoding="utf-8")
    (p,) = validate_file(f)
    assert p.format().startswith(f"{f}:1:1: error: ")
