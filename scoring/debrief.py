"""The debrief of a run, as data: scores and bands per dimension, the quadrant, the
key moments (with the better option that was on offer), one thing to try next time
per assessed dimension with its sources, the path and the ending.

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
from .replay import Decision, ReplayError, at_stake, replay
from .rubric import Citation, Dimension, Practice, Rubric
from .score import ASSESSED, NOT_EXPLORED, Scorecard, ScoringError, score_history

FORMAT = "sovsim-debrief-1"
MAX_GOOD = 3
MAX_POOR = 3


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
    status: str  # assessed | not_scored | no_spread | not_explored
    assessed: bool
    raw: int
    minimum: int | None
    maximum: int | None
    score: int | None
    band: str | None
    band_name: str | None
    clamped: bool = False


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
class TipResult:
    dimension: str
    practice: str
    text: str
    citations: list[CitationView]


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
    code: str  # too_large | unfinished | changed | clamped | unknown_dimensions
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
    tips: list[TipResult]
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
              "{visit_bound}). Daarom staan hieronder alleen ruwe totalen, zonder score van 0 "
              "tot 100.",
        "en": "This scenario is too large to explore all its paths: more than {max_states} "
              "states, with each loop taken at most {visit_bound} times (visit bound "
              "{visit_bound}). So only raw totals are shown below, without a 0-100 score.",
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
    "clamped": {
        "nl": "Bij {dims} ligt het totaal buiten wat binnen de lusgrens ({visit_bound}) "
              "haalbaar is; de score is afgekapt op 0 of 100.",
        "en": "For {dims} the total lies outside what is reachable within the visit bound "
              "({visit_bound}); the score is capped at 0 or 100.",
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


def pick_tip(dim: Dimension, scenario: Scenario) -> Practice | None:
    """The good practice whose tip fits the scenario best (channel and themes), else the first."""
    best: Practice | None = None
    best_fit = -1
    for p in dim.good:
        if p.tip is None:
            continue
        if p.channels and scenario.channel not in p.channels:
            continue
        if p.themes and not set(p.themes) & set(scenario.themes):
            continue
        fit = (2 if p.themes else 0) + (1 if p.channels else 0)
        if fit > best_fit:
            best, best_fit = p, fit
    if best is None:
        best = next((p for p in dim.good if p.tip is not None), None)
    return best


def key_moments(scenario: Scenario, decisions: list[Decision], lang: str,
                dims: set[str] | None = None) -> list[KeyMoment]:
    """The decisions with the largest effect: up to MAX_GOOD good and MAX_POOR poor, in run order.

    A decision's effect is the sum of its scores (over ``dims`` when given). At each poor
    one, ``better`` is the best option that was on offer then, if it scored higher.
    """
    def total(scores: Mapping[str, int]) -> int:
        return sum(v for d, v in scores.items() if dims is None or d in dims)

    rows: list[tuple[int, int, Decision]] = []  # (effect, regret, decision)
    for d in decisions:
        chosen = total(d.step.scores)
        alts = [total(c.scores) for c in d.offered if c.id != d.step.choice]
        regret = max(alts) - chosen if alts else 0
        rows.append((chosen, regret, d))
    good = sorted((r for r in rows if r[0] > 0), key=lambda r: (-r[0], r[2].index))[:MAX_GOOD]
    poor = sorted((r for r in rows if r[0] < 0), key=lambda r: (r[0], -r[1], r[2].index))[:MAX_POOR]
    out: list[KeyMoment] = []
    for chosen_total, _regret, d in sorted(good + poor, key=lambda r: r[2].index):
        node = scenario.nodes[d.step.node]
        choice = node.choice(d.step.choice)
        assert choice is not None
        chosen = _option(choice, d.step.scores, lang)
        better = None
        if chosen_total < 0:
            alts = [c for c in d.offered if c.id != choice.id]
            if alts:
                top = max(alts, key=lambda c: total(c.scores))  # first of equals wins
                if total(top.scores) > chosen_total:
                    better = _option(top, top.scores, lang)
        situation = []
        for ln in node.lines:
            speaker = scenario.characters[ln.speaker].name.get(lang) if ln.speaker else None
            situation.append(LineView(speaker, ln.text.get(lang)))
        out.append(KeyMoment(d.index, node.id, "good" if chosen_total > 0 else "poor",
                             situation, chosen, better))
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


def build_debrief(scenario: Scenario, snapshot_or_run: Run | Mapping[str, Any], rubric: Rubric,
                  lang: str = "nl", mode: str | None = None, *,
                  visit_bound: int = DEFAULT_VISIT_BOUND,
                  max_states: int = DEFAULT_MAX_STATES) -> Debrief:
    """The debrief of a run (a :class:`Run` or its ``snapshot()`` data), in ``lang``."""
    if lang not in KNOWN_LANGS:
        raise ValueError(f"unknown language {lang!r}; use {' or '.join(KNOWN_LANGS)}")
    data = snapshot_or_run.snapshot() if isinstance(snapshot_or_run, Run) else snapshot_or_run
    if not isinstance(data, Mapping):
        raise DebriefError("this is not a saved sovsim run")
    try:
        run, decisions = replay(scenario, data)
    except ReplayError as err:
        raise DebriefError(str(err)) from None
    snap = run.snapshot()
    card = score_history(scenario, run.history, rubric, start=snap["start"],
                         start_values=snap["start_values"], visit_bound=visit_bound,
                         max_states=max_states, at_stake=at_stake(decisions))
    changed = data.get("version") not in (None, scenario.version) or any(
        d.step.scores != d.chosen.scores for d in decisions)
    notices = _notices(rubric, data, card, lang, visit_bound, max_states, run.finished,
                       scenario.version if changed else None)
    dims = [_dimension(rubric, card, d, lang) for d in rubric.dimensions]
    axes = [AxisResult(a.id, a.name.get(lang), a.description.get(lang), a.threshold,
                       card.axes[a.id].score, card.axes[a.id].high, card.axes[a.id].dimensions,
                       _cites(a.citations, lang)) for a in rubric.axes.values()]
    quadrants = [QuadrantResult(q.id, q.name.get(lang), q.description.get(lang), q.contact_high,
                                q.limits_high, _cites(q.citations, lang))
                 for q in rubric.quadrants]
    quadrant = next((q for q in quadrants if card.quadrant and q.id == card.quadrant.id), None)
    tips = []
    for d in rubric.dimensions:
        if card.dimensions[d.id].status not in (ASSESSED, NOT_EXPLORED):
            continue
        p = pick_tip(d, scenario)
        if p is not None and p.tip is not None:
            tips.append(TipResult(d.id, p.text.get(lang), p.tip.get(lang), _cites(p.citations, lang)))
    moments = key_moments(scenario, decisions, lang, set(rubric.dimension_ids()))
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
        key_moments=moments, tips=tips, path=_path(scenario, run, lang), sources=sources,
        visit_bound=visit_bound, notices=notices,
        gauges=gauge_series(scenario, run, lang),
    )


def _dimension(rubric: Rubric, card: Scorecard, d: Dimension, lang: str) -> DimensionResult:
    s = card.dimensions[d.id]
    return DimensionResult(
        d.id, d.name.get(lang), d.short.get(lang), d.description.get(lang), s.status,
        s.status == ASSESSED, s.raw, s.minimum, s.maximum, s.score,
        s.band.id if s.band else None, s.band.name.get(lang) if s.band else None, s.clamped)


def _notices(rubric: Rubric, data: Mapping[str, Any], card: Scorecard, lang: str,
             visit_bound: int, max_states: int, finished: bool,
             scenario_version: int | None) -> list[Notice]:
    out: list[Notice] = []
    if card.notice:
        out.append(_notice("too_large", lang, max_states=f"{max_states:,}".replace(
            ",", "." if lang == "nl" else ","), visit_bound=visit_bound))
    if not finished:
        out.append(_notice("unfinished", lang))
    if scenario_version is not None:
        out.append(_notice("changed", lang, old=data.get("version"), new=scenario_version))
    clamped = [rubric.dimension(d).short.get(lang) for d, s in card.dimensions.items() if s.clamped]
    if clamped:
        out.append(_notice("clamped", lang, dims=", ".join(clamped), visit_bound=visit_bound))
    if card.other:
        out.append(_notice("unknown_dimensions", lang, dims=", ".join(sorted(card.other))))
    return out
