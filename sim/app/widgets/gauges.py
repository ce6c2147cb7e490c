"""The other person's gauges (variables a scenario marks ``gauge: true``)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...engine import Run
from ...textsafe import one_line


def gauge_text(run: Run, lang: str, *, width: int = 10, stacked: bool = False,
               sep: str = "   ") -> Text:
    """Each gauge as ``Label ■■■■□□□□□□ 4/10``; side by side (``sep`` between them), or
    label and bar on lines of their own when stacked."""
    out = Text()
    gauges = [v for v in run.scenario.variables.values() if v.gauge and v.type == "number"]
    for i, var in enumerate(gauges):
        if i:
            out.append("\n" if stacked else sep)
        label = one_line(var.label.get(lang)) if var.label else var.id
        value = run.values.get(var.id, var.initial)
        out.append(label + (("\n") if stacked else " "), style="bold")
        if var.min is not None and var.max is not None and var.max > var.min:
            filled = round(width * (value - var.min) / (var.max - var.min))
            filled = max(0, min(width, filled))
            out.append("█" * filled, style="bold")
            out.append("░" * (width - filled), style="dim")
            out.append(f" {_num(value)}/{_num(var.max)}")
        else:
            out.append(_num(value))
    return out


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def fitted_gauge_text(run: Run, lang: str, columns: int) -> Text:
    """The gauges side by side in ``columns`` cells, the bars shortened to fit; one gauge
    a line when even the shortest bars do not fit (a phone): never wrapped mid-gauge."""
    for width in (6, 4, 3):
        text = gauge_text(run, lang, width=width)
        if text.cell_len <= columns:
            return text
    return gauge_text(run, lang, width=4, sep="\n")


def has_gauges(run: Run) -> bool:
    return any(v.gauge and v.type == "number" for v in run.scenario.variables.values())


class Gauges(Static):
    def show_run(self, run: Run, lang: str, stacked: bool = False) -> None:
        self.update(gauge_text(run, lang, stacked=stacked))
