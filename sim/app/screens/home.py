"""Home: continue the last unfinished run, or go to the library, results, settings or help."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...errors import ContentError
from ...playthrough import Playthrough
from ...problemtext import error_text
from ...store import RunRecord, StoreError
from ..themes import THEME_KEYS
from .base import BaseScreen
from .dialogs import ConfirmDialog


class HomeScreen(BaseScreen):
    BINDINGS = [
        Binding("c", "continue", "key.continue", show=False),
        Binding("s", "open('library')", "key.library", show=False),
        Binding("r", "open('results')", "key.results", show=False),
        Binding("i", "open('settings')", "key.settings", show=False),
        Binding("q", "app.quit", "key.quit"),
    ]

    def refresh_titles(self) -> None:
        self.title = "sovsim"
        self.sub_title = self.t("home.subtitle")

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="home-body"):
            yield Static(Text(self.t("home.welcome")), id="home-welcome")
            yield OptionList(*self._options(), id="home-menu")
            yield Static(self._status(), id="home-status")
        yield Footer(compact=True)

    def on_screen_resume(self) -> None:
        """Back on the home screen: the continue entry may have changed."""
        menu = self.query_one("#home-menu", OptionList)
        highlighted = menu.highlighted
        menu.set_options(self._options())
        if highlighted is not None and highlighted < menu.option_count:
            menu.highlighted = highlighted
        self.query_one("#home-status", Static).update(self._status())
        menu.focus()

    def _unfinished(self) -> RunRecord | None:
        store = self.app.store
        if store is None:
            return None
        try:
            return store.last_unfinished()
        except StoreError as err:
            self.app.store_failed(err)
            return None

    def _options(self) -> list[Option]:
        opts: list[Option] = []
        rec = self._unfinished()
        if rec is not None:
            n = rec.steps
            title = self.app.title_of(rec.scenario_id, rec.scenario_path)
            label = Text(self.t("home.continue", title=title), style="bold")
            label.append("\n   " + self.t("home.continue.detail", mode=self.t(f"mode.{rec.mode}"),
                                              n=n), style="")
            opts.append(Option(label, id="continue"))
        for key, label in (("library", "home.library"), ("results", "home.results"),
                           ("settings", "home.settings"), ("trainer", "group.home.trainer"),
                           ("help", "home.help"), ("quit", "home.quit")):
            opts.append(Option(Text(self.t(label)), id=key))
        return opts

    def _status(self) -> Text:
        app = self.app
        line = self.t("home.status", mode=self.t(f"mode.{app.mode}"),
                      lang=self.t(f"lang.{app.lang}"), theme=self.t(THEME_KEYS[app.theme]))
        out = Text(line, style="dim")
        if app.store_error:
            out.append("\n" + self.t("store.unavailable", reason=app.store_error), style="bold")
        return out

    @on(OptionList.OptionSelected, "#home-menu")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id
        if key == "continue":
            self.action_continue()
        elif key in ("library", "results", "settings"):
            self.action_open(key)
        elif key == "trainer":
            self.app.open_trainer()
        elif key == "help":
            self.app.action_help()
        elif key == "quit":
            self.app.exit()

    def action_open(self, name: str) -> None:
        self.app.show(name)

    def action_continue(self) -> None:
        from ...engine import DamagedRun, RunError

        rec = self._unfinished()
        if rec is None:
            self.notify(self.t("home.nothing_to_continue"))
            return
        try:
            scenario = self.app.find_scenario(rec.scenario_id, rec.scenario_path)
        except (FileNotFoundError, ContentError):
            self._cannot_resume(rec, self.t("resume.missing", id=rec.scenario_id), restart=False)
            return
        try:
            pt = Playthrough.resume(self.app.store, rec, scenario)  # type: ignore[arg-type]
        except RunError as err:
            key = "resume.damaged" if isinstance(err, DamagedRun) else "resume.changed"
            self._cannot_resume(rec, self.t(key, reason=error_text(err, self.lang)), restart=True,
                                scenario=scenario)
            return
        pt.lang = self.lang
        self.app.resume(pt)

    def _cannot_resume(self, rec: RunRecord, message: str, *, restart: bool,
                       scenario: object = None) -> None:
        def answer(yes: bool | None) -> None:
            if not yes:
                return
            self._set_aside(rec)
            if restart and scenario is not None:
                self.app.start_play(scenario, rec.mode)  # type: ignore[arg-type]
            else:
                self.on_screen_resume()

        yes = self.t("resume.restart") if restart else self.t("resume.set_aside")
        self.app.push_screen(ConfirmDialog(message, yes=yes, no=self.t("dialog.back")), answer)

    def _set_aside(self, rec: RunRecord) -> None:
        """Mark an unrestorable run as ended ("abandoned"), so Continue no longer offers it."""
        store = self.app.store
        if store is None:
            return
        try:
            store.end_run(rec.id, "abandoned")
        except StoreError:
            self.notify(self.t("store.not_saved_short"), severity="warning")
