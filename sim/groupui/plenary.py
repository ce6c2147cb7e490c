"""The plenary on a projector: the situation, the discussion prompt, the numbered options
with the room's votes; trainer notes only on a key; back to any earlier decision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ..engine import RunError
from ..group import names_for
from ..plenary import Plenary, PlenaryError
from ..problemtext import error_text
from ..store import StoreError
from ..textsafe import shown_path
from . import render
from .bigdigits import ROWS, Size, big_number, count_width, thick_bar
from .common import exports_dir, translate_bindings
from .strings import t

CSS = Path(__file__).with_name("groupui.tcss")  # every rule names its screen
TIGHT_BELOW = 30  # rows: below this the plenary leaves out the blank lines between parts


class PlenaryScreen(Screen[None]):
    """One decision at a time, large and plain, for a room to read from a distance."""

    CSS_PATH = CSS

    BINDINGS = [
        *[Binding(str(n), f"vote({n})", show=False) for n in range(1, 10)],
        Binding("minus", "less", "group.key.vote_less", show=False),
        Binding("0", "clear_votes", "group.key.votes_clear", show=False),
        # the arrows always move the highlight, also when the situation can scroll (it
        # scrolls with PgUp/PgDn): nothing on this screen takes the focus
        Binding("up", "move(-1)", show=False, priority=True),
        Binding("down", "move(1)", show=False, priority=True),
        Binding("pageup", "scroll_story(-1)", show=False),
        Binding("pagedown", "scroll_story(1)", show=False),
        Binding("enter", "follow", "group.td.key.majority"),
        Binding("k", "pick", "group.td.key.pick"),
        Binding("n", "notes", "group.td.key.notes"),
        Binding("b", "bookmark", "group.key.bookmark", show=False),  # in the help line
        Binding("g", "go_back", "group.td.key.go_back"),
        Binding("d", "debrief", "group.key.debrief"),
        Binding("escape", "leave", "group.key.back", show=False),
        Binding("q", "leave", "group.key.quit"),
    ]

    def __init__(self, plenary: Plenary, rubric: Any, *, lang: str = "nl",
                 export_dir: Path | None = None) -> None:
        super().__init__()
        self.plenary = plenary
        self.rubric = rubric
        self.lang = lang
        self.export_dir = export_dir or exports_dir(plenary)
        self.highlight = 0  # moved by the arrows only: K picks what the trainer marked
        self.notes_shown = False
        self._counted: list[str] = []  # the votes counted here, in order (for −)
        self._counted_at: tuple[str, int] | None = None
        translate_bindings(self, lang)

    def t(self, key: str, /, **kw: object) -> str:
        return t(key, self.lang, **kw)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="plen-body"):
            yield Static(id="plen-head")
            with VerticalScroll(id="plen-situation", can_focus=False):
                yield Static(id="plen-lines")
            yield Static(id="plen-discussion")
            yield Static(id="plen-options")
            yield Static(id="plen-status")
            with VerticalScroll(id="plen-notes", can_focus=False):
                yield Static(id="plen-notes-text")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        s = self.plenary.scenario
        self.title = render.one_line(t("group.plen.title", self.lang, scenario=s.title.get(self.lang)))
        self.sub_title = render.one_line(s.role.get(self.lang))
        self.show()

    # -- drawing ---------------------------------------------------------------------------
    def _situation(self) -> Text:
        run = self.plenary.run
        nodes = run.history[-1].entered if run.history else run.opening
        out = Text()
        if run.history:
            last = run.history[-1]
            choice = self.plenary.scenario.nodes[last.node].choice(last.choice)
            out.append(t("group.you", self.lang) + ": ", style="bold")
            out.append(render.clean(choice.text.get(self.lang) if choice else last.choice) + "\n\n",
                       style="italic")
        first = True
        for nid in nodes:
            for speaker, text in run.lines(self.lang, nid):
                if not first:
                    out.append("\n\n")
                first = False
                if speaker is None:
                    out.append(render.clean(text), style="italic")
                else:
                    out.append(render.one_line(speaker) + ": ", style="bold")
                    out.append(render.clean(text))
        return out

    def show(self) -> None:
        p = self.plenary
        run = p.run
        self.set_class((self.size.height or self.app.size.height) < TIGHT_BELOW, "-tight")
        if self.has_class("-ended") != run.finished:  # the footer's keys change with it
            self.set_class(run.finished, "-ended")
            self.refresh_bindings()
        head = Text()
        if run.finished:
            head.append(t("group.plen.ended", self.lang,
                          title=render.one_line(run.node.ending.title.get(self.lang))))  # type: ignore[union-attr]
        else:
            head.append(t("group.plen.decision", self.lang, n=p.decision_number))
        if len(p.branches) > 1:
            head.append("  ·  " + t("group.plen.branch", self.lang, n=p.current.number,
                                     total=len(p.branches)))
        if not run.finished and (p.current.run_id, p.decision_number) in p.bookmarks():
            head.append("  ★")
        self.query_one("#plen-head", Static).update(head)
        self.query_one("#plen-lines", Static).update(self._situation())
        discussion = self.query_one("#plen-discussion", Static)
        options = self.query_one("#plen-options", Static)
        status = self.query_one("#plen-status", Static)
        if run.finished:
            ending = run.node.ending
            assert ending is not None
            discussion.display = True
            discussion.update(Text(render.clean(ending.text.get(self.lang))))
            options.update("")
            status.update(Text(t("group.plen.ended_help", self.lang)))
            self._notes()
            return
        node = run.node
        discussion.display = node.discussion is not None
        if node.discussion is not None:
            d = Text(t("group.plen.discuss", self.lang) + ": ", style="bold")
            d.append(render.clean(node.discussion.get(self.lang)))
            discussion.update(d)
        views = run.choices(self.lang)
        votes = p.votes_here()
        majority = p.majority()
        self.highlight = min(self.highlight, max(0, len(views) - 1))
        options.update(self._options(views, votes, majority))
        total = sum(votes.values())
        help_ = Text(t("group.td.votes_help", self.lang), style="dim")
        if total == 0:
            line = Text(t("group.plen.no_votes", self.lang), style="bold")
        elif majority is None:
            line = Text(t("group.plen.tie", self.lang), style="bold")
        else:
            num = next(v.number for v in views if v.id == majority)
            line = Text(t("group.td.votes_line", self.lang, total=total, n=num), style="bold")
        status.update(Text("\n").join([line, help_]))
        self._notes()

    # -- the options, as large as the screen allows -------------------------------------
    def _layout(self, views: list[Any], votes: dict[str, int]) -> tuple[Size, int, int, int]:
        """The size of the counts and bars, and the widths of the text, count and bar
        columns: the largest size with which the options, the prompt and the situation
        fit on the screen (a projector at 120x40 gets five-row digits, or three-row ones
        when there are many options or much to read)."""
        width = max(40, (self.size.width or self.app.size.width) - 4)
        height = (self.size.height or self.app.size.height) - 2  # header and footer
        digits = max(2, *(len(str(votes.get(v.id, 0))) for v in views)) if views else 2
        discussion = self.plenary.run.node.discussion
        prompt_rows = 0 if discussion is None else 1 + len(Text(
            t("group.plen.discuss", self.lang) + ": " + render.clean(discussion.get(self.lang))
        ).wrap(self.app.console, width - 3))
        status_rows = 1 + 1 + len(Text(t("group.td.votes_help", self.lang)).wrap(
            self.app.console, width))
        # the situation must fit too (up to 10 lines; a longer one scrolls): the room
        # reads it before the options
        story = min(10, len(self._situation().wrap(self.app.console, width - 2)))
        fixed = 1 + prompt_rows + status_rows + 2 + max(3, story)  # head, margins, the story
        if self.notes_shown:  # the notes' box (at most 30% of the screen), with its margin
            fixed += min(int(height * 0.3),
                         3 + len(self._notes_text().wrap(self.app.console, width - 4)))
        for size in ("large", "medium", "small"):
            cw = count_width(digits, size)  # type: ignore[arg-type]
            bw = max(8, min(40, width // (4 if size != "small" else 6)))
            tw = width - 2 - 4 - cw - bw - 4  # marker, number, the gaps
            if tw < 24 and size != "small":
                continue
            rows = sum(max(ROWS[size], len(Text(render.clean(v.text)).wrap(self.app.console, tw)))
                       for v in views) + (len(views) - 1 if size != "small" else 0)
            if fixed + rows <= height or size == "small":
                return size, tw, cw, bw  # type: ignore[return-value]
        raise AssertionError("unreachable")

    def _options(self, views: list[Any], votes: dict[str, int], majority: str | None) -> Table:
        size, tw, cw, bw = self._layout(views, votes)
        top = max(votes.values(), default=0)
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=2, no_wrap=True)
        grid.add_column(width=3, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_column(width=cw, no_wrap=True)
        grid.add_column(width=bw, no_wrap=True)
        for i, v in enumerate(views):
            here = i == self.highlight
            # a style of its own, so that the text's wrapped lines are spans of their own
            # (an SVG screenshot drops the blank cells that lead a span)
            body = Text(render.clean(v.text), style="default" if v.enabled else "dim")
            if not v.enabled:
                body.append(f"  ({t('group.play.unavailable', self.lang)})", style="italic")
            n = votes.get(v.id, 0)
            lead = v.id == majority
            if i and size != "small":
                grid.add_row("", "", "", "", "")
            grid.add_row(Text("▶" if here else "", style="bold"),
                         Text(f" {v.number} ", style="bold reverse" if here else "bold"),
                         body,
                         big_number(n, size, style="bold" if lead else ("" if n else "dim"),
                                    width=cw),
                         thick_bar(n, top or 1, bw, size,
                                   style="bold yellow" if lead else "yellow"))
        return grid

    def _notes_text(self) -> Text:
        node = self.plenary.run.node
        text = Text(t("group.plen.notes", self.lang) + "\n", style="bold")
        if node.trainer_notes is not None:
            text.append(render.clean(node.trainer_notes.get(self.lang)))
        else:
            text.append(t("group.plen.no_notes", self.lang), style="italic")
        if node.thought is not None:
            who = self.plenary.run.scenario.thought_after(node.id, None)
            char = self.plenary.run.scenario.characters.get(who[1]) if who and who[1] else None
            head = (t("group.plen.thought_of", self.lang,
                      name=render.clean(char.name.get(self.lang)))
                    if char else t("group.plen.thought", self.lang))
            text.append("\n\n" + head + ": ", style="bold")
            text.append(render.clean(node.thought.get(self.lang)), style="italic")
        return text

    def _notes(self) -> None:
        self.query_one("#plen-notes").set_class(self.notes_shown, "-shown")
        self.query_one("#plen-notes-text", Static).update(self._notes_text())

    def on_resize(self) -> None:
        self.show()

    # -- votes and choices -----------------------------------------------------------------
    def _views(self) -> list[Any]:
        return [] if self.plenary.run.finished else self.plenary.run.choices(self.lang)

    def _safe(self, fn: Any) -> Any:
        try:
            return fn()
        except (PlenaryError, RunError) as err:
            self.notify(error_text(err, self.lang), severity="warning")
        except StoreError as err:
            self.notify(error_text(err, self.lang), severity="error", timeout=10)
        return None

    def _counted_here(self) -> list[str]:
        """The votes counted at this decision since it was on the screen, oldest first."""
        here = (self.plenary.current.run_id, self.plenary.decision_number)
        if self._counted_at != here:
            self._counted_at, self._counted = here, []
        return self._counted

    def action_vote(self, n: int) -> None:
        """One more vote for option ``n``; the highlight stays where the trainer put it."""
        views = self._views()
        if 1 <= n <= len(views) and views[n - 1].enabled:
            cid = views[n - 1].id
            if self._safe(lambda: self.plenary.add_vote(cid, 1)) is not None:
                self._counted_here().append(cid)
            self.show()

    def action_less(self) -> None:
        """Take the last vote counted off again (a miscount); with none counted on this
        screen (votes carried over, or a plenary continued), one off the highlighted option."""
        views = self._views()
        if not views:
            return
        counted = self._counted_here()
        cid = counted.pop() if counted else views[self.highlight].id
        self._safe(lambda: self.plenary.add_vote(cid, -1))
        self.show()

    def action_clear_votes(self) -> None:
        if self._views():
            self._safe(self.plenary.clear_votes)
            self._counted_here().clear()
            self.show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """At an ending, the keys for votes and choices leave the footer."""
        return not (action in ("follow", "pick") and self.plenary.run.finished)

    def action_scroll_story(self, direction: int) -> None:
        story = self.query_one("#plen-situation", VerticalScroll)
        (story.scroll_page_down if direction > 0 else story.scroll_page_up)()

    def action_move(self, delta: int) -> None:
        views = self._views()
        if views:
            self.highlight = (self.highlight + delta) % len(views)
            self.show()

    def action_follow(self) -> None:
        if not self._views():
            return
        m = self.plenary.majority()
        if m is None:
            key = "group.plen.no_votes" if not sum(self.plenary.votes_here().values()) else "group.plen.tie"
            self.notify(t(key, self.lang), severity="warning")
            return
        self._safe(lambda: self.plenary.choose(m))
        self.highlight = 0
        self.show()

    def action_pick(self) -> None:
        views = self._views()
        if views and views[self.highlight].enabled:
            cid = views[self.highlight].id
            self._safe(lambda: self.plenary.choose(cid))
            self.highlight = 0
            self.show()

    def action_notes(self) -> None:
        """Show or hide the notes; the counts and bars make room for them."""
        self.notes_shown = not self.notes_shown
        self.show()

    def action_bookmark(self) -> None:
        if self.plenary.run.finished:
            return
        on_ = self._safe(self.plenary.toggle_bookmark)
        if on_ is not None:
            self.notify(t("group.plen.bookmarked" if on_ else "group.plen.unbookmarked", self.lang,
                          n=self.plenary.decision_number))
            self.show()

    def action_go_back(self) -> None:
        def done(target: tuple[str, int] | None) -> None:
            if target is None:
                return
            branch = self._safe(lambda: self.plenary.go_back(*target))
            if branch is not None:
                self.notify(t("group.plen.forked", self.lang, n=target[1]))
                self.highlight = 0
                self.show()

        self.app.push_screen(GoBackScreen(self.plenary, self.lang), done)

    def action_leave(self) -> None:
        """Back to the app when opened from it; else quit (everything is saved)."""
        if isinstance(self.app, PlenaryApp):
            self.app.exit()
        else:
            self.app.pop_screen()

    def action_debrief(self) -> None:
        self.app.push_screen(PlenaryDebriefScreen(self.plenary, self.rubric, self.lang,
                                                  self.export_dir))


class GoBackScreen(ModalScreen[tuple[str, int] | None]):
    """Every decision made so far, on every branch; bookmarked ones starred."""

    CSS_PATH = CSS

    BINDINGS = [Binding("escape", "cancel", "group.key.back")]

    def __init__(self, plenary: Plenary, lang: str) -> None:
        super().__init__()
        self.plenary = plenary
        self.lang = lang
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="go-back"):
            yield Static(Text(t("group.plen.back_title", self.lang), style="bold"))
            yield Static(Text(t("group.plen.back_help", self.lang)), classes="dialog-text")
            yield OptionList(id="back-list")

    def on_mount(self) -> None:
        items: list[Option] = []
        marked: list[Option] = []
        for b in self.plenary.branches:
            for d in self.plenary.decisions(b, self.lang):
                if d.inherited or d.chosen is None:
                    continue
                chosen = next(o for o in d.options if o.chosen)
                label = Text("★ " if d.bookmarked else "  ", style="yellow")
                label.append(t("group.plen.back_item", self.lang, branch=b.number, n=d.seq,
                               prompt=render.one_line(d.prompt, 50),
                               choice=f"{chosen.number}"))
                option = Option(label, id=f"{b.run_id}:{d.seq}")
                (marked if d.bookmarked else items).append(option)
        lst = self.query_one("#back-list", OptionList)
        if not marked and not items:
            lst.add_option(Option(Text(t("group.plen.none_back", self.lang), style="italic"),
                                  disabled=True))
        else:
            lst.add_options(marked + items)
            lst.highlighted = 0
        lst.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            run_id, seq = event.option.id.rsplit(":", 1)
            self.dismiss((run_id, int(seq)))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PlenaryDebriefScreen(Screen[None]):
    """The path of every branch with the votes, how each ended, and the scores."""

    CSS_PATH = CSS

    BINDINGS = [
        Binding("m", "export_md", "group.key.export_md"),
        Binding("h", "export_html", "group.key.save_html"),
        Binding("escape", "back", "group.key.back"),
    ]

    def __init__(self, plenary: Plenary, rubric: Any, lang: str, export_dir: Path) -> None:
        super().__init__()
        self.plenary = plenary
        self.rubric = rubric
        self.names = names_for(rubric, lang)
        self.lang = lang
        self.export_dir = export_dir
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="plen-debrief"):
            yield Static(id="plen-debrief-text")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        from ..groupreport import plenary_text

        d = self.plenary.debrief(self.rubric, self.lang)
        self.title = render.one_line(t("group.plen.debrief", self.lang, scenario=d.title))
        self.query_one("#plen-debrief-text", Static).update(plenary_text(d, self.names))

    def _save(self, suffix: str, text: str) -> None:
        name = f"sovsim-plenair-{self.plenary.session.id}.{suffix}"
        try:
            self.export_dir.mkdir(parents=True, exist_ok=True)
            (self.export_dir / name).write_text(text, encoding="utf-8")
        except OSError as err:
            self.notify(t("group.not_saved", self.lang, reason=err.strerror or str(err)),
                        severity="error")
            return
        self.notify(t("group.saved_to", self.lang, path=shown_path((self.export_dir / name).resolve())),
                    timeout=12)

    def action_export_md(self) -> None:
        from ..groupreport import plenary_markdown

        self._save("md", plenary_markdown(self.plenary.debrief(self.rubric, self.lang), self.names))

    def action_export_html(self) -> None:
        from ..groupreport import plenary_html

        self._save("html", plenary_html(self.plenary.debrief(self.rubric, self.lang), self.names))

    def action_back(self) -> None:
        self.app.pop_screen()


class PlenaryApp(App[None]):
    """``sovsim group SCENARIO``."""

    TITLE = "sovsim"
    ENABLE_COMMAND_PALETTE = False  # Textual's own commands are English; every key is shown
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(self, plenary: Plenary, rubric: Any, *, lang: str = "nl",
                 export_dir: Path | None = None) -> None:
        super().__init__()
        self.plenary = plenary
        self.rubric = rubric
        self.lang = lang
        self.export_dir = export_dir

    def on_mount(self) -> None:
        self.push_screen(PlenaryScreen(self.plenary, self.rubric, lang=self.lang,
                                       export_dir=self.export_dir))
