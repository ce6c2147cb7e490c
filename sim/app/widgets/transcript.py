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
from textual.widget import AwaitMount
from textual.widgets import Static

from ...transcript import Entry

SPEAKER_CLASSES = 4
# Line widgets kept on screen; beyond MAX_LINES the oldest are folded into one text, down to
# KEEP_LINES, so a choice costs the same however long the conversation has been (Textual's
# layout is linear in the number of widgets: 200 choices in, a choice took 200 ms, not 50).
MAX_LINES = 40
KEEP_LINES = 24


class Line(Static):
    """One transcript entry."""

    DEFAULT_CSS = """
    Line { width: 1fr; height: auto; }
    """


class Earlier(Static):
    """The oldest entries of a long transcript, as one text (scroll up to read them)."""

    DEFAULT_CSS = """
    Earlier { width: 1fr; height: auto; margin-bottom: 1; color: $text-muted; }
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
        self._top: Line | None = None  # the first line shown at once by a skip
        self.shown: list[Entry] = []
        self._folded = 0  # how many of ``shown`` are folded into the Earlier text

    @property
    def revealing(self) -> bool:
        return bool(self._reveal_queue) or self._reveal_timer is not None

    def _widget(self, entry: Entry) -> Line:
        text, classes, title = self._entry_renderer(entry)
        line = Line(text, classes=" ".join(["line", *classes]))
        if title:
            line.border_title = title
        return line

    def _earlier(self) -> Earlier:
        text = Text()
        for i, e in enumerate(self.shown[:self._folded]):
            body, _, title = self._entry_renderer(e)
            if i:
                text.append("\n\n")
            if title:
                text.append(title + "\n", style="bold")
            text.append_text(body)
        return Earlier(text)

    def _fold(self) -> None:
        """Fold the oldest lines into the Earlier text when there are more than MAX_LINES."""
        lines = list(self.query_children(Line))
        if len(lines) <= MAX_LINES:
            return
        old = lines[:len(lines) - KEEP_LINES]
        self._folded += len(old)
        for widget in self.query_children(Earlier):
            widget.remove()
        self.remove_children(old)
        self.mount(self._earlier(), before=0)

    def reset(self, entries: list[Entry]) -> None:
        """Show exactly ``entries``, at once (resume, undo, language change)."""
        self._stop()
        self._top = None
        self.remove_children()
        self.shown = list(entries)
        self._folded = len(entries) - KEEP_LINES if len(entries) > MAX_LINES else 0
        widgets: list[Static] = [self._earlier()] if self._folded else []
        widgets += [self._widget(e) for e in entries[self._folded:]]
        if widgets:
            self.mount_all(widgets)
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
        """Show everything still waiting, now, scrolled so the first of it is in view."""
        self._stop()
        queued, self._reveal_queue = self._reveal_queue, []
        if queued:
            self.shown += queued
            widgets = [self._widget(e) for e in queued]
            self.call_later(self._scroll_after, self.mount_all(widgets), widgets[0])
        self.post_message(self.Revealed())

    async def _scroll_after(self, mounted: AwaitMount, first: Line) -> None:
        await mounted
        self._fold()
        self._top = first
        self.settle()

    def settle(self) -> None:
        """Once the layout around the transcript changed: scroll to the first unread line."""
        self.call_after_refresh(self._show_from)

    def _show_from(self) -> None:
        """Scroll so the first unread line is at the top, or as far down as the text goes."""
        first = self._top
        if first is None or not first.is_mounted:
            self.scroll_end(animate=False)
            return
        self.scroll_to(y=min(first.virtual_region.y, self.max_scroll_y), animate=False)

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
        self._top = None
        self.shown.append(entry)
        self.mount(self._widget(entry))
        self.call_after_refresh(self._fold)
        self.call_after_refresh(self.scroll_end, animate=False)
        if not self._reveal_queue:
            self.post_message(self.Revealed())
            return
        base, per_char, cap = self.timing
        delay = min(cap, base + per_char * len(entry.text))
        self._reveal_timer = self.set_timer(delay, self._next)
