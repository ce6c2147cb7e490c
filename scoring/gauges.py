"""The scenario's gauges (trust, tension, ...) over a run: their value at the start and
after each decision, and how a debrief shows them (numbers, a terminal line, an SVG).

Read from the replayed run, so an old stored run shows them too.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from sim.engine import Run
from sim.scenario import Scenario
from sim.textsafe import clean

# colours of the lines in the chart (dark enough on white, told apart by dash too)
COLOURS = ("#1f5fa8", "#b5462f", "#2f7d4f", "#7a4fa0", "#8a6d1d")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2")
SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(slots=True)
class GaugeSeries:
    """One gauge over the run: ``values[0]`` at the start, ``values[n]`` after decision n."""

    id: str
    label: str
    minimum: float | None
    maximum: float | None
    values: list[float]

    def low(self) -> float:
        return self.minimum if self.minimum is not None else min(self.values)

    def high(self) -> float:
        return self.maximum if self.maximum is not None else max(self.values)


def gauge_series(scenario: Scenario, run: Run, lang: str) -> list[GaugeSeries]:
    """Every gauge of ``scenario`` over ``run``'s decisions (empty when it has none)."""
    gauges = [v for v in scenario.variables.values() if v.gauge and v.type == "number"]
    if not gauges:
        return []
    start: dict[str, Any] = scenario.initial_values()
    start.update(run.head().get("start_values", {}))
    current = {g.id: start.get(g.id, g.initial) for g in gauges}
    out = {g.id: [current[g.id]] for g in gauges}
    for step in run.history:
        for g in gauges:
            if g.id in step.changes:
                current[g.id] = step.changes[g.id][1]
            out[g.id].append(current[g.id])
    return [GaugeSeries(g.id, clean(g.label.get(lang)) if g.label else g.id, g.min, g.max,
                        [_num(x) for x in out[g.id]]) for g in gauges]


def _num(x: Any) -> float:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return 0.0
    return int(v) if v.is_integer() else round(v, 2)


def show(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def numbers(g: GaugeSeries) -> str:
    """``2 → 3 → 3 → 5`` (the start, then after each decision)."""
    return " → ".join(show(v) for v in g.values)


def scale(g: GaugeSeries) -> str:
    return f"{show(g.low())}–{show(g.high())}"


def sparkline(g: GaugeSeries) -> str:
    """One block character per value, low to high within the gauge's range."""
    lo, hi = g.low(), g.high()
    span = hi - lo
    out = []
    for v in g.values:
        i = 0 if span <= 0 else round((min(hi, max(lo, v)) - lo) / span * (len(SPARKS) - 1))
        out.append(SPARKS[i])
    return "".join(out)


def svg(series: list[GaugeSeries], title: str, step_word: str, width: int = 560,
        height: int = 170) -> str:
    """A small self-contained line chart: one line per gauge, each on its own range
    (0-100 % of min..max), decisions along the bottom."""
    left, right, top, bottom = 34, 12, 12, 30
    n = max(len(g.values) for g in series)
    w, hgt = width - left - right, height - top - bottom

    def x(i: int) -> float:
        return left + (w * i / (n - 1) if n > 1 else w / 2)

    def y(g: GaugeSeries, v: float) -> float:
        lo, hi = g.low(), g.high()
        frac = 0.5 if hi <= lo else (min(hi, max(lo, v)) - lo) / (hi - lo)
        return top + hgt * (1 - frac)

    o = [f'<svg class="gauges" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
         'style="max-width:100%;height:auto;display:block" '
         f'role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
         f"<title>{escape(title)}</title>",
         f'<rect x="{left}" y="{top}" width="{w}" height="{hgt}" fill="#fafafa" '
         'stroke="#ccc"/>']
    ranges = {(g.low(), g.high()) for g in series}
    shared = next(iter(ranges)) if len(ranges) == 1 else None  # one scale: say its numbers
    for frac in (0, 0.5, 1):
        yy = top + hgt * (1 - frac)
        if 0 < frac < 1:
            o.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{left + w}" y2="{yy:.1f}" '
                     'stroke="#e3e3e3"/>')
        if shared is not None:
            word = show(shared[0] + (shared[1] - shared[0]) * frac)
        else:
            word = {0: "min", 1: "max"}.get(frac, "")
        o.append(f'<text x="{left - 4}" y="{yy + 4:.1f}" font-size="10" text-anchor="end" '
                 f'fill="#555">{word}</text>')
    for i in range(n):
        o.append(f'<line x1="{x(i):.1f}" y1="{top + hgt}" x2="{x(i):.1f}" y2="{top + hgt + 4}" '
                 'stroke="#999"/>')
        o.append(f'<text x="{x(i):.1f}" y="{top + hgt + 16}" font-size="10" text-anchor="middle" '
                 f'fill="#555">{i}</text>')
    o.append(f'<text x="{left + w / 2:.1f}" y="{height - 2}" font-size="10" text-anchor="middle" '
             f'fill="#555">{escape(step_word)}</text>')
    for k, g in enumerate(series):
        colour, dash = COLOURS[k % len(COLOURS)], DASHES[k % len(DASHES)]
        pts = " ".join(f"{x(i):.1f},{y(g, v):.1f}" for i, v in enumerate(g.values))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        o.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2.5"'
                 f'{dash_attr}/>')
        for i, v in enumerate(g.values):
            o.append(f'<circle cx="{x(i):.1f}" cy="{y(g, v):.1f}" r="3" fill="{colour}">'
                     f"<title>{escape(g.label)} {show(v)}</title></circle>")
    o.append("</svg>")
    return "".join(o)
