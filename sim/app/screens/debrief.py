"""The debrief of a run (scoring's Debrief): bars per dimension with bands, the quadrant, the key
moments with better options, what to try next time with sources, the path; export and replay."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from ...problemtext import error_text
from ...scenario import Scenario
from ...textsafe import clean, one_line, shown_path
from ..widgets.footer import KeysFooter
from .base import BaseScreen

BAR = 20


def bar(score: int, width: int = BAR) -> tuple[str, str]:
    filled = max(0, min(width, round(width * score / 100)))
    return "█" * filled, "░" * (width - filled)


class DebriefScreen(BaseScreen):
    BINDINGS = [
        Binding("m", "export('md')", "key.export_md"),
        Binding("h", "export('html')", "key.export_html"),
        Binding("r", "replay", "key.replay"),
        Binding("escape", "home", "key.home"),
        Binding("pageup", "scroll(-1)", show=False),
        Binding("pagedown", "scroll(1)", show=False),
    ]

    def __init__(self, scenario: Scenario, snapshot: dict[str, Any], mode: str | None, *,
                 run_id: str | None = None) -> None:
        super().__init__()
        self.scenario = scenario
        self.snapshot = snapshot
        self.mode = mode
        self.run_id = run_id
        self.debrief: Any = None
        self.error: str | None = None

    def refresh_titles(self) -> None:
        self.title = one_line(self.scenario.title.get(self.lang))
        self.sub_title = self.t("debrief.title")

    def _build(self) -> None:
        from scoring.debrief import build_debrief

        try:
            self.debrief = build_debrief(self.scenario, self.snapshot, self.app.rubric, self.lang,
                                         self.mode)
            self.error = None
        except Exception as err:  # noqa: BLE001 - a debrief that cannot be made is explained
            self.debrief, self.error = None, error_text(err, self.lang)

    def compose(self) -> ComposeResult:
        self._build()
        yield Header(icon="≡")
        with VerticalScroll(id="debrief-body", can_focus=True):
            if self.debrief is None:
                yield Static(Text(self.t("debrief.unavailable", reason=self.error or "")))
            else:
                yield from self._sections()
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one("#debrief-body").focus()
        self._narrow = self.app.has_class("-narrow")

    def on_resize(self) -> None:
        """The quadrant is a grid, or on a narrow window (a phone) a list."""
        narrow = self.app.has_class("-narrow")
        if narrow != getattr(self, "_narrow", narrow) and self.debrief is not None:
            self.query_one("#debrief-quadrant", Static).update(self._quadrant())
        self._narrow = narrow

    def after_relocalise(self) -> None:
        self.query_one("#debrief-body").focus()

    # -- the sections -------------------------------------------------------------------
    def _head(self, key: str) -> Static:
        return Static(Text(self.t(key)), classes="debrief-section")

    def _sections(self) -> ComposeResult:
        from scoring.labels import mode_label

        d = self.debrief
        top = Text()
        top.append(clean(d.scenario_title), style="bold")
        top.append("\n" + self.t("debrief.role") + ": " + one_line(d.role))
        mode = mode_label(d.mode, self.lang)
        if mode:
            top.append(" · " + mode)
        top.append(" · " + self.t("debrief.decisions.one" if d.decisions == 1
                                  else "debrief.decisions.many", n=d.decisions))
        if d.ending is not None:
            top.append("\n\n" + self.t("debrief.ending") + ": ", style="bold")
            top.append(clean(d.ending.title), style="bold")
            outcome = self.t("outcome." + d.ending.outcome)
            if outcome.casefold() not in clean(d.ending.title).casefold():
                top.append(f" ({outcome})")
            top.append("\n" + clean(d.ending.text))
        for n in d.notices:
            top.append("\n\n" + clean(n.message), style="italic")
        yield Static(top, classes="debrief-block")
        if d.turning_point is not None:
            yield Static(Text(self._label("turning_point")), classes="debrief-section")
            yield Static(self._turning(), classes="debrief-block")
        yield self._head("debrief.quadrant")
        yield Static(self._quadrant(), classes="debrief-block", id="debrief-quadrant")
        yield self._head("debrief.dimensions")
        yield Static(self._dimensions(), classes="debrief-block")
        yield self._head("debrief.moments")
        yield Static(self._moments(), classes="debrief-block")
        yield from self.extra_sections()
        yield from self._gauge_section()
        if d.tips:
            yield self._head("debrief.tips")
            yield Static(self._tips(), classes="debrief-block")
        elif d.keep_doing:
            yield Static(Text(self._label("keep_doing")), classes="debrief-section")
            yield Static(self._keep(), classes="debrief-block")
        yield self._head("debrief.path")
        yield Static(self._path(), classes="debrief-block")
        if d.sources:
            yield self._head("debrief.sources")
            yield Static(self._sources(), classes="debrief-block")
        yield Static(Text(self.t("debrief.keys"), style="dim"), classes="debrief-block",
                     id="debrief-keys")

    def _label(self, key: str, **kw: object) -> str:
        from scoring.labels import label

        return label(key, self.lang, **kw)

    def _turning(self) -> Text:
        from scoring.labels import outcome_label, score_list

        d = self.debrief
        tp = d.turning_point
        out = Text(self._label("turning_intro", n=tp.step))
        out.append("\n" + self.t("debrief.you_chose") + ": ", style="bold")
        out.append(one_line(tp.chosen.text))
        out.append(" (" + score_list(tp.chosen.scores, d.dimensions, self.lang) + ")", style="dim")
        out.append("\n" + self._label("better_there") + ": ", style="bold")
        out.append(one_line(tp.better.text))
        out.append(" (" + score_list(tp.better.scores, d.dimensions, self.lang) + ")", style="dim")
        if tp.better.feedback:
            out.append("\n" + clean(tp.better.feedback), style="italic")
        out.append("\n" + self._label("could_reach") + ": ", style="bold")
        out.append(clean(tp.reachable.title) + " (" + outcome_label(tp.reachable.outcome,
                                                                     self.lang) + ")")
        return out

    def _keep(self) -> Text:
        out = Text(self._label("keep_intro" if self.debrief.top_score else "keep_intro_good"))
        for k in self.debrief.keep_doing:
            out.append("\n\n" + self.t("debrief.decision", n=k.step) + ": ", style="bold")
            out.append(one_line(k.text))
            if k.feedback:
                out.append("\n" + clean(k.feedback), style="italic")
        return out

    def extra_sections(self) -> ComposeResult:
        """Sections after the key moments (a live session adds how the group chose)."""
        yield from ()

    def _gauge_section(self) -> ComposeResult:
        """The scenario's gauges over the run: one line each (a sparkline and the numbers)."""
        if getattr(self.debrief, "gauges", None):
            yield self._head("debrief.gauges")
            yield Static(self._gauges(), classes="debrief-block")

    def _gauges(self) -> Table:
        from scoring import gauges

        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for g in self.debrief.gauges:
            grid.add_row(Text(clean(g.label), style="bold"), Text(gauges.sparkline(g)),
                         Text(f"{gauges.numbers(g)}  ({gauges.scale(g)})"))
        grid.add_row(Text(""), Text(""), Text(self.t("debrief.gauges_note"), style="dim"))
        return grid

    def _quadrant(self) -> Text:
        d = self.debrief
        out = Text()
        axes = {a.id: a for a in d.axes}
        contact, limits = axes.get("contact"), axes.get("limits")
        if d.quadrant is None or contact is None or limits is None:
            out.append(self.t("debrief.no_quadrant"))
        else:
            out.append(clean(d.quadrant.name), style="bold")
            out.append("\n" + clean(d.quadrant.description) + "\n\n")
            by_pos = {(q.contact_high, q.limits_high): q for q in d.quadrants}
            if self.app.has_class("-narrow"):
                self._quadrant_list(out, by_pos, contact, limits)
                return out
            width = max((len(clean(q.name)) for q in d.quadrants), default=10) + 4
            lead = max(len(clean(contact.name)), 8) + 7
            out.append(" " * lead)
            for high in (False, True):
                cell = f"  {clean(limits.name)}: {self.t('debrief.high' if high else 'debrief.low')}"
                out.append(cell[:width - 1].ljust(width), style="dim")
            for c_high in (True, False):
                label = f"{clean(contact.name)}: {self.t('debrief.high' if c_high else 'debrief.low')}"
                out.append("\n" + label.ljust(lead), style="dim")
                for l_high in (False, True):
                    q = by_pos.get((c_high, l_high))
                    name = clean(q.name) if q else ""
                    mine = q is not None and q.id == d.quadrant.id
                    cell = ("▶ " if mine else "  ") + name
                    out.append(cell.ljust(width), style="bold reverse" if mine else "")
            for axis in (contact, limits):
                score = "–" if axis.score is None else str(axis.score)
                out.append(f"\n{clean(axis.name)}: {score} ", style="")
                out.append(f"({self.t('debrief.threshold', n=axis.threshold)})", style="dim")
            for axis in (contact, limits):
                if axis.capped_by is not None and axis.uncapped is not None:
                    out.append("\n" + self._label("capped", axis=clean(axis.name),
                                                   uncapped=axis.uncapped, score=axis.score)
                               + " " + clean(axis.cap_note or ""), style="italic")
        return out

    def _quadrant_list(self, out: Text, by_pos: dict[tuple[bool, bool], Any], contact: Any,
                       limits: Any) -> None:
        """The four quadrants one under the other (no grid that a narrow screen breaks up),
        each with where it lies, yours marked; then the two scores."""
        d = self.debrief
        for c_high in (True, False):
            for l_high in (False, True):
                q = by_pos.get((c_high, l_high))
                if q is None:
                    continue
                mine = q.id == d.quadrant.id
                out.append(("▶ " if mine else "  ") + clean(q.name),
                           style="bold reverse" if mine else "")
                where = (f"{clean(contact.name)} "
                         f"{self.t('debrief.high' if c_high else 'debrief.low')}, "
                         f"{clean(limits.name)} {self.t('debrief.high' if l_high else 'debrief.low')}")
                out.append("\n    " + where + "\n", style="dim")
        for axis in (contact, limits):
            score = "–" if axis.score is None else str(axis.score)
            out.append(f"\n{clean(axis.name)}: {score} ")
            out.append(f"({self.t('debrief.threshold', n=axis.threshold)})", style="dim")

    def _dimensions(self) -> Group:
        from scoring.labels import decisions_text, status_text

        d = self.debrief
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for dim in d.dimensions:
            row = Text()
            if dim.assessed and dim.score is not None:
                full, empty = bar(dim.score)
                row.append(full)
                row.append(empty, style="dim")
                row.append(f" {dim.score:>3}  ")
                row.append(clean(dim.band_name or ""), style="bold")
                row.append("  " + decisions_text(dim.decisions, self.lang), style="dim")
            else:
                row.append(self.t("debrief.not_assessed") + ": ", style="italic")
                row.append(clean(status_text(dim, self.lang)), style="italic dim")
            grid.add_row(Text(clean(dim.short), style="bold"), row)
        bands = " · ".join(f"{clean(b.name)} {b.lower}–{b.upper}" for b in d.bands)
        note = Text("\n" + self.t("debrief.bands") + ": " + bands, style="dim") if bands else Text()
        return Group(grid, note)

    def _moments(self) -> Text:
        from scoring.labels import score_list

        d = self.debrief
        out = Text()
        if not d.key_moments:
            out.append(self.t("debrief.no_moments"), style="italic")
        for i, m in enumerate(d.key_moments):
            if i:
                out.append("\n\n")
            kind = self.t("debrief.good" if m.kind == "good" else "debrief.poor")
            if d.turning_point is not None and d.turning_point.step == m.step:
                kind += " · " + self._label("turning_point").lower()
            out.append(self.t("debrief.decision", n=m.step) + " · " + kind,
                       style="bold")
            out.append("\n" + self.t("debrief.you_chose") + ": ", style="bold")
            out.append(one_line(m.chosen.text))
            out.append(" (" + score_list(m.chosen.scores, d.dimensions, self.lang) + ")",
                       style="dim")
            if m.chosen.feedback:
                out.append("\n" + clean(m.chosen.feedback))
            if m.kind == "poor":
                if m.better is not None:
                    out.append("\n" + self.t("debrief.better") + ": ", style="bold")
                    out.append(one_line(m.better.text))
                    out.append(" (" + score_list(m.better.scores, d.dimensions, self.lang) + ")",
                               style="dim")
                    if m.better.feedback:
                        out.append("\n" + clean(m.better.feedback), style="italic")
                else:
                    out.append("\n" + self.t("debrief.no_better"), style="italic")
        return out

    def _tips(self) -> Text:
        from scoring.labels import attribution_text

        d = self.debrief
        names = {x.id: clean(x.short) for x in d.dimensions}
        out = Text()
        for i, tip in enumerate(d.tips):
            if i:
                out.append("\n\n")
            if tip.kind == "moment":
                out.append(self._label("at_decision", n=tip.step) + ", "
                           + self._label("next_time") + ": ", style="bold")
                out.append(one_line(tip.option or ""))
                if tip.text:
                    out.append("\n" + clean(tip.text), style="italic")
                continue
            out.append(names.get(tip.dimension or "", tip.dimension or "") + ": ", style="bold")
            out.append(clean(tip.text))
            if tip.kind == "scenario":
                out.append(" (" + self._label("scenario_tip") + ")", style="dim")
            source = attribution_text(tip.citations, self.lang)
            if source:
                out.append("\n" + self.t("debrief.source") + ": " + clean(source), style="dim")
        return out

    def _path(self) -> Table:
        """The route as the trainee met it: what was said at each step (not the author's
        node ids), the choice made there, and the ending."""
        from scoring.labels import score_list

        d = self.debrief
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        n = 0
        for p in d.path:
            said = Text(one_line(p.label or p.node), style="dim italic")
            if p.choice:
                n += 1
                text = said
                text.append("\n")
                text.append(self.t("play.you") + ": ", style="bold")
                text.append(one_line(p.text or p.choice))
                text.append(" (" + score_list(p.scores, d.dimensions, self.lang) + ")",
                            style="dim")
                grid.add_row(Text(f"{n}.", style="bold"), text)
            elif d.ending is not None and p.node == d.ending.node:
                grid.add_row(Text("■", style="bold"),
                             Text(self.t("debrief.ending") + ": " + clean(d.ending.title),
                                  style="bold"))
            else:
                grid.add_row(Text("…", style="dim"), said)
        return grid

    def _sources(self) -> Table:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(ratio=1)
        for src in self.debrief.sources:
            text = Text(clean(src.title))
            if src.url:
                text.append("\n")
                text.append_text(Text(clean(src.url), style="dim", overflow="fold"))
            grid.add_row(Text(src.key), text)
        return grid

    # -- actions -----------------------------------------------------------------------
    def export_dir(self) -> Path:
        store = self.app.store
        base = store.path.parent if store is not None else Path.home()
        return base / "exports"

    def action_export(self, fmt: str) -> None:
        if self.debrief is None:
            return
        from scoring.render import render_html, render_markdown

        text = (render_markdown if fmt == "md" else render_html)(self.debrief, self.lang)
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        name = f"{self.scenario.id}-{stamp}{'-' + self.run_id if self.run_id else ''}.{fmt}"
        if self.app.is_web:  # in a browser: the file goes to the trainee's own downloads
            self.app.deliver_text(io.StringIO(text), save_filename=name)
            return
        path = self.export_dir() / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as err:
            self.notify(self.t("debrief.not_saved", reason=err.strerror or str(err)),
                        severity="error")
            return
        self.last_export = path
        self.notify(self.t("debrief.saved_to", path=shown_path(path)), timeout=8)

    def action_replay(self) -> None:
        scenario, mode = self.scenario, self.mode or self.app.mode
        self.app.pop_screen()
        self.app.start_play(scenario, mode)

    def action_home(self) -> None:
        self.app.go_home()

    def action_scroll(self, direction: int) -> None:
        body = self.query_one("#debrief-body", VerticalScroll)
        (body.scroll_page_down if direction > 0 else body.scroll_page_up)(animate=False)

    def palette_commands(self) -> list[SystemCommand]:
        return [
            SystemCommand(self.t("key.export_md"), self.t("cmd.export_md.help"),
                          lambda: self.action_export("md")),
            SystemCommand(self.t("key.export_html"), self.t("cmd.export_html.help"),
                          lambda: self.action_export("html")),
            SystemCommand(self.t("key.replay"), self.t("cmd.replay.help"), self.action_replay),
        ]
