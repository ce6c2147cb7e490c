"""The behaviour catalogue: a choice's scores follow from the behaviours it names (resolved
when the file is loaded), the same behaviour scores the same in every bundled scenario
unless an override says why, and every thought says whose it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.behaviours import SCORE_CAP, Terms, default_scores, resolve
from sim.errors import ContentError
from sim.loader import content_hash, load_scenario
from sim.scenario import Scenario

from .conftest import ROOT, bundled_scenarios

FILES = bundled_scenarios()


@pytest.fixture(scope="module")
def library(rubric) -> dict[str, Scenario]:  # noqa: ANN001
    return {p.stem: load_scenario(p, rubric.dimension_ids(), use_cache=False) for p in FILES}


def choices(sc: Scenario):  # noqa: ANN201
    for node in sc.nodes.values():
        for c in node.choices:
            yield node, c


# --- the catalogue ---------------------------------------------------------------------------

def test_the_catalogue_is_complete_in_both_languages_with_sources(rubric) -> None:  # noqa: ANN001
    assert 25 <= len(rubric.behaviours) <= 50
    dims = set(rubric.dimension_ids())
    for b in rubric.behaviours:
        assert b.label.get("nl").strip() and b.label.get("en").strip(), b.id
        assert b.label.get("nl") != b.label.get("en"), b.id
        assert b.effects and set(b.effects) <= dims, b.id
        assert all(-3 <= v <= 3 and v for v in b.effects.values()), b.id
        assert b.citations, b.id
    # the examples are in it
    for bid in ("ideologie-debatteren", "eigen-papier-tekenen", "belofte-onwaarmaakbaar",
                "open-vraag-concreet", "grief-benoemen", "grens-en-gevolg", "gesprek-beeindigen",
                "hulp-inroepen", "vastleggen-melden", "contact-en-datum"):
        assert rubric.behaviour(bid) is not None, bid


def test_only_the_verbatim_recommendation_is_marked_quickscan_in_the_catalogue(rubric) -> None:  # noqa: ANN001
    verbatim = ("Wijs niet alleen met de vinger, maar probeer de onderliggende grieven te "
                "begrijpen zonder het soevereine gedachtegoed te normaliseren")
    cites = [c for b in rubric.behaviours for c in b.citations]
    assert all(c.quote == verbatim for c in cites if c.provenance == "quickscan")
    assert all(c.quote is None for c in cites if c.provenance == "synthesis")
    assert sum(c.provenance == "synthesis" for c in cites) > len(cites) / 3


def test_scores_are_the_summed_defaults_within_the_cap_and_overrides_replace_them() -> None:
    cat = {"a": {"helder": 2, "verbinding": 1}, "b": {"helder": 1, "zakelijk": -2}}
    assert default_scores(cat, ["a"]) == {"helder": 2, "verbinding": 1}
    assert default_scores(cat, ["a", "b"]) == {"helder": SCORE_CAP, "verbinding": 1, "zakelijk": -2}
    assert resolve(cat, ["a", "b"], {"zakelijk": -1, "verbinding": 0}) == {"helder": 2,
                                                                          "zakelijk": -1}


def test_a_changed_catalogue_is_a_different_compiled_scenario() -> None:
    data = b"id: x\n"
    one = Terms(["helder"], {"a": {"helder": 1}})
    two = Terms(["helder"], {"a": {"helder": 2}})
    assert content_hash(data, one) != content_hash(data, two)
    assert content_hash(data, one) == content_hash(data, Terms(["helder"], {"a": {"helder": 1}}))


def test_a_rubric_without_a_catalogue_uses_the_bundled_one() -> None:
    from scoring.rubric import load_rubric

    mini = load_rubric(ROOT / "tests" / "rubrics" / "valid.yaml")
    assert mini.behaviours is None
    # (an override of a dimension that rubric lacks is an error, as a written score is)
    sc = load_scenario(ROOT / "scenarios" / "belasting-deurwaarder.yaml", mini.dimension_ids(),
                       use_cache=False)
    assert any(c.scores for _, c in choices(sc))
    assert all(set(c.scores) <= {"verbinding", "grenzen"} for _, c in choices(sc))


def test_a_choice_naming_an_unknown_behaviour_is_a_dutch_error_by_default(rubric) -> None:  # noqa: ANN001
    path = ROOT / "tests" / "broken" / "unknown-behaviour.yaml"
    with pytest.raises(ContentError) as info:
        load_scenario(path, rubric.dimension_ids(), use_cache=False)
    (p,) = info.value.problems
    assert p.format("nl").endswith("fout: onbekende gedraging 'ideologie-debateren'; bedoel je "
                                   "'ideologie-debatteren'?")
    assert p.format("en").startswith(f"{path}:19:22: error: unknown behaviour")


# --- the bundled scenarios ---------------------------------------------------------------------

@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_bundled_choice_names_its_behaviours(path: Path, library, rubric) -> None:  # noqa: ANN001
    sc = library[path.stem]
    for node, c in choices(sc):
        where = f"{sc.id}:{node.id}/{c.id}"
        assert c.behaviours and not c.written_scores, where
        expected = resolve(rubric.dimension_ids().behaviours, c.behaviours,
                           c.override.scores if c.override else {})
        assert c.scores == expected, where
        if c.override is not None:
            for lang in ("nl", "en"):
                assert len(c.override.reason.get(lang).split()) >= 6, where


def test_the_same_behaviour_scores_the_same_everywhere_unless_a_reason_says_why(library, rubric) -> None:  # noqa: ANN001
    """For each behaviour and dimension, every choice naming it alone on that dimension scores
    it the same in all eight scenarios (an override with its reason aside)."""
    cat = rubric.dimension_ids().behaviours
    seen: dict[tuple[str, str], set[int]] = {}
    for sc in library.values():
        for _, c in choices(sc):
            overridden = set(c.override.scores) if c.override else set()
            for b in c.behaviours:
                for dim in cat[b]:
                    alone = all(dim not in cat[o] for o in c.behaviours if o != b)
                    if alone and dim not in overridden:
                        seen.setdefault((b, dim), set()).add(c.scores.get(dim, 0))
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}
    assert seen[("ideologie-debatteren", "zakelijk")] == {-2}


def test_the_reviewers_disputed_scores_are_fixed(library) -> None:  # noqa: ANN001
    def choice(sid: str, node: str, cid: str):  # noqa: ANN202
        c = library[sid].nodes[node].choice(cid)
        assert c is not None
        return c

    # stepping in front of an agitated man is escalating, not setting a limit
    assert choice("raad-inspreker", "dreiging", "zelf-tussenstappen").scores.get("grenzen", 0) < 0
    # a wrong threat is not clear communication
    assert choice("leerplicht-uitschrijving", "grens-moment",
                  "dreigen-veilig-thuis").scores.get("helder", 0) <= 0
    # debating the ideology costs zakelijk in every scenario that has such a choice
    debating = {sc.id for sc in library.values() for _, c in choices(sc)
                if "ideologie-debatteren" in c.behaviours}
    assert {"wijkteam-huisbezoek", "schulden-ontruiming", "leerplicht-uitschrijving",
            "raad-inspreker"} <= debating
    # bringing the police without a threat is about contact, not safety
    for sc in library.values():
        for _, c in choices(sc):
            if c.behaviours == ["politie-zonder-dreiging"]:
                assert "veiligheid" not in c.scores and c.scores["verbinding"] < 0, c.id


# --- thoughts --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_thought_has_an_owner_and_no_name_in_its_text(path: Path, library) -> None:  # noqa: ANN001
    sc = library[path.stem]
    names = {c.name.get(lang) for c in sc.characters.values() for lang in ("nl", "en")}
    thoughts = [(n.thought, n.thought_by, n.id) for n in sc.nodes.values() if n.thought]
    thoughts += [(c.thought, c.thought_by, c.id) for _, c in choices(sc) if c.thought]
    assert thoughts
    for text, by, where in thoughts:
        assert by in sc.characters, where
        for lang in ("nl", "en"):
            t = text.get(lang)
            assert not any(t.startswith((f"{n}:", f"({n})")) for n in names), (where, t)


def test_raad_inspreker_thoughts_follow_the_choice(library) -> None:  # noqa: ANN001
    sc = library["raad-inspreker"]
    node = sc.nodes["debat-legitimiteit"]
    # after stopping the debate, Ruud does not think "she's taken the bait"
    stop = sc.thought_after(node.id, "debat-stoppen")
    debate = sc.thought_after(node.id, "griffier-legt-uit")
    assert stop is not None and debate is not None and stop[1] == debate[1] == "ruud"
    assert "hapt niet toe" in stop[0].get("nl") and "Ze hapt toe." in debate[0].get("nl")
    owners = {sc.thought_after(n.id, None)[1] for n in sc.nodes.values() if n.thought}
    assert owners == {"ruud", "ans", "fatma"}
