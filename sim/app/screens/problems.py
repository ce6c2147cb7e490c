"""A scenario file with errors: its problems as a readable list, never a traceback."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from ...errors import ScenarioError
from ...textsafe import clean, shown_path
from .base import BaseScreen


class ProblemsScreen(BaseScreen):
    BINDINGS = [Binding("escape", "app.pop_screen", "key.back")]

    def __init__(self, path: str, problems: list[ScenarioError]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def refresh_titles(self) -> None:
        self.title = "sovsim"
        self.sub_title = self.t("problems.title")

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        errors = sum(p.severity == "error" for p in self.problems)
        warnings = len(self.problems) - errors
        with VerticalScroll(id="problems", can_focus=True):
            yield Static(Text(self.t("problems.intro", path=shown_path(self.path), errors=errors,
                                     warnings=warnings)), id="problems-intro")
            for p in self.problems:
                where = (self.t("problems.where", line=p.line, column=p.column) if p.line
                         else self.t("problems.whole_file"))
                line = Text()
                line.append(self.t(f"problems.{p.severity}") + " ",
                            style="bold red" if p.severity == "error" else "bold yellow")
                line.append(where + ": ", style="bold")
                line.append(clean(p.text(self.lang)))
                yield Static(line, classes=f"problem problem-{p.severity}")
            yield Static(Text(self.t("problems.hint"), style="dim"), id="problems-hint")
        yield Footer(compact=True)
