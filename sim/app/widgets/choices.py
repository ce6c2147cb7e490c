"""The choices on offer, numbered: keys 1-9, arrows and Enter, or the mouse."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...engine import ChoiceView
from ...textsafe import clean


class ChoiceList(OptionList):
    """An OptionList whose options are a node's choices; disabled ones show why."""

    def set_choices(self, views: list[ChoiceView], unavailable: str) -> None:
        options = []
        for v in views:
            text = Text(clean(v.text))
            if not v.enabled:
                why = clean(v.reason) if v.reason else ""
                text.append(f"\n({unavailable}{': ' + why if why else ''})", style="italic")
            prompt = Table.grid(padding=(0, 1))  # the number hangs; wrapped lines align
            prompt.add_column(width=len(str(len(views))) + 1, no_wrap=True)
            prompt.add_column(ratio=1)
            prompt.add_row(Text(f"{v.number}.", style="bold"), text)
            options.append(Option(prompt, id=v.id, disabled=not v.enabled))
        self.set_options(options)
        first = next((i for i, v in enumerate(views) if v.enabled), None)
        self.highlighted = first
