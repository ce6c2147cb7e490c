"""A long run stays as quick at its 200th choice as at its first: the transcript keeps a
bounded number of line widgets and folds older entries into one text, which stays readable
by scrolling back. (The speed itself is measured by benchmarks/latency.py.)"""

from __future__ import annotations

from pathlib import Path

from sim.app.widgets.transcript import KEEP_LINES, MAX_LINES, Earlier, Line, Transcript
from tests.app.conftest import aio, make_app

from .helpers import HERE, screen_text

MARATHON = HERE / "data" / "marathon.yaml"


@aio
async def test_a_long_transcript_keeps_a_bounded_number_of_widgets(tmp_path: Path) -> None:
    app = make_app(tmp_path / "data", lang="en", play=MARATHON, mode="coach")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        for i in range(45):
            await pilot.press(str(1 + i % 3))
            await pilot.pause()
        tr = app.screen.query_one(Transcript)
        lines = list(tr.query_children(Line))
        (earlier,) = tr.query_children(Earlier)
        assert KEEP_LINES <= len(lines) <= MAX_LINES
        assert len(tr.shown) == 1 + 3 * 45  # every entry (you, coach, lines) is still there
        folded = str(earlier.render())
        assert folded.startswith("Vraag.\n\nYou: Vraag choice 1\n\nCoach\n+1 Connection")
        # the newest lines are widgets of their own, the choices are there, and it goes on
        assert "Choice 46" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert len(app.screen.pt.run.history) == 46
        tr.scroll_home(animate=False)  # scrolling back reaches the start of the conversation
        await pilot.pause()
        assert "Vraag." in screen_text(app) and "You: Vraag choice 1" in screen_text(app)


@aio
async def test_resuming_a_long_run_shows_it_folded(tmp_path: Path) -> None:
    from sim.loader import load_scenario
    from sim.playthrough import Playthrough
    from sim.store import Store

    with Store(tmp_path / "data") as store:
        pt = Playthrough.new(load_scenario(MARATHON))
        pt.attach(store)
        for i in range(60):
            pt.choose(["v1", "a2", "v3", "a1"][i % 4])
    app = make_app(tmp_path / "data", lang="en", scenario_dirs=[MARATHON.parent])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        tr = app.screen.query_one(Transcript)
        assert len(list(tr.query_children(Line))) == KEEP_LINES
        assert len(list(tr.query_children(Earlier))) == 1
        assert "Choice 61" in screen_text(app)


def test_astronomical_path_counts_saturate(tmp_path: Path) -> None:
    """70 two-way decisions in a row make 2^70 paths; 50,000 nodes made more than 10^4300,
    which crashed 'sovsim analyse' (Python will not print such an integer)."""
    from sim.analysis import PATHS_CAP, summarise
    from sim.loader import load_scenario
    from tests.clirun import sovsim

    lines = ["id: keten", "version: 1", "title: Keten", "summary: x", "role: x", "start: n0",
             "nodes:"]
    for i in range(70):
        lines.append(f"  n{i}: {{choices: [{{id: a, text: A, target: n{i + 1}}}, "
                     f"{{id: b, text: B, target: n{i + 1}}}]}}")
    lines.append("  n70: {ending: {outcome: open, title: Einde, text: Klaar.}}")
    f = tmp_path / "keten.yaml"
    f.write_text("\n".join(lines) + "\n")
    s = summarise(load_scenario(f, use_cache=False))
    assert s.paths == PATHS_CAP and s.endings == {"n70": PATHS_CAP}
    r = sovsim("analyse", str(f))
    assert r.returncode == 0, r.stderr
    assert "10^18 or more complete" in r.stdout
    r = sovsim("analyse", str(f), "--json")
    assert r.returncode == 0 and '"complete": 1000000000000000000' in r.stdout
