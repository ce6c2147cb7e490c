"""What every sovsim screen shares: translated texts and bindings, and a language switch."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import ModalScreen, Screen
from textual.widgets import Input

from ..localise import translate_bindings

if TYPE_CHECKING:
    from ..app import SovsimApp


class Localised:
    """Mixin: ``self.t`` in the app's language; bindings translated; recompose on a language change."""

    app: SovsimApp

    def t(self, key: str, /, **values: object) -> str:
        return self.app.t(key, **values)

    @property
    def lang(self) -> str:
        return self.app.lang

    def _localise(self) -> None:
        translate_bindings(self, self.app.lang)  # type: ignore[arg-type]

    def relocalise(self) -> None:
        """The language changed: translate bindings, rebuild the screen's content."""
        self._localise()
        self.refresh_titles()

        async def rebuild() -> None:
            await self.recompose()  # type: ignore[attr-defined]
            self.after_relocalise()
            self.refresh_bindings()  # type: ignore[attr-defined]

        self.call_later(rebuild)  # type: ignore[attr-defined]

    def after_relocalise(self) -> None:
        """Called once the screen has been rebuilt in the new language."""

    def refresh_titles(self) -> None:
        """Set ``title`` / ``sub_title`` for the header (override per screen)."""


class BaseScreen(Localised, Screen[Any]):
    def on_mount(self) -> None:
        self._localise()
        self.refresh_titles()
        self.refresh_bindings()
        # the footer subscribes to binding updates only once it is mounted itself, after
        # this: on a screen where nothing takes the focus (an empty results list) it would
        # otherwise never show its keys
        self.call_after_refresh(self.refresh_bindings)
        _no_blink(self)


class BaseModal(Localised, ModalScreen[Any]):
    def on_mount(self) -> None:
        self._localise()
        self.refresh_bindings()
        _no_blink(self)


def _no_blink(screen: Screen[Any]) -> None:
    """Steady text cursors when the app asks for them (snapshots)."""
    if not screen.app.options.blink:  # type: ignore[attr-defined]
        for widget in screen.query(Input):
            widget.cursor_blink = False
