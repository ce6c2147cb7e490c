"""Automated play-testing of a scenario file: every play-through where the state
space allows (ChoiceScript's quicktest, done exhaustively), else seeded random runs
(its randomtest). The result is plain JSON-able data; :func:`render_text` makes it
a readable report for people.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from . import analysis, lint
from .errors import ScenarioError
from .graph import clean
from .loader import parse_with_tree
from .problemtext import Msg
from .scenario import Scenario
from .textsafe import shown_path

REPORT_FORMAT = "sovsim-analysis-1"
DEFAULT_RANDOM_RUNS = 1000
# Findings that make ``sovsim analyse`` exit 1 (lint codes).
PROBLEM_CODES = ("dead-end", "runtime-error", "ending-unreached", "unreachable")


def _problem(p: ScenarioError) -> dict[str, Any]:
    """A problem for the JSON report: ``message``/``text`` in English (as before), the
    message ``key``, and ``message_nl``/``text_nl`` in Dutch."""
    return {"kind": p.code or p.severity, "severity": p.severity, "line": p.line,
            "column": p.column, "key": p.key, "message": p.message, "text": p.format(),
            "message_nl": p.text("nl"), "text_nl": p.format("nl")}


def analyse_file(path: str | Path, dimensions: Collection[str] | None = None, rubric: Any = None,
                 visit_bound: int = analysis.DEFAULT_VISIT_BOUND,
                 max_states: int = analysis.DEFAULT_MAX_STATES,
                 random_runs: int | None = None, seed: int = 0, lang: str = "nl") -> dict[str, Any]:
    """Analyse a scenario file: explore every play-through; when that is too large, play
    ``random_runs`` (default 1,000) seeded random runs instead. ``random_runs`` given for a
    scenario that can be explored: those random runs are reported as well."""
    scenario, root, errors = parse_with_tree(path, dimensions)
    report: dict[str, Any] = {"format": REPORT_FORMAT, "file": str(path)}
    if scenario is None:
        report.update(ok=False, mode="load-error", problems=[_problem(p) for p in errors])
        return report
    report.update(scenario=scenario.id, version=scenario.version,
                  title=clean(scenario.title.get(lang)), visit_bound=visit_bound,
                  max_states=max_states, nodes=len(scenario.nodes))
    try:
        exploration: analysis.Exploration | analysis.TooLarge = analysis.Exploration(
            scenario, visit_bound, max_states)
    except analysis.TooLarge as err:
        exploration = err
    sample = None
    explored = isinstance(exploration, analysis.Exploration)
    if random_runs is not None or not explored:
        sample = analysis.random_sample(scenario, random_runs or DEFAULT_RANDOM_RUNS, seed,
                                        visit_bound)
    warnings = lint.lint(scenario, root, rubric, visit_bound, max_states, exploration,
                         None if explored else sample)
    problems = [w for w in warnings if w.code in PROBLEM_CODES]
    report["problems"] = [_problem(p) for p in problems]
    report["warnings"] = len(warnings) - len(problems)
    report["ok"] = not problems
    order = list(dimensions or [])
    if isinstance(exploration, analysis.Exploration):
        report["mode"] = "exhaustive"
        report.update(_exhaustive(scenario, exploration, order))
        if sample is not None:
            report["random"] = _random_section(scenario, sample, order)
    else:
        assert sample is not None
        report["mode"] = "random"
        report["too_large"] = {"explored": exploration.explored, "bound": exploration.bound}
        report.update(_random(scenario, sample, order))
    return report


def _endings(scenario: Scenario, counts: dict[str, int], key: str) -> list[dict[str, Any]]:
    return [{"node": nid, "outcome": node.ending.outcome, key: counts.get(nid, 0)}  # type: ignore[union-attr]
            for nid, node in scenario.endings().items()]


def _ordered(dims: Collection[str], order: list[str]) -> list[str]:
    """Dimensions in the rubric's order, then any others as found."""
    return [d for d in order if d in dims] + [d for d in dims if d not in order]


def _exhaustive(scenario: Scenario, ex: analysis.Exploration, order: list[str]) -> dict[str, Any]:
    s = ex.summary()
    dims = [{"id": d, "lowest": s.minimum[d], "highest": s.maximum[d],
             "best": s.best[d], "worst": s.worst[d]} for d in _ordered(s.minimum, order)]
    never = [n for n in scenario.nodes if n not in s.nodes_covered]
    return {
        "states": s.states,
        "paths": {"complete": s.paths, "dead_end": s.stuck_paths, "cut": s.cut_paths,
                  "error": s.error_paths},
        "endings": _endings(scenario, s.endings, "paths"),
        "dimensions": dims,
        "shortest": {"choices": s.shortest, "length": len(s.shortest),
                     "decisions": s.shortest_decisions},
        "longest": {"choices": s.longest, "length": len(s.longest),
                    "decisions": s.longest_decisions},
        "decisions": {"fewest": s.min_decisions, "most": s.max_decisions},
        "coverage": {"nodes": len(scenario.nodes), "reached": len(scenario.nodes) - len(never),
                     "never_reached": never},
    }


def _random_section(scenario: Scenario, rep: analysis.RandomReport,
                    order: list[str]) -> dict[str, Any]:
    return {"runs": rep.runs, "seed": rep.seed, "status": rep.status,
            "ending_hits": {n: rep.ending_hits.get(n, 0) for n in scenario.endings()},
            "node_hits": {n: rep.node_hits.get(n, 0) for n in scenario.nodes},
            "dimensions": [{"id": d, "lowest": rep.minimum[d], "highest": rep.maximum[d]}
                           for d in _ordered(rep.minimum, order)]}


def _random(scenario: Scenario, rep: analysis.RandomReport, order: list[str]) -> dict[str, Any]:
    section = _random_section(scenario, rep, order)
    never = [n for n in scenario.nodes if n not in rep.node_hits]
    return {
        "random": section,
        "endings": _endings(scenario, rep.ending_hits, "runs"),
        "dimensions": section["dimensions"],
        "coverage": {"nodes": len(scenario.nodes), "reached": len(scenario.nodes) - len(never),
                     "never_reached": never},
    }


# --- the report for people --------------------------------------------------------

def _n(value: int, key: str) -> Msg:
    """A count with its noun: ``key.one`` for one, ``key`` for any other number."""
    return Msg(f"{key}.one" if value == 1 else key, n=value)


def _table(rows: list[list[str]], right: Collection[int] = ()) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))]
        out.append("  ".join(cells).rstrip())
    return out


def _signed(v: int) -> str:
    return f"{v:+d}" if v else "0"


def render_text(report: dict[str, Any], lang: str = "en") -> str:
    """The report as a readable text for a terminal, in ``lang`` (``nl`` or ``en``)."""

    def t(key: str, **params: Any) -> str:
        return Msg(key, **params).text(lang)

    def count(n: int) -> str:
        """A count of paths or runs; a saturated path count reads as such."""
        if n >= analysis.PATHS_CAP:
            return t("analyse.saturated", power=len(str(analysis.PATHS_CAP)) - 1)
        return Msg("analyse.count", n=n).text(lang)

    def path(choices: list[str]) -> str:
        return " > ".join(choices) if choices else t("analyse.no_choices")

    out: list[str] = []
    text = "text_nl" if lang == "nl" else "text"
    if report["mode"] == "load-error":
        out.append(t("analyse.cannot", file=shown_path(report["file"])))
        out += [f"  {p[text]}" for p in report["problems"]]
        return "\n".join(out) + "\n"
    out.append(t("analyse.head", title=report["title"], id=report["scenario"],
                 version=report["version"]))
    out.append(shown_path(report["file"]))
    out.append("")
    loops = Msg("analyse.loops", visits=_n(report["visit_bound"], "analyse.visits"))
    if report["mode"] == "exhaustive":
        out.append(t("analyse.explored", states=_n(report["states"], "analyse.states"),
                     loops=loops))
        out.append("")
        p = report["paths"]
        sh, lo = report["shortest"], report["longest"]
        out += _table([
            [t("analyse.row.paths"), t("analyse.paths", complete=count(p["complete"]),
                                       dead=Msg("analyse.dead_ends.one" if p["dead_end"] == 1
                                                else "analyse.dead_ends",
                                                n=count(p["dead_end"])),
                                       cut=count(p["cut"]), error=count(p["error"]))],
            [t("analyse.row.shortest"), t("analyse.length",
                                          choices=_n(sh["length"], "analyse.choices"),
                                          decisions=_n(sh["decisions"], "analyse.decisions"),
                                          path=path(sh["choices"]))],
            [t("analyse.row.longest"), t("analyse.length",
                                         choices=_n(lo["length"], "analyse.choices"),
                                         decisions=_n(lo["decisions"], "analyse.decisions"),
                                         path=path(lo["choices"]))],
            [t("analyse.row.decisions"), t("analyse.per_path",
                                           fewest=report["decisions"]["fewest"],
                                           most=report["decisions"]["most"])],
            [t("analyse.row.coverage"), _coverage(report, lang)],
        ])
        count_key, count_head = "paths", t("analyse.row.paths")
    else:
        r = report["random"]
        out.append(t("analyse.too_large", bound=report["too_large"]["bound"]))
        out.append(t("analyse.fell_back", runs=_n(r["runs"], "analyse.random_runs"),
                     seed=r["seed"], loops=loops))
        out.append("")
        out += _table([[t("analyse.row.runs"), _runs(r, lang)],
                       [t("analyse.row.coverage"), _coverage(report, lang)]])
        count_key, count_head = "runs", t("analyse.row.runs")
    out.append("")
    rows = [[t("analyse.col.ending"), t("analyse.col.outcome"), count_head]]
    rows += [[e["node"], e["outcome"], count(e[count_key])] for e in report["endings"]]
    out += _table(rows, right={2})
    if report["dimensions"]:
        out.append("")
        exhaustive = report["mode"] == "exhaustive"
        out.append(t("analyse.totals" if exhaustive else "analyse.totals_random"))
        table = _table([[t("analyse.col.dimension"), t("analyse.col.lowest"),
                         t("analyse.col.highest")]]
                       + [[d["id"], _signed(d["lowest"]), _signed(d["highest"])]
                          for d in report["dimensions"]], right={1, 2})
        best, worst = t("analyse.best"), t("analyse.worst")
        width = max(len(best), len(worst))
        out.append(table[0])
        for line, d in zip(table[1:], report["dimensions"], strict=True):
            out.append(line)
            if exhaustive:
                out.append(f"  {best.ljust(width)}  {path(d['best'])}")
                out.append(f"  {worst.ljust(width)}  {path(d['worst'])}")
    if report["mode"] == "exhaustive" and "random" in report:
        r = report["random"]
        out.append("")
        out.append(t("analyse.as_well", runs=_n(r["runs"], "analyse.random_runs"),
                     seed=r["seed"], status=_runs(r, lang)))
        out += _table([[t("analyse.col.ending"), t("analyse.row.runs")]]
                      + [[n, count(h)] for n, h in r["ending_hits"].items()], right={1})
    if "random" in report:
        hits = report["random"]["node_hits"]
        least = sorted((h, n) for n, h in hits.items() if h)[:10]
        if least:
            out.append("")
            out.append(t("analyse.least", nodes=", ".join(f"{n} ({count(h)})"
                                                          for h, n in least)))
    out.append("")
    if report["problems"]:
        out.append(t("analyse.problems", n=len(report["problems"])))
        out += [f"  {p[text]}" for p in report["problems"]]
    else:
        out.append(t("analyse.no_problems"))
    if report.get("warnings"):
        n = report["warnings"]
        out.append(t("analyse.other_warnings.one" if n == 1 else "analyse.other_warnings",
                     n=n, file=shown_path(report["file"])))
    return "\n".join(out) + "\n"


def _runs(r: dict[str, Any], lang: str) -> str:
    st = r["status"]
    return Msg("analyse.runs_status", ending=st["ending"],
               dead=Msg("analyse.dead_ends.one" if st["dead_end"] == 1 else "analyse.dead_ends",
                        n=Msg("analyse.count", n=st["dead_end"])),
               cut=st["cut"], error=st["error"]).text(lang)


def _coverage(report: dict[str, Any], lang: str) -> str:
    c = report["coverage"]
    pct = 100 * c["reached"] / c["nodes"] if c["nodes"] else 100
    text = Msg("analyse.coverage", reached=c["reached"], nodes=_n(c["nodes"], "analyse.nodes"),
               pct=pct).text(lang)
    never = c["never_reached"]
    if never:
        shown = ", ".join(never[:10])
        if len(never) > 10:
            shown = Msg("analyse.and_more", shown=shown, n=len(never) - 10).text(lang)
        text += Msg("analyse.never", nodes=shown).text(lang)
    return text
