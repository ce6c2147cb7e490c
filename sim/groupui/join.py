"""The trainee's side of a live session (what ``sovsim serve`` runs in each browser tab).

Join with the code and a name, pick one of the session's scenarios and play it with the
trainee's app's own screens (:mod:`sim.app`): the same play screen as solo play (gauges,
case file, glossary, reading pace, coach panel, help) and the same debrief. The run is a
:class:`~sim.playthrough.Playthrough` saved through the session's
:class:`~sim.sessions.Trainee`, so each choice lands in the shared store as it is made,
and a trainee reaches their own runs only. Once the trainer closes the session, the
debrief adds how the group chose at the trainee's key moments.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Mount, Unmount
from textual.screen import Screen
from textual.widgets import Button, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..app.app import Options, SovsimApp
from ..app.screens.base import BaseScreen
from ..app.screens.debrief import DebriefScreen
from ..app.screens.play import PlayScreen
from ..app.screens.settings import SettingsScreen
from ..app.widgets.footer import KeysFooter
from ..engine import RunError
from ..group import group_moments
from ..i18n import t
from ..problemtext import error_text
from ..scenario import Scenario
from ..sessions import (
    AccessDenied,
    SessionInfo,
    Trainee,
    cancel_takeover,
    join,
    load_session_scenarios,
    open_as_trainer,
    resume,
    takeover_result,
    trainer_by_code,
)
from ..store import Store, StoreError
from ..webtab import mark_joined
from . import render

try:  # the page's side of the resume token (serve's channel, sim/webtab.py)
    from ..webtab import resume_token as page_resume_token
    from ..webtab import send_resume_token
except ImportError:  # pragma: no cover - the same channel, until sim.webtab is there
    def page_resume_token() -> str | None:
        return os.environ.get(RESUME_ENV) or None

    def send_resume_token(app: Any, token: str) -> bool:
        from textual.drivers.web_driver import WebDriver

        driver = getattr(app, "_driver", None)
        if not isinstance(driver, WebDriver):
            return False
        driver.write_meta({"type": "sovsim", "event": "resume", "token": token})
        return True

HEARTBEAT_SECONDS = 10.0
TAKEOVER_POLL = 1.0  # how often a tab waiting for the trainer's approval looks
RESUME_ENV = "SOVSIM_RESUME_TOKEN"  # the token the page sent (set by sovsim serve)
ADDRESS_ENV = "SOVSIM_CLIENT_ADDRESS"  # the browser's address (set by sovsim serve)
CLOSED_CHECK_SECONDS = 5.0  # how often an open debrief looks whether the session was closed

CSS = Path(__file__).with_name("groupui.tcss")  # every rule names its screen
BAR = 8  # cells of a bar of the group's counts in the debrief

# The solo app's texts that speak of its home screen or saved settings, as a session says them.
SESSION_TEXTS = {
    "pause.saved": "group.pause.saved",
    "pause.home": "group.pause.home",
    "help.about": "group.help.about",
    "debrief.keys": "group.debrief.keys",
    "cmd.home": "group.cmd.home",
    "cmd.home.help": "group.cmd.home.help",
    "cmd.settings.help": "group.cmd.settings.help",
    "settings.explain": "group.settings.explain",
}


class JoinApp(SovsimApp):
    """Join a live session and play its scenarios as in solo play; or, with the trainer
    code, open its dashboard. Nothing but the join, trainer-code and session-home screens
    is its own: playing and the debrief are the trainee's app's."""

    def __init__(self, store: Store, rubric: Any, *, session_id: str | None = None,
                 lang: str = "nl", bundled: Path | None = None, export_dir: Path | None = None,
                 heartbeat: float = HEARTBEAT_SECONDS, pace: str | None = None,
                 blink: bool = True, animations: bool = True,
                 resume_token: str | None = None, address: str | None = None) -> None:
        super().__init__(Options(lang=lang, pace=pace, blink=blink, animations=animations),
                         store=store)
        self.store: Store = store
        self._rubric = rubric
        self.session_id = session_id  # only this session's code is accepted
        self.bundled = bundled
        self.export_dir = export_dir
        self.heartbeat_seconds = heartbeat
        self.trainee: Trainee | None = None
        self.scenarios: list[Scenario] = []
        self.holder = uuid.uuid4().hex  # this tab, to the throttle, the log and the seat
        self.resume_token = resume_token  # the page's token: continue without code or name
        self.address = address  # the browser's network address, when serve says it

    # -- settings: this tab's own (the store is shared by the whole session) -----------------
    def setting(self, key: str) -> str | None:
        return self._settings.get(key)

    def save_setting(self, key: str, value: str) -> None:
        self._settings[key] = value

    def t(self, key: str, /, **values: object) -> str:
        return t(SESSION_TEXTS.get(key, key), self.lang, **values)

    def set_lang(self, lang: str) -> None:
        super().set_lang(lang)
        self.title = self.t("group.app.title")

    # -- the session -----------------------------------------------------------------------
    def on_mount(self, event: Mount) -> None:
        event.prevent_default()  # not the solo app's home screen
        self.title = self.t("group.app.title")
        self.push_screen(JoinScreen())
        if self.resume_token:
            self.call_after_refresh(self._resume)

    def _resume(self) -> None:
        """The page sent a resume token (a reconnect or a reload): continue as that
        participant, without the code or the name; else the page forgets the token."""
        token, self.resume_token = self.resume_token, None
        try:
            trainee = resume(self.store, token or "", session_id=self.session_id,
                             holder=self.holder, address=self.address)
        except AccessDenied:
            send_resume_token(self, "")
            self.notify(self.t("group.join.resume_failed"), severity="warning", timeout=10)
            return
        except StoreError as err:
            self.notify(self.t("group.join.store", reason=error_text(err, self.lang)),
                        severity="error")
            return
        self.joined(trainee, resumed=True)

    def on_unmount(self, event: Unmount) -> None:
        event.prevent_default()  # the store is the caller's to close
        if self.trainee is not None:
            with contextlib.suppress(StoreError):
                self.trainee.leave()

    def joined(self, trainee: Trainee, *, resumed: bool = False) -> None:
        """In the session as ``trainee``: the page keeps their resume token; a resumed tab
        continues the run it was playing."""
        self.trainee = trainee
        if trainee.token:
            send_resume_token(self, trainee.token)
        if resumed:
            self.call_after_refresh(self._continue_run)
        rec = self.store.get_session(trainee.session.id)
        assert rec is not None
        self.scenarios = load_session_scenarios(rec, self.dimensions(), self.bundled)
        mark_joined(self)  # in a browser tab: no join timeout, the tab's full CPU limit
        if self.heartbeat_seconds > 0:
            self.set_interval(self.heartbeat_seconds, self._beat)
        self.switch_screen(SessionHomeScreen())

    def _continue_run(self) -> None:
        """After a reconnect: straight back into the run under way, if there is one."""
        trainee = self.trainee
        if trainee is None or not isinstance(self.screen, SessionHomeScreen):
            return
        with contextlib.suppress(StoreError, AccessDenied):
            for rec in trainee.runs():
                if not rec.finished:
                    scenario = next((s for s in self.scenarios if s.id == rec.scenario_id), None)
                    if scenario is not None:
                        self.open_scenario(scenario)
                    return

    def session_gone(self) -> None:
        """The session (or this participant) was deleted meanwhile: back to the join screen."""
        self.trainee = None
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(JoinScreen())
        self.notify(self.t("group.join.gone"), severity="warning", timeout=10)

    def _beat(self) -> None:
        if self.trainee is not None:
            with contextlib.suppress(StoreError):
                self.trainee.heartbeat()

    # -- playing: the app's screens, saved through the trainee ------------------------------
    def open_scenario(self, scenario: Scenario) -> None:
        """Continue the trainee's run of ``scenario``, show its debrief when it is finished,
        or start one."""
        trainee = self.trainee
        assert trainee is not None
        try:
            trainee.session  # noqa: B018 - raises when the session is gone
        except AccessDenied:
            self.session_gone()
            return
        rec = trainee.current_run(scenario.id)
        if rec is not None and rec.finished:
            self.push_screen(self.debrief_screen(scenario, rec.snapshot, rec.mode, rec.id))
            return
        if rec is not None:
            try:
                pt = trainee.playthrough(scenario, rec, lang=self.lang)
            except RunError as err:  # the scenario changed since: start again
                self.notify(error_text(err, self.lang), severity="warning")
            except AccessDenied:
                self.session_gone()
                return
            else:
                self.push_screen(PlayScreen(pt, fresh=False))
                return
        self.start_play(scenario)

    def start_play(self, scenario: Scenario, mode: str | None = None, **_: Any) -> None:
        """A new run of ``scenario`` in the session's mode (``mode`` is the session's)."""
        trainee = self.trainee
        if trainee is None:
            return
        try:
            pt = trainee.playthrough(scenario, lang=self.lang)
        except AccessDenied as err:
            if err.reason != "closed":
                self.session_gone()
                return
            self.notify(self.t("group.home.closed"), severity="warning")
            if isinstance(self.screen, SessionHomeScreen):
                self.screen.refill()
            return
        except StoreError as err:
            self.notify(self.t("group.join.store", reason=error_text(err, self.lang)), severity="error")
            return
        self.push_screen(PlayScreen(pt, fresh=True))

    def debrief_screen(self, scenario: Scenario, snapshot: dict[str, Any], mode: str | None,
                       run_id: str | None = None) -> Screen[Any]:
        return SessionDebriefScreen(scenario, snapshot, mode, run_id=run_id)

    def go_home(self) -> None:
        """Back to the session's scenarios (or the join screen, before joining)."""
        while len(self.screen_stack) > 2 and not isinstance(self.screen, SessionHomeScreen):
            self.pop_screen()

    def action_open_settings(self) -> None:
        if not isinstance(self.screen, SessionSettingsScreen):
            self.push_screen(SessionSettingsScreen())

    def main_commands(self) -> list[SystemCommand]:
        commands = [SystemCommand(self.t("cmd.help"), self.t("cmd.help.help"), self.action_help)]
        if self.trainee is not None:
            commands[:0] = [
                SystemCommand(self.t("cmd.home"), self.t("cmd.home.help"), self.go_home),
                SystemCommand(self.t("cmd.settings"), self.t("cmd.settings.help"),
                              self.action_open_settings),
            ]
        return commands


def _spaced(options: list[Option]) -> list[Option | None]:
    """Options with a separator line between them, so long ones stay apart."""
    out: list[Option | None] = []
    for i, o in enumerate(options):
        if i:
            out.append(None)
        out.append(o)
    return out


class _Screen(BaseScreen):
    CSS_PATH = CSS

    app: JoinApp


# --- joining ---------------------------------------------------------------------------

class JoinScreen(_Screen):
    """The code and a name. Tab, Shift+Tab and Enter in the code field move the focus at
    once (priority bindings, handled as the key arrives): keys typed right after them in
    one burst, while the server is busy, go to the field the cursor moved to. Textual's own
    Tab moves the focus only once the field before has handled its queued keys, after the
    keys that followed."""

    BINDINGS = [Binding("f2", "toggle_lang", "group.key.lang"),
                Binding("tab", "move_focus(1)", show=False, priority=True),
                Binding("shift+tab", "move_focus(-1)", show=False, priority=True),
                Binding("enter", "code_entered", show=False, priority=True)]

    def compose(self) -> ComposeResult:
        with Vertical(id="join-box"):
            yield Static(Text(self.t("group.join.title"), style="bold"))
            yield Static(Text(self.t("group.join.intro")), classes="hint")
            yield Static(Text(self.t("group.join.code")), classes="field-label")
            yield Input(placeholder="ABC-DEF", id="code", max_length=20)
            yield Static(Text(self.t("group.join.name")), classes="field-label")
            yield Input(id="name", max_length=40)
            yield Static(id="join-error")
            with Horizontal(id="join-buttons"):
                yield Button(self.t("group.join.button"), id="join", variant="primary")
                yield Button(self.t("group.join.trainer"), id="trainer")
                yield Button(self.t("group.key.lang"), id="lang")
            yield Static(Text(self.t("group.join.rejoin")), classes="hint")
        yield KeysFooter()

    def refresh_titles(self) -> None:
        self.title = self.t("group.app.title")

    def on_mount(self) -> None:
        self._ready()

    def _ready(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.set_focus(self.query_one("#code", Input))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "code_entered":  # elsewhere Enter is the field's or button's own
            return self.focused is not None and self.focused.id == "code"
        return True

    def action_move_focus(self, step: int) -> None:
        (self.focus_next if step > 0 else self.focus_previous)()  # now, not after the queue

    @on(Input.Submitted, "#code")
    def action_code_entered(self) -> None:
        self.set_focus(self.query_one("#name", Input))

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#join")
    def action_join(self) -> None:
        code = self.query_one("#code", Input).value
        name = self.query_one("#name", Input).value
        error = self.query_one("#join-error", Static)
        app = self.app
        try:
            trainee = join(app.store, code, name, holder=app.holder, session_id=app.session_id,
                           address=app.address)
        except AccessDenied as err:
            if err.reason == "takeover" and err.request:
                error.update("")
                app.push_screen(TakeoverScreen(err.request, name))
                return
            error.update(Text(self.refusal(err)))
            if err.reason in ("name", "lookalike"):
                self.set_focus(self.query_one("#name", Input))
            else:  # a wrong code: empty the field to type it again; the name stays
                field = self.query_one("#code", Input)
                field.value = ""
                self.set_focus(field)
            return
        except StoreError as err:
            error.update(Text(self.t("group.join.store", reason=error_text(err, self.lang))))
            return
        self.app.joined(trainee)

    def refusal(self, err: AccessDenied) -> str:
        """What the trainee reads when joining was refused."""
        wait = max(0, round(err.until - time.time()))
        if err.reason == "locked":
            until = time.strftime("%H:%M", time.localtime(err.until))
            return self.t("group.join.locked", time=until)
        if err.reason == "wait":
            return self.t("group.join.wait", s=max(1, wait))
        if err.reason == "no_session" and wait > 0:
            return self.t("group.join.wrong_wait", s=wait)
        keys = {"name": "group.join.name_needed", "closed": "group.join.closed",
                "lookalike": "group.join.lookalike", "refused": "group.join.refused"}
        return self.t(keys.get(err.reason, "group.join.no_session"))

    @on(Button.Pressed, "#trainer")
    def _trainer(self) -> None:
        self.app.push_screen(TrainerCodeScreen())

    @on(Button.Pressed, "#lang")
    def action_toggle_lang(self) -> None:
        self.app.set_lang("en" if self.lang == "nl" else "nl")

    def relocalise(self) -> None:
        self._typed = (self.query_one("#code", Input).value, self.query_one("#name", Input).value)
        super().relocalise()

    def after_relocalise(self) -> None:
        """Rebuilt in the other language: what was typed stays."""
        self.query_one("#code", Input).value, self.query_one("#name", Input).value = self._typed
        self._ready()


class TakeoverScreen(_Screen):
    """The name is someone's in the session: wait here for the trainer's approval (then
    continue as that participant), or cancel and choose another name."""

    BINDINGS = [Binding("escape", "cancel", "group.cancel")]

    def __init__(self, request: str, name: str) -> None:
        super().__init__()
        self.request = request
        self.who = render.one_line(name.strip())

    def compose(self) -> ComposeResult:
        with Vertical(id="join-box"):
            yield Static(Text(self.t("group.takeover.title"), style="bold"))
            yield Static(Text(self.t("group.takeover.text", name=self.who)), classes="hint")
            yield Static(Text(self.t("group.takeover.waiting"), style="italic"),
                         id="takeover-state")
            with Horizontal(id="join-buttons"):
                yield Button(self.t("group.cancel"), id="cancel")
        yield KeysFooter()

    def refresh_titles(self) -> None:
        self.title = self.t("group.app.title")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()
        self.set_interval(TAKEOVER_POLL, self.check)

    def check(self) -> None:
        """Has the trainer decided?"""
        app = self.app
        try:
            trainee = takeover_result(app.store, self.request, app.holder)
        except AccessDenied as err:
            app.pop_screen()
            if isinstance(app.screen, JoinScreen):
                app.screen.query_one("#join-error", Static).update(
                    Text(app.screen.refusal(err)))
            return
        except StoreError:
            return  # asked again in a moment
        if trainee is not None:
            app.pop_screen()
            app.joined(trainee)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        with contextlib.suppress(StoreError):
            cancel_takeover(self.app.store, self.request)
        self.app.pop_screen()


class TrainerCodeScreen(_Screen):
    BINDINGS = [Binding("escape", "back", "group.key.back")]

    def compose(self) -> ComposeResult:
        with Vertical(id="join-box"):
            yield Static(Text(self.t("group.trainer.title"), style="bold"))
            yield Static(Text(self.t("group.trainer.code")), classes="field-label")
            yield Input(password=True, id="trainer-code", max_length=20)
            yield Static(id="trainer-error")
            with Horizontal(id="trainer-buttons"):
                yield Button(self.t("group.trainer.open"), id="open", variant="primary")
                yield Button(self.t("group.key.back"), id="back")
        yield KeysFooter()

    def refresh_titles(self) -> None:
        self.title = self.t("group.app.title")

    def on_mount(self) -> None:
        field = self.query_one("#trainer-code", Input)
        field.cursor_blink = False
        field.focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        from .dashboard import DashboardScreen

        code = self.query_one("#trainer-code", Input).value
        try:
            if self.app.session_id:
                trainer = open_as_trainer(self.app.store, self.app.session_id, code)
            else:
                trainer = trainer_by_code(self.app.store, code)
        except AccessDenied:
            self.query_one("#trainer-error", Static).update(Text(self.t("group.trainer.wrong")))
            self.query_one("#trainer-code", Input).value = ""
            return
        scenarios = load_session_scenarios(trainer.session, self.app.dimensions(),
                                           self.app.bundled)
        mark_joined(self.app)
        self.app.switch_screen(DashboardScreen(trainer, scenarios, self.app.rubric,
                                               lang=self.lang, export_dir=self.app.export_dir))

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.app.pop_screen()


# --- the trainee's session ---------------------------------------------------------------

class SessionHomeScreen(_Screen):
    """The session's scenarios, each with where the trainee stands."""

    BINDINGS = [Binding("i", "app.open_settings", "key.settings")]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="session-body"):
            yield Static(id="session-intro")
            yield OptionList(id="scenario-list")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self._ready()

    def after_relocalise(self) -> None:
        self._ready()

    def _ready(self) -> None:
        self.refill()
        self.query_one("#scenario-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refill()

    def refill(self) -> None:
        try:
            self._refill()
        except AccessDenied:
            self.app.session_gone()

    def _refill(self) -> None:
        trainee = self.app.trainee
        if trainee is None:
            return
        info: SessionInfo = trainee.session
        self.title = render.one_line(info.title or self.t("group.app.title"))
        self.sub_title = render.one_line(trainee.name) + " · " + self.t(f"group.mode.{info.mode}")
        intro = Text(self.t("group.home.intro"))
        if info.closed:
            intro.append("\n" + self.t("group.home.closed"), style="bold")
        if not self.app.scenarios:
            intro = Text(self.t("group.home.none"), style="bold red")
        self.query_one("#session-intro", Static).update(intro)
        options = []
        for s in self.app.scenarios:
            rec = trainee.current_run(s.id)
            label = Text(render.one_line(s.title.get(self.lang)), style="bold")
            label.append("\n" + render.one_line(s.role.get(self.lang)), style="dim")
            if rec is None:
                state = self.t("group.home.not_started")
            elif rec.finished:
                node = s.nodes.get(rec.ending or "")
                ending = node.ending.title.get(self.lang) if node and node.ending else rec.ending
                state = self.t("group.home.finished", ending=render.one_line(ending))
            else:
                state = self.t("group.home.playing", n=rec.steps)
            label.append("\n" + state)
            options.append(Option(label, id=s.id))
        ol = self.query_one("#scenario-list", OptionList)
        keep = ol.highlighted
        ol.set_options(_spaced(options))
        if options:
            ol.highlighted = keep if keep is not None and keep < len(options) else 0

    @on(OptionList.OptionSelected, "#scenario-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        scenario = next(s for s in self.app.scenarios if s.id == event.option.id)
        self.app.open_scenario(scenario)


class SessionSettingsScreen(SettingsScreen):
    """Language, theme and reading pace, for this tab (the session sets the mode)."""

    GROUPS = tuple(g for g in SettingsScreen.GROUPS if g[0] != "mode")

    def _where(self) -> Text:
        return Text("")


class SessionDebriefScreen(DebriefScreen):
    """The app's debrief of a session run; once the trainer has closed the session, with how
    the group chose at the trainee's key moments (anonymous counts)."""

    app: JoinApp

    def __init__(self, scenario: Scenario, snapshot: dict[str, Any], mode: str | None, *,
                 run_id: str | None = None) -> None:
        super().__init__(scenario, snapshot, mode, run_id=run_id)
        self.closed = False

    def extra_sections(self) -> ComposeResult:
        yield self._head("group.debrief.group")
        yield Static(self._group(), classes="debrief-block", id="debrief-group")

    def on_mount(self) -> None:  # the debrief's own on_mount runs too
        self.set_interval(CLOSED_CHECK_SECONDS, self.check_closed)

    def check_closed(self) -> None:
        """The trainer may close the session while the debrief is open: then add the group."""
        trainee = self.app.trainee
        try:
            closed = trainee is not None and trainee.session.closed
        except AccessDenied:
            self.app.session_gone()
            return
        if closed and not self.closed and self.debrief is not None:
            self.query_one("#debrief-group", Static).update(self._group())
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "replay" and self.closed)  # no new runs once it is closed

    def _group(self) -> Group | Text:
        trainee = self.app.trainee
        try:
            counts = trainee.group_counts() if trainee is not None else None
            self.closed = trainee is not None and trainee.session.closed
        except AccessDenied:
            counts = None
        if counts is None:
            return Text(self.t("group.debrief.group_wait"), style="italic")
        history = list(self.snapshot.get("history", []))
        moments = group_moments(self.scenario, history, counts,
                                [m.step - 1 for m in self.debrief.key_moments], self.lang)
        if not moments:
            return Text(self.t("group.debrief.group_none"), style="italic")
        parts: list[Text | Table] = []
        for i, m in enumerate(moments):
            head = Text(("\n" if i else "") + self.t("debrief.decision", n=m.seq) + " · ",
                        style="bold")
            head.append(render.one_line(m.prompt), style="bold")
            parts.append(head)
            mark = "← " + self.t("group.debrief.your_choice")
            top = max((o.count for o in m.options), default=0) or 1
            grid = Table.grid(padding=(0, 1), expand=True)
            grid.add_column(width=len(str(len(m.options))) + 1)
            grid.add_column(ratio=1)
            grid.add_column(width=BAR)
            grid.add_column(width=len(str(top)), justify="right")
            grid.add_column(width=len(mark))
            for o in m.options:
                mine = o.choice == m.chosen
                grid.add_row(Text(f"{o.number}.", style="bold"),
                             Text(render.one_line(o.text), style="bold" if mine else ""),
                             render.bar(o.count, BAR, top), str(o.count),
                             Text(mark, style="bold") if mine else "")
            parts.append(grid)
            parts.append(Text(self.t("group.debrief.same", same=m.same, total=m.total),
                              style="italic"))
        return Group(*parts)
