"""The trainer's live dashboard: a screen that reads the store every few seconds.

It only presents :class:`sim.group.Dashboard` figures, got through a
:class:`sim.sessions.Trainer` (which needed the trainer code).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Header, Static

from ..group import Dashboard, names_for, rubric_scorer
from ..livefigures import LiveFigures
from ..problemtext import error_text
from ..scenario import Scenario
from ..sessions import AccessDenied, Trainer, format_code
from ..store import StoreError
from ..textsafe import shown_path
from . import render
from .common import exports_dir, translate_bindings
from .people import ParticipantList
from .strings import t

REFRESH_SECONDS = 2.0

CSS = Path(__file__).with_name("groupui.tcss")  # every rule names its screen


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question."""

    CSS_PATH = CSS

    BINDINGS = [Binding("escape", "no", show=False)]

    def __init__(self, question: str, lang: str) -> None:
        super().__init__()
        self.question = question
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("group.yes", self.lang), id="yes", variant="error")
                yield Button(t("group.no", self.lang), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_no(self) -> None:
        self.dismiss(False)


class DashboardScreen(Screen[None]):
    """Who joined and how far; choices per decision; scores; the quadrant; endings."""

    CSS_PATH = CSS

    BINDINGS = [
        Binding("r", "refresh_figures", "group.key.refresh", show=False),  # it refreshes itself
        Binding("s", "next_scenario", "group.td.key.scenario"),
        Binding("a", "anonymise", "group.key.anonymise"),
        Binding("e", "export_csv", "group.td.key.csv"),
        Binding("h", "export_html", "group.td.key.report"),
        Binding("c", "close_session", "group.td.key.close"),
        Binding("escape", "leave", "group.key.back"),
        Binding("t", "takeovers", "group.key.takeovers"),
        Binding("l", "joins", "group.key.joins", show=False),
    ]

    def __init__(self, trainer: Trainer, scenarios: list[Scenario], rubric: Any, *,
                 lang: str = "nl", export_dir: Path | None = None,
                 refresh_seconds: float = REFRESH_SECONDS) -> None:
        super().__init__()
        self.trainer = trainer
        self.scenarios = scenarios
        self.rubric = rubric
        self.lang = lang
        self.names = names_for(rubric, lang)
        self.export_dir = export_dir or exports_dir(trainer)
        self.scorer = rubric_scorer(rubric)
        self.refresh_seconds = refresh_seconds
        self.index = 0
        self.anonymous = False
        self.figures: Dashboard | None = None
        self.live = LiveFigures(scenarios, rubric, lang=lang, scorer=self.scorer)
        self._reader: Trainer | None = None  # the refresh thread's own connection
        self._lock = threading.Lock()
        self._working = False  # a refresh is under way
        self._again = False  # and another was asked meanwhile
        self._gone = False  # the screen is closed
        self._lrs: list[tuple[str, int, int, int]] = []  # (LRS, sent, queued, refused)
        self._timer: Timer | None = None
        self.alerts = (0, 0, 0)  # take-overs waiting, tabs locked out, failed tries lately
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="dash-scenario")
        yield Static(id="dash-alerts")
        with Horizontal(id="dash-body"):
            with Vertical(id="dash-left"):
                yield ParticipantList(self.lang, id="dash-people", classes="panel")
                with VerticalScroll(id="dash-decisions", classes="panel"):
                    yield Static(id="decisions")
            with Vertical(id="dash-right"):
                with Vertical(id="dash-quadrant", classes="panel"):
                    yield Static(id="quadrant")
                with VerticalScroll(id="dash-dims", classes="panel"):
                    yield Static(id="dims")
                with VerticalScroll(id="dash-endings", classes="panel"):
                    yield Static(id="endings")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#dash-alerts").display = False
        for wid, key in (("dash-people", "group.dash.people"), ("dash-decisions", "group.dash.decisions"),
                         ("dash-quadrant", "group.dash.quadrant"), ("dash-dims", "group.dash.dimensions"),
                         ("dash-endings", "group.dash.endings")):
            self.query_one(f"#{wid}").border_title = t(key, self.lang)
        self.query_one("#dash-decisions").border_subtitle = t("group.td.poor_legend", self.lang)
        self.action_refresh_figures()

    def on_unmount(self) -> None:
        with self._lock:
            self._gone = True
            if not self._working:
                self._disconnect()

    # -- figures: worked out in a thread, one refresh at a time --------------------------
    class FiguresRead(Message):
        """A refresh has ended: the figures, or what went wrong."""

        def __init__(self, figures: Dashboard | None, error: str | None,
                     alerts: tuple[int, int, int] = (0, 0, 0)) -> None:
            super().__init__()
            self.figures = figures
            self.error = error
            self.alerts = alerts

    def action_refresh_figures(self) -> None:
        """Read the figures again, off the screen's thread, so the screen never freezes.

        One refresh at a time: asked while one is under way (the R key, or the live
        timer when a refresh takes longer than its interval), it runs once after it. The
        live timer counts from the end of a refresh, so slow refreshes never pile up."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        with self._lock:
            if self._working:
                self._again = True
                return
            self._working = True
        self._read_figures()

    @work(thread=True, exit_on_error=False, group="figures")
    def _read_figures(self) -> None:
        figures, error, alerts = None, None, (0, 0, 0)
        try:
            if self._reader is None:
                self._reader = self.trainer.with_own_connection()
            figures = self.live.refresh(self._reader)
            self._lrs = self._reader.lrs_status()
            alerts = self._read_alerts(self._reader)
        except (StoreError, AccessDenied) as err:
            error = error_text(err, self.lang)
        except Exception as err:  # noqa: BLE001 - said on screen; the live refresh goes on
            error = f"{type(err).__name__}: {err}"
        finally:
            with self._lock:
                self._working = False
                if self._gone:
                    self._disconnect()
        self.post_message(self.FiguresRead(figures, error, alerts))

    @staticmethod
    def _read_alerts(reader: Trainer) -> tuple[int, int, int]:
        from .joins import recent_failures

        return (len(reader.pending_takeovers()), len(reader.held_back()),
                recent_failures(reader.join_log(limit=200)))

    def _disconnect(self) -> None:
        if self._reader is not None:
            self._reader.disconnect()
            self._reader = None

    def on_dashboard_screen_figures_read(self, message: FiguresRead) -> None:
        if message.error is not None:
            self.notify(message.error, severity="error")
        else:
            self.figures = message.figures
            self.show()
            self.show_alerts(message.alerts)
        if self._again:
            self._again = False
            self.action_refresh_figures()
        elif self.refresh_seconds > 0 and not self._working:
            if self._timer is not None:
                self._timer.stop()
            self._timer = self.set_timer(self.refresh_seconds, self.action_refresh_figures)

    def show(self) -> None:
        d = self.figures
        if d is None:
            return
        session = self.trainer.session
        title = d.title or t("group.dash.untitled", self.lang, id=d.session_id)
        self.title = render.one_line(t("group.dash.title", self.lang, title=title))
        self.sub_title = t("group.td.sub", self.lang, code=format_code(d.join_code or ""),
                           state=t("group.dash.closed" if d.closed else "group.dash.open", self.lang),
                           people=render.plural("group.td.people", len(d.participants), self.lang),
                           mode=t(f"group.mode.{session.mode}", self.lang))
        titles = {s.scenario_id: s.title for s in d.scenarios}
        self.query_one(ParticipantList).set_people(d.participants, titles,
                                                   format_code(d.join_code or ""),
                                                   anonymous=self.anonymous)
        if not d.scenarios:
            self.query_one("#dash-scenario", Static).update(
                Text(t("group.dash.missing", self.lang, ids=", ".join(d.missing_scenarios)),
                     style="bold red"))
            return
        self.index %= len(d.scenarios)
        fig = d.scenarios[self.index]
        head = Text(t("group.dash.scenario", self.lang, i=self.index + 1, n=len(d.scenarios),
                      title=render.one_line(fig.title)), style="bold")
        head.append(f"   {render.plural('group.td.runs', fig.runs, self.lang)}, "
                    f"{t('group.td.finished', self.lang, n=fig.finished)}", style="")
        for name, sent, queued, failed in self._lrs:
            head.append("   " + t("group.dash.lrs", self.lang, name=name, sent=sent,
                                  queued=queued), style="yellow" if queued or failed else "")
        if d.missing_scenarios:
            head.append("   " + t("group.dash.missing", self.lang, ids=", ".join(d.missing_scenarios)),
                        style="red")
        self.query_one("#dash-scenario", Static).update(head)
        width = max(24, self.query_one("#dash-decisions").size.width - 4)
        self.query_one("#decisions", Static).update(
            render.decisions_text(fig.decisions, self.lang, width))
        qwidth = self.query_one("#dash-quadrant").size.width - 4 - 14
        self.query_one("#quadrant", Static).update(
            render.quadrant_text(fig.dots, self.names, width=max(21, min(61, qwidth)) | 1))
        self.query_one("#dims", Static).update(render.dimensions_text(
            fig.dimensions, self.names, room=self.query_one("#dash-dims").size.width - 2))
        endings = render.endings_text(fig.endings, self.lang,
                                      room=self.query_one("#dash-endings").size.width - 2)
        endings.append("\n\n")
        endings.append(t("group.dash.poor", self.lang) + "\n", style="bold")
        endings.append_text(render.poor_text(fig.poor_choices[:3], self.lang,
                                             max(24, self.query_one("#dash-endings").size.width - 4)))
        self.query_one("#endings", Static).update(endings)

    def on_resize(self) -> None:
        self.show()

    def show_alerts(self, alerts: tuple[int, int, int]) -> None:
        """One line above the figures when a name waits to be taken over, or tabs were
        locked out or failed to join lately (T and L open them)."""
        changed = alerts != self.alerts
        self.alerts = alerts
        pending, locked, failed = alerts
        parts = []
        if pending:
            parts.append(t("group.dash.alert_takeovers", self.lang, n=pending))
        if locked:
            parts.append(t("group.dash.alert_locked", self.lang, n=locked))
        elif failed:
            parts.append(t("group.dash.alert_failed", self.lang, n=failed))
        line = self.query_one("#dash-alerts", Static)
        line.update(Text("  ·  ".join(parts)))
        line.display = bool(parts)
        if changed:
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "takeovers":
            return self.alerts[0] > 0  # the key shows while a take-over waits
        return True

    def action_takeovers(self) -> None:
        from .joins import TakeoversScreen

        self.app.push_screen(TakeoversScreen(self.trainer, self.lang),
                             lambda _: self.action_refresh_figures())

    def action_joins(self) -> None:
        from .joins import JoinsScreen

        self.app.push_screen(JoinsScreen(self.trainer, self.lang),
                             lambda _: self.action_refresh_figures())

    # -- actions -------------------------------------------------------------------------
    def action_next_scenario(self) -> None:
        self.index += 1
        self.show()

    def action_anonymise(self) -> None:
        self.anonymous = not self.anonymous
        self._bindings.key_to_bindings["a"] = [  # the key says what it does now
            replace(b, description=t("group.td.key.show_names" if self.anonymous
                                     else "group.key.anonymise", self.lang))
            for b in self._bindings.key_to_bindings["a"]]
        self.refresh_bindings()
        self.show()

    def _save(self, name: str, text: str) -> None:
        try:
            self.export_dir.mkdir(parents=True, exist_ok=True)
            path = self.export_dir / name
            path.write_text(text, encoding="utf-8")
        except OSError as err:
            self.notify(t("group.not_saved", self.lang, reason=err.strerror or str(err)),
                        severity="error")
            return
        self.notify(t("group.saved_to", self.lang, path=shown_path(path.resolve())), timeout=12)
        if self.app.is_web:
            self.app.deliver_text(path, save_filename=name)

    class CsvMade(Message):
        """The CSV of every run, worked out in a thread (or why not)."""

        def __init__(self, text: str | None, error: str | None) -> None:
            super().__init__()
            self.text = text
            self.error = error

    def action_export_csv(self) -> None:
        """Save the CSV of every run: it reads and scores every run, so in a thread (a
        second or so with thousands of trainees), and the screen goes on meanwhile."""
        self._make_csv()

    @work(thread=True, exit_on_error=False, group="export")
    def _make_csv(self) -> None:
        from ..groupreport import runs_csv

        text, error = None, None
        try:
            reader = self.trainer.with_own_connection()
            try:
                text = runs_csv(reader, self.scenarios, self.rubric, scorer=self.scorer)
            finally:
                reader.disconnect()
        except (StoreError, AccessDenied) as err:
            error = error_text(err, self.lang)
        except Exception as err:  # noqa: BLE001 - said on screen, never a traceback
            error = f"{type(err).__name__}: {err}"
        self.post_message(self.CsvMade(text, error))

    def on_dashboard_screen_csv_made(self, message: CsvMade) -> None:
        if message.text is None:
            self.notify(message.error or "", severity="error")
        else:
            self._save(f"sovsim-{self.trainer.session_id}.csv", message.text)

    def action_export_html(self) -> None:
        from ..groupreport import group_report_html

        if self.figures is None:
            return
        self._save(f"sovsim-{self.trainer.session_id}.html",
                   group_report_html(self.figures, self.rubric, lang=self.lang,
                                     anonymous=self.anonymous,
                                     session_date=self.trainer.session.created))

    def action_close_session(self) -> None:
        if self.trainer.session.closed:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.trainer.close()
                self.notify(t("group.dash.closed_now", self.lang))
                self.action_refresh_figures()

        self.app.push_screen(ConfirmScreen(t("group.dash.close_q", self.lang), self.lang), done)

    def action_leave(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()


class DashboardApp(App[None]):
    """``sovsim dashboard SESSION``: the dashboard on its own."""

    TITLE = "sovsim"
    ENABLE_COMMAND_PALETTE = False  # Textual's own commands are English; every key is shown
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(self, trainer: Trainer, scenarios: list[Scenario], rubric: Any,
                 **kw: Any) -> None:
        super().__init__()
        self.trainer = trainer
        self.scenarios = scenarios
        self.rubric = rubric
        self.kw = kw

    def on_mount(self) -> None:
        self.push_screen(DashboardScreen(self.trainer, self.scenarios, self.rubric, **self.kw))
