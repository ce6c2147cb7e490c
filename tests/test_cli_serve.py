"""``sovsim serve`` refusing clearly what it cannot do (the working server is tested with a
real browser in test_serve_browser.py)."""

from __future__ import annotations

import socket

from sim import sessions
from sim.commands.live import join_command
from sim.store import Store

from .clirun import sovsim
from .robustness.servekit import free_port


def test_serve_needs_an_open_session(tmp_path, example) -> None:  # noqa: ANN001
    res = sovsim("serve", "--data-dir", str(tmp_path))
    assert res.returncode == 2 and "no open live session" in res.stderr
    with Store(tmp_path) as store:
        a = sessions.create_session(store, [example], title="ochtend")
        sessions.create_session(store, [example])
        store.close_session(a.session.id)
    with Store(tmp_path) as store:
        sessions.create_session(store, [example])
    res = sovsim("serve", "--data-dir", str(tmp_path))
    assert res.returncode == 2 and "several open sessions" in res.stderr
    res = sovsim("serve", "--session", a.session.id, "--data-dir", str(tmp_path))
    assert res.returncode == 2 and "is closed" in res.stderr
    res = sovsim("serve", "--session", "zzz", "--data-dir", str(tmp_path))
    assert res.returncode == 2 and "no live session 'zzz'" in res.stderr


def test_serve_says_when_the_port_is_taken(tmp_path, example) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        made = sessions.create_session(store, [example])
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", free_port()))
        busy.listen()
        port = busy.getsockname()[1]
        res = sovsim("serve", "--port", str(port), "--session", made.session.id,
                     "--data-dir", str(tmp_path), timeout=60)
    assert res.returncode == 1, res.stdout + res.stderr
    assert f"cannot serve on 127.0.0.1:{port}" in res.stderr and "--port" in res.stderr
    assert "Traceback" not in res.stderr + res.stdout
    # the success banner is only printed once the port is really listening
    assert "serves session" not in res.stdout and "Join code" not in res.stdout, res.stdout


def test_each_tab_runs_the_join_app_with_shell_safe_arguments(tmp_path) -> None:  # noqa: ANN001
    odd = tmp_path / "map met spatie; rm -rf x"
    cmd = join_command("abc123", odd, "en", None)
    assert "'" + str(odd) + "'" in cmd and cmd.endswith("join --session abc123")
    assert "--lang en" in cmd
