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


# -- indentation and tab mistakes in the author's words (authorday) ------------------------

BROKEN_DIR = Path(__file__).parent / "broken"


@pytest.mark.parametrize("name,nl,en", [
    ("tab-indent", "een tab op regel 25, kolom 1: YAML springt in met spaties",
     "tab character at line 25 col 1: YAML indents with spaces"),
    ("tab-in-list", "een tab op regel 16, kolom 5", "tab character at line 16 col 5"),
    ("indent-after-flow-value", "'target' op regel 25 begint in kolom 11, verder ingesprongen "
     "dan 'feedback'", "'target' on line 25 starts at column 11, indented further than "
     "'feedback'"),
    ("indent-target-under-feedback", "'target' op regel 27 is te ver ingesprongen: YAML leest "
     "hem als deel van 'feedback'", "'target' on line 27 is indented too far: YAML reads it "
     "as part of 'feedback'"),
])
def test_indentation_mistakes_are_said_plainly_in_both_languages(name: str, nl: str,
                                                                 en: str) -> None:
    (p,) = validate_file(BROKEN_DIR / f"{name}.yaml")
    assert nl in p.text("nl") and en in p.text("en")
    # no parser jargon, in either language
    for lang in ("nl", "en"):
        assert "while " not in p.text(lang) and "bij het lezen" not in p.text(lang)


def test_over_indented_target_is_reported_where_it_is_not_as_missing(tmp_path: Path,
                                                                      rubric) -> None:  # noqa: ANN001
    """The key is found one level down and reported at its own line, in place of "missing
    'target'" at the start of the choice; the choice's other problems are still reported,
    and nothing else is said about the misplaced line."""
    src = (BROKEN_DIR / "indent-target-under-feedback.yaml").read_text(encoding="utf-8")
    f = tmp_path / "x.yaml"
    f.write_text(src.replace('"vertrouwen += 1"', '"vertrouwe += 1"'), encoding="utf-8")
    problems = validate_file(f, rubric.dimension_ids())
    assert [(p.line, p.column, p.key) for p in problems] == [
        (22, 20, "load.expr"), (27, 11, "map.key_too_deep")]
    assert "Put 'target' at column 9, in line with 'feedback'" in problems[1].text("en")
    assert "Zet 'target' in kolom 9, recht onder 'feedback'" in problems[1].text("nl")
    assert not any(p.key == "map.missing" for p in problems)


def test_a_missing_key_that_is_nowhere_is_still_missing(tmp_path: Path) -> None:
    src = (Path(__file__).parent / "fixtures" / "klein.yaml").read_text(encoding="utf-8")
    f = tmp_path / "x.yaml"
    f.write_text(src.replace("        target: eind\n      - id: b", "      - id: b"),
                 encoding="utf-8")
    (p,) = validate_file(f)
    assert (p.line, p.column, p.key) == (18, 9, "map.missing")


def test_cli_says_the_tab_at_file_line_col() -> None:
    from .clirun import sovsim
    r = sovsim("validate", "tests/broken/tab-indent.yaml")
    assert r.stdout.startswith("tests/broken/tab-indent.yaml:25:1: fout: YAML-syntaxis: een tab")
    r = sovsim("--lang", "en", "validate", "tests/broken/tab-indent.yaml")
    assert r.stdout.startswith("tests/broken/tab-indent.yaml:25:1: error: YAML syntax: tab "
                               "character at line 25 col 1")
