"""The debrief of a run, as data: scores and bands per dimension (each with the number of
decisions it rests on), the axes (capped by the ending's outcome where the rubric says so),
the quadrant, the turning point, the key moments (with the better option that was on
offer), what to try next time (from the trainee's own weakest moments, the scenario's
tips and the rubric's tips for the scenario's domain) or, at a top score, what to keep
doing; the path and the ending.

The run is replayed step by step with :class:`sim.engine.Run`, so "what was on
offer" is exactly what the trainee saw at that moment, in that state. All text is
resolved in one language when the debrief is built; renderers add the labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from sim.analysis import DEFAULT_MAX_STATES, DEFAULT_VISIT_BOUND
from sim.engine import Run
from sim.scenario import Choice, Scenario
from sim.text import KNOWN_LANGS

from .gauges import GaugeSeries, gauge_series
from .replay import Decision, ReplayError, replay
from .rubric import Citation, Dimension, Practice, Rubric
from .score import ASSESSED, Scorecard, ScoringError, score_decisions
from .turning import TooLarge, turning_point

FORMAT = "sovsim-debrief-1"
MAX_GOOD = 3
MAX_POOR = 3
MAX_MOMENT_TIPS = 3


class DebriefError(ScoringError):
    """A run that cannot be debriefed (damaged, or the scenario has changed); says why."""


# --- the data -----------------------------------------------------------------------

@dataclass(slots=True)
class CitationView:
    source: str
    provenance: str  # quickscan | letter | guidance | synthesis
    quote: str | None = None
    translation: str | None = None  # our translation of the quote into the debrief language


@dataclass(slots=True)
class SourceView:
    key: str
    title: str
    url: str = ""
    note: str = ""


@dataclass(slots=True)
class DimensionResult:
    id: str
    name: str
    short: str
    description: str
    status: str  # assessed | not_scored | not_at_stake
    assessed: bool
    raw: int
    minimum: int | None  # the lowest total the decisions met allowed (assessed only)
    maximum: int | None  # the highest
    score: int | None
    band: str | None
    band_name: str | None
    decisions: int = 0  # the decisions on the route that could move this dimension


@dataclass(slots=True)
class AxisResult:
    id: str
    name: str
    description: str
    threshold: int
    score: int | None
    high: bool | None
    dimensions: list[str]
    citations: list[CitationView] = field(default_factory=list)
    uncapped: int | None = None  # the score before the ending's outcome capped it
    capped_by: str | None = None  # that outcome
    cap_note: str | None = None  # why (the rubric's note)


@dataclass(slots=True)
class QuadrantResult:
    id: str
    name: str
    description: str
    contact_high: bool
    limits_high: bool
    citations: list[CitationView] = field(default_factory=list)


@dataclass(slots=True)
class BandInfo:
    id: str
    name: str
    lower: int
    upper: int


@dataclass(slots=True)
class LineView:
    speaker: str | None
    text: str


@dataclass(slots=True)
class OptionResult:
    id: str
    text: str
    scores: dict[str, int]
    total: int
    feedback: str | None


@dataclass(slots=True)
class KeyMoment:
    step: int  # 1-based number of the decision in the run
    node: str
    kind: str  # good | poor
    situation: list[LineView]
    chosen: OptionResult
    better: OptionResult | None  # poor moments: the best option that was on offer, if better


@dataclass(slots=True)
class TurningPoint:
    """The decision after which the ending was sealed: the last one from which a better
    ending was still reachable, with the better option there and the ending it could reach."""

    step: int  # 1-based number of the decision in the run
    node: str
    chosen: OptionResult
    better: OptionResult
    reachable: EndingSketch


@dataclass(slots=True)
class EndingSketch:
    node: str
    outcome: str
    title: str


@dataclass(slots=True)
class TipResult:
    """One thing to try next time. ``kind``: ``moment`` (a decision of this run: the better
    option there and why), ``scenario`` (the author's tip) or ``rubric`` (good practice)."""

    dimension: str | None
    practice: str | None  # the rubric's good practice (rubric tips)
    text: str
    citations: list[CitationView]
    kind: str = "rubric"  # moment | scenario | rubric
    step: int | None = None  # moment tips: the decision
    option: str | None = None  # moment tips: the better option's text


@dataclass(slots=True)
class KeepResult:
    """When no dimension needs a tip (every assessed one in the two highest bands): a strong
    decision of the run, to keep doing."""

    step: int
    node: str
    text: str
    feedback: str | None


@dataclass(slots=True)
class PathEntry:
    node: str
    choice: str | None = None
    text: str | None = None
    scores: dict[str, int] = field(default_factory=dict)
    label: str = ""  # what a trainee saw there (an ending's title, else its first line, short)


@dataclass(slots=True)
class EndingResult:
    node: str
    outcome: str
    title: str
    text: str


@dataclass(slots=True)
class Notice:
    code: str  # too_large | unfinished | changed | unknown_dimensions
    message: str


@dataclass(slots=True)
class Debrief:
    lang: str
    mode: str | None
    scenario_id: str
    scenario_version: int
    scenario_title: str
    role: str
    rubric_id: str
    rubric_version: int
    finished: bool
    decisions: int
    played: str | None  # time of the last decision, as recorded in the run
    ending: EndingResult | None
    dimensions: list[DimensionResult]
    axes: list[AxisResult]
    quadrant: QuadrantResult | None
    quadrants: list[QuadrantResult]
    bands: list[BandInfo]
    key_moments: list[KeyMoment]
    turning_point: TurningPoint | None
    tips: list[TipResult]
    keep_doing: list[KeepResult]
    top_score: bool  # every assessed dimension in the highest band
    path: list[PathEntry]
    sources: list[SourceView]
    visit_bound: int
    notices: list[Notice] = field(default_factory=list)
    format: str = FORMAT
    gauges: list[GaugeSeries] = field(default_factory=list)  # the scenario's gauges over the run

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        return asdict(self)

    def dimension(self, dim_id: str) -> DimensionResult:
        return next(d for d in self.dimensions if d.id == dim_id)


# --- notices in both languages ----------------------------------------------------------

_NOTICES = {
    "too_large": {
        "nl": "Dit scenario is te groot om alle routes te verkennen: meer dan {max_states} "
              "toestanden, met elke lus hooguit {visit_bound} keer doorlopen (lusgrens "
              "{visit_bound}). Daarom kan niet worden nagegaan na welke beslissing een betere "
              "afloop niet meer bereikbaar was; de scores zelf gelden wel.",
        "en": "This scenario is too large to explore all its paths: more than {max_states} "
              "states, with each loop taken at most {visit_bound} times (visit bound "
              "{visit_bound}). So the decision after which a better ending was out of reach "
              "cannot be found; the scores themselves stand.",
    },
    "unfinished": {
        "nl": "Deze ronde is nog niet afgerond; de scores gaan over de keuzes tot nu toe.",
        "en": "This run is not finished; the scores cover the choices made so far.",
    },
    "changed": {
        "nl": "Het scenario is gewijzigd sinds deze ronde is gespeeld (versie {old}, nu {new}). "
              "De scores van de gemaakte keuzes zijn zoals ze toen golden.",
        "en": "The scenario has changed since this run was played (version {old}, now {new}). "
              "The scores of the choices made are as they were then.",
    },
    "unknown_dimensions": {
        "nl": "De ronde bevat scores voor dimensies die deze rubric niet kent ({dims}); die "
              "tellen niet mee.",
        "en": "The run holds scores for dimensions this rubric does not know ({dims}); they "
              "are left out.",
    },
}


def _notice(code: str, lang: str, **kw: Any) -> Notice:
    return Notice(code, _NOTICES[code][lang].format(**kw))


# --- building -------------------------------------------------------------------------

def _cites(citations: list[Citation], lang: str) -> list[CitationView]:
    out = []
    for c in citations:
        translation = None
        if c.translation is not None and c.translation.has(lang):
            translation = c.translation.get(lang)
            if translation == c.quote:
                translation = None
        out.append(CitationView(c.source, c.provenance, c.quote, translation))
    return out


def _option(choice: Choice, scores: Mapping[str, int], lang: str) -> OptionResult:
    s = {str(k): int(v) for k, v in scores.items()}
    return OptionResult(choice.id, choice.text.get(lang), s, sum(s.values()),
                        choice.feedback.get(lang) if choice.feedback else None)


def fits(p: Practice, scenario: Scenario) -> bool:
    """A rubric tip fits a scenario when its channels (if any) include the scenario's channel
    and its themes, the domain it belongs to (if any), meet the scenario's themes."""
    if p.tip is None:
        return False
    if p.channels and scenario.channel not in p.channels:
        return False
    return not (p.themes and not set(p.themes) & set(scenario.themes))


def pick_tip(dim: Dimension, scenario: Scenario) -> Practice | None:
    """The good practice whose tip fits the scenario best (domain, then channel); None when
    no tip of the dimension fits: a tip from another domain is never given."""
    best: Practice | None = None
    best_fit = -1
    for p in dim.good:
        if not fits(p, scenario):
            continue
        fit = (2 if p.themes else 0) + (1 if p.channels else 0)
        if fit > best_fit:
            best, best_fit = p, fit
    return best


def _total(scores: Mapping[str, int], dims: set[str] | None) -> int:
    return sum(v for d, v in scores.items() if dims is None or d in dims)


def key_moments(scenario: Scenario, decisions: list[Decision], lang: str,
                dims: set[str] | None = None, always: int | None = None) -> list[KeyMoment]:
    """The decisions with the largest effect: up to MAX_GOOD good and MAX_POOR poor, in run order,
    and decision ``always`` (1-based: the turning point) whatever its effect.

    A decision's effect is the sum of its scores (over ``dims`` when given). At each poor
    one, ``better`` is the best option that was on offer then, if it scored higher.
    """
    rows: list[tuple[int, int, Decision]] = []  # (effect, regret, decision)
    for d in decisions:
        chosen = _total(d.step.scores, dims)
        alts = [_total(c.scores, dims) for c in d.offered if c.id != d.step.choice]
        regret = max(alts) - chosen if alts else 0
        rows.append((chosen, regret, d))
    good = sorted((r for r in rows if r[0] > 0), key=lambda r: (-r[0], r[2].index))[:MAX_GOOD]
    poor = sorted((r for r in rows if r[0] < 0), key=lambda r: (r[0], -r[1], r[2].index))[:MAX_POOR]
    picked = good + poor
    if always is not None and all(r[2].index != always for r in picked):
        picked += [r for r in rows if r[2].index == always]
    out: list[KeyMoment] = []
    for chosen_total, _regret, d in sorted(picked, key=lambda r: r[2].index):
        node = scenario.nodes[d.step.node]
        choice = node.choice(d.step.choice)
        assert choice is not None
        chosen = _option(choice, d.step.scores, lang)
        kind = "good" if chosen_total > 0 and d.index != always else "poor"
        better = None
        if kind == "poor":
            alts = [c for c in d.offered if c.id != choice.id]
            if alts:
                top = max(alts, key=lambda c: _total(c.scores, dims))  # first of equals wins
                if _total(top.scores, dims) > chosen_total:
                    better = _option(top, top.scores, lang)
        situation = []
        for ln in node.lines:
            speaker = scenario.characters[ln.speaker].name.get(lang) if ln.speaker else None
            situation.append(LineView(speaker, ln.text.get(lang)))
        out.append(KeyMoment(d.index, node.id, kind, situation, chosen, better))
    return out


def _path(scenario: Scenario, run: Run, lang: str) -> list[PathEntry]:
    def entry(node_id: str) -> PathEntry:
        return PathEntry(node_id, label=node_label(scenario, node_id, lang))

    entries = [entry(n) for n in run.opening]
    for step in run.history:
        choice = scenario.nodes[step.node].choice(step.choice)
        if entries and entries[-1].node == step.node:
            entries[-1].choice = step.choice
            entries[-1].text = choice.text.get(lang) if choice else None
            entries[-1].scores = dict(step.scores)
        entries += [entry(n) for n in step.entered]
    return entries


LABEL_CHARS = 70


def node_label(scenario: Scenario, node_id: str, lang: str, limit: int = LABEL_CHARS) -> str:
    """A node as a trainee knows it (node ids are the author's): an ending's title, else
    its first line with the speaker's name, cut at a word near ``limit`` characters."""
    node = scenario.nodes.get(node_id)
    if node is None:
        return node_id
    if node.ending is not None:
        return " ".join(node.ending.title.get(lang).split())
    for line in node.lines:
        text = " ".join(line.text.get(lang).split())
        if not text:
            continue
        who = scenario.characters.get(line.speaker) if line.speaker else None
        if who is not None:
            text = f"{' '.join(who.name.get(lang).split())}: {text}"
        if len(text) > limit:
            cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
            text = cut.rstrip(",;:.-–— ") + "…"
        return text
    return node_id


def weak(rubric: Rubric, score: int) -> bool:
    """A score that earns a tip: below the two highest bands (with the bundled rubric: below
    'goed', 65)."""
    ids = [b.id for b in rubric.bands]
    return rubric.band_for(score).id not in ids[-2:]


def top_score(rubric: Rubric, card: Scorecard) -> bool:
    """Every assessed dimension in the highest band (and at least one assessed)."""
    scores = [s.score for s in card.dimensions.values() if s.assessed and s.score is not None]
    return bool(scores) and all(rubric.band_for(v).id == rubric.bands[-1].id for v in scores)


def _moment_tips(scenario: Scenario, decisions: list[Decision], lang: str, dims: set[str],
                 turn: int | None) -> list[TipResult]:
    """The trainee's weakest moments: the decisions where the best option on offer (on the
    weak dimensions) beat the choice made by most; the turning point is named apart."""
    rows = []
    for d in decisions:
        if d.index == turn:
            continue
        alts = [c for c in d.offered if c.id != d.step.choice]
        if not alts:
            continue
        top = max(alts, key=lambda c: _total(c.scores, dims))
        regret = _total(top.scores, dims) - _total(d.step.scores, dims)
        if regret > 0:
            rows.append((regret, d, top))
    rows = sorted(rows, key=lambda r: (-r[0], r[1].index))[:MAX_MOMENT_TIPS]
    out = []
    for _, d, top in sorted(rows, key=lambda r: r[1].index):
        touched = [k for k, v in top.scores.items() if k in dims and v > d.step.scores.get(k, 0)]
        out.append(TipResult(touched[0] if touched else None, None,
                             top.feedback.get(lang) if top.feedback else "", [], "moment",
                             d.index, top.text.get(lang)))
    return out


def _tips(rubric: Rubric, scenario: Scenario, card: Scorecard, decisions: list[Decision],
          lang: str, turn: int | None) -> list[TipResult]:
    """What to try next time, for the dimensions scored below the two highest bands."""
    weak_dims = [d.id for d in rubric.dimensions if card.dimensions[d.id].assessed
                 and weak(rubric, card.dimensions[d.id].score or 0)]
    if not weak_dims:
        return []
    tips = _moment_tips(scenario, decisions, lang, set(weak_dims), turn)
    own = {t.dimension: t for t in reversed(scenario.tips)}  # the first tip per dimension
    for dim_id in weak_dims:
        tip = own.get(dim_id)
        if tip is not None:
            tips.append(TipResult(dim_id, None, tip.text.get(lang), [], "scenario"))
            continue
        p = pick_tip(rubric.dimension(dim_id), scenario)
        if p is not None and p.tip is not None:
            tips.append(TipResult(dim_id, p.text.get(lang), p.tip.get(lang),
                                  _cites(p.citations, lang), "rubric"))
    return tips


def _keep_doing(decisions: list[Decision], lang: str, dims: set[str]) -> list[KeepResult]:
    """At a top score: the strongest decisions of the run (up to MAX_GOOD), in run order."""
    rows = [(_total(d.step.scores, dims), d) for d in decisions]
    best = sorted((r for r in rows if r[0] > 0), key=lambda r: (-r[0], r[1].index))[:MAX_GOOD]
    return [KeepResult(d.index, d.step.node, d.chosen.text.get(lang),
                       d.chosen.feedback.get(lang) if d.chosen.feedback else None)
            for _, d in sorted(best, key=lambda r: r[1].index)]


def _turning(scenario: Scenario, rubric: Rubric, run: Run, decisions: list[Decision],
             lang: str, visit_bound: int, max_states: int) -> tuple[TurningPoint | None, bool]:
    """(the turning point or None, whether the scenario was too large to look)."""
    if not run.finished or run.node.ending is None:
        return None, False
    snap = run.snapshot()
    try:
        turn = turning_point(scenario, rubric, [d.step.choice for d in decisions],
                             run.node.ending.outcome, start=snap["start"],
                             values=snap["start_values"], visit_bound=visit_bound,
                             max_states=max_states)
    except TooLarge:
        return None, True
    if turn is None:
        return None, False
    d = decisions[turn.step - 1]
    better = scenario.nodes[turn.node].choice(turn.better)
    end = scenario.nodes[turn.reachable].ending
    assert better is not None and end is not None
    return TurningPoint(turn.step, turn.node, _option(d.chosen, d.step.scores, lang),
                        _option(better, better.scores, lang),
                        EndingSketch(turn.reachable, end.outcome, end.title.get(lang))), False


def build_debrief(scenario: Scenario, snapshot_or_run: Run | Mapping[str, Any], rubric: Rubric,
                  lang: str = "nl", mode: str | None = None, *,
                  visit_bound: int = DEFAULT_VISIT_BOUND,
                  max_states: int = DEFAULT_MAX_STATES) -> Debrief:
    """The debrief of a run (a :class:`Run` or its ``snapshot()`` data), in ``lang``.

    ``visit_bound`` and ``max_states`` bound the exploration that finds the turning point."""
    if lang not in KNOWN_LANGS:
        raise ValueError(f"unknown language {lang!r}; use {' or '.join(KNOWN_LANGS)}")
    data = snapshot_or_run.snapshot() if isinstance(snapshot_or_run, Run) else snapshot_or_run
    if not isinstance(data, Mapping):
        raise DebriefError("this is not a saved sovsim run")
    try:
        run, decisions = replay(scenario, data)
    except ReplayError as err:
        raise DebriefError(str(err)) from None
    outcome = run.node.ending.outcome if run.finished and run.node.ending else None
    card = score_decisions(scenario, decisions, rubric, outcome)
    turn, too_large = _turning(scenario, rubric, run, decisions, lang, visit_bound, max_states)
    changed = data.get("version") not in (None, scenario.version) or any(
        d.step.scores != d.chosen.scores for d in decisions)
    notices = _notices(data, card, lang, visit_bound, max_states, run.finished, too_large,
                       scenario.version if changed else None)
    dims = [_dimension(card, d, lang) for d in rubric.dimensions]
    axes = []
    for a in rubric.axes.values():
        sc = card.axes[a.id]
        rule = rubric.outcome(sc.capped_by) if sc.capped_by else None
        axes.append(AxisResult(a.id, a.name.get(lang), a.description.get(lang), a.threshold,
                               sc.score, sc.high, sc.dimensions, _cites(a.citations, lang),
                               sc.uncapped, sc.capped_by,
                               rule.note.get(lang) if rule and rule.note else None))
    quadrants = [QuadrantResult(q.id, q.name.get(lang), q.description.get(lang), q.contact_high,
                                q.limits_high, _cites(q.citations, lang))
                 for q in rubric.quadrants]
    quadrant = next((q for q in quadrants if card.quadrant and q.id == card.quadrant.id), None)
    rubric_dims = set(rubric.dimension_ids())
    tips = _tips(rubric, scenario, card, decisions, lang, turn.step if turn else None)
    assessed = any(x.assessed for x in card.dimensions.values())
    keep = _keep_doing(decisions, lang, rubric_dims) if not tips and assessed else []
    moments = key_moments(scenario, decisions, lang, rubric_dims, turn.step if turn else None)
    ending = None
    if run.finished and run.node.ending is not None:
        e = run.node.ending
        ending = EndingResult(run.node_id, e.outcome, e.title.get(lang), e.text.get(lang))
    cited: set[str] = set()
    for t in tips:
        cited |= {c.source for c in t.citations}
    for a in axes:
        cited |= {c.source for c in a.citations}
    if quadrant:
        cited |= {c.source for c in quadrant.citations}
    sources = [SourceView(s.key, s.title, s.url, s.note) for s in rubric.sources.values()
               if s.key in cited]
    return Debrief(
        lang=lang, mode=mode, scenario_id=scenario.id, scenario_version=scenario.version,
        scenario_title=scenario.title.get(lang), role=scenario.role.get(lang),
        rubric_id=rubric.id, rubric_version=rubric.version, finished=run.finished,
        decisions=len(run.history), played=run.history[-1].time if run.history else None,
        ending=ending, dimensions=dims, axes=axes, quadrant=quadrant, quadrants=quadrants,
        bands=[BandInfo(b.id, b.name.get(lang), b.lower, b.upper) for b in rubric.bands],
        key_moments=moments, turning_point=turn, tips=tips, keep_doing=keep,
        top_score=top_score(rubric, card),
        path=_path(scenario, run, lang), sources=sources, visit_bound=visit_bound,
        notices=notices,
        gauges=gauge_series(scenario, run, lang),
    )


def _dimension(card: Scorecard, d: Dimension, lang: str) -> DimensionResult:
    s = card.dimensions[d.id]
    return DimensionResult(
        d.id, d.name.get(lang), d.short.get(lang), d.description.get(lang), s.status,
        s.status == ASSESSED, s.raw, s.minimum, s.maximum, s.score,
        s.band.id if s.band else None, s.band.name.get(lang) if s.band else None, s.decisions)


def _notices(data: Mapping[str, Any], card: Scorecard, lang: str, visit_bound: int,
             max_states: int, finished: bool, too_large: bool,
             scenario_version: int | None) -> list[Notice]:
    out: list[Notice] = []
    if too_large:
        out.append(_notice("too_large", lang, max_states=f"{max_states:,}".replace(
            ",", "." if lang == "nl" else ","), visit_bound=visit_bound))
    if not finished:
        out.append(_notice("unfinished", lang))
    if scenario_version is not None:
        out.append(_notice("changed", lang, old=data.get("version"), new=scenario_version))
    if card.other:
        out.append(_notice("unknown_dimensions", lang, dims=", ".join(sorted(card.other))))
    return out
