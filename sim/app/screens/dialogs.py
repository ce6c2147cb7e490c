"""Small modal dialogs: yes/no, choose a mode, pause."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from .base import BaseModal


class ConfirmDialog(BaseModal):
    """A question with two answers; dismisses with True (yes) or False (no / Escape)."""

    BINDINGS = [Binding("escape", "answer(False)", "key.back")]

    def __init__(self, message: str, *, yes: str, no: str, title: str = "") -> None:
        super().__init__()
        self.message, self.yes, self.no, self.heading = message, yes, no, title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self.heading:
                yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            yield Static(Text(self.message), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text(self.yes), id="yes", variant="primary")
                yield Button(Text(self.no), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    def key_left(self) -> None:
        self.focus_previous()

    def key_right(self) -> None:
        self.focus_next()


class ModeDialog(BaseModal):
    """Choose coach or assessment mode before a scenario starts; dismisses with the mode or None."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, title: str, default: str) -> None:
        super().__init__()
        self.scenario_title = title
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="mode-dialog"):
            yield Static(Text(self.scenario_title, style="bold"), classes="dialog-title")
            yield Static(Text(self.t("mode.question")), classes="dialog-text")
            for mode in ("coach", "assessment"):
                yield Button(Text(self.t(f"mode.{mode}.button")), id=mode,
                             variant="primary" if mode == self.default else "default",
                             classes="mode-button")
                yield Static(Text(self.t(f"mode.{mode}.explain"), style="dim"),
                             classes="mode-explain")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text(self.t("dialog.cancel")), id="cancel")

    def on_mount(self) -> None:
        self.query_one(f"#{self.default}", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def key_up(self) -> None:
        self.focus_previous()

    def key_down(self) -> None:
        self.focus_next()


class ButtonsDialog(BaseModal):
    """A dialog of buttons in a column: a button dismisses it with its id, the arrows move
    between them, and ``pick(...)`` (for a key binding) dismisses it with the value given."""

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_pick(self, what: str) -> None:
        self.dismiss(what)

    def key_up(self) -> None:
        self.focus_previous()

    def key_down(self) -> None:
        self.focus_next()


class PauseDialog(ButtonsDialog):
    """Paused: go on, or leave (progress is saved). Dismisses with 'resume', 'home' or 'quit'."""

    BINDINGS = [Binding("escape", "pick('resume')", "key.resume")]

    def __init__(self, saving: bool) -> None:
        super().__init__()
        self.saving = saving

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pause-dialog"):
            yield Static(Text(self.t("pause.title"), style="bold"), classes="dialog-title")
            yield Static(Text(self.t("pause.saved" if self.saving else "pause.unsaved")),
                         classes="dialog-text")
            yield Button(Text(self.t("pause.resume")), id="resume", variant="primary",
                         classes="wide-button")
            yield Button(Text(self.t("pause.home")), id="home", classes="wide-button")
            yield Button(Text(self.t("pause.quit")), id="quit", classes="wide-button")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()


class DamagedStoreDialog(ButtonsDialog):
    """The store is damaged: play without saving, start a fresh store beside it (the damaged
    file is kept), or go back. Dismisses with 'unsaved', 'fresh' or 'back'."""

    BINDINGS = [Binding("escape", "pick('back')", "key.back")]

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason
        self.message = reason  # why (as ConfirmDialog.message)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="damaged-dialog"):
            yield Static(Text(self.t("store.damaged_title"), style="bold"),
                         classes="dialog-title")
            yield Static(Text(self.t("store.damaged_offer", reason=self.reason)),
                         classes="dialog-text")
            yield Button(Text(self.t("store.play_unsaved")), id="unsaved", variant="primary",
                         classes="wide-button")
            yield Button(Text(self.t("store.fresh")), id="fresh", classes="wide-button")
            yield Button(Text(self.t("dialog.back")), id="back", classes="wide-button")

    def on_mount(self) -> None:
        self.query_one("#unsaved", Button).focus()


class OpenElsewhereDialog(ButtonsDialog):
    """The run is open in another window: continue here (that window stops saving), just
    watch, or go back. Dismisses with 'take_over', 'watch' or 'back'."""

    BINDINGS = [Binding("escape", "pick('back')", "key.back")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="elsewhere-dialog"):
            yield Static(Text(self.t("lease.title"), style="bold"), classes="dialog-title")
            yield Static(Text(self.message), classes="dialog-text")
            yield Button(Text(self.t("lease.take_over")), id="take_over", variant="primary",
                         classes="wide-button")
            yield Button(Text(self.t("lease.watch")), id="watch", classes="wide-button")
            yield Button(Text(self.t("dialog.back")), id="back", classes="wide-button")

    def on_mount(self) -> None:
        self.query_one("#watch", Button).focus()
