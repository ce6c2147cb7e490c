"""Rich renderings of the group figures for the terminal: bars, the quadrant, the panels.

Every piece of user or scenario text goes in as plain :class:`rich.text.Text`
(never parsed as markup) after terminal control sequences are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from rich.text import Text

from ..group import (
    DecisionFigures,
    DimensionStats,
    Dot,
    EndingCount,
    Names,
    ParticipantProgress,
    PoorChoice,
    RunProgress,
)
from .strings import t

_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.")
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None) -> str:
    """Text without terminal escape sequences or control characters (newlines kept)."""
    text = (text or "").replace("\r\n", "\n").replace("\t", "    ")
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def one_line(text: str | None, width: int | None = None) -> str:
    out = " ".join(clean(text).split())
    if width is not None and len(out) > width:
        out = out[: max(1, width - 1)].rstrip() + "…"
    return out


def bar(value: float, width: int, total: float = 100.0) -> str:
    """A horizontal bar of ``value`` out of ``total``, ``width`` cells wide (half cells).

    Drawn with line characters (as Textual's own progress bar) rather than full blocks,
    which browsers' terminal renderers draw taller than a row."""
    if total <= 0:
        return " " * width
    halves = round(max(0.0, min(1.0, value / total)) * width * 2)
    full, half = divmod(halves, 2)
    out = "━" * full + ("╸" if half else "")
    return out + " " * (width - len(out))


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def at_decision(run: RunProgress) -> int:
    """The decision a trainee is at, as their own screen numbers it ("Keuze 4" after
    three choices); never past the longest path's last decision."""
    n = run.decisions + 1
    return min(n, run.most_decisions) if run.most_decisions else n


def plural(key: str, n: int, lang: str, /, **values: object) -> str:
    """``key.one`` or ``key.many`` by ``n``, with ``n`` and ``values`` filled in."""
    return t(f"{key}.{'one' if n == 1 else 'many'}", lang, n=n, **values)


def long_date(iso: str | None, lang: str, *, time: bool = False) -> str:
    """'4 december 2026' (English: '4 December 2026') from an ISO time, in local time;
    with ``time``, the hour and minute too. The text itself if it is not a time."""
    if not iso:
        return ""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if when.tzinfo is not None:
        when = when.astimezone()
    months = t("group.td.months", lang).split()
    out = f"{when.day} {months[when.month - 1]} {when.year}"
    return out + f" {when:%H:%M}" if time else out


def person_status(p: ParticipantProgress, titles: dict[str, str], lang: str, *,
                  away_after: float = 60.0, now: datetime | None = None) -> tuple[Text, str]:
    """How far a participant is (the ending reached, or decision n of at most m; "away"
    when not seen lately), and the title of the scenario of their latest run."""
    latest = p.latest
    status = Text()
    scenario = ""
    if latest is None:
        status.append(t("group.dash.not_started", lang), style="dim")
    else:
        scenario = one_line(titles.get(latest.scenario_id, latest.scenario_id))
        if latest.finished:
            status.append("✓ " + one_line(latest.ending_title or latest.ending), style="green")
        elif latest.most_decisions:
            status.append(bar(latest.decisions, 6, latest.most_decisions) + " ", style="cyan")
            status.append(t("group.dash.playing", lang, n=at_decision(latest),
                            max=latest.most_decisions))
        else:
            status.append(t("group.td.playing_open", lang, n=at_decision(latest)))
    if p.seen is not None and not (latest and latest.finished):
        try:
            age = ((now or datetime.now(UTC)) - datetime.fromisoformat(p.seen)).total_seconds()
        except ValueError:
            age = 0.0
        if age > away_after:
            status.append(f" ({t('group.dash.away', lang)})", style="dim italic")
    return status, scenario


def decisions_text(decisions: list[DecisionFigures], lang: str, width: int = 56) -> Text:
    """Each decision someone reached: its prompt, then each option with a bar and a count."""
    out = Text()
    if not decisions:
        out.append(t("group.dash.no_decisions", lang), style="italic")
        return out
    for i, d in enumerate(decisions):
        if i:
            out.append("\n\n")
        head = f" {t('group.td.decision', lang, n=d.number)} " if d.number else ""
        out.append(head, style="bold reverse")
        out.append(" " + one_line(d.prompt, width - len(head) - 1), style="bold")
        top = max((o.count for o in d.options), default=0)
        for o in d.options:
            out.append("\n")
            out.append(f"{o.number}. ", style="bold")
            out.append(one_line(o.text, width - 16).ljust(width - 16),
                       style="red" if o.poor else "")
            out.append(" " + bar(o.count, 8, top or 1) + f" {o.count:>3}",
                       style="bold" if o.count and o.count == top else "")
    return out


def dimensions_text(stats: list[DimensionStats], names: Names, width: int = 12,
                    room: int | None = None) -> Text:
    """Each dimension: the mean (●) with the spread around it (one sd each side), and figures.

    ``room``: the cells a line may take (a narrow terminal): names and bars are shortened
    to fit rather than wrapped."""
    lang = names.lang
    out = Text()
    rows = [s for s in stats if s.n]
    if not rows:
        out.append(t("group.dash.no_scores", lang), style="italic")
        return out
    name_w = min(24, max(len(names.dimension(s.dimension)) for s in rows))
    if room is not None:  # name, bar with its ends, " 53 ±40 ", "n=9": shrink bar, then names
        spare = room - (name_w + 1 + width + 2 + 9 + 5)
        if spare < 0:
            width = max(6, width + spare)
            name_w = max(8, room - (1 + width + 2 + 9 + 5))
    for i, s in enumerate(rows):
        if i:
            out.append("\n")
        out.append(one_line(names.dimension(s.dimension), name_w).ljust(name_w) + " ")
        cells = [" "] * width
        lo = max(0.0, (s.mean or 0) - (s.sd or 0))
        hi = min(100.0, (s.mean or 0) + (s.sd or 0))
        for c in range(width):
            centre = (c + 0.5) * 100 / width
            if lo <= centre <= hi:
                cells[c] = "─"
        m = min(width - 1, int((s.mean or 0) * width / 100))
        cells[m] = "●"
        out.append("▕" + "".join(cells) + "▏", style="cyan")
        out.append(f" {fmt(s.mean):>3} ±{fmt(s.sd):<3}", style="bold")
        out.append(f" n={s.n}", style="dim")
    return out


def quadrant_text(dots: list[Dot], names: Names, width: int = 41, height: int = 11) -> Text:
    """The contact x limits plane with its quadrants named above and below, a dot per run
    (a digit where several runs share a cell)."""
    lang = names.lang
    cols, rows = max(21, width), max(5, height)
    grid = [[" "] * cols for _ in range(rows)]
    mid_c, mid_r = cols // 2, rows // 2
    for r in range(rows):
        grid[r][mid_c] = "│"
    for c in range(cols):
        grid[mid_r][c] = "┼" if c == mid_c else "─"
    counts: dict[tuple[int, int], int] = {}
    for d in dots:
        c = min(cols - 1, int(d.contact * cols / 101))
        r = rows - 1 - min(rows - 1, int(d.limits * rows / 101))
        counts[(r, c)] = counts.get((r, c), 0) + 1
    for (r, c), n in counts.items():
        grid[r][c] = "●" if n == 1 else (str(n) if n < 10 else "+")

    def labels(left: str, right: str) -> Text:
        half = mid_c
        line = Text(one_line(left, half - 1).ljust(half), style="dim")
        line.append(one_line(right, cols - half - 1).rjust(cols - half), style="dim")
        return line

    out = Text()
    out.append_text(labels(names.quadrant("afstandelijk"), names.quadrant("betrouwbare-partner")))
    out.append("   " + t("group.dash.limits", lang) + "\n", style="dim")
    for r in range(rows):
        for c in range(cols):
            ch = grid[r][c]
            out.append(ch, style="dim" if ch in "│─┼" else "bold yellow")
        out.append("\n")
    out.append_text(labels(names.quadrant("afhakend"), names.quadrant("meegaand")))
    out.append("   " + t("group.dash.contact", lang), style="dim")
    return out


def endings_text(endings: list[EndingCount], lang: str, room: int | None = None) -> Text:
    """Each ending with a bar and how many runs reached it; titles are shortened to fit
    in ``room`` cells (the bar and count take 15)."""
    out = Text()
    top = max((e.count for e in endings), default=0)
    most = 40 if room is None else max(8, min(40, room - 15))
    w = max((len(one_line(e.title, most)) for e in endings), default=0)
    for i, e in enumerate(endings):
        if i:
            out.append("\n")
        out.append(one_line(e.title, most).ljust(w) + " ")
        out.append(bar(e.count, 10, top or 1) + f" {e.count:>3}", style="bold" if e.count else "dim")
    return out


def poor_text(poor: list[PoorChoice], lang: str, width: int = 56) -> Text:
    out = Text()
    if not poor:
        out.append(t("group.dash.no_poor", lang), style="italic")
        return out
    for i, p in enumerate(poor):
        if i:
            out.append("\n")
        out.append(f"{p.count:>3}× ", style="bold red")
        out.append(one_line(p.text, width - 6))
        if p.better:
            out.append("\n      " + t("group.dash.better", lang, text=one_line(p.better, width - 14)),
                       style="green")
    return out


def join_lines(parts: Iterable[Text]) -> Text:
    out = Text()
    for i, p in enumerate(parts):
        if i:
            out.append("\n")
        out.append_text(p)
    return out
