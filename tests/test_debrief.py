"""The debrief: key moments with the better option that was really on offer, tips with
sources and honest provenance, the path, the ending, notices, and golden reports."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from scoring.debrief import DebriefError, build_debrief
from scoring.labels import attribution_text
from scoring.render import render_html, render_json, render_markdown
from sim.engine import Run
from sim.loader import load_scenario

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("SOVSIM_UPDATE_GOLDEN") == "1"


@pytest.fixture
def hand(rubric):  # noqa: ANN001, ANN201
    return load_scenario(FIXTURES / "hand.yaml", rubric.dimension_ids(), use_cache=False)


@pytest.fixture
def loop(rubric):  # noqa: ANN001, ANN201
    return load_scenario(FIXTURES / "loop.yaml", rubric.dimension_ids(), use_cache=False)


@pytest.fixture
def stempas(rubric):  # noqa: ANN001, ANN201
    return load_scenario(FIXTURES / "stempas.yaml", rubric.dimension_ids(), use_cache=False)


def play(scenario, *choices: str) -> Run:  # noqa: ANN001
    run = Run(scenario)
    for c in choices:
        run.choose(c)
    return run


# --- key moments --------------------------------------------------------------------------

def test_poor_moments_offer_the_best_option_that_was_available_then(hand, rubric) -> None:  # noqa: ANN001
    d = build_debrief(hand, play(hand, "slecht", "fout"), rubric, "nl")
    assert [(m.step, m.node, m.kind) for m in d.key_moments] == [(1, "a", "poor"), (2, "b", "poor")]
    first, second = d.key_moments
    assert first.chosen.id == "slecht" and first.chosen.total == -1
    assert first.chosen.scores == {"verbinding": -2, "helder": 1}
    assert first.chosen.feedback == "Dat sluit het contact af."
    assert first.better.id == "goed" and first.better.total == 3
    assert first.better.scores == {"verbinding": 2, "helder": 1}
    assert first.better.feedback == "Goed gedaan."
    # 'best' (total 5) was disabled in that state (voorbereid was false): 'ok' was the better
    # option on offer
    assert second.better.id == "ok" and second.better.total == 2
    assert second.situation[0].text == "Het gesprek gaat verder."
    assert first.situation[0].speaker == "Bewoner"


def test_when_the_best_option_was_available_it_is_the_one_named(hand, rubric) -> None:  # noqa: ANN001
    d = build_debrief(hand, play(hand, "goed", "fout"), rubric, "en")
    poor = [m for m in d.key_moments if m.kind == "poor"]
    assert len(poor) == 1 and poor[0].better.id == "best"
    assert poor[0].better.text == "Best answer" and poor[0].better.total == 5
    good = [m for m in d.key_moments if m.kind == "good"]
    assert [m.chosen.id for m in good] == ["goed"]
    assert good[0].better is None


def test_key_moments_keep_the_largest_effects_in_run_order(loop, rubric) -> None:  # noqa: ANN001
    run = play(loop, "doorvragen", "doorvragen", "doorvragen", "doorvragen", "afronden")
    d = build_debrief(loop, run, rubric, "nl")
    assert [m.step for m in d.key_moments] == [1, 2, 3]  # 5 equal good moments: first 3 kept
    assert all(m.kind == "good" for m in d.key_moments)


def test_no_key_moments_for_a_run_without_decisions(hand, rubric) -> None:  # noqa: ANN001
    d = build_debrief(hand, Run(hand), rubric, "nl")
    assert d.key_moments == [] and d.decisions == 0 and not d.finished
    assert [n.code for n in d.notices] == ["unfinished"]
    assert "nog niet afgerond" in render_markdown(d).lower()


# --- the rest of the debrief ------------------------------------------------------------------

def test_debrief_data_for_a_hand_worked_run(hand, rubric) -> None:  # noqa: ANN001
    d = build_debrief(hand, play(hand, "goed", "ok"), rubric, "en", mode="assessment")
    assert (d.lang, d.mode, d.scenario_id, d.scenario_version) == ("en", "assessment", "hand", 3)
    assert (d.finished, d.decisions) == (True, 2)
    assert (d.ending.node, d.ending.outcome, d.ending.title) == ("eind-goed", "partner", "Ended well")
    v = d.dimension("verbinding")
    assert (v.raw, v.minimum, v.maximum, v.score, v.band, v.band_name, v.assessed) == \
        (3, -2, 5, 71, "goed", "Good", True)
    assert d.dimension("begrip").status == "not_scored" and d.dimension("begrip").score is None
    assert v.decisions == 2
    assert d.dimension("helder").status == "not_at_stake"  # +1 for every option at 'a'
    assert d.dimension("grenzen").status == "not_at_stake"  # only at 'c', never reached
    assert d.quadrant.id == "betrouwbare-partner" and d.quadrant.name == "Reliable partner"
    assert [(p.node, p.choice) for p in d.path] == [("a", "goed"), ("b", "ok"), ("eind-goed", None)]
    assert d.path[0].text == "Good answer" and d.path[0].scores == {"verbinding": 2, "helder": 1}
    assert [b.lower for b in d.bands] == [0, 40, 65, 85]
    json.dumps(d.to_data())  # JSON-able
    assert d.to_data()["format"] == "sovsim-debrief-1"


def test_tips_only_for_weak_dimensions_from_the_run_and_the_rubric(hand, rubric) -> None:  # noqa: ANN001
    d = build_debrief(hand, play(hand, "goed", "ok"), rubric, "nl")
    # verbinding 71 and rechtmatig 75 are 'goed': no tip; zakelijk 0 is weak
    weak = [x.id for x in d.dimensions if x.assessed and x.score < 65]
    assert weak == ["zakelijk"]
    moment = [t for t in d.tips if t.kind == "moment"]
    assert [(t.step, t.option, t.dimension) for t in moment] == [(1, "Zakelijk antwoord", "zakelijk")]
    rubric_tips = [t for t in d.tips if t.kind == "rubric"]
    assert [t.dimension for t in rubric_tips] == ["zakelijk"]
    for t in rubric_tips:
        practice = next(p for p in rubric.dimension(t.dimension).good if p.tip.get("nl") == t.text)
        assert t.practice == practice.text.get("nl")
        assert [c.source for c in t.citations] == [c.source for c in practice.citations]
    cited = {c.source for t in d.tips for c in t.citations}
    assert cited <= {s.key for s in d.sources}
    assert d.keep_doing == []


def test_at_a_top_score_the_debrief_says_what_to_keep_doing(rubric, tmp_path) -> None:  # noqa: ANN001
    text = (FIXTURES / "hand.yaml").read_text(encoding="utf-8")
    start = text.index("      - id: midden")
    end = text.index("        target: c\n", start) + len("        target: c\n")
    f = tmp_path / "top.yaml"
    f.write_text(text[:start] + text[end:], encoding="utf-8")
    sc = load_scenario(f, rubric.dimension_ids(), use_cache=False)
    d = build_debrief(sc, play(sc, "goed", "best"), rubric, "nl")
    assert all(x.score == 100 for x in d.dimensions if x.assessed)
    assert d.tips == [] and d.top_score
    assert [(k.step, k.text) for k in d.keep_doing] == [(1, "Goed antwoord"), (2, "Beste antwoord")]
    md = render_markdown(d)
    assert "## Blijf dit doen" in md and "Probeer volgende keer" not in md
    assert "Blijf dit doen" in render_html(d) and "in de hoogste band" in md
    # good but not top: no tips either, and what to keep doing, said as it is
    d = build_debrief(sc, play(sc, "goed", "ok"), rubric, "en")
    assert d.tips == [] and not d.top_score and d.keep_doing
    assert "good or better on every assessed dimension" in render_markdown(d)


def _variant(tmp_path, name: str, head: str, text: str | None = None) -> Path:  # noqa: ANN001
    text = text or (FIXTURES / "hand.yaml").read_text(encoding="utf-8")
    f = tmp_path / f"{name}.yaml"
    f.write_text(text.replace("id: hand", f"id: {name}\n{head}", 1), encoding="utf-8")
    return f


def test_rubric_tips_come_from_the_scenario_domain_only(rubric, tmp_path) -> None:  # noqa: ANN001
    # a letter in a tax case gets the letter tip; a letter in leerplicht never the bezwaar tip
    tax = load_scenario(_variant(tmp_path, "aanslag", "channel: writing\nthemes: [belastingen]"),
                        rubric.dimension_ids(), use_cache=False)
    d = build_debrief(tax, play(tax, "goed", "ok"), rubric, "nl")
    zakelijk = next(t for t in d.tips if t.kind == "rubric" and t.dimension == "zakelijk")
    assert "brief" in zakelijk.text and "bezwaar" in zakelijk.text
    school = load_scenario(_variant(tmp_path, "school", "channel: writing\nthemes: [leerplicht]"),
                           rubric.dimension_ids(), use_cache=False)
    for route in (("goed", "ok"), ("slecht", "fout"), ("midden", "toe")):
        for lang in ("nl", "en"):
            d = build_debrief(school, play(school, *route), rubric, lang)
            for t in d.tips:
                assert "bezwaar" not in t.text and "betalingsregeling" not in t.text
                assert "object" not in t.text and "payment plan" not in t.text
    # a face-to-face case that is not a desk never gets "never sign a form"
    visit = load_scenario(_variant(tmp_path, "parkeren", "themes: [parkeren]"),
                          rubric.dimension_ids(), use_cache=False)
    d = build_debrief(visit, play(visit, "slecht", "fout"), rubric, "nl")
    assert d.dimension("rechtmatig").score == 0
    assert all("Teken nooit" not in t.text for t in d.tips)


def test_tips_fit_the_scenario_channel_and_themes(rubric, tmp_path) -> None:  # noqa: ANN001
    text = (FIXTURES / "hand.yaml").read_text(encoding="utf-8")
    desk = _variant(tmp_path, "balie", "themes: [balie]", text.replace(
        "scores: {grenzen: 2}", "scores: {grenzen: 2, veiligheid: 1}"))
    sc = load_scenario(desk, rubric.dimension_ids(), use_cache=False)
    d = build_debrief(sc, play(sc, "midden", "toe"), rubric, "en")
    safety = next(t for t in d.tips if t.dimension == "veiligheid" and t.kind == "rubric")
    assert "desk" in safety.text
    online = _variant(tmp_path, "online", "channel: online\nthemes: [intimidatie]")
    sc = load_scenario(online, rubric.dimension_ids(), use_cache=False)
    d = build_debrief(sc, play(sc, "midden", "toe"), rubric, "nl")
    grenzen = next(t for t in d.tips if t.dimension == "grenzen" and t.kind == "rubric")
    assert "schermafbeeldingen" in grenzen.text and "balie" not in grenzen.text


def test_a_scenario_tip_comes_before_the_rubric_tip(rubric, tmp_path) -> None:  # noqa: ANN001
    f = _variant(tmp_path, "eigen", "tips:\n  - dimension: zakelijk\n    text: {nl: 'Blijf bij de "
                 "aanvraag.', en: 'Stay with the request.'}")
    sc = load_scenario(f, rubric.dimension_ids(), use_cache=False)
    assert [(t.dimension, t.text.get("en")) for t in sc.tips] == [("zakelijk",
                                                                   "Stay with the request.")]
    d = build_debrief(sc, play(sc, "goed", "ok"), rubric, "en")
    own = [t for t in d.tips if t.dimension == "zakelijk" and t.kind != "moment"]
    assert [(t.kind, t.text) for t in own] == [("scenario", "Stay with the request.")]
    assert "Stay with the request." in render_markdown(d)
    assert "tip for this scenario" in render_html(d)


# --- the turning point ------------------------------------------------------------------------

def test_turning_point_is_the_last_decision_a_better_ending_was_reachable_from(hand, rubric) -> None:  # noqa: ANN001
    d = build_debrief(hand, play(hand, "goed", "fout"), rubric, "nl")
    tp = d.turning_point
    assert (tp.step, tp.node, tp.chosen.id, tp.better.id) == (2, "b", "fout", "best")
    assert tp.better.feedback == "Uitstekend."
    assert (tp.reachable.node, tp.reachable.outcome) == ("eind-goed", "partner")
    d = build_debrief(hand, play(hand, "midden", "toe"), rubric, "en")
    assert (d.turning_point.step, d.turning_point.better.id) == (2, "grens")
    data = d.to_data()["turning_point"]
    assert {"step", "node", "chosen", "better"} <= data.keys()
    assert data["chosen"]["id"] == "toe" and data["better"]["id"] == "grens"
    for render in (render_markdown, render_html):
        assert "Turning point" in render(d) and "Set a limit" in render(d)
    # the turning point is always among the key moments
    assert 2 in [m.step for m in d.key_moments]


def test_no_turning_point_at_the_best_ending(hand, rubric) -> None:  # noqa: ANN001
    d = build_debrief(hand, play(hand, "slecht", "ok"), rubric, "nl")
    assert d.ending.outcome == "partner" and d.turning_point is None
    assert "beste afloop" in render_markdown(d)


def test_synthesis_is_never_presented_as_the_quick_scan(stempas, rubric) -> None:  # noqa: ANN001
    for lang in ("nl", "en"):
        d = build_debrief(stempas, play(stempas, "discussie", "grens"), rubric, lang)
        for t in d.tips:
            note = attribution_text(t.citations, lang)
            provs = {c.provenance for c in t.citations}
            assert ("Quick scan" in note) == ("quickscan" in provs)
            if "synthesis" in provs:
                assert ("synthese, gebaseerd op" if lang == "nl" else "synthesis based on") \
                    in note.lower()
        html = render_html(d)
        md = render_markdown(d)
        # the only quick-scan quote in a report is the verbatim recommendation
        for text in (html, md):
            for m in re.finditer(r"Quick scan[^:]*: [“<q>]+([^”<]+)", text):
                assert m.group(1).startswith("Wijs niet alleen met de vinger")


def test_notice_when_the_scenario_changed_since_the_run(hand, rubric, tmp_path) -> None:  # noqa: ANN001
    snap = play(hand, "goed", "ok").snapshot()
    changed = tmp_path / "hand.yaml"
    changed.write_text((FIXTURES / "hand.yaml").read_text(encoding="utf-8")
                       .replace("version: 3", "version: 4")
                       .replace("scores: {verbinding: 1, rechtmatig: 1}",
                                "scores: {verbinding: 2, rechtmatig: 1}"), encoding="utf-8")
    sc = load_scenario(changed, rubric.dimension_ids(), use_cache=False)
    d = build_debrief(sc, snap, rubric, "nl")
    assert [n.code for n in d.notices] == ["changed"]
    assert "versie 3, nu 4" in d.notices[0].message
    assert d.dimension("verbinding").raw == 3  # the scores as recorded when played


def test_a_run_the_changed_scenario_cannot_replay_is_refused_clearly(hand, rubric, tmp_path) -> None:  # noqa: ANN001
    snap = play(hand, "goed", "ok").snapshot()
    changed = tmp_path / "hand.yaml"
    changed.write_text((FIXTURES / "hand.yaml").read_text(encoding="utf-8")
                       .replace("id: ok\n", "id: redelijk\n"), encoding="utf-8")
    sc = load_scenario(changed, rubric.dimension_ids(), use_cache=False)
    with pytest.raises(DebriefError, match="no longer has choice 'ok'"):
        build_debrief(sc, snap, rubric, "nl")
    # a choice whose condition no longer holds at that point of the replay
    gated = tmp_path / "gated.yaml"
    gated.write_text((FIXTURES / "hand.yaml").read_text(encoding="utf-8")
                     .replace("        text: {nl: \"Redelijk antwoord\"",
                              "        if: \"not voorbereid\"\n        text: {nl: \"Redelijk antwoord\""),
                     encoding="utf-8")
    sc = load_scenario(gated, rubric.dimension_ids(), use_cache=False)
    with pytest.raises(DebriefError, match="scenario has changed.*decision 2"):
        build_debrief(sc, snap, rubric, "nl")
    with pytest.raises(DebriefError, match="not a saved sovsim run"):
        build_debrief(hand, {"format": "x"}, rubric, "nl")
    with pytest.raises(ValueError, match="unknown language"):
        build_debrief(hand, snap, rubric, "de")


def test_a_scenario_too_large_to_explore_still_gets_a_debrief(loop, rubric) -> None:  # noqa: ANN001
    d = build_debrief(loop, play(loop, "doorvragen", "afronden"), rubric, "nl", max_states=2)
    assert [n.code for n in d.notices] == ["too_large"]
    assert "meer dan 2 toestanden" in d.notices[0].message
    assert "lusgrens 3" in d.notices[0].message
    v = d.dimension("verbinding")
    assert (v.status, v.raw, v.score, v.decisions) == ("assessed", 1, 83, 2)  # (3 + 2) / 6
    assert d.turning_point is None
    assert "beste afloop" not in render_markdown(d)


def test_a_run_beyond_the_visit_bound_is_scored_in_full(loop, rubric) -> None:  # noqa: ANN001
    run = play(loop, *["doorvragen"] * 4, "afronden")
    d = build_debrief(loop, run, rubric, "en")
    assert d.notices == []
    assert d.dimension("verbinding").score == 93 and d.turning_point is None


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2",
                "h3", "ul", "ol", "li", "b", "code", "section", "div", "p", "table", "thead",
                "tbody", "tr", "th", "td", "span", "svg", "rect", "line", "text", "circle",
                "article", "blockquote", "dl", "dt", "dd", "q", "br", "footer", "small"}


def _tags(html: str) -> list[tuple[str, set[str]]]:
    """Every start tag in the page with its attribute names, as a browser's parser sees them."""
    from html.parser import HTMLParser

    found: list[tuple[str, set[str]]] = []

    class P(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, {a for a, _ in attrs}))

    P().feed(html)
    return found


# --- renderings ----------------------------------------------------------------------------

def test_untrusted_text_is_inert_in_every_rendering(rubric) -> None:  # noqa: ANN001
    sc = load_scenario(FIXTURES / "hostile.yaml", rubric.dimension_ids(), use_cache=False)
    d = build_debrief(sc, play(sc, "een"), rubric, "nl")
    html = render_html(d)
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "<svg onload" not in html and "</blockquote><script" not in html
    assert "&lt;script&gt;alert(&#x27;titel&#x27;)&lt;/script&gt;" in html
    assert "\x1b" not in html and "\u202e" not in html and "\x07" not in html
    tags = _tags(html)
    assert {t for t, _ in tags} <= ALLOWED_TAGS
    attrs = {a for _, names in tags for a in names}
    assert not {a for a in attrs if a.startswith("on")} and not attrs & {"src", "href"}
    assert "[31m" not in html and "]0;owned" not in html  # no tails of escape sequences
    md = render_markdown(d)
    assert "\x1b" not in md and "\u202e" not in md
    assert r"\[31m" not in md and r"\]0;owned" not in md and "ROOD" in md
    assert r"\<script\>" in md and r"\*vet\*" in md and r"\[link\]" in md
    assert "<" not in md.replace(r"\<", "")
    # table rows keep their columns: pipes in scenario text are escaped
    assert r"\<b\>rol\</b\> \| pipe" in md
    data = json.loads(render_json(d))
    assert data["scenario_title"].startswith("<script>")  # JSON keeps the text, escaped by JSON


def test_html_is_self_contained_and_printable(stempas, rubric) -> None:  # noqa: ANN001
    html = render_html(build_debrief(stempas, play(stempas, "discussie", "grens"), rubric, "nl"))
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert "default-src 'none'" in html  # no network, even if something slipped through
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<script" not in html and "@import" not in html and "url(" not in html
    assert "@media print" in html and "break-inside: avoid" in html
    assert html.count("<svg") == 9  # seven dimension bars, the quadrant and the gauges
    assert 'aria-label="Grenzen stellen: 100 (Uitstekend)"' in html
    assert "jij (" in html  # the run's dot in the quadrant


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden file {name} did not exist; written now, check it and commit it")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from the golden file; if the change is intended, run the tests with "
        "SOVSIM_UPDATE_GOLDEN=1 and review the diff")


@pytest.mark.parametrize("run_name", ["a", "b"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_golden_reports(stempas, rubric, run_name: str, lang: str) -> None:  # noqa: ANN001
    snap = json.loads((FIXTURES / f"stempas-run-{run_name}.json").read_text(encoding="utf-8"))
    d = build_debrief(stempas, snap, rubric, lang, mode="coach")
    _golden(f"stempas-{run_name}.{lang}.md", render_markdown(d))
    _golden(f"stempas-{run_name}.{lang}.html", render_html(d))
    _golden(f"stempas-{run_name}.{lang}.json", render_json(d))


def test_golden_reports_are_deterministic(stempas, rubric) -> None:  # noqa: ANN001
    snap = json.loads((FIXTURES / "stempas-run-a.json").read_text(encoding="utf-8"))
    a = render_html(build_debrief(stempas, snap, rubric, "nl"))
    b = render_html(build_debrief(stempas, dict(snap), rubric, "nl"))
    assert a == b
    assert "2024-10-01 14:04 UTC" in a  # the recorded time of the last decision, nothing newer


def test_golden_corpus_has_no_stray_files() -> None:
    expected = {f"stempas-{r}.{lang}.{ext}" for r in "ab" for lang in ("nl", "en")
                for ext in ("md", "html", "json")}
    assert {p.name for p in GOLDEN.iterdir()} == expected


def test_render_language_defaults_to_the_debrief_language(hand, rubric) -> None:  # noqa: ANN001
    d = build_debrief(hand, play(hand, "goed", "ok"), rubric, "en")
    assert render_markdown(d).startswith("# Debrief: Worked by hand")
    assert render_markdown(d, "nl").startswith("# Nabespreking: Worked by hand")


def _bundled() -> list[Path]:
    """The scenarios that ship with sovsim (picked up as they are added)."""
    return sorted((Path(__file__).resolve().parent.parent / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", _bundled(), ids=lambda p: p.stem)
def test_every_bundled_scenario_gets_a_debrief(path: Path, rubric) -> None:  # noqa: ANN001
    sc = load_scenario(path, rubric.dimension_ids(), use_cache=False)
    run = Run(sc)
    for _ in range(200):  # greedy: the highest-scoring option on offer at each decision
        if run.finished:
            break
        options = [c for c in run.choices() if c.enabled]
        run.choose(max(options, key=lambda c: sum(c.choice.scores.values())).id)
    for lang in ("nl", "en"):
        d = build_debrief(sc, run, rubric, lang)
        assert any(x.assessed for x in d.dimensions)
        assert render_html(d).endswith("</html>\n") and render_markdown(d)
        assert all(t.citations for t in d.tips if t.kind == "rubric")


def test_a_live_run_and_its_snapshot_give_the_same_debrief(hand, rubric) -> None:  # noqa: ANN001
    run = play(hand, "slecht", "ok")
    assert build_debrief(hand, run, rubric).to_data() == \
        build_debrief(hand, run.snapshot(), rubric).to_data()


def test_the_gauges_over_the_run_in_every_format(stempas, rubric) -> None:  # noqa: ANN001
    """Trust and tension at the start and after each decision: numbers in Markdown (and so in
    plain mode), an inline chart in HTML, the series in JSON."""
    d = build_debrief(stempas, play(stempas, "discussie", "grens"), rubric, "en")
    series = {g.id: g.values for g in d.gauges}
    run = play(stempas, "discussie", "grens")
    start = stempas.initial_values()
    assert set(series) == {"vertrouwen", "spanning"}
    assert series["spanning"][0] == start["spanning"] and len(series["spanning"]) == 3
    assert series["vertrouwen"][-1] == run.values["vertrouwen"]
    assert series["spanning"][-1] == run.values["spanning"]
    md = render_markdown(d)
    assert "## Gauges during the conversation" in md
    assert f"- **Tension** (0–10): {' → '.join(str(v) for v in series['spanning'])}" in md
    html = render_html(d)
    chart = html.split('<section id="gauges">')[1].split("</section>")[0]
    assert chart.count("<polyline") == 2 and 'role="img"' in chart
    assert json.loads(render_json(d))["gauges"][0]["values"] == series[d.gauges[0].id]
    assert "Meters tijdens het gesprek" in render_markdown(
        build_debrief(stempas, run, rubric, "nl"))

