"""Problem messages in Dutch and English: the catalog is complete and consistent, every
problem of the broken, hostile and rubric corpora has a key and reads as Dutch, and the
command line and the app show problems in the user's language."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from scoring.rubric import load_rubric
from sim.errors import ContentError, ScenarioError
from sim.lint import check_file
from sim.problem_catalog import MESSAGES
from sim.problemtext import Msg
from tests.robustness.hostile import cases

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*(ROOT / "sim").rglob("*.py"), *(ROOT / "scoring").rglob("*.py")]


def fields(template: str) -> set[tuple[str, str | None]]:
    """The placeholders of a template and how they are converted (``!r``); their format
    may differ between languages (e.g. ``{text:.0}``: a value Dutch words replace)."""
    return {(name, conv) for _, name, _, conv in string.Formatter().parse(template)
            if name is not None}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_has_dutch_and_english_with_the_same_placeholders(key: str) -> None:
    nl, en = MESSAGES[key]
    assert nl.strip() and en.strip(), f"{key}: an empty text"
    assert fields(nl) == fields(en), f"{key}: placeholders differ: {fields(nl)} vs {fields(en)}"


def test_every_key_the_code_uses_is_in_the_catalog() -> None:
    used: set[str] = set()
    for path in SOURCES:
        used |= set(re.findall(r'\bMsg\("([^"{}]+)"', path.read_text(encoding="utf-8")))
    assert len(used) > 150
    assert sorted(used - MESSAGES.keys()) == []


# -- every problem of the corpora, rendered in Dutch ------------------------------------

def _english_phrases() -> dict[str, set[str]]:
    """Per key, the literal runs of its English template (3 words or more) that its Dutch
    template does not share: none of them may appear in a Dutch rendering."""
    out: dict[str, set[str]] = {}
    for key, (nl, en) in MESSAGES.items():
        runs = {lit.strip(" ;:,.()") for lit, *_ in string.Formatter().parse(en)}
        out[key] = {r for r in runs if len(r.split()) >= 3 and r not in nl}
    return out


ENGLISH = set().union(*_english_phrases().values())
# English words that plain Dutch never uses; ids and values from a file stand in quotes
STOPWORDS = re.compile(r"\b(the|should|must|is not|cannot|which|only|every|with|has no)\b")


def assert_dutch(p: ScenarioError) -> None:
    assert p.msg is not None, f"no message key: {p.message}"
    unknown = p.msg.keys() - MESSAGES.keys()
    assert not unknown, f"keys missing from the catalog: {unknown}"
    nl = p.text("nl")
    assert nl != p.message, f"not translated: {nl}"
    left = [phrase for phrase in ENGLISH if phrase in nl]
    assert not left, f"English left in {nl!r}: {left}"
    unquoted = re.sub(r"'[^']*'|\"[^\"]*\"|\([^)]*\)", "", nl)
    assert not STOPWORDS.search(unquoted), f"English word in {nl!r}"
    # no four words in a row of the English text (ids and values in quotes, and lists of
    # the file's values such as "partner, contact_broken, ...", and paths of choice ids
    # such as "doorvragen > doorvragen > afronden", aside)
    words = re.sub(r"'[^']*'|\"[^\"]*\"", " ", p.message).split()
    runs = {" ".join(words[i:i + 4]) for i in range(len(words) - 3)}
    left = [r for r in runs if re.search(r"[a-z]{3}", r) and not re.search(r"[,→{}>]", r)
            and r in nl]
    assert not left, f"English left in {nl!r}: {left}"


def corpus_problems() -> list[tuple[str, ScenarioError]]:
    rubric = load_rubric()
    out: list[tuple[str, ScenarioError]] = []
    for folder in ("broken", "authoring"):
        for f in sorted((ROOT / "tests" / folder).glob("*.yaml")):
            out += [(f.name, p) for p in check_file(f, rubric.dimension_ids(), rubric)]
    for f in sorted((ROOT / "tests" / "rubrics").glob("*.yaml")):
        try:
            load_rubric(f)
        except ContentError as err:
            out += [(f"rubrics/{f.name}", p) for p in err.problems]
    return out


PROBLEMS = corpus_problems()


def test_the_corpora_give_many_kinds_of_problem() -> None:
    assert len(PROBLEMS) > 80
    assert len({p.key for _, p in PROBLEMS}) > 50


@pytest.mark.parametrize("case", range(len(PROBLEMS)),
                         ids=[f"{name}:{p.line}:{p.key}" for name, p in PROBLEMS])
def test_every_corpus_problem_reads_as_dutch(case: int) -> None:
    assert_dutch(PROBLEMS[case][1])


def test_every_hostile_file_reads_as_dutch(tmp_path: Path) -> None:
    rubric = load_rubric()
    seen = 0
    for case in cases():
        if case.safe:
            continue
        path = case.materialise(tmp_path)
        try:
            if case.kind == "rubric":
                load_rubric(path)
                problems: list[ScenarioError] = []
            else:
                problems = check_file(path, rubric.dimension_ids(), rubric)
        except ContentError as err:
            problems = err.problems
        for p in problems:
            assert_dutch(p)
            seen += 1
    assert seen > 20


def test_english_rendering_is_the_message_kept_for_json() -> None:
    for _, p in PROBLEMS:
        assert p.text("en") == p.message


def test_dutch_rendering_of_known_messages() -> None:
    what = Msg("what.text_of", of=Msg("what.choice_of", id="a", of=Msg("what.node", id="begin")))
    assert what.text("nl") == "de tekst van keuze 'a' van knooppunt 'begin'"
    assert what.text("en") == "the text of choice 'a' of node 'begin'"
    m = Msg("map.unknown_key", key="txt", what=Msg("what.node", id="begin"),
            hint=Msg("hint.did_you_mean", word="text"))
    assert m.text("nl") == "onbekende sleutel 'txt' in knooppunt 'begin'; bedoel je 'text'?"
    assert Msg("yaml.too_many_values", limit=3_000_000).text("nl") == (
        "het bestand bevat meer dan 3.000.000 waarden; verdeel het over kleinere bestanden")
    assert Msg("file.too_large", mb=50.3, limit=32).text("nl").startswith(
        "het bestand is 50,3 MB")
    p = ScenarioError("f.yaml", 3, 5, "x", "warning", "no-scores",
                      Msg("lint.no_scores", id="a", node="b"))
    assert p.format("nl").startswith("f.yaml:3:5: waarschuwing: keuze 'a' van knooppunt 'b'")
    assert p.format("nl").endswith("[no-scores]")


def test_a_message_survives_the_library_index() -> None:
    m = Msg("load.expr", what=Msg("what.if_of", of=Msg("what.choice_of", id="a",
                                                          of=Msg("what.node", id="b"))),
            error=Msg("expr.unknown_variable", name="x", hint=""), src="x > 1")
    back = Msg.from_data(json.loads(json.dumps(m.to_data())))
    assert back == m and back is not None and back.text("nl") == m.text("nl")
