"""A test play for authors: the play screen, never saved, optionally watching the scenario
file. Each save reloads the file and replays the choices made so far on the new version; a
save with errors shows them and the last good version plays on."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual.app import SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...errors import ScenarioError
from ...playthrough import Playthrough
from ...textsafe import clean, one_line, shown_path
from ...watch import FileWatch, Reload, reload
from ..widgets.transcript import Transcript
from .play import PlayScreen

POLL_SECONDS = 0.5
SHOW_PROBLEMS = 6


class AuthorPlayScreen(PlayScreen):
    """Play without saving; with ``watch``, reload the file whenever it is saved."""

    BINDINGS = [Binding("f2", "author", "key.author", show=False)]

    def __init__(self, pt: Playthrough, *, fresh: bool, watch: Path | None = None) -> None:
        super().__init__(pt, fresh=fresh)
        self.watch_path = watch
        self.watcher = FileWatch(watch) if watch is not None else None
        self.problems: list[ScenarioError] = []
        self.last: Reload | None = None

    # -- layout ------------------------------------------------------------------------
    def on_mount(self) -> None:
        # Textual calls PlayScreen.on_mount itself, after this one (handlers of every
        # class in the MRO): calling it here too showed the opening twice, interleaved
        self._add_panels()
        if self.watcher is not None:
            self.set_interval(POLL_SECONDS, self.check_file)

    def after_relocalise(self) -> None:
        self._add_panels()
        super().after_relocalise()
        self._show_problems()

    def _add_panels(self) -> None:
        left = self.query_one("#play-left")
        if not self.query("#test-bar"):
            left.mount(Static(id="test-bar"), before=0)
            left.mount(VerticalScroll(Static(id="watch-problems-text"), id="watch-problems"),
                       before="#play-hint")
        self.query_one("#watch-problems").display = bool(self.problems)

    def _update_status(self) -> None:
        super()._update_status()
        if not self.is_mounted or not self.query("#test-bar"):
            return
        if self.watch_path is not None:
            bar = self.t("test.bar.watch", file=shown_path(self.watch_path.name))
        else:
            bar = self.t("test.bar")
        self.query_one("#test-bar", Static).update(Text(bar))

    def _attach_store(self) -> None:
        """A test play is never saved: it would mix with the trainee's own results."""
        self.pt.detach()
        self._update_status()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield from super().palette_commands()
        yield SystemCommand(self.t("cmd.author"), self.t("cmd.author.help"), self.action_author)

    def action_author(self) -> None:
        """Back to the author view this play came from, else open it."""
        from .author import AuthorScreen

        stack = self.app.screen_stack
        if len(stack) > 1 and isinstance(stack[-2], AuthorScreen):
            self.app.pop_screen()
        else:
            self.app.show_author(self.pt.scenario, self.watch_path)

    # -- watching ----------------------------------------------------------------------
    def check_file(self) -> Reload | None:
        """Reload the file when it was saved with new content; what happened, or None."""
        if self.watcher is None or self.watch_path is None or not self.watcher.changed():
            return None
        run = self.pt.run
        snap = run.snapshot()
        result = reload(self.watch_path, self.app.dimensions(),
                        [s.choice for s in run.history], snap["start"], snap["start_values"])
        self.last = result
        if result.scenario is None or result.replay is None:
            self.problems = result.problems
            self._show_problems()
            self.notify(self.t("watch.broken", n=len(result.problems)), severity="error",
                        timeout=6)
            return result
        self.problems = []
        self._show_problems()
        tr = self.query_one(Transcript)
        if tr.revealing:
            tr.skip()
        self.pt = Playthrough(result.scenario, result.replay.run, mode=self.pt.mode,
                              lang=self.lang)
        self.refresh_titles()
        self._show_all(paced=False)
        self._update_status()
        rp = result.replay
        if rp.complete:
            self.notify(self.t("watch.reloaded", n=rp.replayed, total=rp.wanted), timeout=4)
        else:
            why = self.t(f"watch.why.{rp.why}", choice=rp.choice, node=rp.node,
                         detail=one_line(rp.detail))
            self.notify(self.t("watch.replay_stopped", n=rp.replayed + 1, total=rp.wanted,
                               why=why), severity="warning", timeout=10)
        return result

    def _show_problems(self) -> None:
        if not self.query("#watch-problems"):
            return
        panel = self.query_one("#watch-problems")
        panel.display = bool(self.problems)
        if not self.problems:
            return
        text = Text(self.t("watch.broken_head", n=len(self.problems)), style="bold")
        for p in self.problems[:SHOW_PROBLEMS]:
            where = (self.t("problems.where", line=p.line, column=p.column) if p.line
                     else self.t("problems.whole_file"))
            text.append("\n" + where + ": ", style="bold")
            text.append(clean(p.text(self.lang)))
        if len(self.problems) > SHOW_PROBLEMS:
            text.append("\n" + self.t("watch.more", n=len(self.problems) - SHOW_PROBLEMS))
        self.query_one("#watch-problems-text", Static).update(text)
