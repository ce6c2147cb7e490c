"""``sovsim play`` for authors (--watch, --at, --set) and ``sovsim author``: wrong use is a
short message and exit 2; a broken file lists its problems and exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from .clirun import sovsim
from .conftest import EXAMPLE


@pytest.mark.parametrize(("args", "message"), [
    (["--set", "spaning=3"], "--set spaning=3: 'stempas' has no variable 'spaning'; did you mean 'spanning'?"),
    (["--set", "spanning=hoog"], "--set spanning=hoog: 'spanning' is a number, not 'hoog'"),
    (["--set", "vastgelegd=ja"], "--set vastgelegd=ja: 'vastgelegd' is true or false, not 'ja'"),
    (["--set", "spanning"], "--set takes NAME=VALUE, such as --set spanning=8 (not 'spanning')"),
    (["--at", "reaktie"], "--at reaktie: 'stempas' has no node 'reaktie'; did you mean 'reactie'?"),
    (["--watch", "--plain"], "--watch reloads the scenario in the app; leave out --plain and --choices"),
    (["--watch", "--choices", "1,1"], "--watch reloads the scenario in the app; leave out --plain and --choices"),
])
def test_wrong_author_options_exit_2(args: list[str], message: str) -> None:
    r = sovsim("play", str(EXAMPLE), *args)
    assert r.returncode == 2
    assert r.stderr.strip() == f"sovsim: {message}"


def test_choices_from_a_chosen_node_and_state() -> None:
    r = sovsim("play", str(EXAMPLE), "--at", "reactie", "--set", "vastgelegd=true",
               "--set", "spanning=2", "--choices", "3")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[3].startswith("Ruud: Jullie luisteren nooit.")
    assert "Ruud legt zijn stempas op de balie" not in r.stdout  # started at 'reactie'
    assert "Hm. Goed. Donderdag dan." in r.stdout


def test_plain_test_play_is_not_saved(tmp_path: Path) -> None:
    r = sovsim("--data-dir", str(tmp_path), "play", str(EXAMPLE), "--plain", "--at", "boos",
               input="1\n")
    assert r.returncode == 0, r.stderr
    assert "Dit is precies het probleem!" in r.stdout
    from sim.store import Store

    with Store(tmp_path) as store:
        assert store.runs(limit=10) == []


def test_author_on_a_broken_file_lists_its_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text().replace("target: reactie", "target: reaktie", 1))
    r = sovsim("author", str(bad))
    assert r.returncode == 1
    assert "verwijst naar knooppunt 'reaktie', dat niet bestaat; bedoel je 'reactie'?" in r.stderr
    r = sovsim("--lang", "en", "author", str(bad))
    assert "refers to node 'reaktie', which does not exist; did you mean 'reactie'?" in r.stderr
    assert sovsim("author", "no/such.yaml").returncode == 2
    assert "usage: sovsim author" in sovsim("author", "--help").stdout
