"""A long run stays as quick at its 200th choice as at its first: the transcript is one
widget that draws only the lines in view, whatever the length of the conversation, and all
of it stays readable by scrolling back. (The speed itself is measured by
benchmarks/latency.py.)"""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget

from sim.app.widgets.transcript import Transcript
from tests.app.conftest import aio, make_app

from .helpers import HERE, screen_text

MARATHON = HERE / "data" / "marathon.yaml"


def widget_count(app: object) -> int:
    return len(list(app.screen.query(Widget)))  # type: ignore[attr-defined]


@aio
async def test_a_long_transcript_adds_no_widgets_and_keeps_every_line(tmp_path: Path) -> None:
    app = make_app(tmp_path / "data", lang="en", play=MARATHON, mode="coach")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        widgets = widget_count(app)
        for i in range(1, 45):
            await pilot.press(str(1 + i % 3))
            await pilot.pause()
        tr = app.screen.query_one(Transcript)
        assert widget_count(app) == widgets  # the screen does not grow with the conversation
        assert len(tr.shown) == 1 + 3 * 45  # every entry (you, coach, lines) is still there
        text = tr.text()
        assert text.startswith("Vraag.\n\n      ▌ You: Vraag choice 1\n  ╭─ Coach ─"), text[:300]
        assert text.count("Coach") == 45 and text.count("You: ") == 45
        assert "Choice 46" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert len(app.screen.pt.run.history) == 46
        assert tr.scroll_y == tr.max_scroll_y  # the newest lines are in view
        tr.scroll_home(animate=False)  # scrolling back reaches the start of the conversation
        await pilot.pause()
        assert "Vraag." in screen_text(app) and "You: Vraag choice 1" in screen_text(app)


@aio
async def test_resuming_a_long_run_shows_all_of_it_from_the_end(tmp_path: Path) -> None:
    from sim.loader import load_scenario
    from sim.playthrough import Playthrough
    from sim.store import Store

    with Store(tmp_path / "data") as store:
        pt = Playthrough.new(load_scenario(MARATHON))
        pt.attach(store)
        for i in range(60):
            pt.choose(["v1", "a2", "v3", "a1"][i % 4])
        pt.release()  # its window closed
    app = make_app(tmp_path / "data", lang="en", scenario_dirs=[MARATHON.parent])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        tr = app.screen.query_one(Transcript)
        assert len(tr.shown) == 1 + 3 * 60
        assert tr.text().count("You: ") == 60
        assert tr.scroll_y == tr.max_scroll_y > 0
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
    r = sovsim("--lang", "en", "analyse", str(f))
    assert r.returncode == 0, r.stderr
    assert "10^18 or more complete" in r.stdout
    assert "10^18 of meer volledig" in sovsim("analyse", str(f)).stdout
    r = sovsim("analyse", str(f), "--json")
    assert r.returncode == 0 and '"complete": 1000000000000000000' in r.stdout
