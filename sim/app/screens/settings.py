"""Settings: language, theme, default mode and text pace; saved in the store."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, RadioButton, RadioSet, Static

from ...textsafe import shown_path
from ..app import PACES
from ..themes import THEME_KEYS, THEMES
from .base import BaseScreen


class SettingsScreen(BaseScreen):
    BINDINGS = [Binding("escape", "app.pop_screen", "key.back")]

    GROUPS = (
        ("lang", "settings.lang", ("nl", "en"), "lang.{}"),
        ("theme", "settings.theme", THEMES, None),
        ("mode", "settings.mode", ("coach", "assessment"), "mode.{}"),
        ("pace", "settings.pace", PACES, "pace.{}"),
    )

    def refresh_titles(self) -> None:
        self.title = "sovsim"
        self.sub_title = self.t("settings.title")

    def _current(self, key: str) -> str:
        return {"lang": self.app.lang, "theme": self.app.theme, "mode": self.app.mode,
                "pace": self.app.pace}[key]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with VerticalScroll(id="settings-body"):
            with Horizontal(id="settings-grid"):
                for key, label, values, fmt in self.GROUPS:
                    with Vertical(classes="setting"):
                        yield Static(Text(self.t(label), style="bold"), classes="setting-label")
                        with RadioSet(id=f"set-{key}"):
                            for v in values:
                                name = self.t(THEME_KEYS[v]) if fmt is None else self.t(fmt.format(v))
                                yield RadioButton(Text(name), value=v == self._current(key),
                                                  name=v)
            yield Static(Text(self.t("settings.explain")), id="settings-explain")
            yield Static(self._where(), id="settings-where")
        yield Footer(compact=True)

    def _where(self) -> Text:
        store = self.app.store
        if store is None:
            return Text(self.t("store.unavailable", reason=self.app.store_error or ""),
                        style="bold")
        return Text(self.t("settings.data", path=shown_path(store.path)), style="dim")

    def on_mount(self) -> None:
        self._ready()

    def after_relocalise(self) -> None:
        self._ready()

    def _ready(self) -> None:
        """The cursor of each group starts on its current value; the language group has focus."""
        for rs in self.query(RadioSet):
            if rs.pressed_index >= 0:
                rs._selected = rs.pressed_index
        self.query_one("#set-lang", RadioSet).focus()

    @on(RadioSet.Changed)
    def _changed(self, event: RadioSet.Changed) -> None:
        key = (event.radio_set.id or "").removeprefix("set-")
        value = event.pressed.name or ""
        if value == self._current(key):
            return
        if key == "lang":
            self.app.set_lang(value)
        elif key == "theme":
            self.app.set_theme_name(value)
        elif key == "mode":
            self.app.set_mode(value)
        elif key == "pace":
            self.app.set_pace(value)
