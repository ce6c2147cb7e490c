"""The author view: every node of a scenario with its status (unreachable, dead end,
warnings, ending), what leads there and what it offers; Enter plays from any node.
The view follows the file: a save reloads it (a save with errors is reported, the last
good version stays)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...authorview import AuthorView, NodeInfo, author_view
from ...engine import Run, RunError
from ...errors import ContentError, ScenarioError
from ...playthrough import Playthrough
from ...problemtext import error_text
from ...scenario import Scenario
from ...textsafe import clean, one_line
from ...watch import FileWatch
from .base import BaseScreen

POLL_SECONDS = 1.0
STATUS_STYLE = {"unreachable": "bold red", "dead-end": "bold red", "warnings": "bold yellow",
                "ending": "bold", "ok": "dim"}
SHOW_LINES = 3
WHOLE = "\x00scenario"  # the list entry for warnings about the scenario as a whole


class AuthorScreen(BaseScreen):
    BINDINGS = [Binding("escape", "back", "key.back"),
                Binding("enter", "play_here", "key.play_here"),
                Binding("f5", "reload", "key.reload")]

    def __init__(self, scenario: Scenario, path: Path | None = None) -> None:
        super().__init__()
        self.scenario = scenario
        self.path = path or (Path(scenario.path) if scenario.path else None)
        self.watcher = FileWatch(self.path) if self.path is not None else None
        self.view: AuthorView | None = None
        self.broken: list[ScenarioError] = []

    def refresh_titles(self) -> None:
        self.title = one_line(self.scenario.title.get(self.lang))
        self.sub_title = self.t("author.title")

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(id="author-summary")
        with Horizontal(id="author-main"):
            yield OptionList(id="author-list")
            with VerticalScroll(id="author-detail"):
                yield Static(id="author-detail-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_class(self.app.size.width >= 110, "-wide")
        self._analyse()
        self._fill()
        self.query_one(OptionList).focus()
        if self.watcher is not None:
            self.set_interval(POLL_SECONDS, self.check_file)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= 110, "-wide")

    def after_relocalise(self) -> None:
        self._fill(keep=True)
        self.query_one(OptionList).focus()

    # -- content -----------------------------------------------------------------------
    def _analyse(self) -> None:
        self.view = author_view(self.scenario, self.app.rubric)

    def _fill(self, keep: bool = False) -> None:
        assert self.view is not None
        lst = self.query_one("#author-list", OptionList)
        old = lst.highlighted_option.id if keep and lst.highlighted_option else None
        options = [self._option(n) for n in self.view.nodes]
        if self.view.general:
            text = Text(self.t("author.whole"), style="bold")
            text.append("\n  " + self.t("author.status.warnings", n=len(self.view.general)),
                        style=STATUS_STYLE["warnings"])
            options.insert(0, Option(text, id=WHOLE))
        lst.set_options(options)
        ids = [o.id for o in options]
        lst.highlighted = ids.index(old) if old in ids else 0
        self._summary()
        self._show(ids[lst.highlighted or 0])

    def _show(self, option_id: str | None) -> None:
        assert self.view is not None
        if option_id == WHOLE:
            self._whole()
        elif option_id is not None:
            self._detail(self.view.node(option_id))

    def _whole(self) -> None:
        """The warnings about the scenario as a whole."""
        assert self.view is not None
        out = Text(self.t("author.whole") + "\n\n", style="bold")
        out.append(self.t("author.warnings") + "\n", style="bold yellow")
        for w in self.view.general:
            out.append(self.t("problems.where", line=w.line, column=w.column) + ": ", style="bold")
            out.append(clean(w.text(self.lang)) + f" [{w.code}]\n")
        out.append("\n" + self.t("author.whole.enter"), style="dim")
        self.query_one("#author-detail-text", Static).update(out)
        self.query_one("#author-detail", VerticalScroll).scroll_home(animate=False)

    def _status_text(self, n: NodeInfo, short: bool = False) -> str:
        if short and n.status == "dead-end":
            return self.t("author.short.dead-end")
        if n.status == "warnings":
            return self.t("author.status.warnings", n=len(n.warnings))
        if n.status == "ending":
            return self.t("author.status.ending", outcome=self.t(f"outcome.{n.outcome}"))
        return self.t(f"author.status.{n.status}")

    def _kind_text(self, n: NodeInfo) -> str:
        node = self.scenario.nodes[n.id]
        if n.kind == "choices":
            return self.t("author.kind.choices", n=len(node.choices))
        if n.kind == "auto":
            return self.t("author.kind.auto", target=node.next or "")
        if n.paths is not None:
            return self.t("author.kind.ending_paths", n=n.paths)
        return self.t("author.kind.ending")

    def _option(self, n: NodeInfo) -> Option:
        text = Text()
        text.append(("▶ " if n.start else "  ") + n.id, style="bold")
        text.append("  " + self._kind_text(n), style="dim")
        text.append("\n  ")
        text.append(self._status_text(n, short=True), style=STATUS_STYLE[n.status])
        return Option(text, id=n.id)

    def _summary(self) -> None:
        assert self.view is not None
        v = self.view
        counts = v.counts()
        out = Text()
        out.append(self.t("author.nodes", n=len(v.nodes)), style="bold")
        if v.paths is not None:
            out.append(" · " + self.t("author.paths", n=v.paths, bound=v.visit_bound))
        else:
            out.append(" · " + self.t("author.not_explored"))
        for status in ("unreachable", "dead-end", "warnings"):
            if counts[status]:
                out.append(" · ")
                out.append(self.t(f"author.count.{status}", n=counts[status]),
                           style=STATUS_STYLE[status])
        if v.general:
            out.append(" · ")
            out.append(self.t("author.general", n=len(v.general)), style="bold yellow")
        if self.broken:
            p = self.broken[0]
            out.append("\n")
            out.append(self.t("author.broken", n=len(self.broken)), style="bold red")
            where = self.t("problems.where", line=p.line, column=p.column) if p.line else ""
            out.append(f" {where}: {clean(p.text(self.lang))}" if where
                       else f" {clean(p.text(self.lang))}")
        self.query_one("#author-summary", Static).update(out)

    def _detail(self, n: NodeInfo) -> None:
        node = self.scenario.nodes[n.id]
        lang = self.lang
        out = Text()
        out.append(n.id, style="bold")
        if n.start:
            out.append("  " + self.t("author.start"), style="dim")
        out.append("\n")
        out.append(self._status_text(n), style=STATUS_STYLE[n.status])
        out.append("\n\n")
        if n.via is not None:
            path = " > ".join(n.via) if n.via else self.t("author.via_start")
            out.append(self.t("author.via") + " ", style="bold")
            out.append(path + "\n")
        else:
            out.append(self.t("author.via_none") + "\n", style="italic")
        for line in node.lines[:SHOW_LINES]:
            who = (one_line(self.scenario.characters[line.speaker].name.get(lang)) + ": "
                   if line.speaker else "")
            out.append("\n" + who, style="bold")
            out.append(one_line(line.text.get(lang)), style="" if who else "italic")
        if len(node.lines) > SHOW_LINES:
            out.append("\n" + self.t("author.more_lines", n=len(node.lines) - SHOW_LINES),
                       style="dim")
        out.append("\n")
        for c in node.choices:
            out.append(f"\n• {c.id}", style="bold")
            out.append(f" → {c.target}")
            if c.condition_src:
                out.append(f"  [{self.t('author.if')} {clean(c.condition_src)}]", style="dim")
            for r in c.routes:
                out.append(f"\n    → {r.target}  [{self.t('author.if')} {clean(r.condition_src)}]",
                           style="dim")
            if c.scores:
                out.append("\n    " + ", ".join(f"{d} {v:+d}" for d, v in c.scores.items()),
                           style="dim")
        if node.next is not None:
            out.append(f"\n→ {node.next}")
            for r in node.next_routes:
                out.append(f"\n→ {r.target}  [{self.t('author.if')} {clean(r.condition_src)}]",
                           style="dim")
        if node.ending is not None:
            out.append(self.t("author.ending_is", outcome=self.t(f"outcome.{n.outcome}"),
                              title=one_line(node.ending.title.get(lang))))
        if n.warnings:
            out.append("\n\n" + self.t("author.warnings") + "\n", style="bold yellow")
            for w in n.warnings:
                out.append(self.t("problems.where", line=w.line, column=w.column) + ": ",
                           style="bold")
                out.append(clean(w.text(self.lang)) + f" [{w.code}]\n")
        out.append("\n\n" + (self.t("author.enter_replay") if n.via is not None
                              else self.t("author.enter_direct")), style="dim")
        self.query_one("#author-detail-text", Static).update(out)
        self.query_one("#author-detail", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#author-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.view is not None:
            self._show(event.option.id)

    @on(OptionList.OptionSelected, "#author-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_play_here()

    # -- actions -----------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def selected(self) -> NodeInfo | None:
        option = self.query_one("#author-list", OptionList).highlighted_option
        if option is None or option.id is None or self.view is None:
            return None
        return self.view.node(option.id if option.id != WHOLE else self.scenario.start)

    def action_play_here(self) -> None:
        """Play from the highlighted node: the shortest play-through to it is replayed first,
        so the conversation so far and the values are real; a node no play-through reaches
        starts directly, with the initial values."""
        from .authorplay import AuthorPlayScreen

        n = self.selected()
        if n is None:
            return
        try:
            if n.via is not None:
                run = Run(self.scenario)
                for choice in n.via:
                    run.choose(choice)
            else:
                run = Run(self.scenario, start=n.id)
        except RunError as err:
            self.notify(error_text(err, self.lang), severity="error")
            return
        pt = Playthrough(self.scenario, run, mode=self.app.mode, lang=self.lang)
        self.app.push_screen(AuthorPlayScreen(pt, fresh=not run.history, watch=self.path))

    def action_reload(self) -> None:
        self._reload(force=True)

    def check_file(self) -> bool:
        """Reload when the file was saved with new content; True when it was."""
        if self.watcher is None or not self.watcher.changed():
            return False
        self._reload()
        return True

    def _reload(self, force: bool = False) -> None:
        if self.path is None:
            return
        try:
            scenario = self.app.load(self.path)
        except ContentError as err:
            self.broken = err.problems
            self._summary()
            if force:
                self.notify(self.t("author.broken", n=len(err.problems)), severity="error")
            return
        self.broken = []
        self.scenario = scenario
        self._analyse()
        self.refresh_titles()
        self._fill(keep=True)
        if force:
            self.notify(self.t("author.reloaded"))

    # -- help and palette --------------------------------------------------------------
    def help_keys(self) -> Iterable[tuple[str, str]]:
        yield ("↑ ↓", self.t("help.author.arrows"))

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(self.t("key.play_here"), self.t("cmd.play_here.help"),
                            self.action_play_here)
        yield SystemCommand(self.t("key.reload"), self.t("cmd.reload.help"), self.action_reload)
