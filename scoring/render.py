"""Renderings of a :class:`~scoring.debrief.Debrief`: JSON for tools, Markdown, and a
self-contained printable HTML page (inline CSS and SVG, no scripts, no network).

Scenario and rubric text is untrusted: control characters are dropped, Markdown
punctuation is escaped, and every HTML text and attribute is escaped.
"""

from __future__ import annotations

import html
import json
import re

from sim import textsafe

from . import gauges
from .debrief import CitationView, Debrief, DimensionResult, KeyMoment, OptionResult
from .labels import (
    attribution,
    attribution_text,
    format_time,
    label,
    mode_label,
    outcome_label,
    score_list,
    signed,
    status_text,
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~]|&(?=#?\w+;))")


def clean(text: str | None) -> str:
    """Text without terminal escape sequences (with their printable tails), control
    characters or bidi overrides; tabs as spaces, line ends as newlines."""
    if not text:
        return ""
    return textsafe.clean(text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))


def render_json(debrief: Debrief, lang: str | None = None) -> str:
    """The debrief as indented JSON (UTF-8 text; ``lang`` is accepted for symmetry)."""
    return json.dumps(debrief.to_data(), indent=2, ensure_ascii=False) + "\n"


# --- Markdown -----------------------------------------------------------------------------

def md(text: str | None) -> str:
    """Inline Markdown text: punctuation escaped, lines joined."""
    t = clean(text).replace("\n", " ")
    return _MD_SPECIAL.sub(r"\\\1", t).strip()


def _md_option(o: OptionResult, d: Debrief, lang: str) -> str:
    return f"“{md(o.text)}” ({md(score_list(o.scores, d.dimensions, lang))})"


def _md_cites(cites: list[CitationView], lang: str) -> str:
    return md(attribution_text(cites, lang))


def render_markdown(debrief: Debrief, lang: str | None = None) -> str:
    """The debrief as Markdown. Labels in ``lang`` (default: the debrief's language)."""
    d = debrief
    lang = lang or d.lang
    out: list[str] = [f"# {label('debrief', lang)}: {md(d.scenario_title)}", ""]
    meta = [f"- {label('role', lang)}: {md(d.role)}",
            f"- {label('scenario', lang)}: `{md(d.scenario_id)}`, {label('version', lang)} "
            f"{d.scenario_version}"]
    if d.mode:
        meta.append(f"- {label('mode', lang)}: {md(mode_label(d.mode, lang))}")
    if d.played:
        meta.append(f"- {label('played', lang)}: {md(format_time(d.played))}")
    meta.append(f"- {label('decisions', lang)}: {d.decisions}")
    meta.append(f"- {label('rubric', lang)}: `{md(d.rubric_id)}`, {label('version', lang)} "
                f"{d.rubric_version}")
    out += meta + [""]
    if d.notices:
        out += [f"**{label('notices', lang)}:**", ""]
        out += [f"- {md(n.message)}" for n in d.notices]
        out.append("")

    out += [f"## {label('ending', lang)}", ""]
    if d.ending:
        out += [f"**{md(d.ending.title)}** ({label('outcome', lang)}: "
                f"{md(outcome_label(d.ending.outcome, lang))})", "", md(d.ending.text), ""]
    else:
        out += [label("not_finished", lang), ""]

    if d.turning_point:
        out += _md_turning(d, lang)
    elif d.ending and not any(n.code == "too_large" for n in d.notices):
        out += [label("best_ending", lang), ""]

    out += [f"## {label('scores', lang)}", "",
            f"| {label('dimension', lang)} | {label('score', lang)} | {label('band', lang)} | "
            f"{label('based_on', lang)} | {label('total', lang)} |",
            "| --- | ---: | --- | ---: | --- |"]
    for dim in d.dimensions:
        name = f"**{md(dim.short)}**: {md(dim.name)}"
        if dim.assessed:
            out.append(f"| {name} | {dim.score} `{_md_bar(dim.score or 0)}` | {md(dim.band_name)} | "
                       f"{dim.decisions} | {signed(dim.raw)} ({signed(dim.minimum or 0)} "
                       f"{label('to', lang)} {signed(dim.maximum or 0)}) |")
        else:
            out.append(f"| {name} | {label('not_assessed', lang)} | | | "
                       f"{md(status_text(dim, lang))} |")
    out.append("")
    bands = " · ".join(f"{md(b.name)} {b.lower}–{b.upper}" for b in d.bands)
    out += [f"{label('bands', lang)}: {bands}. {label('scale', lang)}", ""]

    out += [f"## {label('quadrant', lang)}" + (f": {md(d.quadrant.name)}" if d.quadrant else ""),
            ""]
    axes = []
    for a in d.axes:
        if a.score is None:
            axes.append(f"{md(a.name)}: {label('not_assessed', lang)}")
        else:
            axes.append(f"{md(a.name)} {a.score} ({label('high' if a.high else 'low', lang)}; "
                        f"{label('threshold', lang)} {a.threshold})")
    if axes:
        out += [" · ".join(axes), ""]
    for a in d.axes:
        if a.capped_by is not None and a.uncapped is not None:
            out += [f"*{md(label('capped', lang, axis=a.name, uncapped=a.uncapped, score=a.score))} "
                    f"{md(a.cap_note)}*", ""]
    if d.quadrant:
        out += [md(d.quadrant.description), "",
                f"*{label('source', lang)}: {_md_cites(d.quadrant.citations, lang)}*", ""]
    else:
        out += [label("no_quadrant", lang), ""]

    out += [f"## {label('key_moments', lang)}", ""]
    if not d.key_moments:
        out += [label("no_moments", lang), ""]
    for m in d.key_moments:
        out += _md_moment(m, d, lang)

    if d.tips:
        out += [f"## {label('try_next', lang)}", ""]
        names = {dim.id: dim for dim in d.dimensions}
        for t in d.tips:
            if t.kind == "moment":
                head = label("at_decision", lang, n=t.step)
                out += [f"### {head}", "", f"{label('next_time', lang).capitalize()}: "
                        f"“{md(t.option)}”", ""]
                if t.text:
                    out += [md(t.text), ""]
                continue
            dim_name = md(names[t.dimension].short) if t.dimension in names else ""
            if t.kind == "scenario":
                out += [f"### {dim_name} ({label('scenario_tip', lang)})", "", md(t.text), ""]
                continue
            out += [f"### {dim_name}", "", md(t.text), "",
                    f"- {label('practice', lang)}: {md(t.practice)}",
                    f"- {label('source', lang)}: {_md_cites(t.citations, lang)}", ""]
    elif d.keep_doing:
        intro = label("keep_intro" if d.top_score else "keep_intro_good", lang)
        out += [f"## {label('keep_doing', lang)}", "", intro, ""]
        for k in d.keep_doing:
            line = f"- {label('decision', lang)} {k.step}: “{md(k.text)}”"
            if k.feedback:
                line += f". {md(k.feedback)}"
            out.append(line)
        out.append("")

    out += _md_gauges(d, lang)
    out += [f"## {label('path', lang)}", ""]
    for i, p in enumerate(d.path, 1):
        line = f"{i}. {md(p.label)}" if p.label else f"{i}. `{md(p.node)}`"
        if p.choice:
            line += (f": {label('choice', lang)} “{md(p.text)}” "
                     f"({md(score_list(p.scores, d.dimensions, lang))})")
        elif i == len(d.path) and d.ending:
            line += f" ({label('end', lang)})"
        out.append(line)
    out.append("")

    if d.sources:
        out += [f"## {label('sources', lang)}", ""]
        for s in d.sources:
            extra = f" ({md(s.note)})" if s.note else ""
            url = f"{_stop(s.title + extra)} {md(s.url)}" if s.url else ""
            out.append(f"- **{md(s.key)}**: {md(s.title)}{extra}{url}")
        out += ["", f"*{md(label('source_note', lang))}*", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _md_gauges(d: Debrief, lang: str) -> list[str]:
    """The gauges over the run as numbers, one line each (empty without gauges)."""
    if not d.gauges:
        return []
    out = [f"## {label('gauges', lang)}", ""]
    out += [f"- **{md(g.label)}** ({gauges.scale(g)}): {gauges.numbers(g)}" for g in d.gauges]
    return out + ["", f"*{label('gauges_note', lang)}*", ""]


def _html_gauges(d: Debrief, lang: str) -> list[str]:
    """The gauges over the run: a small inline SVG chart and the numbers."""
    if not d.gauges:
        return []
    o = [f'<section id="gauges"><h2>{h(label("gauges", lang))}</h2>',
         gauges.svg(d.gauges, label("gauges_chart", lang), label("gauges_axis", lang)),
         '<ul class="gauges" style="list-style:none;padding:0;margin:.4rem 0">']
    for k, g in enumerate(d.gauges):
        colour = gauges.COLOURS[k % len(gauges.COLOURS)]
        o.append(f'<li><span class="swatch" style="display:inline-block;width:.9em;height:.9em;'
                 f'border-radius:2px;margin-right:.4em;vertical-align:-.1em;background:{colour}">'
                 "</span>"
                 f"<b>{h(g.label)}</b> ({h(gauges.scale(g))}): {h(gauges.numbers(g))}</li>")
    o.append(f'</ul><p class="legend">{h(label("gauges_note", lang))}</p></section>')
    return o


def _stop(text: str) -> str:
    """A full stop after ``text`` unless it already ends in punctuation."""
    return "" if text.rstrip()[-1:] in ".?!" else "."


def _md_bar(score: int, width: int = 10) -> str:
    filled = round(score * width / 100)
    return "█" * filled + "░" * (width - filled)


def _md_turning(d: Debrief, lang: str) -> list[str]:
    tp = d.turning_point
    assert tp is not None
    out = [f"## {label('turning_point', lang)}", "", label("turning_intro", lang, n=tp.step), "",
           f"- {label('decision', lang)} {tp.step} (`{md(tp.node)}`), "
           f"{label('your_choice', lang).lower()}: {_md_option(tp.chosen, d, lang)}",
           f"- {label('better_there', lang)}: {_md_option(tp.better, d, lang)}"]
    if tp.better.feedback:
        out.append(f"- {label('why', lang)}: {md(tp.better.feedback)}")
    out += [f"- {label('could_reach', lang)}: **{md(tp.reachable.title)}** "
            f"({md(outcome_label(tp.reachable.outcome, lang))})", ""]
    return out


def _is_turn(m: KeyMoment, d: Debrief) -> bool:
    return d.turning_point is not None and d.turning_point.step == m.step


def _md_moment(m: KeyMoment, d: Debrief, lang: str) -> list[str]:
    turn = f" · {label('turning_point', lang).lower()}" if _is_turn(m, d) else ""
    out = [f"### {label('decision', lang)} {m.step}: {label(m.kind, lang)}{turn} (`{md(m.node)}`)",
           ""]
    for ln in m.situation:
        who = f"**{md(ln.speaker)}:** " if ln.speaker else ""
        out.append(f"> {who}{md(ln.text)}")
    if m.situation:
        out.append("")
    out.append(f"- {label('your_choice', lang)}: {_md_option(m.chosen, d, lang)}")
    if m.chosen.feedback:
        out.append(f"- {label('why', lang)}: {md(m.chosen.feedback)}")
    if m.kind == "poor":
        if m.better:
            better = f"- {label('better', lang)}: {_md_option(m.better, d, lang)}"
            if m.better.feedback:
                better += f". {md(m.better.feedback)}"
            out.append(better)
        else:
            out.append(f"- {label('no_better', lang)}")
    out.append("")
    return out


# --- HTML -----------------------------------------------------------------------------------

def h(text: object) -> str:
    """Escaped HTML text (also safe inside attribute values)."""
    return html.escape(clean(str(text)) if text is not None else "", quote=True)


_PALETTE = ["#b03a2e", "#ca6f1e", "#b7950b", "#239b56", "#1d6f42"]

_CSS = """
:root { --ink: #1b1f24; --muted: #5b6470; --line: #d5d9de; --soft: #f4f6f8;
        --good: #1e8449; --poor: #c0392b; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
       sans-serif; color: var(--ink); margin: 0; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; color: var(--accent); }
h2 { font-size: 1.2rem; margin: 2rem 0 .7rem; padding-bottom: .2rem;
     border-bottom: 2px solid var(--line); color: var(--accent); }
h3 { font-size: 1rem; margin: 0 0 .4rem; }
p { margin: .3rem 0 .6rem; }
.meta { display: flex; flex-wrap: wrap; gap: .2rem 1.5rem; color: var(--muted); margin: 0;
        padding: 0; list-style: none; font-size: .9rem; }
.meta b { color: var(--ink); font-weight: 600; }
code { font: .85em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
       background: var(--soft); padding: 0 .25em; border-radius: 3px; }
.notice { border: 1px solid #e0b252; background: #fff8e6; padding: .6rem .9rem; border-radius: 6px;
          margin: 1rem 0; }
.notice ul { margin: .2rem 0 0; padding-left: 1.2rem; }
.ending { border-left: 5px solid var(--accent); background: var(--soft); padding: .7rem 1rem;
          border-radius: 0 6px 6px 0; }
.ending .outcome { color: var(--muted); font-size: .9rem; }
table.scores { width: 100%; border-collapse: collapse; }
table.scores th, table.scores td { text-align: left; padding: .45rem .4rem; vertical-align: middle;
                                   border-bottom: 1px solid var(--line); }
table.scores th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em;
                  color: var(--muted); font-weight: 600; }
td.dim b { display: block; }
td.dim span { color: var(--muted); font-size: .85rem; }
td.bar { width: 26%; }
td.bar svg { width: 100%; height: 22px; display: block; }
td.num { font-weight: 700; font-size: 1.1rem; text-align: right; width: 3.5rem; }
td.band { width: 8rem; }
td.raw { color: var(--muted); font-size: .85rem; width: 8rem; }
td.dec { color: var(--muted); text-align: right; width: 5rem; }
.turn { border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: 6px;
        padding: .7rem 1rem; }
.turn dl { margin: .4rem 0 0; display: grid; grid-template-columns: max-content 1fr;
           gap: .25rem .8rem; }
.turn dt { font-weight: 600; }
.turn dd { margin: 0; }
.capped { color: var(--muted); font-style: italic; }
@media (max-width: 40rem) {
  th.bar, td.bar, th.raw, td.raw { display: none; }
  td.na { font-size: .85rem; }
  table.scores th, table.scores td { padding: .4rem .2rem; }
  table.scores th { letter-spacing: 0; font-size: .7rem; }
  td.dec { width: auto; }
  .turn dl { grid-template-columns: 1fr; }
  .turn dd { margin-bottom: .3rem; }
}
td.na { color: var(--muted); font-size: .9rem; }
td.na b { font-style: italic; font-weight: 600; }
.pill { display: inline-block; padding: 0 .5em; border-radius: 1em; color: #fff; font-size: .85rem;
        font-weight: 600; }
.legend { color: var(--muted); font-size: .85rem; }
.quad { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; }
.quad svg { width: 330px; height: 368px; flex: none; }
.quad .text { flex: 1; min-width: 16rem; }
.cite { color: var(--muted); font-size: .85rem; }
.cite q { font-style: italic; }
.moment { border: 1px solid var(--line); border-left: 5px solid var(--good); border-radius: 6px;
          padding: .7rem 1rem; margin: 0 0 .8rem; }
.moment.poor { border-left-color: var(--poor); }
.moment .kind { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em;
                color: var(--good); font-weight: 700; }
.moment.poor .kind { color: var(--poor); }
.moment blockquote { margin: .3rem 0 .6rem; padding: .3rem .8rem; background: var(--soft);
                     border-radius: 4px; }
.moment blockquote p { margin: .15rem 0; }
.moment dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .25rem .8rem; }
.moment dt { font-weight: 600; }
.moment dd { margin: 0; }
.scoretags { color: var(--muted); font-size: .85rem; white-space: nowrap; }
.tips { list-style: none; padding: 0; margin: 0; }
.tips li { padding: .5rem 0 .7rem; border-bottom: 1px solid var(--line); }
.tips li:last-child { border-bottom: none; }
.tips .tip { font-size: 1.02rem; }
ol.path { padding-left: 1.6rem; }
ol.path li { margin: .15rem 0; }
ul.sources { padding-left: 1.2rem; font-size: .85rem; }
ul.sources .url { color: var(--muted); word-break: break-all; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line);
         padding-top: .6rem; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; margin-top: 1.2rem; }
  .moment, .tips li, tr, .quad, .ending, .notice { break-inside: avoid; }
  .quad svg { width: 250px; height: 279px; }
}
"""


def _band_colour(band_id: str | None, d: Debrief) -> str:
    """Red for the lowest band to green for the highest, spread over the palette."""
    ids = [b.id for b in d.bands]
    if band_id not in ids:
        return "#7f8c8d"
    i, n = ids.index(band_id), len(ids)
    return _PALETTE[round(i * (len(_PALETTE) - 1) / (n - 1)) if n > 1 else 0]


def _bar_svg(dim: DimensionResult, d: Debrief, lang: str) -> str:
    """A 0-100 bar with the band boundaries marked."""
    ticks = "".join(f'<line x1="{b.lower * 3}" y1="1" x2="{b.lower * 3}" y2="21" '
                    f'stroke="#8a939d" stroke-width="1" stroke-dasharray="2 2"/>'
                    for b in d.bands if b.lower > 0)
    if dim.assessed and dim.score is not None:
        fill = _band_colour(dim.band, d)
        w = dim.score * 3
        body = (f'<rect x="0" y="4" width="300" height="14" rx="3" fill="#e9ecef"/>'
                f'<rect x="0" y="4" width="{w}" height="14" rx="3" fill="{fill}"/>{ticks}')
        title = f"{h(dim.short)}: {dim.score} ({h(dim.band_name)})"
    else:
        body = ('<rect x="0.5" y="4.5" width="299" height="13" rx="3" fill="none" '
                'stroke="#aab1b8" stroke-dasharray="4 3"/>')
        title = f"{h(dim.short)}: {h(label('not_assessed', lang))}"
    return (f'<svg viewBox="0 0 300 22" preserveAspectRatio="none" role="img" '
            f'aria-label="{title}"><title>{title}</title>{body}</svg>')


def _quadrant_svg(d: Debrief, lang: str) -> str:
    """Contact (x) against limits (y), split at each axis's threshold, with the run as a dot.

    Quadrant names stand outside the plot (above for high limits, below for low), so the
    dot never hides them.
    """
    axes = {a.id: a for a in d.axes}
    ca, la = axes.get("contact"), axes.get("limits")
    tx = ca.threshold if ca else 50
    ty = la.threshold if la else 50
    size, left, top, bottom = 280, 34, 30, 58
    width, height = left + size + 16, top + size + bottom

    def x(v: float) -> float:
        return left + v * size / 100

    def y(v: float) -> float:
        return top + (100 - v) * size / 100

    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{h(label("quadrant", lang))}">']
    quads = {(q.contact_high, q.limits_high): q for q in d.quadrants}
    for (ch, lh), (x0, x1, y0, y1) in {
        (False, True): (0, tx, ty, 100), (True, True): (tx, 100, ty, 100),
        (False, False): (0, tx, 0, ty), (True, False): (tx, 100, 0, ty),
    }.items():
        q = quads.get((ch, lh))
        current = d.quadrant is not None and q is not None and q.id == d.quadrant.id
        fill = "#d6e6f5" if current else "#f4f6f8"
        parts.append(f'<rect x="{x(x0):.1f}" y="{y(y1):.1f}" width="{x(x1) - x(x0):.1f}" '
                     f'height="{y(y0) - y(y1):.1f}" fill="{fill}" stroke="#c5ccd3"/>')
        if q is not None:
            cx = (x(x0) + x(x1)) / 2
            ty_text = top - 10 if lh else top + size + 18
            weight = "700" if current else "400"
            colour = "#1f4e79" if current else "#1b1f24"
            parts.append(f'<text x="{cx:.1f}" y="{ty_text:.1f}" text-anchor="middle" '
                         f'font-size="12" font-weight="{weight}" fill="{colour}">{h(q.name)}</text>')
    parts.append(f'<line x1="{x(tx):.1f}" y1="{y(100):.1f}" x2="{x(tx):.1f}" y2="{y(0):.1f}" '
                 'stroke="#6c7680" stroke-width="1.5"/>')
    parts.append(f'<line x1="{x(0):.1f}" y1="{y(ty):.1f}" x2="{x(100):.1f}" y2="{y(ty):.1f}" '
                 'stroke="#6c7680" stroke-width="1.5"/>')
    cname = h(ca.name) if ca else "contact"
    lname = h(la.name) if la else "limits"
    parts.append(f'<text x="{left + size / 2}" y="{height - 6}" text-anchor="middle" '
                 f'font-size="12" fill="#5b6470">{cname} →</text>')
    parts.append(f'<text x="14" y="{top + size / 2}" text-anchor="middle" font-size="12" '
                 f'fill="#5b6470" transform="rotate(-90 14 {top + size / 2})">{lname} →</text>')
    parts.append(f'<text x="{x(0)}" y="{height - 6}" font-size="10" fill="#8a939d">0</text>')
    parts.append(f'<text x="{x(100)}" y="{height - 6}" font-size="10" text-anchor="end" '
                 'fill="#8a939d">100</text>')
    if ca and la and ca.score is not None and la.score is not None:
        px, py = x(ca.score), y(la.score)
        anchor = "end" if ca.score > 60 else "start"
        dx = -11 if anchor == "end" else 11
        dy = 18 if la.score > 88 else -10
        parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="7" fill="#1f4e79" stroke="#fff" '
                     'stroke-width="2"/>')
        parts.append(f'<text x="{px + dx:.1f}" y="{py + dy:.1f}" text-anchor="{anchor}" '
                     'font-size="12" font-weight="700" fill="#1f4e79" stroke="#fff" '
                     'stroke-width="3" paint-order="stroke">'
                     f'{h(label("you", lang))} ({ca.score}, {la.score})</text>')
    parts.append("</svg>")
    return "".join(parts)


def _html_cites(cites: list[CitationView], lang: str) -> str:
    parts = []
    for part in attribution(cites, lang):
        text = h(part.lead)
        if part.quotes:
            qs = []
            for q, tr in part.quotes:
                s = f"<q>{h(q)}</q>"
                if tr:
                    s += f" ({h(label('translation', lang))}: <q>{h(tr)}</q>)"
                qs.append(s)
            text += ": " + "; ".join(qs)
        parts.append(text)
    s = "; ".join(parts)
    if s:
        s = s[:1].upper() + s[1:]
    return f'<p class="cite">{h(label("source", lang))}: {s}</p>' if s else ""


def _html_option(o: OptionResult, d: Debrief, lang: str) -> str:
    return (f"<q>{h(o.text)}</q> <span class=\"scoretags\">"
            f"({h(score_list(o.scores, d.dimensions, lang))})</span>")


def render_html(debrief: Debrief, lang: str | None = None) -> str:
    """A self-contained printable HTML page. Labels in ``lang`` (default: the debrief's)."""
    d = debrief
    lang = lang or d.lang
    title = f"{label('debrief', lang)}: {d.scenario_title}"
    o: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{h(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'; img-src data:">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="sovsim">',
        f"<title>{h(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{h(title)}</h1>",
        '<ul class="meta">',
        f"<li><b>{h(label('role', lang))}:</b> {h(d.role)}</li>",
        f"<li><b>{h(label('scenario', lang))}:</b> <code>{h(d.scenario_id)}</code> "
        f"{h(label('version', lang))} {d.scenario_version}</li>",
    ]
    if d.mode:
        o.append(f"<li><b>{h(label('mode', lang))}:</b> {h(mode_label(d.mode, lang))}</li>")
    if d.played:
        o.append(f"<li><b>{h(label('played', lang))}:</b> {h(format_time(d.played))}</li>")
    o.append(f"<li><b>{h(label('decisions', lang))}:</b> {d.decisions}</li>")
    o.append(f"<li><b>{h(label('rubric', lang))}:</b> <code>{h(d.rubric_id)}</code> "
             f"{h(label('version', lang))} {d.rubric_version}</li>")
    o += ["</ul>", "</header>"]
    if d.notices:
        o.append(f'<div class="notice" role="note"><b>{h(label("notices", lang))}:</b><ul>')
        o += [f"<li>{h(n.message)}</li>" for n in d.notices]
        o.append("</ul></div>")

    o.append(f'<section id="ending"><h2>{h(label("ending", lang))}</h2><div class="ending">')
    if d.ending:
        o.append(f"<h3>{h(d.ending.title)}</h3><p>{h(d.ending.text)}</p>"
                 f'<p class="outcome">{h(label("outcome", lang))}: '
                 f"{h(outcome_label(d.ending.outcome, lang))}</p>")
    else:
        o.append(f"<p>{h(label('not_finished', lang))}</p>")
    o.append("</div></section>")
    if d.turning_point:
        o.append(_html_turning(d, lang))
    elif d.ending and not any(n.code == "too_large" for n in d.notices):
        o.append(f"<p>{h(label('best_ending', lang))}</p>")

    o.append(f'<section id="scores"><h2>{h(label("scores", lang))}</h2><table class="scores">'
             f'<thead><tr><th>{h(label("dimension", lang))}</th><th class="bar"></th>'
             f'<th>{h(label("score", lang))}</th><th>{h(label("band", lang))}</th>'
             f'<th>{h(label("based_on", lang))}</th>'
             f'<th class="raw">{h(label("total", lang))}</th></tr></thead><tbody>')
    for dim in d.dimensions:
        cells = (f'<td class="dim"><b>{h(dim.short)}</b><span>{h(dim.name)}</span></td>'
                 f'<td class="bar">{_bar_svg(dim, d, lang)}</td>')
        if dim.assessed:
            colour = _band_colour(dim.band, d)
            cells += (f'<td class="num">{dim.score}</td>'
                      f'<td class="band"><span class="pill" style="background:{colour}">'
                      f"{h(dim.band_name)}</span></td>"
                      f'<td class="dec">{dim.decisions}</td>'
                      f'<td class="raw">{signed(dim.raw)} ({signed(dim.minimum or 0)} '
                      f"{h(label('to', lang))} {signed(dim.maximum or 0)})</td>")
        else:
            cells += (f'<td class="na" colspan="4"><b>{h(label("not_assessed", lang))}</b>: '
                      f"{h(status_text(dim, lang))}</td>")
        o.append(f"<tr>{cells}</tr>")
    o.append("</tbody></table>")
    bands = " · ".join(f"{h(b.name)} {b.lower}–{b.upper}" for b in d.bands)
    o.append(f'<p class="legend">{h(label("bands", lang))}: {bands}. '
             f"{h(label('scale', lang))}</p></section>")

    qname = f": {h(d.quadrant.name)}" if d.quadrant else ""
    o.append(f'<section id="quadrant"><h2>{h(label("quadrant", lang))}{qname}</h2><div class="quad">')
    o.append(_quadrant_svg(d, lang))
    o.append('<div class="text">')
    for a in d.axes:
        if a.score is None:
            o.append(f"<p><b>{h(a.name)}</b>: {h(label('not_assessed', lang))}</p>")
        else:
            o.append(f"<p><b>{h(a.name)} {a.score}</b> ({h(label('high' if a.high else 'low', lang))}; "
                     f"{h(label('threshold', lang))} {a.threshold}). {h(a.description)}</p>")
    for a in d.axes:
        if a.capped_by is not None and a.uncapped is not None:
            o.append(f'<p class="capped">{h(label("capped", lang, axis=a.name, uncapped=a.uncapped, score=a.score))} '
                     f"{h(a.cap_note)}</p>")
    if d.quadrant:
        o.append(f"<p>{h(d.quadrant.description)}</p>{_html_cites(d.quadrant.citations, lang)}")
    else:
        o.append(f"<p>{h(label('no_quadrant', lang))}</p>")
    o.append("</div></div></section>")

    o.append(f'<section id="key-moments"><h2>{h(label("key_moments", lang))}</h2>')
    if not d.key_moments:
        o.append(f"<p>{h(label('no_moments', lang))}</p>")
    for m in d.key_moments:
        o.append(_html_moment(m, d, lang))
    o.append("</section>")

    if d.tips:
        names = {dim.id: dim for dim in d.dimensions}
        o.append(f'<section id="tips"><h2>{h(label("try_next", lang))}</h2><ul class="tips">')
        for t in d.tips:
            if t.kind == "moment":
                fb = f'<p class="tip">{h(t.text)}</p>' if t.text else ""
                o.append(f"<li><h3>{h(label('at_decision', lang, n=t.step))}</h3>"
                         f"<p>{h(label('next_time', lang).capitalize())}: <q>{h(t.option)}</q></p>"
                         f"{fb}</li>")
                continue
            dim_name = h(names[t.dimension].short) if t.dimension in names else ""
            if t.kind == "scenario":
                o.append(f"<li><h3>{dim_name} <small>({h(label('scenario_tip', lang))})</small></h3>"
                         f'<p class="tip">{h(t.text)}</p></li>')
                continue
            o.append(f"<li><h3>{dim_name}</h3>"
                     f'<p class="tip">{h(t.text)}</p>'
                     f'<p class="cite">{h(label("practice", lang))}: {h(t.practice)}</p>'
                     f"{_html_cites(t.citations, lang)}</li>")
        o.append("</ul></section>")
    elif d.keep_doing:
        o.append(f'<section id="keep"><h2>{h(label("keep_doing", lang))}</h2>'
                 f'<p>{h(label("keep_intro" if d.top_score else "keep_intro_good", lang))}</p><ul class="tips">')
        for k in d.keep_doing:
            fb = f'<p class="cite">{h(k.feedback)}</p>' if k.feedback else ""
            o.append(f"<li><h3>{h(label('decision', lang))} {k.step}</h3>"
                     f'<p class="tip"><q>{h(k.text)}</q></p>{fb}</li>')
        o.append("</ul></section>")

    o += _html_gauges(d, lang)
    o.append(f'<section id="path"><h2>{h(label("path", lang))}</h2><ol class="path">')
    for i, p in enumerate(d.path, 1):
        item = h(p.label) if p.label else f"<code>{h(p.node)}</code>"
        if p.choice:
            item += (f": {h(label('choice', lang))} <q>{h(p.text)}</q> "
                     f'<span class="scoretags">({h(score_list(p.scores, d.dimensions, lang))})'
                     "</span>")
        elif i == len(d.path) and d.ending:
            item += f" ({h(label('end', lang))})"
        o.append(f"<li>{item}</li>")
    o.append("</ol></section>")

    if d.sources:
        o.append(f'<section id="sources"><h2>{h(label("sources", lang))}</h2><ul class="sources">')
        for s in d.sources:
            note = f" ({h(s.note)})" if s.note else ""
            url = f' <span class="url">{h(s.url)}</span>' if s.url else ""
            o.append(f"<li><b>{h(s.key)}</b>: {h(s.title)}{note}{_stop(s.title + note)}{url}</li>")
        o.append("</ul></section>")
    o.append(f"<footer>{h(label('source_note', lang))}</footer>")
    o += ["</main>", "</body>", "</html>"]
    return "\n".join(o) + "\n"


def _html_turning(d: Debrief, lang: str) -> str:
    tp = d.turning_point
    assert tp is not None
    o = [f'<section id="turning-point"><h2>{h(label("turning_point", lang))}</h2>'
         f'<div class="turn"><p>{h(label("turning_intro", lang, n=tp.step))}</p><dl>',
         f"<dt>{h(label('decision', lang))} {tp.step}</dt><dd><code>{h(tp.node)}</code></dd>",
         f"<dt>{h(label('your_choice', lang))}</dt><dd>{_html_option(tp.chosen, d, lang)}</dd>",
         f"<dt>{h(label('better_there', lang))}</dt><dd>{_html_option(tp.better, d, lang)}</dd>"]
    if tp.better.feedback:
        o.append(f"<dt>{h(label('why', lang))}</dt><dd>{h(tp.better.feedback)}</dd>")
    o.append(f"<dt>{h(label('could_reach', lang))}</dt><dd><b>{h(tp.reachable.title)}</b> "
             f"({h(outcome_label(tp.reachable.outcome, lang))})</dd>")
    o.append("</dl></div></section>")
    return "\n".join(o)


def _html_moment(m: KeyMoment, d: Debrief, lang: str) -> str:
    turn = f" · {h(label('turning_point', lang).lower())}" if _is_turn(m, d) else ""
    o = [f'<article class="moment {h(m.kind)}">',
         f'<div class="kind">{h(label(m.kind, lang))}{turn}</div>',
         f"<h3>{h(label('decision', lang))} {m.step} <code>{h(m.node)}</code></h3>"]
    if m.situation:
        o.append("<blockquote>")
        for ln in m.situation:
            who = f"<b>{h(ln.speaker)}:</b> " if ln.speaker else ""
            o.append(f"<p>{who}{h(ln.text)}</p>")
        o.append("</blockquote>")
    o.append("<dl>")
    o.append(f"<dt>{h(label('your_choice', lang))}</dt><dd>{_html_option(m.chosen, d, lang)}</dd>")
    if m.chosen.feedback:
        o.append(f"<dt>{h(label('why', lang))}</dt><dd>{h(m.chosen.feedback)}</dd>")
    if m.kind == "poor":
        if m.better:
            fb = f"<br>{h(m.better.feedback)}" if m.better.feedback else ""
            o.append(f"<dt>{h(label('better', lang))}</dt><dd>{_html_option(m.better, d, lang)}"
                     f"{fb}</dd>")
        else:
            o.append(f"<dt></dt><dd>{h(label('no_better', lang))}</dd>")
    o.append("</dl></article>")
    return "\n".join(o)


RENDERERS = {"json": render_json, "md": render_markdown, "html": render_html}
