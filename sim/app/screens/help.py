"""F1 / ?: the keys of the screen underneath, and how sovsim works."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from .base import BaseModal

KEY_NAMES = {"escape": "Esc", "question_mark": "?", "enter": "Enter", "space": "Spatie",
             "ctrl+p": "Ctrl+P", "ctrl+q": "Ctrl+Q", "ctrl+z": "Ctrl+Z", "f1": "F1",
             "up": "↑", "down": "↓", "tab": "Tab"}


def key_label(key: str, lang: str) -> str:
    if key == "space":
        return "Spatie" if lang == "nl" else "Space"
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    return key.upper() if len(key) == 1 else key.replace("ctrl+", "Ctrl+").title()


class HelpScreen(BaseModal):
    BINDINGS = [Binding("escape", "dismiss", "key.close"), Binding("f1", "dismiss", "key.close"),
                Binding("question_mark", "dismiss", "key.close", show=False),
                Binding("q", "dismiss", "key.close", show=False)]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def _keys(self) -> list[tuple[str, str]]:
        """(keys, what they do) of the screen underneath, in the order declared."""
        seen: dict[str, list[str]] = {}
        ours = getattr(self.under, "_sovsim_binding_keys", {})
        for key, binding in self.under._bindings:
            if (key, binding.action) not in ours or binding.action in ("app.quit", "quit"):
                continue
            name, _, params = binding.action.partition("(")
            if self.under.check_action(name, ()) is False:
                continue
            seen.setdefault(binding.description, [])
            label = key_label(key, self.lang)
            if label not in seen[binding.description]:
                seen[binding.description].append(label)
        extra = getattr(self.under, "help_keys", None)
        rows = list(extra()) if extra else []
        rows += [(" / ".join(keys), desc) for desc, keys in seen.items()]
        rows += [("F1 / ?", self.t("key.help")), ("Ctrl+P", self.t("help.palette")),
                 ("Tab", self.t("help.tab")), ("Ctrl+Q", self.t("key.quit"))]
        return rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Static(Text(self.t("help.title"), style="bold"), classes="dialog-title")
            with VerticalScroll(id="help-body", can_focus=True):
                table = Text()
                rows = self._keys()
                width = max((len(k) for k, _ in rows), default=4) + 2
                for i, (keys, desc) in enumerate(rows):
                    table.append(("\n" if i else "") + keys.ljust(width), style="bold")
                    table.append(desc)
                yield Static(table, id="help-keys")
                yield Static(Text(self.t("help.about")), id="help-about")
            yield Static(Text(self.t("help.close"), style="dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
