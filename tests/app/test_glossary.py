"""The glossary of sovereign terms: a data file, safe-loaded, both languages, sources kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.errors import ContentError
from sim.glossary import DEFAULT_PATH, load_glossary


def test_bundled_glossary_loads_with_both_languages_and_sources() -> None:
    g = load_glossary()
    assert len(g.terms) >= 18
    for term in g.terms:
        for lang in ("nl", "en"):
            assert term.term.has(lang) and term.meaning.has(lang)
            assert term.meaning.get(lang).strip()
        assert term.sources and all(s in g.sources for s in term.sources)
    ids = [t.id for t in g.terms]
    assert len(ids) == len(set(ids))


def test_key_terms_from_the_research_are_there_with_their_source_keys() -> None:
    g = {t.id: t for t in load_glossary().terms}
    assert g["levende-mens"].sources == ("S13", "S14", "S17")
    assert g["stempas"].sources == ("S8",)
    assert g["geboortetrust"].sources == ("S17", "S19", "S12")
    assert "Burger Slaven Nummer" in g["burger-slaven-nummer"].term.get("nl")


def test_claims_are_worded_as_claims() -> None:
    g = {t.id: t for t in load_glossary().terms}
    for tid in ("levende-mens", "geboortetrust", "geen-contract", "ambassade", "germaniten",
                "overheid-bedrijf", "brd-gmbh"):
        assert "claim" in g[tid].meaning.get("en")
        assert "bewering" in g[tid].meaning.get("nl").lower()


def test_search_in_either_language() -> None:
    g = load_glossary()
    assert [t.id for t in g.search("embassy", "en")] == ["ambassade"]
    assert [t.id for t in g.search("ambassade", "nl")] == ["ambassade"]
    assert len(g.search("", "nl")) == len(g.terms)


def test_a_broken_glossary_lists_its_problems_with_lines(tmp_path: Path) -> None:
    bad = tmp_path / "g.yaml"
    bad.write_text(
        "format: sovsim-glossary-1\n"
        "sources:\n  S1: {title: T, url: u}\n"
        "terms:\n"
        "  - id: a\n    term: {nl: A}\n    meaning: {nl: x, en: y}\n    sources: [S9]\n"
        "  - id: b\n    term: {nl: B, en: B}\n    meaning: !!python/object:os.system {}\n"
        "    sources: [S1]\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_glossary(bad)
    lines = {p.line for p in err.value.problems}
    assert lines, err.value.problems
    assert all(p.line > 0 for p in err.value.problems)


def test_glossary_file_has_no_python_tags() -> None:
    assert "!!python" not in DEFAULT_PATH.read_text(encoding="utf-8")
