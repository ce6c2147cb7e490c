"""The conversation so far: narration, speakers, the trainee's own choices, coach notes, the ending.

Scenario text is untrusted: it arrives cleaned (sim.transcript) and is shown only as
``rich.text.Text``, never parsed as markup. New lines appear one by one at a readable
pace (a key shows them all at once); a pace of zero shows them at once.

The transcript is one widget drawn line by line (Textual's Line API), not a widget per
entry: a choice then costs one layout of the screen whatever the length of the
conversation, and only the lines in view are drawn. Each entry is rendered once per width
into strips; the frames around speakers, the trainee's lines, coach notes and the ending
are drawn here, coloured by the component classes below (styled in app.tcss).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from ...transcript import Entry

SPEAKER_CLASSES = 4

# (top-left, horizontal, top-right, vertical, bottom-left, bottom-right) of a framed entry
ROUND = ("╭", "─", "╮", "│", "╰", "╯")
DOUBLE = ("╔", "═", "╗", "║", "╚", "╝")
BAR = "▌"


class Transcript(ScrollView, can_focus=True):
    """The transcript: entries one below the other, a blank line between them (a coach note
    hangs right below the choice it is about)."""

    BINDINGS = [Binding("space", "skip", "key.skip", show=False),
                Binding("enter", "skip", "key.skip", show=False)]

    COMPONENT_CLASSES = {
        "transcript--narration", "transcript--you", "transcript--coach",
        "transcript--coach-title", "transcript--ending", "transcript--ending-title",
        *(f"transcript--speaker-{i}" for i in range(SPEAKER_CLASSES)),
    }

    DEFAULT_CSS = """
    Transcript { scrollbar-gutter: stable; }
    Transcript > .transcript--narration { color: $text-muted; }
    Transcript > .transcript--speaker-0 { color: $secondary; }
    Transcript > .transcript--speaker-1 { color: $warning; }
    Transcript > .transcript--speaker-2 { color: $error; }
    Transcript > .transcript--speaker-3 { color: $success; }
    Transcript > .transcript--you { color: $accent; }
    Transcript > .transcript--coach { color: $success; }
    Transcript > .transcript--coach-title { color: $success; text-style: bold; }
    Transcript > .transcript--ending { color: $primary; }
    Transcript > .transcript--ending-title { color: $primary; text-style: bold; }
    """

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
        # the rendering: the width it is for, its lines, where each entry starts in them
        self._width = 0
        self._starts: list[int] = []
        self._rendered_palette: tuple[Style, ...] = ()
        self._placed: int | None = None  # where settle() put the first unread line
        self._lines: list[Strip] = []
        self._unread = 0  # the first entry not yet read: scrolled to the top when shown at once

    @property
    def revealing(self) -> bool:
        return bool(self._reveal_queue) or self._reveal_timer is not None

    def text(self) -> str:
        """Every line of the transcript as plain text (for tests and copying)."""
        return "\n".join(s.text.rstrip() for s in self._lines)

    # -- showing entries ---------------------------------------------------------------
    def reset(self, entries: list[Entry]) -> None:
        """Show exactly ``entries``, at once (resume, undo, language change)."""
        self._stop()
        self._reveal_queue = []  # lines still waiting belong to what is replaced
        self.shown = list(entries)
        self._unread = len(entries)
        self._starts, self._lines = [], []
        self._append(self.shown)
        self.settle()  # nothing unread: the end
        self.post_message(self.Revealed())

    def add(self, entries: list[Entry], paced: bool = True) -> bool:
        """Append ``entries``; at the reading pace unless ``paced`` is false or the pace is 0.

        True when every entry is on screen at once: then no Revealed message follows, and
        the caller updates what goes with it in the same screen update (one frame, not two).
        """
        self._reveal_queue += entries
        if not paced or self.timing[0] <= 0:
            self.skip(notify=False)
            return True
        if self._reveal_timer is None:
            self._next()
        return False

    def skip(self, notify: bool = True) -> None:
        """Show everything still waiting, now, scrolled so the first of it is in view."""
        self._stop()
        queued, self._reveal_queue = self._reveal_queue, []
        if queued:
            self._unread = len(self.shown)
            self.shown += queued
            self._append(queued)
            self.settle()
        if notify:
            self.post_message(self.Revealed())

    def settle(self) -> None:
        """Scroll so the first unread entry is at the top, or to the end when all of it fits.

        The end is kept by anchoring, which Textual applies while it lays out the screen,
        so it holds when the choices below change the transcript's height. A first unread
        line put at the top is put there again after such a layout (see _size_updated),
        unless the trainee has scrolled since."""
        self._placed = None
        if not self._width or self._unread >= len(self._starts):
            self.anchor()
            return
        first = self._starts[self._unread]
        if len(self._lines) - first <= self.scrollable_content_region.height:
            self.anchor()
        else:
            self.anchor(False)
            # (forced: until this layout there may have been nothing to scroll)
            self.scroll_to(y=first, animate=False, force=True)
            self._placed = round(self.scroll_y)

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
        self._unread = len(self.shown)
        self._append([entry])
        self.settle()  # read as it appears: the end
        if not self._reveal_queue:
            self.post_message(self.Revealed())
            return
        base, per_char, cap = self.timing
        delay = min(cap, base + per_char * len(entry.text))
        self._reveal_timer = self.set_timer(delay, self._next)

    # -- rendering ---------------------------------------------------------------------
    def _append(self, entries: list[Entry]) -> None:
        if self._width:
            for entry in entries:
                block = self._block(entry, self._width)
                if self._lines and entry.kind != "coach":  # a coach note hangs below its choice
                    self._lines.append(Strip.blank(self._width))
                self._starts.append(len(self._lines))
                self._lines += block
        self.virtual_size = Size(self._width, len(self._lines))
        self.refresh()

    def redraw(self, entry: Entry) -> None:
        """Render one shown entry again (its look depends on something else now), keeping
        the lines of the others."""
        index = next((i for i, e in enumerate(self.shown) if e is entry), None)
        if index is None or not self._width or index >= len(self._starts):
            return
        start = self._starts[index]
        if index + 1 < len(self._starts):
            nxt = self.shown[index + 1]
            end = self._starts[index + 1] - (0 if nxt.kind == "coach" else 1)
        else:
            end = len(self._lines)
        block = self._block(entry, self._width)
        self._lines[start:end] = block
        shift = len(block) - (end - start)
        for i in range(index + 1, len(self._starts)):
            self._starts[i] += shift
        self.virtual_size = Size(self._width, len(self._lines))
        self.refresh()

    def _rerender(self) -> None:
        """Render every entry again (a new width or new colours)."""
        self._width = self.scrollable_content_region.width
        self._rendered_palette = self._palette()
        self._starts, self._lines = [], []
        self._append(self.shown)

    def on_resize(self) -> None:
        """A new width wraps every entry again; someone reading back keeps their place."""
        if self.scrollable_content_region.width == self._width:
            return
        reading = self._anchor_released and bool(self._starts)
        top = bisect_right(self._starts, int(self.scroll_y)) - 1 if reading else 0
        self._rerender()
        if reading and self._starts:
            self.scroll_to(y=self._starts[max(0, top)], animate=False)
        elif not self._anchored or self._unread < len(self.shown):
            self.settle()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        """After a layout: draw the scrollbar in the frame being drawn, not one frame later.

        Textual lays the scrollbar out anew but repaints it only on the next screen update,
        at least 1/60 s later; every choice moves it, so every choice cost a second frame.
        The layout that calls this draws its frame right after, so the scrollbar's dirty
        region is handed to that frame here. (Textual internals, pinned in pyproject.)"""
        placed = self._placed is not None and round(self.scroll_y) == self._placed
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if placed and resized:
            self.settle()  # a new height: the first unread line at the top again, or the end
        bar = self._vertical_scrollbar
        if bar is not None and bar._repaint_required and self.is_mounted:
            bar._repaint_required = False
            self.screen._compositor.update_widgets({bar})
        return resized

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self._width:  # the component classes are restyled after this widget
            self.call_later(self._recolour)

    def _palette(self) -> tuple[Style, ...]:
        return tuple(self._style(name.removeprefix("transcript--"))
                     for name in sorted(self.COMPONENT_CLASSES))

    def _recolour(self) -> None:
        """After a theme change: draw again with the new colours (not on a focus change)."""
        if self._width and self._palette() != self._rendered_palette:
            self._rerender()

    def _style(self, name: str) -> Style:
        """A component class's colour and text style, on the widget's own background."""
        full = self.get_component_rich_style(f"transcript--{name}")
        return Style(color=full.color, bold=full.bold, italic=full.italic)

    def _block(self, entry: Entry, width: int) -> list[Strip]:
        """One entry's lines at ``width``, its frame included."""
        text, classes, title = self._entry_renderer(entry)
        kind = classes[0] if classes else "narration"
        if width < 16:  # too narrow for frames: the text alone
            lines = self._wrap(text, width)
        elif kind == "speech":
            speaker = next((c for c in classes if c.startswith("speaker-")), "speaker-0")
            lines = self._barred(text, width, 0, self._style(speaker))
        elif kind == "you":
            lines = self._barred(text, width, 6, self._style("you"))
        elif kind == "coach":
            lines = self._framed(text, width, 2, ROUND, title, "coach")
        elif kind == "coach-line":  # a coach note in one line (its full text is elsewhere)
            lines = self._barred(text, width, 6, self._style("coach"))
        elif kind == "ending":
            lines = self._framed(text, width, 0, DOUBLE, title, "ending")
        else:
            lines = self._wrap(text, width, self._style("narration"))
        return lines

    def _wrap(self, text: Text, width: int, style: Style | None = None) -> list[Strip]:
        console = self.app.console
        options = console.options.update_width(max(1, width))
        rendered = console.render_lines(text, options, style=style, pad=True)
        return [Strip(line, width) for line in rendered]

    def _barred(self, text: Text, width: int, indent: int, bar: Style) -> list[Strip]:
        """``indent`` spaces, a coloured bar, a space, the text."""
        lead = [Segment(" " * indent)] if indent else []
        lead += [Segment(BAR, bar), Segment(" ")]
        return [Strip([*lead, *line], width)
                for line in self._wrap(text, width - indent - 2)]

    def _framed(self, text: Text, width: int, indent: int, chars: tuple[str, ...],
                title: str | None, name: str) -> list[Strip]:
        """A box ``indent`` from the left, its title in the top edge."""
        tl, h, tr, v, bl, br = chars
        frame = self._style(name)
        inner = width - indent - 2  # inside the two edges
        lead = [Segment(" " * indent)] if indent else []
        top = [*lead, Segment(tl + h, frame)]
        label = f" {title} " if title else ""
        label = label[:max(0, inner - 2)]
        if label:
            top.append(Segment(label, self._style(f"{name}-title")))
        top.append(Segment(h * max(0, inner - 1 - len(label)) + tr, frame))
        out = [Strip(top, width)]
        for line in self._wrap(text, inner - 2):
            out.append(Strip([*lead, Segment(v + " ", frame), *line, Segment(" " + v, frame)],
                             width))
        out.append(Strip([*lead, Segment(bl + h * inner + br, frame)], width))
        return out

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = scroll_y + y
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._lines[index].crop_extend(scroll_x, scroll_x + width, None)
        return strip.apply_style(self.rich_style)
