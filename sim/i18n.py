"""Every string of the user interface, in Dutch and English.

``CATALOG`` maps a key to its texts; :func:`t` looks one up and fills in
``{placeholders}``. Dutch is the default. Scenario and rubric text are not
here: they carry their own languages.
"""

from __future__ import annotations

from .text import DEFAULT_LANG, KNOWN_LANGS

LANGS = KNOWN_LANGS

CATALOG: dict[str, dict[str, str]] = {}


def _add(entries: dict[str, tuple[str, str]]) -> None:
    for key, (nl, en) in entries.items():
        if key in CATALOG:
            raise ValueError(f"duplicate i18n key {key!r}")
        CATALOG[key] = {"nl": nl, "en": en}


def has_key(key: str) -> bool:
    return key in CATALOG


def t(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """The text of ``key`` in ``lang`` (Dutch when missing), with ``values`` filled in."""
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


# The catalog itself lives in sim/i18n_catalog.py to keep this module short.
from . import i18n_catalog as _catalog  # noqa: E402

_add(_catalog.STRINGS)
