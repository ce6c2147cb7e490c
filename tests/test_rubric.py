"""The rubric file: the bundled content, honest provenance, and a corpus of broken
rubric files (tests/rubrics/), each stating the problems it must produce."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.rubric import PROVENANCES, load_rubric
from sim.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "rubrics"
LETTER = Path("/work/shared/seed/kamerbrief-quickscan-soevereinen.txt")
VERBATIM = ("Wijs niet alleen met de vinger, maar probeer de onderliggende grieven te begrijpen "
            "zonder het soevereine gedachtegoed te normaliseren")
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.*)$", re.M)


# --- the bundled rubric -------------------------------------------------------------------

def test_seven_dimensions_in_order(rubric) -> None:  # noqa: ANN001
    assert rubric.dimension_ids() == ["verbinding", "begrip", "zakelijk", "rechtmatig", "helder",
                                      "grenzen", "veiligheid"]
    assert rubric.dimension("grenzen").name.get("en") == "Setting limits to harmful behaviour"


def test_every_dimension_is_complete_in_both_languages(rubric) -> None:  # noqa: ANN001
    for d in rubric.dimensions:
        for text in (d.name, d.short, d.description):
            assert text.get("nl").strip() and text.get("en").strip()
            assert text.get("nl") != text.get("en")
        assert len(d.good) >= 3 and len(d.poor) >= 2, d.id
        assert d.citations
        for p in d.good + d.poor:
            assert p.text.has("nl") and p.text.has("en") and p.citations
        for p in d.good:
            assert p.tip is not None and p.tip.get("nl") and p.tip.get("en")


def test_sources_are_the_research_keys(rubric) -> None:  # noqa: ANN001
    assert set(rubric.sources) == {"L"} | {f"S{i}" for i in range(1, 38)}
    assert all(s.title for s in rubric.sources.values())
    assert all(s.url for k, s in rubric.sources.items() if k != "L")


def _citations(rubric):  # noqa: ANN001, ANN202
    for d in rubric.dimensions:
        yield from d.citations
        for p in d.good + d.poor:
            yield from p.citations
    for a in rubric.axes.values():
        yield from a.citations
    for q in rubric.quadrants:
        yield from q.citations


def test_only_the_verbatim_recommendation_is_marked_as_the_quick_scan(rubric) -> None:  # noqa: ANN001
    cites = list(_citations(rubric))
    assert {c.provenance for c in cites} == set(PROVENANCES)
    quick = [c for c in cites if c.provenance == "quickscan"]
    assert quick and all(c.source == "S2" and c.quote == VERBATIM for c in quick)
    assert all(c.quote is None for c in cites if c.provenance == "synthesis")
    assert all(c.source == "L" for c in cites if c.provenance == "letter")
    # most of it is synthesis, as the research marks it
    assert sum(c.provenance == "synthesis" for c in cites) > len(cites) / 3


@pytest.mark.skipif(not LETTER.is_file(), reason=f"the minister's letter is not at {LETTER}")
def test_letter_quotes_stand_in_the_letter(rubric) -> None:  # noqa: ANN001
    def norm(s: str) -> str:
        return " ".join(s.replace("-\n", "").replace("\u2019", "'").split())

    letter = norm(LETTER.read_text(encoding="utf-8"))
    quotes = {c.quote for c in _citations(rubric) if c.provenance == "letter" and c.quote}
    assert len(quotes) >= 4
    for q in quotes:
        assert norm(q) in letter, q


def test_bands_axes_and_quadrants(rubric) -> None:  # noqa: ANN001
    assert [(b.id, b.lower, b.upper) for b in rubric.bands] == [
        ("onvoldoende", 0, 39), ("voldoende", 40, 64), ("goed", 65, 84), ("uitstekend", 85, 100)]
    assert rubric.axes["contact"].dimensions == ["verbinding", "begrip"]
    assert rubric.axes["limits"].dimensions == ["grenzen", "rechtmatig", "veiligheid"]
    names = {(q.contact_high, q.limits_high): (q.name.get("nl"), q.name.get("en"))
             for q in rubric.quadrants}
    assert names == {(True, True): ("Betrouwbare partner", "Reliable partner"),
                     (True, False): ("Meegaand", "Accommodating"),
                     (False, True): ("Afstandelijk", "Distant"),
                     (False, False): ("Afhakend", "Disengaged")}
    assert rubric.quadrant_for(True, True).id == "betrouwbare-partner"


def test_unknown_dimension_lookup_suggests_a_name(rubric) -> None:  # noqa: ANN001
    with pytest.raises(KeyError, match="did you mean 'grenzen'"):
        rubric.dimension("grensen")


def test_the_rubric_file_states_its_band_thresholds() -> None:
    text = (ROOT / "scoring" / "rubric.yaml").read_text(encoding="utf-8")
    assert "onvoldoende 0-39 | voldoende 40-64 | goed 65-84 | uitstekend 85-100" in text


# --- broken rubric files -------------------------------------------------------------------

CASES = sorted(p for p in CORPUS.glob("*.yaml") if p.name != "valid.yaml")


def test_the_corpus_base_is_valid() -> None:
    r = load_rubric(CORPUS / "valid.yaml")
    assert r.dimension_ids() == ["verbinding", "grenzen"] and len(r.quadrants) == 4


def test_every_corpus_file_states_its_expected_problems() -> None:
    assert len(CASES) >= 20
    for p in CASES:
        assert EXPECT.search(p.read_text(encoding="utf-8")), f"{p.name} has no '# expect:' line"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_broken_rubric_reports_every_problem_with_its_position(path: Path) -> None:
    expected = [(int(a), int(b), msg) for a, b, msg in EXPECT.findall(path.read_text("utf-8"))]
    with pytest.raises(ContentError) as info:
        load_rubric(path)
    got = [(p.line, p.column, p.message) for p in info.value.problems]
    assert got == expected
    assert all(p.file == str(path) for p in info.value.problems)
    assert str(info.value).startswith(f"{path}:{expected[0][0]}:{expected[0][1]}: error: ")


def test_a_missing_rubric_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="no such file"):
        load_rubric(tmp_path / "none.yaml")


# --- the rubric in use on the command line ---------------------------------------------------

def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "sim.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_scenarios_are_checked_against_the_rubric_in_use() -> None:
    hand = str(ROOT / "tests" / "fixtures" / "hand.yaml")
    ok = _cli("validate", hand)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    mini = _cli("--lang", "en", "--rubric", str(CORPUS / "valid.yaml"), "validate", hand)
    assert mini.returncode == 1
    assert "unknown rubric dimension 'helder'" in mini.stdout
    assert re.search(r"hand\.yaml:\d+:\d+: error: unknown rubric dimension 'zakelijk'", mini.stdout)


def test_a_broken_rubric_stops_the_command_with_its_problems() -> None:
    broken = CORPUS / "many-problems.yaml"
    res = _cli("validate", "--rubric", str(broken), str(ROOT / "tests" / "fixtures" / "hand.yaml"))
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert [ln.split(": fout:")[0] for ln in lines] == \
        [f"{broken}:10:22", f"{broken}:20:18", f"{broken}:46:18"]
    res = _cli("--lang", "en", "validate", "--rubric", str(broken),
               str(ROOT / "tests" / "fixtures" / "hand.yaml"))
    lines = res.stderr.strip().splitlines()
    assert [ln.split(": error:")[0] for ln in lines] == \
        [f"{broken}:10:22", f"{broken}:20:18", f"{broken}:46:18"]
    assert "Traceback" not in res.stderr
