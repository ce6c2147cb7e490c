"""The footer, in rows of two keys on a narrow window (a phone) instead of one row cut off."""

from __future__ import annotations

from math import ceil

from textual.app import ComposeResult
from textual.widgets import Footer

NARROW_COLUMNS = 2


class KeysFooter(Footer):
    """Textual's footer; while the app has the ``-narrow`` class (set on resize), its keys
    are laid out two to a row, as many rows as that takes, so none is cut off."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        if self.app.has_class("-narrow"):
            keys = self.styles.grid_size_columns or 1  # Textual sets one column per key
            self.styles.grid_size_columns = NARROW_COLUMNS
            self.styles.height = ceil(keys / NARROW_COLUMNS)
