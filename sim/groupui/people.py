"""The dashboard's participants list, drawn line by line.

With 3,000 trainees the list was one text of 3,000 lines that Textual laid out and
drew whole at every refresh (2 s of a frozen screen). :class:`ParticipantList` is a
Line API widget: giving it new figures costs a pass over the names, and only the rows
in view are ever rendered (and kept until the figures change or the width does).
Names are shown as plain text, never as markup, with control characters removed.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..group import ParticipantProgress
from . import render
from .strings import t

NAME_WIDTH = 18  # the name column's widest (longer names end in "…")


class ParticipantList(ScrollView, can_focus=True):
    """One row per participant: name, scenario (when the session has several), how far."""

    DEFAULT_CSS = """
    ParticipantList {
        overflow-x: hidden;
    }
    """

    def __init__(self, lang: str = "nl", *, id: str | None = None,  # noqa: A002
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lang = lang
        self.people: list[ParticipantProgress] = []
        self.names: list[str] = []  # as shown (anonymised when asked)
        self.titles: dict[str, str] = {}
        self.message: Text | None = Text(t("group.dash.loading", lang), style="italic")
        self._name_width = 0
        self._rows: LRUCache[tuple[int, int], Strip] = LRUCache(256)

    def set_people(self, people: list[ParticipantProgress], titles: dict[str, str],
                   join_code: str, *, anonymous: bool = False) -> None:
        """Show these participants (``anonymous``: as #1, #2, ... in this order)."""
        self.people = people
        self.titles = titles
        self.names = ([f"#{i}" for i in range(1, len(people) + 1)] if anonymous
                      else [render.one_line(p.name) for p in people])
        self._name_width = min(NAME_WIDTH, max(map(cell_len, self.names), default=0))
        self.message = None if people else Text(t("group.dash.nobody", self.lang,
                                                  code=join_code), style="italic")
        self._rows.clear()
        self._resize()
        self.refresh()

    def row_text(self, index: int, width: int) -> Text:
        """Row ``index`` as it is shown in ``width`` cells."""
        p = self.people[index]
        several = len(self.titles) > 1  # name the scenario only when there are several
        rest = max(0, width - self._name_width - 1)
        scenario_w = (rest - 1) // 3 if several else 0
        status_w = rest - scenario_w - (1 if several else 0)
        row = Text(no_wrap=True, end="")
        row.append(self._cell(Text(self.names[index], style="bold"), self._name_width, gap=1))
        status, scenario = render.person_status(p, self.titles, self.lang)
        if several:
            row.append(self._cell(Text(scenario), scenario_w, gap=1))
        row.append(self._cell(status, status_w))
        return row

    @staticmethod
    def _cell(text: Text, width: int, gap: int = 0) -> Text:
        """``text`` in exactly ``width`` cells (cut with "…"), then ``gap`` spaces in the
        same style (one segment: SVG renderers can drop a segment's leading space)."""
        text.truncate(width, overflow="ellipsis", pad=True)
        if gap:
            text.pad_right(gap)
        return text

    # -- the Line API ------------------------------------------------------------------
    def _lines(self, width: int) -> list[Text]:
        assert self.message is not None
        return list(self.message.wrap(self.app.console, max(1, width)))

    def _resize(self) -> None:
        width = self.scrollable_content_region.width
        height = len(self.people) if self.message is None else len(self._lines(width))
        self.virtual_size = Size(0, height)  # as wide as it is: rows are cut to fit

    def on_resize(self) -> None:
        self._rows.clear()
        self._resize()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self.rich_style
        key = (index, width)
        strip = self._rows.get(key)
        if strip is None:
            if self.message is not None:
                lines = self._lines(width)
                text = lines[index] if index < len(lines) else Text()
            elif index < len(self.people):
                text = self.row_text(index, width)
            else:
                return Strip.blank(width, base)
            text.stylize_before(base)
            strip = Strip(text.render(self.app.console), text.cell_len)
            strip = strip.crop_extend(0, width, base)
            self._rows[key] = strip
        return strip.apply_offsets(0, index)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rows.clear()
