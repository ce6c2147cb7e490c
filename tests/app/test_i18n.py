"""Every UI string exists in Dutch and English, with the same placeholders; every key used exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from sim.i18n import CATALOG, t

ROOT = Path(__file__).resolve().parents[2]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_key_in_both_languages_with_same_placeholders(key: str) -> None:
    entry = CATALOG[key]
    assert set(entry) == {"nl", "en"}
    assert entry["nl"].strip() and entry["en"].strip()
    assert fields(entry["nl"]) == fields(entry["en"]), key


def used_keys() -> set[str]:
    """Literal keys passed to t(...) or used as binding descriptions anywhere in sim/."""
    found: set[str] = set()
    pattern = re.compile(r"""["']((?:key|cmd|home|library|play|pause|dossier|glossary|settings|
        help|problems|results|debrief|plain|store|resume|mode|lang|theme|pace|difficulty|
        dialog|dim|outcome|quit|palette)\.[a-z0-9_.]+)["']""", re.X)
    for path in (ROOT / "sim").rglob("*.py"):
        if path.name == "i18n_catalog.py":
            continue
        found |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_key_used_in_the_code_exists() -> None:
    keys = used_keys()
    assert len(keys) > 100
    missing = sorted(k for k in keys if k not in CATALOG and not k.endswith((".", ".yaml")))
    assert missing == []


def test_formatted_keys_built_at_run_time_exist() -> None:
    from sim.app.themes import THEME_KEYS

    for mode in ("coach", "assessment"):
        for suffix in ("", ".short", ".button", ".explain", ".tag"):
            assert f"mode.{mode}{suffix}" in CATALOG
    for group in (("lang", ("nl", "en")), ("pace", ("normal", "fast", "off")),
                  ("difficulty", ("1", "2", "3")), ("problems", ("error", "warning")),
                  ("dim", ("verbinding", "begrip", "zakelijk", "rechtmatig", "helder", "grenzen",
                           "veiligheid")),
                  ("outcome", ("partner", "contact_broken", "escalation", "gave_in", "open",
                               "abandoned"))):
        for value in group[1]:
            assert f"{group[0]}.{value}" in CATALOG
    assert set(THEME_KEYS.values()) <= set(CATALOG)


def test_t_fills_in_and_defaults_to_dutch() -> None:
    assert t("play.progress", "en", n=2, total="3–5") == "Choice 2 · 3–5 choices in all"
    assert t("play.progress", n=2, total="3") == "Keuze 2 · in totaal 3 keuzes"
    assert t("no.such.key", "en") == "no.such.key"
