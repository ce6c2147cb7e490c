"""The trainee's app: a Textual App that presents scenarios and collects choices.

It never parses YAML itself: scenarios come from :mod:`sim.loader` / :mod:`sim.library`,
runs from :mod:`sim.engine` via :class:`sim.playthrough.Playthrough`, saving from
:mod:`sim.store`, debriefs from :mod:`scoring`.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from ..errors import ContentError
from ..groupui import strings as _group_strings  # noqa: F401 - adds the group texts to i18n
from ..i18n import t
from ..playthrough import MODES, Playthrough
from ..problemtext import error_text
from ..store import DB_NAME, RunRecord, Store, StoreError
from ..text import DEFAULT_LANG, KNOWN_LANGS
from .localise import translate_bindings
from .themes import CONTRAST, HIGH_CONTRAST, THEMES

if TYPE_CHECKING:  # loaded when first needed: the home screen needs none of them
    from ..library import Entry
    from ..scenario import Scenario

PACES = ("normal", "fast", "off")
# seconds a line stays alone before the next appears: base + per character, capped
PACE_TIMING = {"normal": (0.6, 0.035, 4.0), "fast": (0.3, 0.015, 2.0), "off": (0.0, 0.0, 0.0)}


@dataclass
class Options:
    """How the app was started (command line or tests)."""

    lang: str | None = None              # overrides the saved setting for this session
    data_dir: Path | None = None         # else SOVSIM_DATA_DIR, else the platform's data folder
    rubric: str | None = None
    scenario_dirs: list[Path] | None = None
    pace: str | None = None              # overrides the saved setting ("off" in tests)
    theme: str | None = None
    play: Path | None = None             # open this scenario file straight away
    mode: str | None = None
    start: str | None = None             # start node (authors)
    values: dict[str, Any] = field(default_factory=dict)
    watch: bool = False                  # authors: reload ``play`` whenever it is saved
    author: bool = False                 # authors: open the author view of ``play``
    blink: bool = True                   # text cursors blink (off for snapshots)
    animations: bool = True              # off for snapshots


NARROW = 60  # columns: below this, screens lay out for a phone (see the .-narrow rules)


class SovsimApp(App[int]):
    """sovsim: practise conversations with people who declare themselves sovereign."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses elsewhere use it too
    TITLE = "sovsim"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "key.help"),
        Binding("question_mark", "help", "key.help", show=False),
        Binding("ctrl+q", "quit", "key.quit", show=False, priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(self, options: Options | None = None, *, store: Store | None = None) -> None:
        super().__init__()
        self.options = options or Options()
        self._store_problem: StoreError | None = None  # why there is no store, if none
        self.store: Store | None = store
        if self.store is None:
            try:
                folder = self.options.data_dir
                self.store = Store(folder / DB_NAME if folder is not None else None)
            except StoreError as err:
                self._store_problem = err
        self._settings: dict[str, str] = {}
        self.lang = self._initial("lang", self.options.lang, KNOWN_LANGS, DEFAULT_LANG)
        self.mode = self._initial("mode", self.options.mode, MODES, "coach")
        self.pace = self._initial("pace", self.options.pace, PACES, "normal")
        self.register_theme(HIGH_CONTRAST)
        self.theme = self._initial("theme", self.options.theme, THEMES, THEMES[0])
        self._rubric: Any = None
        self._library: list[Entry] | None = None
        self._summaries: dict[str, Any] = {}
        self._score_cache: Any = None
        self._loaded: dict[tuple[str, int, int], Scenario] = {}
        if not self.options.animations:
            self.animation_level = "none"
        translate_bindings(self, self.lang)
        self._translate_palette_binding()

    # -- settings ----------------------------------------------------------------------
    def _initial(self, key: str, given: str | None, allowed: Iterable[str], default: str) -> str:
        allowed = tuple(allowed)
        if given in allowed:
            return given  # type: ignore[return-value]
        saved = self.setting(key)
        return saved if saved in allowed else default

    def setting(self, key: str) -> str | None:
        if key in self._settings:
            return self._settings[key]
        if self.store is not None:
            try:
                return self.store.get_setting(key)
            except Exception:  # noqa: BLE001 - a damaged settings table only loses settings
                return None
        return None

    def store_failed(self, err: StoreError) -> None:
        """The store cannot be read (damaged, or not a sovsim store after all): stop using it,
        leave the file as it is, and say so where the store's state is shown."""
        if self.store is not None:
            with suppress(Exception):
                self.store.close()
        self.store = None
        self._store_problem = err

    @property
    def store_problem(self) -> StoreError | None:
        """Why there is no store (None: there is one)."""
        return self._store_problem

    def use_store(self, store: Store) -> None:
        """Save into ``store`` from now on (a fresh one beside a damaged store)."""
        self.store = store
        self._store_problem = None
        self._score_cache = None  # results come from the store

    @property
    def store_error(self) -> str | None:
        """Why progress cannot be saved, in the app's language (None: it can)."""
        problem = self._store_problem
        return None if problem is None else error_text(problem, self.lang)

    def save_setting(self, key: str, value: str) -> None:
        """Remember a setting (in the store when it can be written, else for this session)."""
        self._settings[key] = value
        if self.store is not None:
            try:
                self.store.set_setting(key, value)
            except StoreError as err:
                self.notify(self.t("settings.not_saved", reason=error_text(err, self.lang)), severity="warning")

    def t(self, key: str, /, **values: object) -> str:
        return t(key, self.lang, **values)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A toast; never read as markup, since messages quote files, paths and errors."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def set_lang(self, lang: str) -> None:
        if lang not in KNOWN_LANGS or lang == self.lang:
            return
        self.lang = lang
        self.save_setting("lang", lang)
        translate_bindings(self, lang)
        self._translate_palette_binding()
        for screen in self.screen_stack:
            relocalise = getattr(screen, "relocalise", None)
            if relocalise is not None:
                relocalise()
        self.refresh_bindings()

    def set_theme_name(self, name: str) -> None:
        if name in THEMES:
            self.theme = name
            self.save_setting("theme", name)

    def set_mode(self, mode: str) -> None:
        if mode in MODES:
            self.mode = mode
            self.save_setting("mode", mode)

    def set_pace(self, pace: str) -> None:
        if pace in PACES:
            self.pace = pace
            self.save_setting("pace", pace)

    def _translate_palette_binding(self) -> None:
        for bindings in self._bindings.key_to_bindings.values():
            for i, b in enumerate(bindings):
                if b.action in ("command_palette", "app.command_palette"):
                    from dataclasses import replace

                    bindings[i] = replace(b, description=self.t("key.palette"),
                                          tooltip=self.t("key.palette"))

    # -- content -----------------------------------------------------------------------
    @property
    def rubric(self) -> Any:
        if self._rubric is None:
            from scoring.rubric import load_rubric

            self._rubric = load_rubric(self.options.rubric)
        return self._rubric

    def dimensions(self) -> list[str]:
        return self.rubric.dimension_ids()

    def scenario_dirs(self) -> list[Path]:
        if self.options.scenario_dirs is not None:
            return list(self.options.scenario_dirs)
        from ..clitools import bundled_dir

        return [bundled_dir()]

    def library(self, refresh: bool = False) -> list[Entry]:
        """The scenarios on offer (from the metadata index; changed files are re-read)."""
        if self._library is None or refresh:
            from ..library import scan

            entries = scan(self.scenario_dirs(), self.dimensions())
            self._library = sorted(entries, key=lambda e: (e.broken, e.difficulty, e.id))
        return self._library

    def load(self, path: str | Path) -> Scenario:
        """Load a scenario file; :class:`ContentError` lists its problems."""
        from ..loader import load_scenario

        path = Path(path)
        try:
            st = path.stat()
            key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
        except OSError:
            return load_scenario(path, self.dimensions())
        if key not in self._loaded:  # one object per file version: scoring caches bounds on it
            self._loaded[key] = load_scenario(path, self.dimensions())
        return self._loaded[key]

    def find_scenario(self, scenario_id: str, path: str = "") -> Scenario:
        """A scenario by its saved path, else by id in the library."""
        if path and Path(path).is_file():
            try:
                s = self.load(path)
                if s.id == scenario_id:
                    return s
            except ContentError:
                pass
        for entry in self.library():
            if entry.id == scenario_id and not entry.broken:
                return self.load(entry.path)
        raise FileNotFoundError(scenario_id)

    def title_of(self, scenario_id: str, path: str = "") -> str:
        """A scenario's title: from the library, else from the file a run was played from."""
        from ..textsafe import one_line

        for entry in self.library():
            if entry.id == scenario_id and not entry.broken:
                return one_line(entry.title.get(self.lang))
        try:
            return one_line(self.find_scenario(scenario_id, path).title.get(self.lang))
        except (FileNotFoundError, ContentError):
            return scenario_id

    def decisions_range(self, scenario: Scenario) -> tuple[int, int] | None:
        """The fewest and most decisions a play-through of ``scenario`` takes (None if unknown)."""
        key = scenario.content_hash or scenario.id
        if key not in self._summaries:
            from ..analysis import summarise

            try:
                s = summarise(scenario, max_states=20_000)
                self._summaries[key] = (s.min_decisions, s.max_decisions) if s.paths else None
            except Exception:  # noqa: BLE001 - progress is a nicety; too large means unknown
                self._summaries[key] = None
        return self._summaries[key]

    # -- results ---------------------------------------------------------------------
    def run_overall(self, rec: RunRecord) -> int | None:
        """A finished run's overall 0-100 score (mean of its assessed dimensions), cached."""
        from .scores import ScoreCache, overall, rubric_key

        if not rec.finished or rec.outcome == "abandoned":
            return None
        if self._score_cache is None:
            self._score_cache = ScoreCache(rubric_key(self.rubric, self.options.rubric))
        known, value = self._score_cache.get(rec)
        if known:
            return value
        try:
            from scoring.debrief import build_debrief

            scenario = self.find_scenario(rec.scenario_id, rec.scenario_path)
            value = overall(build_debrief(scenario, rec.snapshot, self.rubric, self.lang,
                                          rec.mode))
        except Exception:  # noqa: BLE001 - a run that cannot be scored simply shows no score
            return None  # not remembered: it may work next time (scenario back, rubric fixed)
        self._score_cache.put(rec, value)
        return value

    def run_score(self, rec: RunRecord) -> str | None:
        """A finished run's score as a short text for the results list (None if unknown)."""
        value = self.run_overall(rec)
        return None if value is None else f"{value}/100"

    def best_result(self, scenario_id: str) -> str | None:
        """The trainee's best finished result for a scenario, as a short text (None if none)."""
        if self.store is None:
            return None
        try:
            runs = self.store.runs(finished=True, scenario_id=scenario_id, solo=True, limit=200)
        except StoreError as err:
            self.store_failed(err)
            return None
        values = [v for v in (self.run_overall(r) for r in runs) if v is not None]
        return f"{max(values)}/100" if values else None

    # -- navigation --------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        """The home screen is the bottom of the stack: the trainee's first screen, and where
        Escape leads back to (no blank screen below it to build and lay out first)."""
        from .screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        if self.options.play is not None:
            self.open_file(self.options.play, self.options.mode or self.mode)

    def on_resize(self, event: events.Resize) -> None:
        """A narrow window (a phone in a browser): the stylesheets' ``.-narrow`` rules apply."""
        self.set_class(event.size.width < NARROW, "-narrow")

    def on_unmount(self) -> None:
        """The app is closing: let go of the store (every choice is saved already)."""
        if self.store is not None:
            self.store.close()

    def open_file(self, path: Path, mode: str) -> None:
        """Play a scenario file; a broken file shows its problems as a list."""
        from .screens.problems import ProblemsScreen

        try:
            scenario = self.load(path)
        except ContentError as err:
            self.push_screen(ProblemsScreen(str(path), err.problems))
            return
        if self.options.author:
            self.show_author(scenario, path)
            return
        test = bool(self.options.watch or self.options.start or self.options.values)
        self.start_play(scenario, mode, start=self.options.start, values=self.options.values,
                        test=test, watch=path if self.options.watch else None)

    def start_play(self, scenario: Scenario, mode: str, *, start: str | None = None,
                   values: dict[str, Any] | None = None, test: bool = False,
                   watch: Path | None = None) -> None:
        """Play a scenario; a test play (``test``, or ``watch``ing its file) is never saved."""
        from ..engine import RunError
        from .screens.play import PlayScreen

        try:
            pt = Playthrough.new(scenario, mode=mode, lang=self.lang, start=start, values=values)
        except RunError as err:  # e.g. automatic steps that never stop
            self.notify(self.t("play.cannot_start", reason=error_text(err, self.lang)), severity="error")
            return
        if test or watch is not None:
            from .screens.authorplay import AuthorPlayScreen

            self.push_screen(AuthorPlayScreen(pt, fresh=True, watch=watch))
        else:
            self.push_screen(PlayScreen(pt, fresh=True))

    def debrief_screen(self, scenario: Scenario, snapshot: dict[str, Any], mode: str | None,
                       run_id: str | None = None) -> Screen[Any]:
        """The debrief of a run (a live session's app adds the group to it)."""
        from .screens.debrief import DebriefScreen

        return DebriefScreen(scenario, snapshot, mode, run_id=run_id)

    def show_author(self, scenario: Scenario, path: Path | None = None) -> None:
        """The author view of a scenario: its nodes with their status."""
        from .screens.author import AuthorScreen

        self.push_screen(AuthorScreen(scenario, path))

    def resume(self, pt: Playthrough) -> None:
        from .screens.play import PlayScreen

        self.push_screen(PlayScreen(pt, fresh=False))

    def go_home(self) -> None:
        """Back to the home screen, closing everything above it."""
        from .screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def show(self, name: str) -> None:
        """Open one of the main screens by name, above the home screen."""
        from .screens.library import LibraryScreen
        from .screens.results import ResultsScreen
        from .screens.settings import SettingsScreen

        screens = {"library": LibraryScreen, "results": ResultsScreen,
                   "settings": SettingsScreen}
        if type(self.screen).__name__ == screens[name].__name__:
            return
        self.push_screen(screens[name]())

    def open_trainer(self) -> None:
        """The trainer's corner: a plenary on a projector, or a live session's dashboard."""
        from ..groupui.trainer import TrainerMenuScreen

        if self.store is None or isinstance(self.screen, TrainerMenuScreen):
            return

        def catalogue() -> list[tuple[str, str, Path]]:
            return [(e.id, e.title.get(self.lang), e.path) for e in self.library()
                    if not e.broken]

        self.push_screen(TrainerMenuScreen(self.store, self.rubric, catalogue, self.load,
                                           lang=self.lang))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_help_quit(self) -> None:
        self.notify(self.t("quit.how"), title=self.t("quit.title"))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=self.t("palette.placeholder")))

    def main_commands(self) -> list[SystemCommand]:
        """The palette's places to go: home, library, results, settings, help, trainers."""
        commands = [
            SystemCommand(self.t("cmd.home"), self.t("cmd.home.help"), self.go_home),
            SystemCommand(self.t("cmd.library"), self.t("cmd.library.help"),
                          lambda: self.show("library")),
            SystemCommand(self.t("cmd.results"), self.t("cmd.results.help"),
                          lambda: self.show("results")),
            SystemCommand(self.t("cmd.settings"), self.t("cmd.settings.help"),
                          lambda: self.show("settings")),
            SystemCommand(self.t("cmd.help"), self.t("cmd.help.help"), self.action_help),
        ]
        if self.store is not None:
            commands.append(SystemCommand(self.t("group.trainer.menu"),
                                          self.t("group.trainer.intro"), self.open_trainer))
        return commands

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from self.main_commands()
        other = "en" if self.lang == "nl" else "nl"
        yield SystemCommand(self.t("cmd.lang"), self.t("cmd.lang.help"),
                            lambda: self.set_lang(other))
        for name in THEMES:
            from .themes import THEME_KEYS

            yield SystemCommand(self.t("cmd.theme", theme=self.t(THEME_KEYS[name])),
                                self.t("cmd.theme.help"), lambda n=name: self.set_theme_name(n))
        extra = getattr(screen, "palette_commands", None)
        if extra is not None:
            yield from extra()
        yield SystemCommand(self.t("cmd.quit"), self.t("cmd.quit.help"), self.exit)


__all__ = ["CONTRAST", "Options", "SovsimApp"]
