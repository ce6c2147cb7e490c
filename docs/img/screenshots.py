"""Make the screenshots of docs/trainers.md: the real screens, served with textual-serve
and photographed in headless chromium (Playwright). Run from the repository root:

    python docs/img/screenshots.py

Needs Debian's chromium at /usr/bin/chromium and ``pip install playwright``. Uses a
throw-away data folder with a demo session; nothing is sent anywhere (loopback only).
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from sim import sessions  # noqa: E402
from sim.loader import load_scenario  # noqa: E402
from sim.plenary import Plenary  # noqa: E402
from sim.store import Store  # noqa: E402
from tests.groupkit import STEMPAS_PATHS, play  # noqa: E402

EXAMPLE = ROOT / "docs" / "examples" / "stempas.yaml"
JOIN, TRAINER, SESSION = "K7FM2Q", "TRAINER234", "demo0001"
DEBRIEF_LINES = 26  # down to the key moments, with the group's choices below them


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(command: str, port: int) -> subprocess.Popen[bytes]:
    code = ("from textual_serve.server import Server; "
            f"Server({command!r}, host='127.0.0.1', port={port}).serve()")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        time.sleep(0.1)
    raise RuntimeError("server did not start")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main() -> None:
    from playwright.sync_api import sync_playwright

    data = Path(tempfile.mkdtemp(prefix="sovsim-shots-"))
    scenario = load_scenario(EXAMPLE)
    with Store(data) as store:
        store.create_session(kind="live", scenarios=[sessions.scenario_ref(scenario)],
                             title="Cursusdag Soevereinen", join_code=JOIN,
                             trainer_hash=sessions.hash_code(TRAINER), session_id=SESSION)
        for name, path in [("Anna", "A"), ("Bram", "B"), ("Chris", "C"), ("Dewi", "D"),
                           ("Eva", "E"), ("Fatma", "A"), ("Gijs", "G"), ("Hanna", "A"),
                           ("Ilse", "D"), ("Jeroen", "B"), ("Karin", "G")]:
            trainee = sessions.join(store, JOIN, name)
            play(trainee, scenario, STEMPAS_PATHS[path])
            trainee.leave()
        trainee = sessions.join(store, JOIN, "Lotte")
        play(trainee, scenario, ["rustig-uitleggen"])
        trainee.leave()
        plenary = Plenary.create(store, scenario, title="Plenair")
        plenary.add_vote("rustig-uitleggen", 9)
        plenary.add_vote("discussie", 4)
        plenary.add_vote("tekenen", 2)
        plenary.follow_majority()
        plenary.add_vote("grief-erkennen", 6)
        plenary.add_vote("volgende", 3)
        plenary.add_vote("terug-naar-zaak", 4)
    py = shlex.quote(sys.executable)
    base = f"{py} -m sim.cli --data-dir {shlex.quote(str(data))} --lang nl"
    shots = {
        "join": f"{base} join --session {SESSION}",
        "dashboard": f"{base} dashboard {SESSION} --trainer-code {TRAINER}",
        "plenary": f"{base} group {shlex.quote(str(EXAMPLE))} --session {plenary.session.id}",
    }
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-background-networking"])
        for name, command in shots.items():
            port = free_port()
            proc = serve(command, port)
            try:
                page = browser.new_page(viewport={"width": 1220, "height": 830})
                page.goto(f"http://127.0.0.1:{port}/?fontsize=15")
                page.wait_for_function("document.body.classList.contains('-first-byte')")
                time.sleep(2.5)
                page.focus("textarea.xterm-helper-textarea")
                if name == "join":
                    page.screenshot(path=str(OUT / "join.png"))
                    for text in ("k7f-m2q", "Lotte"):
                        page.keyboard.type(text, delay=40)
                        page.keyboard.press("Enter")
                        time.sleep(0.8)
                    page.screenshot(path=str(OUT / "join-home.png"))
                    page.keyboard.press("Enter")  # Lotte goes on where she was: no pacing
                    time.sleep(2.0)
                    page.screenshot(path=str(OUT / "join-play.png"))
                elif name == "dashboard":
                    time.sleep(1.0)
                    page.screenshot(path=str(OUT / "dashboard.png"))
                else:
                    page.keyboard.press("n")
                    time.sleep(0.8)
                    page.screenshot(path=str(OUT / "plenary.png"))
                    # follow the majority, then go back to decision 2 and take option 2
                    for key in ("n", "Enter", "g", "ArrowDown", "Enter", "ArrowDown", "k", "d"):
                        page.keyboard.press(key)
                        time.sleep(0.4)
                    time.sleep(6.0)  # the notification fades
                    page.screenshot(path=str(OUT / "plenary-debrief.png"))
                page.close()
            finally:
                stop(proc)
        # the trainee's debrief once the session is closed
        with Store(data) as store:
            store.close_session(SESSION)
        port = free_port()
        proc = serve(shots["join"], port)
        try:
            page = browser.new_page(viewport={"width": 1220, "height": 830})
            page.goto(f"http://127.0.0.1:{port}/?fontsize=15")
            page.wait_for_function("document.body.classList.contains('-first-byte')")
            time.sleep(2.5)
            page.focus("textarea.xterm-helper-textarea")
            for text in ("K7F-M2Q", "Dewi"):
                page.keyboard.type(text, delay=40)
                page.keyboard.press("Enter")
                time.sleep(0.8)
            page.keyboard.press("Enter")  # her finished run: the debrief
            time.sleep(2.0)
            for _ in range(DEBRIEF_LINES):
                page.keyboard.press("ArrowDown")
                time.sleep(0.05)
            time.sleep(0.8)
            page.screenshot(path=str(OUT / "join-debrief-group.png"))
            page.close()
        finally:
            stop(proc)
        browser.close()
    print("screenshots written to", OUT)


if __name__ == "__main__":
    main()
