"""The scenario library: type to filter, a detail pane with the summary and the case file."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Key, Resize
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from ...errors import ContentError
from ...library import Entry
from ...textsafe import clean, one_line, shown_path
from .base import BaseScreen
from .dialogs import ModeDialog
from .problems import ProblemsScreen


class LibraryScreen(BaseScreen):
    BINDINGS = [Binding("escape", "back", "key.back"),
                Binding("enter", "start", "key.start"),
                Binding("tab", "read", "key.read"),
                Binding("f2", "author", "key.author", show=False)]

    def refresh_titles(self) -> None:
        self.title = "sovsim"
        self.sub_title = self.t("library.title")

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Input(placeholder=self.t("library.filter"), id="library-filter")
        with Horizontal(id="library-main"):
            yield OptionList(id="library-list")
            with VerticalScroll(id="library-detail"):
                yield Static(id="library-detail-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_class(self.app.size.width >= 110, "-wide")
        self._fill()
        self.query_one(Input).focus()
        self._detail_hint()

    def action_read(self) -> None:
        """Tab: from the search to the description (to read all of it) and back."""
        detail = self.query_one("#library-detail", VerticalScroll)
        if self.focused is detail:
            self.query_one(Input).focus()
        else:
            detail.focus()

    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _detail_hint(self) -> None:
        """Say in the description's frame how to read the rest of it."""
        detail = self.query_one("#library-detail", VerticalScroll)
        key = "library.detail_back" if detail.has_focus else "library.detail_more"
        detail.border_subtitle = self.t(key)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= 110, "-wide")

    def after_relocalise(self) -> None:
        self._fill()
        self.query_one(Input).focus()

    def on_screen_resume(self) -> None:
        self._fill(keep=True)

    # -- the list ------------------------------------------------------------------------
    def _entries(self) -> list[Entry]:
        query = self.query_one(Input).value.casefold().strip()
        out = []
        for e in self.app.library():
            hay = " ".join([e.title.get(self.lang), e.summary.get(self.lang),
                            e.role.get(self.lang), " ".join(e.themes), e.id]).casefold()
            if all(word in hay for word in query.split()):
                out.append(e)
        return out

    def _fill(self, keep: bool = False) -> None:
        lst = self.query_one("#library-list", OptionList)
        old = lst.highlighted_option.id if keep and lst.highlighted_option else None
        self.shown = self._entries()
        options: list[Option | None] = []
        for i, e in enumerate(self.shown):
            if i:
                options.append(None)  # a separator line between scenarios
            options.append(self._option(i, e))
        lst.set_options(options)
        if not self.shown:
            self._detail(None)
            return
        index = next((i for i, e in enumerate(self.shown) if str(i) == old), 0)
        lst.highlighted = lst.get_option_index(str(index))
        self._detail(self.shown[index])

    def _option(self, i: int, e: Entry) -> Option:
        text = Text()
        if e.broken:
            text.append("⚠ " + shown_path(e.path.name), style="bold")
            text.append("\n" + self.t("library.broken"), style="italic")
            return Option(text, id=str(i))
        text.append(one_line(e.title.get(self.lang)), style="bold")
        bits = [one_line(e.role.get(self.lang)),
                self.t(f"difficulty.{e.difficulty}"),
                self.t("library.minutes", n=e.minutes)]
        best = self.app.best_result(e.id)
        if best:
            bits.append(self.t("library.best_short", best=best))
        text.append("\n" + " · ".join(bits), style="dim")
        return Option(text, id=str(i))

    @on(OptionList.OptionHighlighted, "#library-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None and int(event.option.id) < len(self.shown):
            self._detail(self.shown[int(event.option.id)])

    def _detail(self, e: Entry | None) -> None:
        out = Text()
        lang = self.lang
        if e is None:
            out.append(self.t("library.none"), style="italic")
        elif e.broken:
            out.append(shown_path(e.path.name) + "\n", style="bold")
            out.append(self.t("library.broken_detail", n=len(e.problems)))
        else:
            out.append(one_line(e.title.get(lang)) + "\n", style="bold")
            for label, value in (
                ("library.role", one_line(e.role.get(lang))),
                ("library.setting", one_line(e.setting.get(lang)) if e.setting else ""),
                ("library.themes", ", ".join(clean(x) for x in e.themes)),
                ("library.level", self.t(f"difficulty.{e.difficulty}") + " · "
                 + self.t("library.minutes_long", n=e.minutes)),
                ("library.best", self.app.best_result(e.id) or self.t("library.not_played")),
            ):
                if value:
                    out.append(self.t(label) + ": ", style="bold")
                    out.append(value + "\n")
            out.append("\n" + clean(e.summary.get(lang)).strip() + "\n")
            out.append("\n" + self.t("dossier.file") + "\n", style="bold")
            out.append(clean(e.dossier.get(lang)).strip() + "\n")
            out.append("\n" + self.t("library.enter_to_start"), style="dim")
        self.query_one("#library-detail-text", Static).update(out)
        self.query_one("#library-detail", VerticalScroll).scroll_home(animate=False)

    # -- keys ----------------------------------------------------------------------------
    @on(Input.Changed, "#library-filter")
    def _filter(self) -> None:
        self._fill()

    def on_key(self, event: Key) -> None:
        """Arrows in the filter move through the list, so typing and choosing go together."""
        if not isinstance(self.focused, Input):
            return
        lst = self.query_one("#library-list", OptionList)
        if event.key in ("down", "up", "pagedown", "pageup"):
            {"down": lst.action_cursor_down, "up": lst.action_cursor_up,
             "pagedown": lst.action_page_down, "pageup": lst.action_page_up}[event.key]()
            event.stop()
            event.prevent_default()

    @on(Input.Submitted, "#library-filter")
    def _submitted(self) -> None:
        self.action_start()

    @on(OptionList.OptionSelected, "#library-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_start()

    def action_back(self) -> None:
        inp = self.query_one(Input)
        if inp.value:
            inp.value = ""
            return
        self.app.pop_screen()

    def _highlighted_scenario(self):  # noqa: ANN202
        """The highlighted entry's scenario (None: nothing, or problems shown instead)."""
        lst = self.query_one("#library-list", OptionList)
        option = lst.highlighted_option
        if option is None or option.id is None:
            return None
        entry = self.shown[int(option.id)]
        if entry.broken:
            self.app.push_screen(ProblemsScreen(str(entry.path), entry.problems))
            return None
        try:
            return self.app.load(entry.path), entry.path
        except ContentError as err:
            self.app.push_screen(ProblemsScreen(str(entry.path), err.problems))
            return None

    def action_author(self) -> None:
        """The author view of the highlighted scenario."""
        found = self._highlighted_scenario()
        if found is not None:
            self.app.show_author(*found)

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(self.t("cmd.author"), self.t("cmd.author.help"), self.action_author)

    def action_start(self) -> None:
        lst = self.query_one("#library-list", OptionList)
        option = lst.highlighted_option
        if option is None or option.id is None:
            return
        entry = self.shown[int(option.id)]
        if entry.broken:
            self.app.push_screen(ProblemsScreen(str(entry.path), entry.problems))
            return
        try:
            scenario = self.app.load(entry.path)
        except ContentError as err:
            self.app.push_screen(ProblemsScreen(str(entry.path), err.problems))
            return

        def chosen(mode: str | None) -> None:
            if mode:
                self.app.start_play(scenario, mode)

        self.app.push_screen(ModeDialog(one_line(scenario.title.get(self.lang)), self.app.mode),
                             chosen)
