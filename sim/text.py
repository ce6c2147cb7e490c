"""Localised text: a plain string for every language, or one string per language."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LANG = "nl"
KNOWN_LANGS = ("nl", "en")


@dataclass(frozen=True, slots=True)
class Text:
    """A text in one or more languages. ``plain`` is used for every language."""

    values: tuple[tuple[str, str], ...] = ()
    plain: str | None = None

    @classmethod
    def of(cls, value: str | dict[str, str]) -> Text:
        if isinstance(value, str):
            return cls(plain=value)
        return cls(values=tuple(sorted(value.items())))

    def get(self, lang: str = DEFAULT_LANG) -> str:
        """The text in ``lang``, falling back to Dutch, then to any language."""
        if self.plain is not None:
            return self.plain
        table = dict(self.values)
        for key in (lang, DEFAULT_LANG):
            if key in table:
                return table[key]
        return next(iter(table.values()), "")

    def has(self, lang: str) -> bool:
        return self.plain is not None or any(k == lang for k, _ in self.values)

    def to_data(self) -> str | dict[str, str]:
        return self.plain if self.plain is not None else dict(self.values)

    def __str__(self) -> str:
        return self.get()


EMPTY = Text(plain="")
