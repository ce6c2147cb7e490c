"""A key away during play: the case file (D) and the glossary of sovereign terms (G)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from ...glossary import bundled_glossary
from ...scenario import Scenario
from ...textsafe import clean, one_line
from .base import BaseModal


def dimension_name(app: Any, dim: str) -> str:
    """The rubric's short name for a dimension in the app's language (the built-in name as fallback)."""
    try:
        for d in getattr(app.rubric, "dimensions", []):
            if getattr(d, "id", None) == dim and getattr(d, "short", None) is not None:
                name = d.short
                return one_line(name.get(app.lang) if hasattr(name, "get") else str(name))
    except Exception:  # noqa: BLE001 - a name is never worth a crash
        pass
    key = f"dim.{dim}"
    text = app.t(key)
    return text if text != key else dim


class DossierScreen(BaseModal):
    """The case file: role, setting, the people involved and the dossier text."""

    BINDINGS = [Binding("escape", "dismiss", "key.close"), Binding("d", "dismiss", "key.close"),
                Binding("q", "dismiss", "key.close", show=False)]

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario

    def compose(self) -> ComposeResult:
        s, lang = self.scenario, self.lang
        with Vertical(classes="dialog reference"):
            yield Static(Text(self.t("dossier.title"), style="bold"), classes="dialog-title")
            with VerticalScroll(id="dossier-body", can_focus=True):
                body = Text()
                body.append(self.t("play.role") + ": ", style="bold")
                body.append(one_line(s.role.get(lang)) + "\n")
                if s.setting:
                    body.append(self.t("dossier.setting") + ": ", style="bold")
                    body.append(one_line(s.setting.get(lang)) + "\n")
                if s.characters:
                    body.append("\n" + self.t("dossier.people") + "\n", style="bold")
                    for c in s.characters.values():
                        body.append("• " + one_line(c.name.get(lang)), style="bold")
                        desc = one_line(c.description.get(lang))
                        body.append((": " + desc if desc else "") + "\n")
                body.append("\n" + self.t("dossier.file") + "\n", style="bold")
                body.append(clean(s.dossier.get(lang)).strip() or self.t("dossier.empty"))
                yield Static(body, id="dossier-text")
            yield Static(Text(self.t("dialog.close_hint"), style="dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#dossier-body").focus()


class GlossaryScreen(BaseModal):
    """The glossary: claims people make, in neutral words, with their sources; type to filter."""

    BINDINGS = [Binding("escape", "dismiss", "key.close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog reference", id="glossary-dialog"):
            yield Static(Text(self.t("glossary.title"), style="bold"), classes="dialog-title")
            yield Static(Text(self.t("glossary.note"), style="italic"), id="glossary-note")
            yield Input(placeholder=self.t("glossary.filter"), id="glossary-filter")
            with VerticalScroll(id="glossary-body"):
                yield Static(id="glossary-terms")
            yield Static(Text(self.t("glossary.hint"), style="dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    @on(Input.Changed, "#glossary-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        g = bundled_glossary()
        terms = g.search(query, self.lang)
        out = Text()
        if not terms:
            out.append(self.t("glossary.none"), style="italic")
        for i, term in enumerate(terms):
            if i:
                out.append("\n\n")
            out.append(term.term.get(self.lang), style="bold")
            out.append("\n" + term.meaning.get(self.lang))
            out.append("\n" + self.t("glossary.sources") + ": " + ", ".join(term.sources),
                       style="dim")
        used = [k for k in g.sources if any(k in term.sources for term in terms)]
        if used:
            out.append("\n\n" + self.t("glossary.source_list") + "\n", style="bold")
            for k in used:
                src = g.sources[k]
                out.append(f"{k}  ", style="bold")
                out.append(f"{src.title} ({src.url})\n", style="dim")
        self.query_one("#glossary-terms", Static).update(out)
        self.query_one("#glossary-body", VerticalScroll).scroll_home(animate=False)

    def key_down(self) -> None:
        self.query_one("#glossary-body", VerticalScroll).scroll_down(animate=False)

    def key_up(self) -> None:
        self.query_one("#glossary-body", VerticalScroll).scroll_up(animate=False)

    def key_pagedown(self) -> None:
        self.query_one("#glossary-body", VerticalScroll).scroll_page_down(animate=False)

    def key_pageup(self) -> None:
        self.query_one("#glossary-body", VerticalScroll).scroll_page_up(animate=False)
