"""Exports of group sessions: a CSV of runs and a self-contained HTML group report of a
live session; the group debrief of a plenary as screen text, Markdown and HTML.

Every text from a scenario or a participant is escaped; the page loads nothing
from the network and prints cleanly.
"""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import UTC, datetime
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .group import Dashboard, Dot, Names, ScenarioFigures, Scorer, names_for, rubric_scorer
from .groupui.strings import t
from .plenary import BranchDebrief, DecisionVotes, PlenaryDebrief
from .scenario import Scenario


def h(text: object) -> str:
    return html.escape(str(text), quote=True)


def runs_csv(trainer: Any, scenarios: list[Scenario], rubric: Any, *,
             scorer: Scorer | None = None) -> str:
    """One row per run of the session: who, what, how far, how it ended, and the scores."""
    scorer = scorer or rubric_scorer(rubric)
    by_id = {s.id: s for s in scenarios}
    dims = rubric.dimension_ids()
    for s in scenarios:
        dims += [d for d in s.dimensions_scored() if d not in dims]
    names = {p.id: p.name for p in trainer.participants()}
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["session", "participant", "scenario", "run", "mode", "started", "updated",
                "decisions", "finished", "ending", "outcome",
                *[f"{d}_raw" for d in dims], *[f"{d}_score" for d in dims],
                "contact", "limits", "quadrant"])
    for r in sorted(trainer.runs(), key=lambda r: (names.get(r.person or "", ""), r.started)):
        s = by_id.get(r.scenario_id)
        sc = scorer(s, r.snapshot) if s is not None and r.finished else None
        raw = sc.raw if sc else {}
        w.writerow([
            trainer.session_id, _csv_safe(names.get(r.person or "", "")), r.scenario_id, r.id,
            r.mode, r.started, r.updated, r.steps,
            int(r.finished), r.ending or "", r.outcome or "",
            *[raw.get(d, "") if sc else "" for d in dims],
            *[("" if sc is None or sc.dimensions.get(d) is None else sc.dimensions[d])
              for d in dims],
            "" if sc is None or sc.contact is None else sc.contact,
            "" if sc is None or sc.limits is None else sc.limits,
            (sc.quadrant or "") if sc else ""])
    return out.getvalue()


def _csv_safe(text: str) -> str:
    """A name as a spreadsheet shows it, never as a formula (=, +, -, @ at the start)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# --- HTML --------------------------------------------------------------------------------

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 2px solid #ddd; }
h3 { margin-bottom: .3rem; } .muted { color: #555; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.legend { border-left: 4px solid #c53030; padding: .2rem .6rem; background: #fff5f5; }
.num { display: inline-block; min-width: 1.6rem; padding: 0 .3rem; margin-right: .4rem;
       background: #1b1b1b; color: #fff; border-radius: 3px; text-align: center; }
.bar { display: inline-block; height: .8rem; background: #2b6cb0; vertical-align: middle; }
.bar.poor { background: #c53030; } .track { display: inline-block; width: 8rem; background: #edf2f7; text-align: left; }
.poor-text { color: #9b2c2c; } .better { color: #276749; }
.decision { break-inside: avoid; margin-bottom: 1rem; }
svg text { font: 11px system-ui, sans-serif; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
"""


def _bar(value: float, top: float, poor: bool = False) -> str:
    pct = 0 if top <= 0 else max(0.0, min(100.0, 100 * value / top))
    return (f'<span class="track"><span class="bar{" poor" if poor else ""}" '
            f'style="width:{pct:.0f}%"></span></span>')


def quadrant_svg(dots: list[Dot], names: Names, size: int = 320) -> str:
    lang = names.lang
    pad = 30
    inner = size - 2 * pad

    def x(v: float) -> float:
        return pad + inner * v / 100

    def y(v: float) -> float:
        return pad + inner * (100 - v) / 100

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
             f'viewBox="0 0 {size} {size}" role="img" aria-label="{h(t("group.dash.quadrant", lang))}">',
             f'<rect x="{pad}" y="{pad}" width="{inner}" height="{inner}" fill="#f7fafc" '
             'stroke="#a0aec0"/>',
             f'<rect x="{x(50)}" y="{pad}" width="{inner / 2}" height="{inner / 2}" '
             'fill="#e6fffa"/>',
             f'<line x1="{x(50)}" y1="{pad}" x2="{x(50)}" y2="{pad + inner}" stroke="#a0aec0"/>',
             f'<line x1="{pad}" y1="{y(50)}" x2="{pad + inner}" y2="{y(50)}" stroke="#a0aec0"/>']
    for qid, (cx, cy) in {"afstandelijk": (25, 95), "betrouwbare-partner": (75, 95),
                          "afhakend": (25, 3), "meegaand": (75, 3)}.items():
        parts.append(f'<text x="{x(cx)}" y="{y(cy)}" text-anchor="middle" fill="#4a5568">'
                     f'{h(names.quadrant(qid))}</text>')
    parts.append(f'<text x="{x(50)}" y="{size - 6}" text-anchor="middle">'
                 f'{h(t("group.dash.contact", lang))}</text>')
    parts.append(f'<text x="10" y="{y(50)}" transform="rotate(-90 10 {y(50)})" '
                 f'text-anchor="middle">{h(t("group.dash.limits", lang))}</text>')
    for d in dots:
        parts.append(f'<circle cx="{x(d.contact):.1f}" cy="{y(d.limits):.1f}" r="6" '
                     f'fill="#d69e2e" fill-opacity=".75" stroke="#744210"><title>'
                     f'{h(d.name)}: contact {d.contact}, {h(t("group.dash.limits", lang).split()[0])} '
                     f'{d.limits}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def _scenario_html(fig: ScenarioFigures, names: Names, anonymous: bool,
                   run_names: dict[str, str]) -> str:
    lang = names.lang
    from .groupui.render import plural

    out = [f"<h2>{h(fig.title)}</h2>",
           f'<p class="muted">{h(plural("group.td.runs", fig.runs, lang))}, '
           f'{h(t("group.td.finished", lang, n=fig.finished))}</p>',
           f"<h3>{h(t('group.dash.decisions', lang))}</h3>"]
    if not fig.decisions:
        out.append(f"<p>{h(t('group.dash.no_decisions', lang))}</p>")
    for d in fig.decisions:
        top = max((o.count for o in d.options), default=0)
        num = (f'<span class="num">{h(t("group.td.decision", lang, n=d.number))}</span>'
               if d.number else "")
        out.append(f'<div class="decision"><p>{num}<strong>{h(d.prompt)}</strong></p><table>')
        for o in d.options:
            cls = ' class="poor-text"' if o.poor else ""
            out.append(f"<tr><td>{o.number}.</td><td{cls}>{h(o.text)}</td>"
                       f'<td class="n">{_bar(o.count, top or 1, o.poor)} {o.count}</td></tr>')
        out.append("</table></div>")
    out.append(f"<h3>{h(t('group.dash.dimensions', lang))}</h3>")
    rows = [s for s in fig.dimensions if s.n]
    if not rows:
        out.append(f"<p>{h(t('group.dash.no_scores', lang))}</p>")
    else:
        out.append("<table><tr><th></th><th></th>" + "".join(
            f"<th class='n'>{h(t(k, lang))}</th>"
            for k in ("group.td.mean", "group.td.sd", "group.td.range")) + "<th class='n'>n</th></tr>")
        for s in rows:
            out.append(f"<tr><td>{h(names.dimension(s.dimension))}</td>"
                       f"<td>{_bar(s.mean or 0, 100)}</td><td class='n'>{s.mean:.0f}</td>"
                       f"<td class='n'>{s.sd:.0f}</td><td class='n'>{s.minimum}–{s.maximum}</td>"
                       f"<td class='n'>{s.n}</td></tr>")
        out.append("</table>")
    dots = [Dot(d.run_id, run_names.get(d.run_id, d.name) if anonymous else d.name, d.contact,
                d.limits, d.quadrant) for d in fig.dots]
    out.append(f"<h3>{h(t('group.dash.quadrant', lang))}</h3>{quadrant_svg(dots, names)}")
    out.append(f"<h3>{h(t('group.dash.endings', lang))}</h3><table>")
    top = max((e.count for e in fig.endings), default=0)
    for e in fig.endings:
        out.append(f"<tr><td>{h(e.title)}</td><td class='muted'>{h(names.outcome(e.outcome))}"
                   f"</td><td class='n'>{_bar(e.count, top or 1)} {e.count}</td></tr>")
    out.append(f"</table><h3>{h(t('group.dash.poor', lang))}</h3>")
    if not fig.poor_choices:
        out.append(f"<p>{h(t('group.dash.no_poor', lang))}</p>")
    else:
        out.append("<table>")
        for p in fig.poor_choices:
            better = (f"<br><span class='better'>{h(t('group.dash.better', lang, text=p.better))}</span>"
                      if p.better else "")
            out.append(f"<tr><td class='n'>{p.count}×</td><td><span class='poor-text'>"
                       f"{h(p.text)}</span>{better}</td></tr>")
        out.append("</table>")
    return "".join(out)


def group_report_html(d: Dashboard, rubric: Any, *, lang: str = "nl",
                      anonymous: bool = False, session_date: str | None = None,
                      made: datetime | None = None) -> str:
    """The session's figures as one printable page (names left out when ``anonymous``),
    titled with the session's title, its date (``session_date``, ISO) and when it was
    made; a legend says what the red options are."""
    from .groupui.render import at_decision, long_date, plural

    names = names_for(rubric, lang)
    title = t("group.td.report_title", lang,
              title=d.title or t("group.dash.untitled", lang, id=d.session_id))
    made_iso = (made or datetime.now(UTC)).isoformat()
    dates = t("group.td.report_dates", lang, date=long_date(session_date or made_iso, lang),
              made=long_date(made_iso, lang, time=True))
    anon = {p.id: f"#{i}" for i, p in enumerate(d.participants, 1)}
    run_names = {r.run_id: anon[p.id] for p in d.participants for r in p.runs}
    titles = {s.scenario_id: s.title for s in d.scenarios}
    out = [f'<!DOCTYPE html><html lang="{h(lang)}"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{h(title)}</title><style>{CSS}</style></head>",
           f"<body><h1>{h(title)}</h1>",
           f'<p class="muted">{h(dates)}<br>'
           f'{h(t("group.dash.closed" if d.closed else "group.dash.open", lang))} · '
           f"{h(plural('group.td.people', len(d.participants), lang))}</p>",
           f'<p class="legend">{h(t("group.td.report_legend", lang))}</p>',
           f"<h2>{h(t('group.dash.people', lang))}</h2><table>"]
    for p in d.participants:
        latest = p.latest
        if latest is None:
            state = t("group.dash.not_started", lang)
        elif latest.finished:
            state = t("group.dash.finished", lang, ending=latest.ending_title or latest.ending)
        else:
            state = (t("group.dash.playing", lang, n=at_decision(latest), max=latest.most_decisions)
                     if latest.most_decisions else
                     t("group.td.playing_open", lang, n=at_decision(latest)))
        scen = titles.get(latest.scenario_id, latest.scenario_id) if latest else ""
        out.append(f"<tr><td>{h(anon[p.id] if anonymous else p.name)}</td><td>{h(scen)}</td>"
                   f"<td>{h(state)}</td></tr>")
    out.append("</table>")
    for fig in d.scenarios:
        out.append(_scenario_html(fig, names, anonymous, run_names))
    out.append("</body></html>\n")
    return "".join(out)


# --- the plenary -----------------------------------------------------------------------------

def _branch_head(b: BranchDebrief, lang: str) -> str:
    if b.parent is None:
        return t("group.plen.branch_main", lang, n=b.number)
    return t("group.plen.branch_from", lang, n=b.number, parent=b.parent, seq=b.fork_at + 1)


def _outcome(b: BranchDebrief, names: Names) -> str:
    if b.ending_title is None:
        return t("group.plen.unfinished", names.lang)
    return t("group.plen.ended", names.lang, title=b.ending_title) + (
        f" ({names.outcome(b.outcome)})" if b.outcome else "")


def _own(b: BranchDebrief) -> list[DecisionVotes]:
    return [d for d in b.decisions if not d.inherited]


def debrief_subtitle(d: PlenaryDebrief, lang: str) -> str:
    """The plenary's own title (the course day) and the date it was started."""
    from .groupui.render import long_date

    date = long_date(d.created, lang)
    if d.session_title and date:
        return t("group.td.debrief_dates", lang, title=d.session_title, date=date)
    return d.session_title or date


def plenary_text(d: PlenaryDebrief, names: Names) -> Group:
    """The group debrief for the screen: option texts wrap in their column, never cut;
    the columns are as wide at every decision, so the bars line up."""
    from .groupui.render import bar, clean, one_line

    lang = names.lang
    parts: list[Any] = []
    sub = debrief_subtitle(d, lang)
    if sub:
        parts += [Text(one_line(sub), style="bold"), Text()]
    chosen, majority = t("group.plen.chosen", lang), t("group.plen.majority", lang)
    marks_w = len(f"← {chosen}, {majority}")
    for i, b in enumerate(d.branches):
        if i:
            parts += [Text(), Text()]
        parts.append(Text(_branch_head(b, lang), style="bold reverse"))
        for dv in _own(b):
            line = Text("\n" + t("group.plen.decision", lang, n=dv.seq)
                        + ("  ★" if dv.bookmarked else "") + "\n", style="bold")
            line.append(clean(dv.prompt), style="italic")
            parts.append(line)
            top = max((o.votes for o in dv.options), default=0)
            grid = Table.grid(padding=(0, 1), expand=True)
            grid.add_column(width=3, no_wrap=True, justify="right")
            grid.add_column(ratio=1)
            grid.add_column(width=8, no_wrap=True)
            grid.add_column(width=3, no_wrap=True, justify="right")
            grid.add_column(width=marks_w, no_wrap=True)
            for o in dv.options:
                marks = ([chosen] if o.chosen else []) + ([majority] if o.majority else [])
                # the text has a style of its own: its wrapped lines stay spans of their
                # own (an SVG screenshot drops the blank cells that lead a span)
                grid.add_row(Text(f"{o.number}.", style="bold"),
                             Text(one_line(o.text), style="bold" if o.chosen else "default"),
                             Text(bar(o.votes, 8, top or 1), style="yellow"),
                             Text(str(o.votes), style="yellow"),
                             Text("← " + ", ".join(marks) if marks else "",
                                  style="bold green" if o.chosen else ""))
            parts.append(grid)
            if dv.followed_majority is False:
                parts.append(Text("  " + t("group.plen.other_than_majority", lang), style="italic"))
        out = Text()
        out.append("\n" + _outcome(b, names), style="bold")
        if b.score is not None:
            shown = {d: v for d, v in b.score.dimensions.items() if v is not None}
            w = max((len(names.dimension(d)) for d in shown), default=0)
            for dim, value in shown.items():
                out.append(f"\n  {one_line(names.dimension(dim)).ljust(w)}  ")
                out.append(bar(value, 20), style="cyan")
                out.append(f" {value:>3}")
            if b.score.quadrant:
                out.append("\n  " + t("group.debrief.quadrant", lang,
                                      name=names.quadrant(b.score.quadrant),
                                      contact=b.score.contact, limits=b.score.limits))
        parts.append(out)
    return Group(*parts)


_MD_INLINE = re.compile(r"[\\`*_\[\]|~]|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^(?:[#>]|[+-](?=\s|$)|\d+(?=[.)](?:\s|$)))")


def md(text: str | None) -> str:
    """Scenario text as literal Markdown on one line: only what Markdown would read as
    markup is escaped (emphasis, code, links, tags, table bars; a heading, list or quote
    sign at the start), so full stops, brackets and dashes stay as they are."""
    out = _MD_INLINE.sub(lambda m: "\\" + m.group(0), " ".join((text or "").split()))
    start = _MD_LINE_START.match(out)
    if start is None:
        return out
    if start.group(0).isdigit():  # "1. " would start a numbered list: escape its dot
        end = start.end()
        return out[:end] + "\\" + out[end:]
    return "\\" + out


def plenary_markdown(d: PlenaryDebrief, names: Names) -> str:
    lang = names.lang
    lines = [f"# {md(t('group.plen.debrief', lang, scenario=d.title))}", ""]
    sub = debrief_subtitle(d, lang)
    if sub:
        lines += [md(sub), ""]
    for b in d.branches:
        lines += [f"## {md(_branch_head(b, lang))}", ""]
        for dv in _own(b):
            lines += [f"### {md(t('group.plen.decision', lang, n=dv.seq))}"
                      + (" ★" if dv.bookmarked else ""), "", f"> {md(dv.prompt)}", ""]
            lines += [f"| # | {md(t('group.plen.option', lang))} | {md(t('group.plen.votes', lang))} | |",
                      "|---|---|---:|---|"]
            for o in dv.options:
                marks = [t("group.plen.chosen", lang)] if o.chosen else []
                if o.majority:
                    marks.append(t("group.plen.majority", lang))
                text = f"**{md(o.text)}**" if o.chosen else md(o.text)
                lines.append(f"| {o.number} | {text} | {o.votes} | {md(', '.join(marks))} |")
            if dv.followed_majority is False:
                lines += ["", f"*{md(t('group.plen.other_than_majority', lang))}*"]
            lines.append("")
        lines += [f"**{md(_outcome(b, names))}**", ""]
        if b.score is not None:
            for dim, value in b.score.dimensions.items():
                if value is not None:
                    lines.append(f"- {md(names.dimension(dim))}: {value}")
            if b.score.quadrant:
                lines.append("- " + md(t("group.debrief.quadrant", lang,
                                         name=names.quadrant(b.score.quadrant),
                                         contact=b.score.contact, limits=b.score.limits)))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def plenary_html(d: PlenaryDebrief, names: Names) -> str:
    lang = names.lang
    title = t("group.plen.debrief", lang, scenario=d.title)
    out = [f'<!DOCTYPE html><html lang="{h(lang)}"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{h(title)}</title><style>{CSS}</style></head><body><h1>{h(title)}</h1>"]
    sub = debrief_subtitle(d, lang)
    if sub:
        out.append(f'<p class="muted">{h(sub)}</p>')
    for b in d.branches:
        out.append(f"<h2>{h(_branch_head(b, lang))}</h2>")
        for dv in _own(b):
            top = max((o.votes for o in dv.options), default=0)
            star = " ★" if dv.bookmarked else ""
            out.append(f'<div class="decision"><h3>{h(t("group.plen.decision", lang, n=dv.seq))}{star}'
                       f"</h3><p><em>{h(dv.prompt)}</em></p><table>")
            for o in dv.options:
                marks = [t("group.plen.chosen", lang)] if o.chosen else []
                if o.majority:
                    marks.append(t("group.plen.majority", lang))
                text = f"<strong>{h(o.text)}</strong>" if o.chosen else h(o.text)
                out.append(f"<tr><td>{o.number}.</td><td>{text}</td><td class='n'>"
                           f"{_bar(o.votes, top or 1)} {o.votes}</td><td>{h(', '.join(marks))}"
                           "</td></tr>")
            out.append("</table>")
            if dv.followed_majority is False:
                out.append(f"<p class='muted'>{h(t('group.plen.other_than_majority', lang))}</p>")
            out.append("</div>")
        out.append(f"<p><strong>{h(_outcome(b, names))}</strong></p>")
        if b.score is not None:
            out.append("<table>")
            for dim, value in b.score.dimensions.items():
                if value is not None:
                    out.append(f"<tr><td>{h(names.dimension(dim))}</td><td>{_bar(value, 100)}</td>"
                               f"<td class='n'>{value}</td></tr>")
            out.append("</table>")
            if b.score.quadrant:
                out.append("<p>" + h(t("group.debrief.quadrant", lang,
                                       name=names.quadrant(b.score.quadrant),
                                       contact=b.score.contact, limits=b.score.limits)) + "</p>")
    out.append("</body></html>\n")
    return "".join(out)
