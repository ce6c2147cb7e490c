"""Warnings about scenarios that load but would make a poor or broken training.

Each warning is a :class:`~sim.errors.ScenarioError` with ``severity="warning"``,
a ``code`` (listed in :data:`CODES`) and the file, line and column of the thing
concerned. Structural checks read the scenario model; the rest explore every
play-through with :mod:`sim.analysis` (within a visit bound and a state budget;
beyond the budget, seeded random runs stand in and a ``not-explored`` warning
says so). :func:`check_file` runs the loader first and lints only a file that loads.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import analysis
from .errors import ScenarioError, problem
from .problemtext import Msg
from .scenario import Scenario
from .text import Text

# A choice list in an 80-column terminal: the number ("1. "), the list's border,
# padding and scrollbar take 8 columns, so a choice's text wraps at 72 columns;
# more than 3 wrapped lines crowd out the conversation on an 80x24 screen.
CHOICE_WIDTH = 72
CHOICE_LINES = 3
# The choice list of the play screen shows at most 14 lines before it scrolls.
CHOICE_LIST_LINES = 14
# Plain (one-language) text of more than this many words in a scenario with two
# languages is flagged as untranslated; names and short labels are fine.
FEW_WORDS = 3
# Until a rubric states its bands: the top band starts at 85 of 0-100.
DEFAULT_TOP_BAND = 85.0
RANDOM_RUNS = 500  # stand-in for exploration when the state space is too large

CODES = {
    "unreachable": "no choice or continuation leads to this node, or no play-through gets there",
    "ending-unreached": "an ending no play-through reaches",
    "no-decision": "a node where the trainee has only one option",
    "no-scores": "a choice without rubric scores",
    "no-feedback": "a choice without feedback",
    "missing-translation": "text in one language only, empty, or the same in every language",
    "long-text": "a choice text (or reason), or a node's choices together, longer than fits "
                 "an 80x24 choice list",
    "one-direction": "a dimension only ever rewarded, or only ever penalised",
    "flat-dimension": "a dimension every play-through scores the same total on",
    "top-band": "the best play-through cannot reach the top band on every assessed dimension",
    "dead-end": "a state where every choice is hidden or disabled",
    "best-in-same-place": "the best-scoring option stands in the same place at most decisions",
    "runtime-error": "an expression that fails while playing (e.g. division by zero)",
    "not-explored": "too many states to explore every play-through; random runs stood in",
    "behaviour-score": "a choice whose written scores differ from its behaviours' without a "
                       "reason",
    "override-default": "an override that gives a behaviour's default score",
    "no-tip": "a dimension the scenario scores with no tip that fits it (none under 'tips:', "
              "none in the rubric for its channel and themes)",
}


class Positions:
    """Line and column of every value (and mapping key) of a composed YAML file,
    addressed by path: ``("nodes", "balie", "choices", 0, "text")``."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.values: dict[tuple[Any, ...], tuple[int, int]] = {}
        self.keys: dict[tuple[Any, ...], tuple[int, int]] = {}
        if root is not None:
            self._walk(root, ())

    def _walk(self, root: yaml.Node, start: tuple[Any, ...]) -> None:
        seen: set[int] = set()
        stack = [(root, start)]
        while stack:
            node, path = stack.pop()
            self.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
            if id(node) in seen:  # an alias: its contents are listed where it was defined
                continue
            seen.add(id(node))
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode):
                        key = path + (str(k.value),)
                        self.keys[key] = (k.start_mark.line + 1, k.start_mark.column + 1)
                        stack.append((v, key))
            elif isinstance(node, yaml.SequenceNode):
                for i, v in enumerate(node.value):
                    stack.append((v, path + (i,)))

    def at(self, path: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
        """Where ``path`` is (its key when ``key``); else the nearest enclosing item."""
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        while path:
            path = path[:-1]
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
        return (1, 1)


@dataclass(frozen=True, slots=True)
class TextField:
    where: tuple[Any, ...]
    what: Msg
    text: Text


BEST_PLACE_SHARE = 0.6


def text_fields(sc: Scenario) -> Iterator[TextField]:
    """Every text of a scenario with its path in the file and a readable name."""
    for key in ("title", "summary", "role", "dossier", "setting"):
        t = getattr(sc, key)
        if t is not None and t.plain != "":
            yield TextField((key,), Msg(f"lwhat.top.{key}"), t)
    for cid, ch in sc.characters.items():
        yield TextField(("characters", cid, "name"), Msg("lwhat.character_name", id=cid),
                        ch.name)
        if ch.description.plain != "":
            yield TextField(("characters", cid, "description"),
                            Msg("lwhat.character_description", id=cid), ch.description)
    for vid, var in sc.variables.items():
        if var.label is not None:
            yield TextField(("variables", vid, "label"), Msg("lwhat.variable_label", id=vid),
                            var.label)
    for nid, node in sc.nodes.items():
        base = ("nodes", nid)
        for i, line in enumerate(node.lines):
            yield TextField(base + ("lines", i, "text"), Msg("lwhat.line", n=i + 1, id=nid),
                            line.text)
        for key in ("thought", "trainer_notes", "discussion"):
            t = getattr(node, key)
            if t is not None:
                yield TextField(base + (key,), Msg(f"lwhat.node_{key}", id=nid), t)
        for i, c in enumerate(node.choices):
            cb = base + ("choices", i)
            yield TextField(cb + ("text",), Msg("lwhat.choice_text", id=c.id), c.text)
            if c.reason is not None:
                yield TextField(cb + ("reason",), Msg("lwhat.choice_reason", id=c.id), c.reason)
            if c.feedback is not None:
                yield TextField(cb + ("feedback",), Msg("lwhat.choice_feedback", id=c.id),
                                c.feedback)
            if c.thought is not None:
                yield TextField(cb + ("thought",), Msg("lwhat.choice_thought", id=c.id),
                                c.thought)
            if c.override is not None:
                yield TextField(cb + ("override", "reason"),
                                Msg("lwhat.override_reason", id=c.id), c.override.reason)
        if node.ending is not None:
            yield TextField(base + ("ending", "title"), Msg("lwhat.ending_title", id=nid),
                            node.ending.title)
            yield TextField(base + ("ending", "text"), Msg("lwhat.ending_text", id=nid),
                            node.ending.text)


# --- measuring text -------------------------------------------------------------

def cell_width(text: str) -> int:
    """Terminal columns a text takes: wide (CJK) characters 2, combining marks 0."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def wrapped_lines(text: str, width: int = CHOICE_WIDTH) -> int:
    """Lines ``text`` takes when word-wrapped at ``width`` columns (as a terminal list does)."""
    total = 0
    for para in text.split("\n"):
        lines, used = 1, 0
        for word in para.split():
            w = cell_width(word)
            if used and used + 1 + w <= width:
                used += 1 + w
                continue
            if used:
                lines += 1
            while w > width:  # a word longer than a line is broken across lines
                lines += 1
                w -= width
            used = w
        total += lines
    return total


def choice_lines(choice: Any, lang: str) -> int:
    """Lines a choice takes in the choice list: its text, and a disabled one's reason."""
    n = wrapped_lines(choice.text.get(lang))
    if choice.unavailable == "disable" and choice.reason is not None:
        n += wrapped_lines("(unavailable: " + choice.reason.get(lang) + ")")
    return n


# --- the checks -------------------------------------------------------------------

class _Linter:
    def __init__(self, sc: Scenario, pos: Positions, top_band: float, top_name: Msg,
                 visit_bound: int, max_states: int,
                 exploration: analysis.Exploration | analysis.TooLarge | None = None,
                 sample: analysis.RandomReport | None = None) -> None:
        self.sc = sc
        self.exploration = exploration
        self.sample = sample
        self.pos = pos
        self.top_band = top_band
        self.top_name = top_name
        self.visit_bound = visit_bound
        self.max_states = max_states
        self.catalogue: dict[str, dict[str, int]] | None = None  # the rubric's, if given
        self.out: list[tuple[str | None, ScenarioError]] = []  # (node concerned, warning)

    def warn(self, where: tuple[Any, ...], code: str, message: Msg, key: bool = False) -> None:
        line, col = self.pos.at(where, key)
        node = where[1] if len(where) > 1 and where[0] == "nodes" else None
        self.out.append((node, problem(self.sc.path, line, col, message, "warning", code)))

    def node_at(self, nid: str) -> tuple[Any, ...]:
        return ("nodes", nid)

    def run(self) -> list[tuple[str | None, ScenarioError]]:
        static = self.static_reach()
        self.choices_and_decisions()
        self.behaviours()
        self.translations()
        self.lengths()
        self.directions()
        self.best_position()
        self.dynamic(static)
        return sorted(self.out, key=lambda p: (p[1].line, p[1].column, p[1].code))

    # -- structure ---------------------------------------------------------------
    def static_reach(self) -> set[str]:
        sc = self.sc
        seen = {sc.start}
        todo = [sc.start]
        while todo:
            for t in sc.nodes[todo.pop()].successors():
                if t not in seen and t in sc.nodes:
                    seen.add(t)
                    todo.append(t)
        for nid in sc.nodes:
            if nid not in seen:
                self.warn(self.node_at(nid), "unreachable",
                          Msg("lint.unreachable", id=nid, start=sc.start), key=True)
        return seen

    def choices_and_decisions(self) -> None:
        for nid, node in self.sc.nodes.items():
            if len(node.choices) == 1:
                c = node.choices[0]
                self.warn(self.node_at(nid), "no-decision",
                          Msg("lint.one_choice", id=nid, choice=c.id), key=True)
            for i, c in enumerate(node.choices):
                where = ("nodes", nid, "choices", i)
                if not c.scores:
                    self.warn(where, "no-scores", Msg("lint.no_scores", id=c.id, node=nid))
                if c.feedback is None:
                    self.warn(where, "no-feedback", Msg("lint.no_feedback", id=c.id, node=nid))

    def behaviours(self) -> None:
        """The same behaviour must score the same everywhere, unless a reason says why not."""
        from .behaviours import catalogue_of, default_scores, default_terms

        catalogue = self.catalogue if self.catalogue is not None else catalogue_of(
            default_terms())
        for nid, node in self.sc.nodes.items():
            for i, c in enumerate(node.choices):
                if not c.behaviours:
                    continue
                expected = default_scores(catalogue or {}, c.behaviours)
                where = ("nodes", nid, "choices", i)
                if c.written_scores:
                    shown = ", ".join(f"{d} {v:+d}" for d, v in expected.items()) or "0"
                    for d in dict.fromkeys([*expected, *c.scores]):
                        actual = c.scores.get(d, 0)
                        if actual != expected.get(d, 0):
                            self.warn(where + ("scores",), "behaviour-score",
                                      Msg("lint.behaviour_score", id=c.id,
                                          behaviours=", ".join(c.behaviours), expected=shown,
                                          dim=d, actual=f"{actual:+d}", actual_n=actual))
                if c.override is not None:
                    for d, v in c.override.scores.items():
                        if v == expected.get(d, 0):
                            self.warn(where + ("override", d), "override-default",
                                      Msg("lint.override_default", id=c.id, dim=d,
                                          value=f"{v:+d}"), key=True)

    def translations(self) -> None:
        langs = self.sc.languages
        if len(langs) < 2:
            return
        for f in text_fields(self.sc):
            t = f.text
            if t.plain is not None:
                if len(t.plain.split()) > FEW_WORDS:
                    self.warn(f.where, "missing-translation",
                              Msg("lint.one_language", what=f.what,
                                  form="{" + ", ".join(f"{lang}: ..." for lang in langs) + "}"))
                continue
            table = dict(t.values)
            for lang in langs:
                if lang in table and not table[lang].strip():
                    self.warn(f.where + (lang,), "missing-translation",
                              Msg("lint.empty_lang", what=f.what, lang=lang))
            present = [table[lang].strip() for lang in langs if lang in table]
            if (len(present) >= 2 and len(set(present)) == 1
                    and len(present[0].split()) > FEW_WORDS):
                self.warn(f.where, "missing-translation",
                          Msg("lint.same_text", what=f.what,
                              langs=Msg("word.and", a=langs[0], b=langs[1])
                              if len(langs) == 2 else ", ".join(langs)))

    def lengths(self) -> None:
        for nid, node in self.sc.nodes.items():
            langs = self.sc.languages
            for lang in langs:
                total = sum(choice_lines(c, lang) for c in node.choices)
                if total > CHOICE_LIST_LINES:
                    self.warn(self.node_at(nid), "long-text",
                              Msg("lint.choices_long", id=nid, n=total, lang=lang,
                                  limit=CHOICE_LIST_LINES), key=True)
                    break
            for i, c in enumerate(node.choices):
                for key, text in (("text", c.text), ("reason", c.reason)):
                    if text is None:
                        continue
                    texts = ([(None, text.plain)] if text.plain is not None
                             else list(text.values))
                    for lang, value in texts:
                        n = wrapped_lines(value)
                        if n > CHOICE_LINES:
                            where = ("nodes", nid, "choices", i, key)
                            if lang is not None:
                                where += (lang,)
                            in_lang = f" ({lang})" if lang else ""
                            self.warn(where, "long-text",
                                      Msg(f"lint.{key}_long", id=c.id, in_lang=in_lang, n=n,
                                          limit=CHOICE_LINES, width=CHOICE_WIDTH,
                                          chars=len(value)))

    def directions(self) -> None:
        first: dict[str, tuple[Any, ...]] = {}
        signs: dict[str, set[int]] = {}
        for nid, node in self.sc.nodes.items():
            for i, c in enumerate(node.choices):
                for d, v in c.scores.items():
                    first.setdefault(d, ("nodes", nid, "choices", i, "scores", d))
                    signs.setdefault(d, set()).add((v > 0) - (v < 0))
        for d, s in signs.items():
            s = s - {0}
            if s == {1} or s == {-1}:
                self.warn(first[d], "one-direction",
                          Msg("lint.only_rewarded" if s == {1} else "lint.only_penalised", id=d),
                          key=True)

    def best_position(self) -> None:
        """Warn when the best-scoring option sits in the same place at most decisions."""
        places: dict[int, list[str]] = {}
        for nid, node in self.sc.nodes.items():
            if len(node.choices) < 2:
                continue
            totals = [sum(c.scores.values()) for c in node.choices]
            if totals.count(max(totals)) == 1:
                places.setdefault(totals.index(max(totals)), []).append(nid)
        decisions = sum(len(v) for v in places.values())
        if decisions < 4:
            return
        place, nodes = max(places.items(), key=lambda kv: len(kv[1]))
        if len(nodes) > BEST_PLACE_SHARE * decisions:
            self.warn(self.node_at(nodes[0]), "best-in-same-place",
                      Msg("lint.best_same_place_at", warning=Msg(
                          "lint.best_same_place", n=len(nodes), total=decisions,
                          place=place + 1), nodes=", ".join(nodes)), key=True)

    # -- play-throughs ---------------------------------------------------------------
    def dynamic(self, static: set[str]) -> None:
        ex = self.exploration
        if ex is None and self.sample is None:
            try:
                ex = analysis.Exploration(self.sc, self.visit_bound, self.max_states)
            except analysis.TooLarge as err:
                ex = err
        if isinstance(ex, analysis.TooLarge):
            self.warn(("nodes",), "not-explored", Msg("lint.not_explored", bound=ex.bound),
                      key=True)
            ex = None
        if ex is None:
            sample = self.sample or analysis.random_sample(self.sc, RANDOM_RUNS, 0,
                                                           self.visit_bound)
            for p in sample.problems:
                self.problem(p, p.path or [])
            for d in sample.dead_ends:
                self.dead_end(d)
            return
        summary = ex.summary()
        for p in summary.problems:
            self.problem(p, ex.explorer.path_to(p.state))
        for d in summary.dead_ends:
            self.dead_end(d)
        covered = summary.nodes_covered
        for nid, node in self.sc.nodes.items():
            if nid in static and nid not in covered:
                if node.ending is not None:
                    self.warn(self.node_at(nid), "ending-unreached",
                              Msg("lint.ending_unreached", id=nid, bound=self.visit_bound),
                              key=True)
                else:
                    self.warn(self.node_at(nid), "unreachable",
                              Msg("lint.node_unreached", id=nid, bound=self.visit_bound),
                              key=True)
        self.decisions_offered(ex)
        self.spread_and_top(ex, summary)

    def problem(self, p: analysis.Problem, path: list[str]) -> None:
        via = Msg("lint.via_path", path=path_text(path)) if path else Msg("lint.via_start")
        self.warn(p.where, "runtime-error",
                  Msg("lint.runtime", problem=p.msg or p.message, via=via))

    def dead_end(self, d: analysis.DeadEnd) -> None:
        via = (Msg("lint.after", path=path_text(d.path)) if d.path
               else Msg("lint.at_start"))
        vals = ", ".join(f"{k}={_show(v)}" for k, v in d.values.items())
        self.warn(self.node_at(d.node), "dead-end",
                  Msg("lint.dead_end", id=d.node, via=via, values="; " + vals if vals else ""),
                  key=True)

    def decisions_offered(self, ex: analysis.Exploration) -> None:
        most: dict[str, int] = {}
        for si in ex.order:
            s = ex.states[si]
            n = len({e.choice for e in s.edges})
            most[s.node] = max(most.get(s.node, 0), n)
        for nid, node in self.sc.nodes.items():
            if len(node.choices) >= 2 and nid in most and most[nid] == 1:
                self.warn(self.node_at(nid), "no-decision",
                          Msg("lint.one_on_offer", id=nid, n=len(node.choices)), key=True)

    def spread_and_top(self, ex: analysis.Exploration, summary: analysis.PathSummary) -> None:
        lo, hi = summary.minimum, summary.maximum
        for d in lo:
            if lo[d] == hi[d] and summary.paths:
                where = self._first_score(d)
                self.warn(where, "flat-dimension",
                          Msg("lint.flat", total=f"{lo[d]:+d}", id=d), key=True)
        found = best_path_scores(ex)
        if found is None:
            return
        best, norm = found
        short = {d: v for d, v in norm.items() if v < self.top_band}
        if short:
            gaps = ", ".join(f"{d} {v}" for d, v in short.items())
            self.warn(("id",), "top-band",
                      Msg("lint.top_band_cause", warning=Msg(
                          "lint.top_band", path=path_text(best), band=self.top_name,
                          gaps=gaps), cause=top_band_cause(ex, summary, best, short)),
                      key=True)

    def _first_score(self, d: str) -> tuple[Any, ...]:
        for nid, node in self.sc.nodes.items():
            for i, c in enumerate(node.choices):
                if d in c.scores:
                    return ("nodes", nid, "choices", i, "scores", d)
        return ("id",)


def best_path_scores(ex: analysis.Exploration) -> tuple[list[str], dict[str, int]] | None:
    """The best play-through (the highest sum of scores scaled 0-100 per dimension) and its
    0-100 score on each dimension the debrief would assess on it, as :mod:`scoring` judges it:
    per decision on the path, where the choice made sits between the lowest and highest
    option on offer there, summed over the decisions where the options differ."""
    summary = ex.summary()
    lo, hi = summary.minimum, summary.maximum
    best = ex.best_overall(lo, hi)
    if best is None:
        return None
    gained: dict[str, int] = {}
    possible: dict[str, int] = {}
    for si, c in zip(ex.walk(best), best, strict=False):
        edges = ex.states[si].edges
        chosen = next(e for e in edges if e.choice == c).scores
        for d in ex.scenario.dimensions_scored():
            values = [e.scores.get(d, 0) for e in edges]
            if max(values) > min(values):
                gained[d] = gained.get(d, 0) + chosen.get(d, 0) - min(values)
                possible[d] = possible.get(d, 0) + max(values) - min(values)
    return best, {d: math.floor(100 * gained[d] / possible[d] + 0.5) for d in possible}  # order: as scored


@dataclass(frozen=True, slots=True)
class ScoringLoop:
    """A choice that scores each time a loop brings a play-through back to it."""

    node: str
    choice: str
    times: int
    scores: dict[str, int]  # what it scores each time (the positive scores)
    nodes: list[str]  # the loop, from ``node`` back to it
    back: tuple[str, str]  # (node, choice) that leads back into the loop


def scoring_loop(ex: analysis.Exploration, choices: list[str]) -> ScoringLoop | None:
    """The choice on a path that collects the same positive scores most often through a
    loop (the most points in all), or None when no scoring choice is taken twice."""
    steps: list[tuple[str, str, dict[str, int], list[str]]] = []
    for si, c in zip(ex.walk(choices), choices, strict=False):
        state = ex.states[si]
        edge = next(e for e in state.edges if e.choice == c)
        steps.append((state.node, c, edge.scores, edge.entered))
    taken: dict[tuple[str, str], list[int]] = {}
    for i, (node, c, scores, _) in enumerate(steps):
        if any(v > 0 for v in scores.values()):
            taken.setdefault((node, c), []).append(i)
    repeated = [(k, v) for k, v in taken.items() if len(v) > 1]
    if not repeated:
        return None
    (node, c), idx = max(repeated, key=lambda kv: len(kv[1]) * sum(
        v for v in steps[kv[1][0]][2].values() if v > 0))
    first, again = idx[0], idx[1]
    loop = [node]
    for k in range(first, again):
        loop += steps[k][3]
    return ScoringLoop(node, c, len(idx), {d: v for d, v in steps[first][2].items() if v > 0},
                       loop, (steps[again - 1][0], steps[again - 1][1]))


def top_band_cause(ex: analysis.Exploration, summary: analysis.PathSummary,
                   best: list[str], short: dict[str, int]) -> Msg:
    """How to find why the best path stays below the top band: a loop that lets a path
    collect the same points again (on the best path, or on the path that sets the top of a
    short dimension's scale), else the path that reaches the top of each short dimension."""
    paths = [best, *(summary.best[d] for d in short if d in summary.best),
             *summary.best.values()]
    for path in paths:
        found = scoring_loop(ex, path)
        if found is not None:
            scores = ", ".join(f"{d} {v:+d}" for d, v in found.scores.items())
            return Msg("lint.cause_loop", choice=found.choice, node=found.node,
                       times=found.times, scores=scores, loop=" → ".join(found.nodes),
                       back=found.back[1], back_node=found.back[0],
                       on_path="" if path is best else Msg("lint.on_path", path=path_text(path)))
    tops = "; ".join(f"{d} {summary.maximum[d]:+d}: {path_text(summary.best[d])}"
                     for d in short if d in summary.best)
    return Msg("lint.cause_tops", tops=tops)


def path_text(choices: list[str], limit: int = 10) -> str:
    """Choice ids joined with ' > ', shortened in the middle when long."""
    if not choices:
        return "no choices"
    if len(choices) <= limit:
        return " > ".join(choices)
    head, tail = choices[: limit // 2], choices[-(limit // 2):]
    return f"{' > '.join(head)} > ... > {' > '.join(tail)} ({len(choices)} choices)"


def _show(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return repr(v)
    return f"{v:g}" if isinstance(v, float) else str(v)


def top_band(rubric: Any = None) -> tuple[float, Msg]:
    """The lowest score (0-100) of the rubric's top band and how to name it; a rubric
    without bands: 85."""
    bands = getattr(rubric, "bands", None)
    if bands:
        top = max(bands, key=lambda b: b.lower)
        return float(top.lower), Msg("lint.rubric_top_band", id=top.id, lower=top.lower)
    return DEFAULT_TOP_BAND, Msg("lint.default_top_band", lower=int(DEFAULT_TOP_BAND))


def lint(scenario: Scenario, root: yaml.Node | None = None, rubric: Any = None,
         visit_bound: int = analysis.DEFAULT_VISIT_BOUND,
         max_states: int = analysis.DEFAULT_MAX_STATES,
         exploration: analysis.Exploration | analysis.TooLarge | None = None,
         sample: analysis.RandomReport | None = None) -> list[ScenarioError]:
    """Warnings for a loaded scenario; ``root`` (its composed YAML) gives exact positions,
    otherwise the file is read again for them.

    ``exploration``: an exploration already made (or the :class:`TooLarge` it raised);
    ``sample``: random runs to judge by instead of exploring every play-through."""
    return [w for _, w in lint_by_node(scenario, root, rubric, visit_bound, max_states,
                                       exploration, sample)]


def lint_by_node(scenario: Scenario, root: yaml.Node | None = None, rubric: Any = None,
                 visit_bound: int = analysis.DEFAULT_VISIT_BOUND,
                 max_states: int = analysis.DEFAULT_MAX_STATES,
                 exploration: analysis.Exploration | analysis.TooLarge | None = None,
                 sample: analysis.RandomReport | None = None,
                 ) -> list[tuple[str | None, ScenarioError]]:
    """Like :func:`lint`, each warning with the id of the node it concerns (None: the
    scenario as a whole)."""
    if root is None and scenario.path:
        from .yamlsafe import Problems, load_tree

        root = load_tree(Path(scenario.path), Problems(scenario.path))
    threshold, name = top_band(rubric)
    linter = _Linter(scenario, Positions(root), threshold, name, visit_bound, max_states,
                     exploration, sample)
    if rubric is not None and hasattr(rubric, "dimension_ids"):
        from .behaviours import catalogue_of

        linter.catalogue = catalogue_of(rubric.dimension_ids())
    out = linter.run()
    for dim in tipless(scenario, rubric):
        linter.out = []
        linter.warn(("tips",) if ("tips",) in linter.pos.keys else ("id",), "no-tip", Msg("lint.no_tip", dim=dim, channel=scenario.channel), key=True)
        out += linter.out
    return out


def _fits(practice: Any, scenario: Scenario) -> bool:
    """A rubric tip fits when its channels and themes (if any) meet the scenario's."""
    if getattr(practice, "tip", None) is None:
        return False
    channels, themes = getattr(practice, "channels", []), getattr(practice, "themes", [])
    if channels and scenario.channel not in channels:
        return False
    return not (themes and not set(themes) & set(scenario.themes))


def tipless(scenario: Scenario, rubric: Any) -> list[str]:
    """The dimensions the scenario scores that no tip fits: none of the scenario's own
    ``tips:`` and none of the rubric's for the scenario's channel and themes."""
    if rubric is None or not hasattr(rubric, "dimensions"):
        return []
    own = {t.dimension for t in scenario.tips}
    dims = {d.id: d for d in rubric.dimensions}
    return [d for d in scenario.dimensions_scored()
            if d in dims and d not in own and not any(_fits(p, scenario) for p in dims[d].good)]


def check_file(path: str | Path, dimensions: Collection[str] | None = None, rubric: Any = None,
               visit_bound: int = analysis.DEFAULT_VISIT_BOUND,
               max_states: int = analysis.DEFAULT_MAX_STATES) -> list[ScenarioError]:
    """The loader's problems; when the file loads, the lint warnings after them."""
    from .loader import parse_with_tree

    scenario, root, problems = parse_with_tree(path, dimensions)
    if scenario is None:
        return problems
    from .yamlsafe import capped

    return capped(problems + lint(scenario, root, rubric, visit_bound, max_states))
