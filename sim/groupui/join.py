"""The trainee's side of a live session (what ``sovsim serve`` runs in each browser tab).

Join with the code and a name, pick one of the session's scenarios, play it with
an autosave after every choice, and read the debrief; once the trainer closes the
session the debrief adds how the group chose at the trainee's key moments. All of
it goes through :mod:`sim.sessions`, which allows a trainee their own runs only.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..engine import RunError
from ..group import group_moments
from ..scenario import Scenario
from ..sessions import (
    AccessDenied,
    SessionInfo,
    Trainee,
    TraineeRun,
    join,
    load_session_scenarios,
    open_as_trainer,
    trainer_by_code,
)
from ..store import Store, StoreError
from . import render
from .common import translate_bindings
from .strings import t

HEARTBEAT_SECONDS = 10.0

CSS = Path(__file__).with_name("groupui.tcss")  # every rule names its screen


class JoinApp(App[None]):
    """Join a live session and play its scenarios; or, with the trainer code, its dashboard."""

    TITLE = "sovsim"
    BINDINGS = [Binding("ctrl+q", "quit", "group.key.quit", priority=True)]

    def __init__(self, store: Store, rubric: Any, *, session_id: str | None = None,
                 lang: str = "nl", bundled: Path | None = None, export_dir: Path | None = None,
                 heartbeat: float = HEARTBEAT_SECONDS) -> None:
        super().__init__()
        self.store = store
        self.rubric = rubric
        self.session_id = session_id  # only this session's code is accepted
        self.lang = lang
        self.dimensions = rubric.dimension_ids()
        self.bundled = bundled
        self.export_dir = export_dir
        self.heartbeat_seconds = heartbeat
        self.trainee: Trainee | None = None
        self.scenarios: list[Scenario] = []
        translate_bindings(self, lang)

    def on_mount(self) -> None:
        self.title = t("group.app.title", self.lang)
        self.push_screen(JoinScreen())

    def joined(self, trainee: Trainee) -> None:
        self.trainee = trainee
        rec = self.store.get_session(trainee.session.id)
        assert rec is not None
        self.scenarios = load_session_scenarios(rec, self.dimensions, self.bundled)
        if self.heartbeat_seconds > 0:
            self.set_interval(self.heartbeat_seconds, self._beat)
        self.switch_screen(SessionHomeScreen())

    def session_gone(self) -> None:
        """The session (or this participant) was deleted meanwhile: back to the join screen."""
        self.trainee = None
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(JoinScreen())
        self.notify(t("group.join.gone", self.lang), severity="warning", timeout=10)

    def _beat(self) -> None:
        if self.trainee is not None:
            with contextlib.suppress(StoreError):
                self.trainee.heartbeat()

    def on_unmount(self) -> None:
        if self.trainee is not None:
            with contextlib.suppress(StoreError):
                self.trainee.leave()


def _spaced(options: list[Option]) -> list[Option | None]:
    """Options with a separator line between them, so long ones stay apart."""
    out: list[Option | None] = []
    for i, o in enumerate(options):
        if i:
            out.append(None)
        out.append(o)
    return out


class _Screen(Screen[Any]):
    CSS_PATH = CSS

    app: JoinApp

    @property
    def lang(self) -> str:
        return self.app.lang

    def t(self, key: str, /, **kw: object) -> str:
        return t(key, self.app.lang, **kw)

    def on_mount(self) -> None:
        translate_bindings(self, self.lang)
        self.refresh_bindings()


# --- joining ---------------------------------------------------------------------------

class JoinScreen(_Screen):
    BINDINGS = [Binding("f2", "toggle_lang", "group.key.lang")]

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
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#code", Input).cursor_blink = False
        self.query_one("#name", Input).cursor_blink = False
        self.query_one("#code", Input).focus()

    @on(Input.Submitted, "#code")
    def _code_entered(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#join")
    def action_join(self) -> None:
        code = self.query_one("#code", Input).value
        name = self.query_one("#name", Input).value
        error = self.query_one("#join-error", Static)
        try:
            trainee = join(self.app.store, code, name)
            if self.app.session_id and trainee.session.id != self.app.session_id:
                trainee.leave()
                raise AccessDenied("no_session", "another session")
        except AccessDenied as err:
            keys = {"name": "group.join.name_needed", "closed": "group.join.closed",
                    "seat_taken": "group.join.seat_taken"}
            error.update(Text(self.t(keys.get(err.reason, "group.join.no_session"))))
            if err.reason in ("name", "seat_taken"):
                self.query_one("#name", Input).focus()
            else:  # a wrong code: empty the field to type it again; the name stays
                field = self.query_one("#code", Input)
                field.value = ""
                field.focus()
            return
        except StoreError as err:
            error.update(Text(self.t("group.join.store", reason=str(err))))
            return
        self.app.joined(trainee)

    @on(Button.Pressed, "#trainer")
    def _trainer(self) -> None:
        self.app.push_screen(TrainerCodeScreen())

    @on(Button.Pressed, "#lang")
    def action_toggle_lang(self) -> None:
        code = self.query_one("#code", Input).value
        name = self.query_one("#name", Input).value
        self.app.lang = "en" if self.app.lang == "nl" else "nl"
        self.app.title = t("group.app.title", self.app.lang)
        translate_bindings(self.app, self.app.lang)

        async def rebuild() -> None:
            await self.recompose()
            self.query_one("#code", Input).value = code
            self.query_one("#name", Input).value = name
            self.on_mount()

        self.call_later(rebuild)


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
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
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
        scenarios = load_session_scenarios(trainer.session, self.app.dimensions, self.app.bundled)
        self.app.switch_screen(DashboardScreen(trainer, scenarios, self.app.rubric,
                                               lang=self.lang, export_dir=self.app.export_dir))

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.app.pop_screen()


# --- the trainee's session ---------------------------------------------------------------

class SessionHomeScreen(_Screen):
    """The session's scenarios, each with where the trainee stands."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-body"):
            yield Static(id="home-intro")
            yield OptionList(id="scenario-list")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
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
        self.title = render.one_line(info.title or t("group.app.title", self.lang))
        self.sub_title = render.one_line(trainee.name) + " · " + self.t(f"group.mode.{info.mode}")
        intro = Text(self.t("group.home.intro"))
        if info.closed:
            intro.append("\n" + self.t("group.home.closed"), style="bold")
        if not self.app.scenarios:
            intro = Text(self.t("group.home.none"), style="bold red")
        self.query_one("#home-intro", Static).update(intro)
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
                state = self.t("group.home.playing", n=len(rec.snapshot.get("history", [])))
            label.append("\n" + state)
            options.append(Option(label, id=s.id))
        ol = self.query_one("#scenario-list", OptionList)
        keep = ol.highlighted
        ol.set_options(_spaced(options))
        if options:
            ol.highlighted = keep if keep is not None and keep < len(options) else 0

    @on(OptionList.OptionSelected, "#scenario-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        trainee = self.app.trainee
        assert trainee is not None
        scenario = next(s for s in self.app.scenarios if s.id == event.option.id)
        try:
            trainee.session  # noqa: B018 - raises when the session is gone
        except AccessDenied:
            self.app.session_gone()
            return
        rec = trainee.current_run(scenario.id)
        if rec is not None and rec.finished:
            self.app.push_screen(TraineeDebriefScreen(scenario, rec.id))
            return
        try:
            play = TraineeRun(trainee, scenario, rec, lang=self.lang)
        except RunError as err:  # the scenario changed since: start again
            self.notify(str(err), severity="warning")
            try:
                play = TraineeRun(trainee, scenario, lang=self.lang)
            except (AccessDenied, StoreError) as err2:
                self.notify(str(err2), severity="error")
                return
        except AccessDenied:
            self.notify(self.t("group.home.closed"), severity="warning")
            self.refill()
            return
        except StoreError as err:
            self.notify(str(err), severity="error")
            return
        self.app.push_screen(GroupPlayScreen(play))


class GroupPlayScreen(_Screen):
    """The conversation so far, and the numbered choices."""

    BINDINGS = [
        *[Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)],
        Binding("u", "undo", "group.key.undo"),
        Binding("escape", "back", "group.key.back"),
    ]

    def __init__(self, play: TraineeRun) -> None:
        super().__init__()
        self.play = play
        self.feedback: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="play-transcript")
        yield Static(id="play-hint")
        yield OptionList(id="play-choices")
        yield Button(self.t("group.play.to_debrief"), id="to-debrief", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        s = self.play.scenario
        self.title = render.one_line(s.title.get(self.lang))
        self.sub_title = self.t("group.play.role", role=render.one_line(s.role.get(self.lang)))
        self.show()

    def _lines(self, node_id: str) -> list[Static]:
        out = []
        for speaker, text in self.play.run.lines(self.lang, node_id):
            if speaker is None:
                out.append(Static(Text(render.clean(text)), classes="narration"))
            else:
                line = Text()
                line.append(render.one_line(speaker) + ": ", style="bold")
                line.append(render.clean(text))
                out.append(Static(line))
        return out

    def show(self) -> None:
        run = self.play.run
        scenario = self.play.scenario
        box = self.query_one("#play-transcript", VerticalScroll)
        widgets: list[Static] = []
        for nid in run.opening:
            widgets += self._lines(nid)
        for i, step in enumerate(run.history):
            choice = scenario.nodes[step.node].choice(step.choice)
            said = Text()
            said.append(self.t("group.you") + ": ", style="bold")
            said.append(render.clean(choice.text.get(self.lang) if choice else step.choice))
            widgets.append(Static(said, classes="you"))
            last = i == len(run.history) - 1
            if last and self.feedback:
                widgets.append(Static(Text(render.clean(self.feedback)), classes="feedback"))
            for nid in step.entered:
                widgets += self._lines(nid)
        ending = run.ending
        if ending is not None and ending.ending is not None:
            end = Text(self.t("group.play.ended", title=render.one_line(ending.ending.title.get(self.lang))),
                       style="bold")
            end.append("\n" + render.clean(ending.ending.text.get(self.lang)))
            widgets.append(Static(end))
        box.remove_children()
        box.mount_all(widgets)
        box.call_after_refresh(box.scroll_end, animate=False)
        choices = self.query_one("#play-choices", OptionList)
        hint = self.query_one("#play-hint", Static)
        button = self.query_one("#to-debrief", Button)
        if run.finished:
            choices.display = False
            hint.update("")
            button.display = True
            button.focus()
            return
        button.display = False
        choices.display = True
        options = []
        for v in run.choices(self.lang):
            label = Text(f"{v.number}. ", style="bold")
            label.append(render.clean(v.text))
            if not v.enabled:
                label.append(f"\n({self.t('group.play.unavailable')}"
                             + (f": {render.one_line(v.reason)}" if v.reason else "") + ")",
                             style="italic")
            options.append(Option(label, id=v.id, disabled=not v.enabled))
        choices.set_options(_spaced(options))
        choices.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)
        choices.focus()
        hint.update(Text(self.t("group.play.choose")))

    def _choose(self, choice_id: str) -> None:
        choice = self.play.run.node.choice(choice_id)
        try:
            self.play.choose(choice_id)
        except RunError as err:
            self.notify(str(err), severity="warning")
            return
        except (StoreError, AccessDenied) as err:
            self.notify(self.t("group.play.not_saved", reason=str(err)), severity="error", timeout=10)
        fb = choice.feedback.get(self.lang) if choice is not None and choice.feedback else None
        self.feedback = fb if self.play.mode == "coach" else None
        self.show()

    @on(OptionList.OptionSelected, "#play-choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._choose(event.option.id)

    def action_pick(self, n: int) -> None:
        if self.play.run.finished:
            return
        views = self.play.run.choices(self.lang)
        if 1 <= n <= len(views) and views[n - 1].enabled:
            self._choose(views[n - 1].id)

    def action_undo(self) -> None:
        if self.play.mode != "coach":
            self.notify(self.t("group.play.no_undo"))
            return
        try:
            self.play.undo()
        except RunError as err:
            self.notify(str(err), severity="warning")
            return
        except (StoreError, AccessDenied) as err:
            self.notify(self.t("group.play.not_saved", reason=str(err)), severity="error")
        self.feedback = None
        self.show()

    @on(Button.Pressed, "#to-debrief")
    def _debrief(self) -> None:
        self.app.switch_screen(TraineeDebriefScreen(self.play.scenario, self.play.run_id))

    def action_back(self) -> None:
        self.app.pop_screen()


class TraineeDebriefScreen(_Screen):
    """Scores per dimension and the quadrant; once the session is closed, the group's
    choices at the trainee's key moments."""

    BINDINGS = [Binding("escape", "back", "group.key.back")]

    def __init__(self, scenario: Scenario, run_id: str) -> None:
        super().__init__()
        self.scenario = scenario
        self.run_id = run_id
        self.closed = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="debrief-body"):
            yield Static(id="debrief-main")
            yield Static(id="debrief-group")
            yield Button(self.t("group.debrief.again"), id="again")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.title = self.t("group.debrief.title", scenario=render.one_line(self.scenario.title.get(self.lang)))
        self.show()
        self.set_interval(5.0, self._check_closed)

    def _check_closed(self) -> None:
        trainee = self.app.trainee
        try:
            if trainee is not None and not self.closed and trainee.session.closed:
                self.show()
        except AccessDenied:
            self.app.session_gone()

    def show(self) -> None:
        try:
            self._show()
        except AccessDenied:
            self.app.session_gone()

    def _show(self) -> None:
        from scoring.debrief import DebriefError, build_debrief
        from scoring.labels import attribution_text, label, status_text

        trainee = self.app.trainee
        assert trainee is not None
        rec = trainee.run(self.run_id)
        lang = self.lang
        main = Text()
        try:
            d = build_debrief(self.scenario, rec.snapshot, self.app.rubric, lang, mode=rec.mode)
        except DebriefError as err:
            main.append(str(err), style="bold red")
            self.query_one("#debrief-main", Static).update(main)
            return
        if d.ending is not None:
            main.append(self.t("group.play.ended", title=render.one_line(d.ending.title)), style="bold")
            main.append("\n" + render.clean(d.ending.text) + "\n")
        for n in d.notices:
            main.append("\n" + render.clean(n.message) + "\n", style="italic")
        main.append("\n" + label("scores", lang) + "\n", style="bold")
        width = max(len(x.short) for x in d.dimensions)
        for dim in d.dimensions:
            if dim.status == "not_scored":
                continue
            main.append(render.one_line(dim.short).ljust(width) + "  ")
            if dim.assessed and dim.score is not None:
                main.append(render.bar(dim.score, 20), style="cyan")
                main.append(f" {dim.score:>3}  {dim.band_name or ''}\n")
            else:
                main.append(label("not_assessed", lang) + ": " + status_text(dim, lang) + "\n",
                            style="dim italic")
        if d.quadrant is not None:
            contact = next((a.score for a in d.axes if a.id == "contact"), None)
            limits = next((a.score for a in d.axes if a.id == "limits"), None)
            main.append("\n" + self.t("group.debrief.quadrant", name=d.quadrant.name, contact=contact,
                                       limits=limits) + "\n", style="bold")
            main.append(render.clean(d.quadrant.description) + "\n")
        if d.key_moments:
            main.append("\n" + label("key_moments", lang) + "\n", style="bold")
            for m in d.key_moments:
                main.append(f"{label('decision', lang)} {m.step} ({label(m.kind, lang)}): ",
                            style="bold green" if m.kind == "good" else "bold red")
                main.append(render.clean(m.chosen.text) + "\n")
                if m.better is not None:
                    main.append("  " + label("better", lang) + ": ", style="bold")
                    main.append(render.clean(m.better.text) + "\n")
        if d.tips:
            main.append("\n" + label("try_next", lang) + "\n", style="bold")
            for tip in d.tips:
                name = next((x.short for x in d.dimensions if x.id == tip.dimension), tip.dimension)
                main.append(f"• {render.one_line(name)}: ", style="bold")
                main.append(render.clean(tip.text) + "\n")
                main.append("  " + render.one_line(attribution_text(tip.citations, lang)) + "\n",
                            style="dim")
        self.query_one("#debrief-main", Static).update(main)
        group = Text(self.t("group.debrief.group") + "\n", style="bold")
        info = trainee.session
        self.closed = info.closed
        self.query_one("#again", Button).display = not info.closed
        counts = trainee.group_counts()
        if counts is None:
            group.append(self.t("group.debrief.group_wait"), style="italic")
        else:
            history = list(rec.snapshot.get("history", []))
            moments = group_moments(self.scenario, history, counts,
                                    [m.step - 1 for m in d.key_moments], lang)
            if not moments:
                group.append(self.t("group.debrief.group_none"), style="italic")
            for m in moments:
                group.append("\n" + render.one_line(m.prompt) + "\n", style="bold")
                top = max((o.count for o in m.options), default=0)
                for o in m.options:
                    mine = o.choice == m.chosen
                    group.append(f"{o.number}. ", style="bold")
                    group.append(render.one_line(o.text, 60).ljust(60),
                                 style="bold" if mine else "")
                    group.append(" " + render.bar(o.count, 8, top or 1) + f" {o.count:>3}")
                    if mine:
                        group.append(f"  ← {self.t('group.debrief.your_choice')}", style="bold yellow")
                    group.append("\n")
                group.append(self.t("group.debrief.same", same=m.same, total=m.total) + "\n",
                             style="italic")
        self.query_one("#debrief-group", Static).update(group)

    @on(Button.Pressed, "#again")
    def _again(self) -> None:
        trainee = self.app.trainee
        assert trainee is not None
        try:
            play = TraineeRun(trainee, self.scenario, lang=self.lang)
        except (AccessDenied, StoreError) as err:
            self.notify(str(err), severity="warning")
            return
        self.app.switch_screen(GroupPlayScreen(play))

    def action_back(self) -> None:
        self.app.pop_screen()
