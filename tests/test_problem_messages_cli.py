"""Problems where they are shown: the command line speaks the user's language (``--lang``,
else the saved setting, else Dutch); ``--json`` keeps English and adds the key and Dutch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sim.cli", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_validate_speaks_dutch_by_default_and_english_on_request() -> None:
    broken = "tests/broken/unknown-key.yaml"
    nl = cli("validate", broken)
    assert nl.returncode == 1
    assert ":26:9: fout: onbekende sleutel 'targt' in een keuze van knooppunt 'begin'; " \
           "bedoel je 'target'?" in nl.stdout
    assert ":20:9: fout: bij een keuze van knooppunt 'begin' ontbreekt 'target'" in nl.stdout
    assert "1 bestand gecontroleerd: 2 fouten, 0 waarschuwingen" in nl.stderr
    assert "error" not in nl.stdout
    en = cli("validate", broken, "--lang", "en")
    assert en.returncode == 1
    assert ":26:9: error: unknown key 'targt' in a choice of node 'begin'; did you mean " \
           "'target'?" in en.stdout
    assert "1 file checked: 2 errors, 0 warnings" in en.stderr


def test_validate_follows_the_saved_language(tmp_path: Path) -> None:
    from sim.store import DB_NAME, Store

    store = Store(tmp_path / DB_NAME)
    store.set_setting("lang", "en")
    store.close()
    out = cli("validate", "tests/broken/unknown-key.yaml", "--data-dir", str(tmp_path))
    assert ": error: unknown key" in out.stdout
    out = cli("validate", "tests/broken/unknown-key.yaml", "--data-dir", str(tmp_path),
              "--lang", "nl")
    assert ": fout: onbekende sleutel" in out.stdout


def test_play_lists_a_broken_files_problems_in_dutch() -> None:
    out = cli("play", "tests/broken/unknown-target.yaml", "--plain")
    assert out.returncode == 1
    assert "kan niet gespeeld worden; los eerst" in out.stderr
    assert "verwijst naar knooppunt" in out.stderr


def test_a_broken_rubric_is_reported_in_dutch() -> None:
    out = cli("validate", "docs/examples/stempas.yaml", "--rubric",
              "tests/rubrics/unknown-source.yaml")
    assert out.returncode == 1
    assert ": fout: onbekende bron" in out.stderr


def test_analyse_json_keeps_english_and_adds_the_key_and_dutch() -> None:
    out = cli("analyse", "tests/broken/unknown-target.yaml", "--json")
    report = json.loads(out.stdout)
    p = report["problems"][0]
    assert p["key"] == "load.node_unknown"
    assert "refers to node" in p["message"] and "error:" in p["text"]
    assert "verwijst naar knooppunt" in p["message_nl"] and "fout:" in p["text_nl"]
    text = cli("analyse", "tests/broken/unknown-target.yaml")
    assert "verwijst naar knooppunt" in text.stdout
