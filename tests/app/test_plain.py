"""Plain mode through a subprocess, as a screen-reader user or an author would run it."""

from __future__ import annotations

from pathlib import Path

from tests.clirun import sovsim

from .conftest import BROKEN, STEMPAS


def env(tmp_path: Path) -> dict[str, str]:
    return {"SOVSIM_DATA_DIR": str(tmp_path / "data"), "SOVSIM_CACHE_DIR": str(tmp_path / "c")}


def test_interactive_numbers_help_and_quit(tmp_path: Path) -> None:
    r = sovsim("--lang", "en", "play", str(STEMPAS), "--plain", input="?\n9\nx\n1\nq\n",
               env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.startswith("The returned polling card\nYour role: Civil affairs clerk · Coach mode")
    assert "Ruud: I'm handing this in." in out
    assert "  1. I can't sign this" in out and "  3. Fine, I'll sign for receipt" in out
    assert "A number: choose that answer." in out           # ?
    assert "There is no choice 9; type 1 to 3, or l to hear the choices." in out  # 9
    assert "Type a number from 1 to 3; l repeats the choices, ? gives help." in out  # x
    assert "You: I can't sign this" in out                  # 1
    assert "Coach: +2 Lawful, +2 Clarity, +1 On the matter" in out
    assert "Thought, not said: Ruud: “If she signs, I have it in black and white.”" in out
    assert "  3. I hear you. Shall I give you the receipt" in out
    assert "Stopped. Your progress is saved" in out         # q
    assert "\x1b" not in out and r.stderr == ""


def test_end_of_input_stops_and_progress_resumes(tmp_path: Path) -> None:
    r = sovsim("play", str(STEMPAS), "--plain", input="2\n", env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "Gestopt. Je voortgang is bewaard" in r.stdout
    r = sovsim("play", str(STEMPAS), "--plain", input="j\nu\nq\n", env=env(tmp_path))
    assert "Je was nog bezig met dit scenario (Coachmodus, 1 keuze(s) gemaakt)" in r.stdout
    assert "Jij: Maar u bent toch gewoon een persoon?" in r.stdout  # the history is shown again
    assert "Je laatste keuze is teruggenomen." in r.stdout


def test_assessment_mode_shows_no_feedback(tmp_path: Path) -> None:
    r = sovsim("--lang", "en", "play", str(STEMPAS), "--plain", "--mode", "assessment",
               input="2\nu\nq\n", env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "Assessment mode" in r.stdout and "Coach:" not in r.stdout
    assert "Thought, not said" not in r.stdout
    assert "There is no undo in assessment mode." in r.stdout


def test_wrong_choice_numbers_exit_2(tmp_path: Path) -> None:
    for given, expect in (("1,7", "at decision 2 (node 'reactie') there is no choice 7; "
                                  "possible: 1,2,3"),
                          ("2,3", "no choice 3; possible: 1,2"),
                          ("1", "stops after 1 choice(s), but the scenario has not ended"),
                          ("3,1", "the scenario ended after 1 choice(s); remove 1"),
                          ("a,b", "there is no choice 'a'; possible: rustig-uitleggen, "
                                  "discussie, tekenen"),  # choice ids are welcome too
                          ("1;2", "takes numbers or choice ids separated by commas")):
        r = sovsim("--lang", "en", "play", str(STEMPAS), "--choices", given, env=env(tmp_path))
        assert r.returncode == 2, (given, r.stdout, r.stderr)
        assert expect in r.stderr, (given, r.stderr)
        assert r.stdout == "" and "Traceback" not in r.stderr


def test_broken_file_is_listed_not_traced(tmp_path: Path) -> None:
    r = sovsim("play", str(BROKEN), "--plain", env=env(tmp_path))
    assert r.returncode == 1
    assert "kan niet gespeeld worden; los eerst deze 3 problemen op:" in r.stderr
    assert ("kapot.yaml:19:18: fout: onbekend onderdeel van de rubriek 'vriendelijkheid'"
            in r.stderr)
    assert "Traceback" not in r.stderr
    r = sovsim("--lang", "en", "play", str(BROKEN), "--plain", env=env(tmp_path))
    assert r.returncode == 1
    assert "cannot be played; fix these 3 problems first:" in r.stderr
    assert "kapot.yaml:19:18: error: unknown rubric dimension 'vriendelijkheid'" in r.stderr
    r = sovsim("play", str(BROKEN), env=env(tmp_path))  # the app is not even started
    assert r.returncode == 1 and "kapot.yaml:20:17" in r.stderr


def test_unknown_scenario_id(tmp_path: Path) -> None:
    r = sovsim("play", "no-such-scenario", "--plain", env=env(tmp_path))
    assert r.returncode == 2
    assert "no scenario file or bundled scenario 'no-such-scenario'" in r.stderr
    assert "wijkteam-huisbezoek" in r.stderr


def test_bundled_scenario_by_id(tmp_path: Path) -> None:
    r = sovsim("--lang", "en", "play", "wijkteam-huisbezoek", "--plain", input="q\n",
               env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "What do you do?" in r.stdout and "  1. " in r.stdout


def test_choices_play_a_path_and_print_the_debrief(tmp_path: Path) -> None:
    r = sovsim("--lang", "en", "play", str(STEMPAS), "--choices", "1,2", env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "You: I can't sign this" in out and "You: I understand, but people are waiting." in out
    assert "Ending: Contact broken" in out
    assert "# Debrief: The returned polling card" in out
    assert "## Quadrant: Distant" in out
    assert "A better option was: “That sounds like a hard time." in out
    with_nl = sovsim("play", str(STEMPAS), "--choices", "1,1", "--mode", "assessment",
                     env=env(tmp_path))
    assert with_nl.returncode == 0, with_nl.stderr
    assert "# Nabespreking: De ingeleverde stempas" in with_nl.stdout
    assert "Coach:" not in with_nl.stdout  # assessment mode: no feedback while playing


def test_interactive_game_ends_with_the_debrief(tmp_path: Path) -> None:
    r = sovsim("--lang", "en", "play", str(STEMPAS), "--plain", input="1\n1\n",
               env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "The scenario has ended. Here is your debrief." in r.stdout
    assert "Where you stand: Reliable partner." in r.stdout  # plain text, not Markdown
    again = sovsim("--lang", "en", "play", str(STEMPAS), "--plain", input="q\n",
                   env=env(tmp_path))
    assert "You have an unfinished run" not in again.stdout  # the finished run is not offered


def test_data_dir_option_makes_a_folder_with_the_store(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "place"
    r = sovsim("--data-dir", str(folder), "play", str(STEMPAS), "--plain", input="1\nq\n",
               env=env(tmp_path))
    assert r.returncode == 0, r.stderr
    assert (folder / "sovsim.db").is_file()
    r = sovsim("play", str(STEMPAS), "--plain", "--data-dir", str(folder), input="\nq\n",
               env=env(tmp_path))
    assert "Je was nog bezig met dit scenario" in r.stdout


def test_killed_mid_scenario_resumes_where_it_was(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.clirun import ROOT

    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **env(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "sim.cli", "--lang", "en", "play",
                             str(STEMPAS), "--plain"], cwd=ROOT, env=full_env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("1\n")
    proc.stdin.flush()
    seen = ""
    deadline = time.monotonic() + 60
    while "You never listen" not in seen and time.monotonic() < deadline:
        seen += proc.stdout.readline()
    assert "You never listen" in seen
    os.kill(proc.pid, signal.SIGKILL)  # no chance to save anything at exit
    proc.wait()
    r = sovsim("--lang", "en", "play", str(STEMPAS), "--plain", input="y\nq\n",
               env=env(tmp_path))
    assert "You have an unfinished run of this scenario (Coach mode, 1 choice(s) made)" in \
        r.stdout
    assert "You: I can't sign this" in r.stdout and "  3. I hear you." in r.stdout
