"""Text from a file is shown as text: never read as Rich/Textual markup, never passed to a
terminal as escape sequences. Proved in the app (what Pilot renders, toasts included), in a
real pseudo-terminal (every byte the app writes), in plain mode and in the reports."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sim.store import Store
from tests.app.conftest import aio, make_app
from tests.clirun import sovsim

from . import terminal
from .helpers import CORPUS, screen_text, toasts

MARKUP = CORPUS / "scenarios" / "markup.yaml"
ESCAPES = CORPUS / "scenarios" / "escapes.yaml"

# markup that must appear literally (each without spaces, so a line break cannot split it)
LITERAL = ["[b]Vet[/b]", "[link=https://example.invalid]klik[/link]", "[b]Rol[/b]",
           "[@click=app.bell]Plek[/]", "[b]Kees[/b]:", "[b]vet[/b]", "[@click=app.quit]stop[/]",
           "[italic]schuin[/italic]", "[$accent]accent[/]", ":smiley:", "[b]Keuze[/b]",
           "[b]Meter[/b]"]
# what escape sequences carried: none of it may reach the screen or a file
PAYLOADS = ["\x1b", "\x9b", "\x07", "\u202e", "PWNED-TITLE", "UFdORUQtQ0xJUA", "544e",
            "#0;2;0;0;0", "8;;https"]


def no_payload(text: str) -> None:
    found = [p for p in PAYLOADS if p in text]
    assert not found, f"escape sequence content got through: {found}"


def env(tmp_path: Path) -> dict[str, str]:
    return {"SOVSIM_DATA_DIR": str(tmp_path / "data"), "SOVSIM_CACHE_DIR": str(tmp_path / "c")}


# --- the Textual app (Pilot) ---------------------------------------------------------------

@aio
async def test_markup_is_literal_text_in_the_app(tmp_path: Path) -> None:
    app = make_app(tmp_path / "data", lang="nl", play=MARKUP, mode="coach")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        missing = [m for m in LITERAL if m not in shown]
        assert not missing, f"markup was interpreted, not shown: {missing}\n{shown}"
        await pilot.press("2")  # the disabled choice: a toast quotes its reason
        await pilot.pause()
        (toast,) = toasts(app)
        assert "[b]Reden[/b] [@click=app.quit]stop[/]" in toast
        assert "[b]Reden[/b]" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        shown = screen_text(app)
        for m in ("[b]Dossier[/b]", "[i]cursief[/i]", "[bold", "\\[niet-escaped]",
                  "[@click=screen.dismiss]omschrijving[/]"):
            assert m in shown, m
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        shown = screen_text(app)
        for m in ("[b]Feedback[/b]", "[b]Einde[/b]", "[@click=app.quit]Eindtekst[/]",
                  "[@click=app.quit]Gedachte[/]"):
            assert m in shown, m
        await pilot.press("enter")  # the debrief
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        assert "[b]Einde[/b]" in shown and "[b]Keuze[/b]" in shown
        assert app.is_running  # no [@click=app.quit] ever became an action


@aio
async def test_escape_sequences_never_reach_the_app_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path / "data", lang="nl", play=ESCAPES, mode="coach")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        assert "ROOD-KLEUR" in shown and "omgekeerd" in shown
        no_payload(shown)
        await pilot.press("2")
        await pilot.pause()
        (toast,) = toasts(app)
        assert "Reden" in toast
        no_payload(toast + screen_text(app))
        for key in ("d", "escape", "1"):
            await pilot.press(key)
            await pilot.pause()
            no_payload(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        assert "Eindtekst" in shown
        no_payload(shown)


@aio
async def test_library_shows_file_text_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    for f in (MARKUP, ESCAPES):
        shutil.copy(f, folder)
    app = make_app(tmp_path / "data", lang="nl", scenario_dirs=[folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        shown = screen_text(app)
        no_payload(shown)
        assert "[b]Vet[/b]" in shown
        await pilot.press("down")
        await pilot.pause()
        shown = screen_text(app)
        no_payload(shown)
        assert "[@click=app.quit]Stop[/]" in shown or "Samenvatting" in shown


# --- a real terminal -----------------------------------------------------------------------

@pytest.mark.parametrize("path,marker", [(ESCAPES, b"ROOD-KLEUR"), (MARKUP, b"[b]vet[/b]")])
def test_a_real_terminal_gets_no_escape_sequence_from_a_file(tmp_path: Path, path: Path,
                                                             marker: bytes) -> None:
    """The app in a pseudo-terminal: every byte it writes is free of the file's escape
    sequences, markup arrives as the literal characters, and the terminal's modes are
    restored when the app quits."""
    s = terminal.start(["--lang", "nl", "play", str(path), "--mode", "coach"], env(tmp_path))
    try:
        assert s.wait_for(b"[b]Keuze[/b]" if path == MARKUP else b"Keuze"), bytes(s.output)[-2000:]
        s.type(b"2")  # the disabled choice: a toast
        s.settle()
        s.type(b"1")
        assert s.wait_for(b"Eindtekst"), bytes(s.output)[-2000:]
        s.settle()
        s.type(b"\x11")  # ctrl+q
        assert s.finish() == 0
        out = bytes(s.output)
        assert marker in out
        for payload in (b"PWNED-TITLE", b"UFdORUQtQ0xJUA", b"\x1b[31mROOD", b"\x1b]0;",
                        b"\x1b]52;", b"\x1b[6n", b"\x1bP", b"\x9b", b"\x1b]8;;https",
                        b"\xe2\x80\xae"):
            assert payload not in out, payload
        assert b"Traceback" not in out
        assert s.modes() == s.before  # raw mode and echo are undone
    finally:
        s.close()


# --- plain mode ----------------------------------------------------------------------------

def test_plain_mode_prints_markup_as_text_and_no_escape_bytes(tmp_path: Path) -> None:
    r = sovsim("play", str(MARKUP), "--plain", input="d\n2\n1\n", env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    for m in ("[b]Vet[/b]", "[b]Kees[/b]: [b]vet[/b]", "[@click=app.quit]stop[/]",
              "[b]Dossier[/b]", "[b]Reden[/b]", "[b]Feedback[/b]", "[b]Einde[/b]"):
        assert m in r.stdout, m
    assert "\x1b" not in r.stdout
    r = sovsim("play", str(ESCAPES), "--plain", input="d\n2\n1\n", env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "ROOD-KLEUR" in r.stdout and "Eindtekst" in r.stdout
    no_payload(r.stdout + r.stderr)


# --- reports -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [MARKUP, ESCAPES], ids=["markup", "escapes"])
def test_reports_carry_file_text_as_inert_text(tmp_path: Path, path: Path) -> None:
    r = sovsim("play", str(path), "--plain", input="1\n", env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    with Store(tmp_path / "data") as store:
        (run,) = store.runs()
    for fmt in ("md", "html"):
        out = tmp_path / f"report.{fmt}"
        r = sovsim("report", run.id, "--format", fmt, "-o", str(out), env=env(tmp_path))
        assert r.returncode == 0, r.stderr
        text = out.read_text(encoding="utf-8")
        no_payload(text)
        if path == MARKUP and fmt == "html":  # shown as the characters, escaped for HTML only
            assert "[b]Einde[/b]" in text and "[@click=app.quit]Eindtekst[/]" in text
            assert not re.search(r"<a\b", text)
        if path == MARKUP and fmt == "md":  # Markdown escapes the brackets: no links form
            assert r"\[b\]Einde\[/b\]" in text and "](" not in text.replace(r"\](", "")
        if path == ESCAPES:
            assert "ROOD-KLEUR" in text
