"""The trainer's corner of the trainee's app: start or continue a plenary, or open the
dashboard of a live session with its trainer code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..errors import ContentError
from ..plenary import Plenary, PlenaryError
from ..problemtext import error_text
from ..scenario import Scenario
from ..sessions import AccessDenied, load_session_scenarios, trainer_by_code
from ..store import Store, StoreError
from . import render
from .common import translate_bindings
from .strings import t

CSS = Path(__file__).with_name("groupui.tcss")  # every rule names its screen

# (id, title, path) of each scenario on offer, and how to load one
Catalogue = Callable[[], list[tuple[str, str, Path]]]
Loader = Callable[[Path], Scenario]


class TrainerMenuScreen(Screen[None]):
    """Plenary or dashboard; how to run a live session is one line of help away."""

    CSS_PATH = CSS
    BINDINGS = [Binding("escape", "app.pop_screen", "group.key.back")]

    def __init__(self, store: Store, rubric: Any, catalogue: Catalogue, load: Loader, *,
                 lang: str = "nl", export_dir: Path | None = None) -> None:
        super().__init__()
        self.store = store
        self.rubric = rubric
        self.catalogue = catalogue
        self.load = load
        self.lang = lang
        self.export_dir = export_dir
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="trainer-body"):
            yield Static(Text(t("group.trainer.intro", self.lang)), id="trainer-intro")
            yield OptionList(id="trainer-menu")
            yield Static(id="trainer-code-label")
            yield Input(password=True, id="trainer-code", max_length=20)
            yield Static(id="trainer-message")
            yield Static(Text(t("group.trainer.live_help", self.lang)), id="trainer-help")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "sovsim"
        self.sub_title = t("group.trainer.menu", self.lang)
        menu = self.query_one("#trainer-menu", OptionList)
        menu.add_option(Option(Text(t("group.trainer.dashboard", self.lang)), id="dashboard"))
        titles = {sid: title for sid, title, _ in self.catalogue()}
        for rec in self.store.sessions("plenary")[:1]:  # the latest plenary, to go on with
            sid = rec.scenarios[0]["id"] if rec.scenarios else ""
            if sid in titles:
                label = Text(t("group.trainer.continue", self.lang,
                               title=render.one_line(titles[sid])), style="bold")
                menu.add_option(Option(label, id=f"continue:{rec.id}"))
        for sid, title, _ in self.catalogue():
            label = Text(t("group.trainer.plenary", self.lang, title=render.one_line(title)))
            menu.add_option(Option(label, id=f"plenary:{sid}"))
        menu.highlighted = 0
        menu.focus()
        self.query_one("#trainer-code", Input).display = False
        self.query_one("#trainer-code", Input).cursor_blink = False

    def on_screen_resume(self) -> None:
        """Back from the dashboard or a plenary: the code field closes, the menu has focus."""
        self.query_one("#trainer-code", Input).display = False
        self.query_one("#trainer-code-label", Static).update("")
        self.query_one("#trainer-menu", OptionList).focus()

    @on(OptionList.OptionSelected, "#trainer-menu")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        if key == "dashboard":
            self.query_one("#trainer-code-label", Static).update(
                Text(t("group.trainer.code", self.lang), style="bold"))
            field = self.query_one("#trainer-code", Input)
            field.display = True
            field.focus()
            return
        kind, ident = key.split(":", 1)
        try:
            if kind == "continue":
                rec = self.store.get_session(ident)
                scenarios = load_session_scenarios(rec, self.rubric.dimension_ids()) if rec else []
                if rec is None or not scenarios:
                    return
                plenary = Plenary(self.store, rec, scenarios[0])
            else:
                path = next((p for i, _, p in self.catalogue() if i == ident), None)
                if path is None:
                    return
                plenary = Plenary.create(self.store, self.load(path), lang=self.lang)
        except (ContentError, PlenaryError, StoreError) as err:
            shown = (err.problems[0].format(self.lang)
                     if isinstance(err, ContentError) and err.problems else error_text(err, self.lang))
            self.notify(shown, severity="error")
            return
        from .plenary import PlenaryScreen

        self.app.push_screen(PlenaryScreen(plenary, self.rubric, lang=self.lang,
                                           export_dir=self.export_dir))

    @on(Input.Submitted, "#trainer-code")
    def _code(self, event: Input.Submitted) -> None:
        from .dashboard import DashboardScreen

        message = self.query_one("#trainer-message", Static)
        try:
            trainer = trainer_by_code(self.store, event.value)
        except AccessDenied:
            message.update(Text(t("group.trainer.no_session", self.lang), style="bold red"))
            event.input.value = ""
            return
        message.update("")
        event.input.value = ""
        scenarios = load_session_scenarios(trainer.session, self.rubric.dimension_ids())
        self.app.push_screen(DashboardScreen(trainer, scenarios, self.rubric, lang=self.lang,
                                             export_dir=self.export_dir))
