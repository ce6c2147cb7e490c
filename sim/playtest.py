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


def _count(n: int) -> str:
    """A count of paths or runs; a saturated path count reads as such."""
    if n >= analysis.PATHS_CAP:
        return f"10^{len(str(analysis.PATHS_CAP)) - 1} or more"
    return f"{n:,}"


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

def _n(value: int, word: str, plural: str | None = None) -> str:
    return f"{value:,} {word if value == 1 else (plural or word + 's')}"


def _table(rows: list[list[str]], right: Collection[int] = ()) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))]
        out.append("  ".join(cells).rstrip())
    return out


def _signed(v: int) -> str:
    return f"{v:+d}" if v else "0"


def _path(choices: list[str]) -> str:
    return " > ".join(choices) if choices else "(no choices)"


def render_text(report: dict[str, Any], lang: str = "en") -> str:
    """The report as a readable text for a terminal (in English); its problem lines in
    ``lang``."""
    out: list[str] = []
    text = "text_nl" if lang == "nl" else "text"
    if report["mode"] == "load-error":
        out.append(f"{shown_path(report['file'])}: cannot be analysed; the loader found these "
                   "errors:")
        out += [f"  {p[text]}" for p in report["problems"]]
        return "\n".join(out) + "\n"
    out.append(f"{report['title']} ({report['scenario']}, version {report['version']})")
    out.append(shown_path(report["file"]))
    out.append("")
    vb = report["visit_bound"]
    loops = f"loops cut after {_n(vb, 'visit')} to a node"
    if report["mode"] == "exhaustive":
        out.append(f"Explored every play-through: {_n(report['states'], 'distinct state')}; "
                   f"{loops}.")
        out.append("")
        p = report["paths"]
        out += _table([
            ["Paths", f"{_count(p['complete'])} complete, {_count(p['dead_end'])} dead "
                      f"end{'' if p['dead_end'] == 1 else 's'}, {_count(p['cut'])} cut by the "
                      f"visit bound, {_count(p['error'])} with errors"],
            ["Shortest", f"{_n(report['shortest']['length'], 'choice')} "
                         f"({_n(report['shortest']['decisions'], 'decision')}): "
                         f"{_path(report['shortest']['choices'])}"],
            ["Longest", f"{_n(report['longest']['length'], 'choice')} "
                        f"({_n(report['longest']['decisions'], 'decision')}): "
                        f"{_path(report['longest']['choices'])}"],
            ["Decisions", f"{report['decisions']['fewest']:,} to "
                          f"{report['decisions']['most']:,} per play-through"],
            ["Coverage", _coverage(report)],
        ])
        count_key, count_head = "paths", "Paths"
    else:
        r = report["random"]
        out.append(f"Too large to explore every play-through: more than "
                   f"{report['too_large']['bound']:,} distinct states (--max-states).")
        out.append(f"Fell back to {_n(r['runs'], 'random run')} (seed {r['seed']}); {loops}.")
        out.append("")
        out += _table([["Runs", _runs(r)], ["Coverage", _coverage(report)]])
        count_key, count_head = "runs", "Runs"
    out.append("")
    rows = [["Ending", "Outcome", count_head]]
    rows += [[e["node"], e["outcome"], _count(e[count_key])] for e in report["endings"]]
    out += _table(rows, right={2})
    if report["dimensions"]:
        out.append("")
        if report["mode"] == "exhaustive":
            out.append("Totals per dimension over all complete play-throughs, with a best and "
                       "a worst path:")
        else:
            out.append("Totals per dimension seen in runs that reached an ending:")
        table = _table([["Dimension", "Lowest", "Highest"]]
                       + [[d["id"], _signed(d["lowest"]), _signed(d["highest"])]
                          for d in report["dimensions"]], right={1, 2})
        out.append(table[0])
        for line, d in zip(table[1:], report["dimensions"], strict=True):
            out.append(line)
            if report["mode"] == "exhaustive":
                out.append(f"  best   {_path(d['best'])}")
                out.append(f"  worst  {_path(d['worst'])}")
    if report["mode"] == "exhaustive" and "random" in report:
        r = report["random"]
        out.append("")
        out.append(f"{_n(r['runs'], 'random run')} as well (seed {r['seed']}): {_runs(r)}")
        out += _table([["Ending", "Runs"]]
                      + [[n, f"{h:,}"] for n, h in r["ending_hits"].items()], right={1})
    if "random" in report:
        hits = report["random"]["node_hits"]
        least = sorted((h, n) for n, h in hits.items() if h)[:10]
        if least:
            out.append("")
            out.append("Least visited nodes (runs): "
                       + ", ".join(f"{n} ({h:,})" for h, n in least))
    out.append("")
    if report["problems"]:
        out.append(f"Problems ({len(report['problems'])}):")
        out += [f"  {p[text]}" for p in report["problems"]]
    else:
        out.append("No problems found.")
    if report.get("warnings"):
        out.append(f"{_n(report['warnings'], 'other warning')}: run 'sovsim validate "
                   f"{shown_path(report['file'])}' to see them.")
    return "\n".join(out) + "\n"


def _runs(r: dict[str, Any]) -> str:
    st = r["status"]
    return (f"{st['ending']:,} reached an ending, {_n(st['dead_end'], 'dead end')}, "
            f"{st['cut']:,} cut, {st['error']:,} with errors")


def _coverage(report: dict[str, Any]) -> str:
    c = report["coverage"]
    pct = 100 * c["reached"] / c["nodes"] if c["nodes"] else 100
    text = f"{c['reached']:,} of {_n(c['nodes'], 'node')} reached ({pct:.0f}%)"
    never = c["never_reached"]
    if never:
        shown = ", ".join(never[:10]) + (f" and {len(never) - 10:,} more" if len(never) > 10 else "")
        text += f"; never: {shown}"
    return text
