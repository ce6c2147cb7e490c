"""The footer, in rows of three keys on a narrow window (a phone) instead of one row cut off."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

NARROW_COLUMNS = 3


class KeysFooter(Footer):
    """Textual's footer; while the app has the ``-narrow`` class (set on resize), its keys
    are laid out three to a row (app.tcss makes it two rows high), so none is cut off."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        if self.app.has_class("-narrow"):  # Textual sets one column per key above
            self.styles.grid_size_columns = NARROW_COLUMNS
