"""The conversation so far: narration, speakers, the trainee's own choices, coach notes, the ending.

Scenario text is untrusted: it arrives cleaned (sim.transcript) and is shown only as
``rich.text.Text``, never parsed as markup. New lines appear one by one at a readable
pace (a key shows them all at once); a pace of zero shows them at once.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from ...transcript import Entry

SPEAKER_CLASSES = 4


class Line(Static):
    """One transcript entry."""

    DEFAULT_CSS = """
    Line { width: 1fr; height: auto; }
    """


class Transcript(VerticalScroll, can_focus=True):
    BINDINGS = [Binding("space", "skip", "key.skip", show=False),
                Binding("enter", "skip", "key.skip", show=False)]

    class Revealed(Message):
        """Every line is on screen."""

    def __init__(self, *, render: Callable[[Entry], tuple[Text, list[str], str | None]],
                 timing: tuple[float, float, float], id: str | None = None) -> None:
        super().__init__(id=id)
        self._entry_renderer = render
        self.timing = timing
        self._reveal_queue: list[Entry] = []
        self._reveal_timer: Timer | None = None
        self.shown: list[Entry] = []

    @property
    def revealing(self) -> bool:
        return bool(self._reveal_queue) or self._reveal_timer is not None

    def _widget(self, entry: Entry) -> Line:
        text, classes, title = self._entry_renderer(entry)
        line = Line(text, classes=" ".join(["line", *classes]))
        if title:
            line.border_title = title
        return line

    def reset(self, entries: list[Entry]) -> None:
        """Show exactly ``entries``, at once (resume, undo, language change)."""
        self._stop()
        self.remove_children()
        self.shown = list(entries)
        if entries:
            self.mount_all([self._widget(e) for e in entries])
        self.call_after_refresh(self.scroll_end, animate=False)
        self.post_message(self.Revealed())

    def add(self, entries: list[Entry], paced: bool = True) -> None:
        """Append ``entries``; at the reading pace unless ``paced`` is false or the pace is 0."""
        self._reveal_queue += entries
        if not paced or self.timing[0] <= 0:
            self.skip()
        elif self._reveal_timer is None:
            self._next()

    def skip(self) -> None:
        """Show everything still waiting, now."""
        self._stop()
        queued, self._reveal_queue = self._reveal_queue, []
        if queued:
            self.shown += queued
            self.mount_all([self._widget(e) for e in queued])
        self.call_after_refresh(self.scroll_end, animate=False)
        self.post_message(self.Revealed())

    def action_skip(self) -> None:
        if self.revealing:
            self.skip()

    def _stop(self) -> None:
        if self._reveal_timer is not None:
            self._reveal_timer.stop()
            self._reveal_timer = None

    def _next(self) -> None:
        self._reveal_timer = None
        if not self._reveal_queue:
            self.post_message(self.Revealed())
            return
        entry = self._reveal_queue.pop(0)
        self.shown.append(entry)
        self.mount(self._widget(entry))
        self.call_after_refresh(self.scroll_end, animate=False)
        if not self._reveal_queue:
            self.post_message(self.Revealed())
            return
        base, per_char, cap = self.timing
        delay = min(cap, base + per_char * len(entry.text))
        self._reveal_timer = self.set_timer(delay, self._next)
