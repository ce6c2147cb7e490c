"""Where the store puts its file."""

from __future__ import annotations

from pathlib import Path

from sim.store import DB_NAME, Store


def test_new_folder_gets_the_database_inside(tmp_path: Path) -> None:
    folder = tmp_path / "nieuw" / "data"
    with Store(folder) as st:
        assert st.path == folder / DB_NAME
    assert (folder / DB_NAME).is_file()


def test_explicit_db_file(tmp_path: Path) -> None:
    with Store(tmp_path / "mijn.db") as st:
        assert st.path == tmp_path / "mijn.db"
