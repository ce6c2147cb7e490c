"""Choice latency: from a key press to the updated screen, during play, with Pilot.

Run by hand:  python benchmarks/latency.py [--choices 200] [--size 80x24]

The app plays a long scenario (tests/robustness/data/marathon.yaml: two nodes taking turns,
three choices each) in coach mode with autosave, lines shown at once (pace off). For each
choice a number key is pressed; the latency is the time from the press to the last screen
update it causes (Textual draws on a 60 Hz timer; the time of every compositor refresh is
recorded, and the app is waited on until nothing is left to draw). Every 25 choices the
rendered screen is checked to show the new state. Target: median under 50 ms. Also shown:
the time to the first update that shows the choice made (the new lines and options; what
follows it is Textual redrawing scrollbars a frame later). For scale, the same is measured
on a bare Textual app that mounts four texts in a scroll and scrolls, which is how the
transcript worked before it became one widget drawn line by line.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MARATHON = ROOT / "tests" / "robustness" / "data" / "marathon.yaml"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def measure(choices: int, size: tuple[int, int], data: Path,
                  first: list[float]) -> list[float]:
    """The latency of each choice, to the last screen update it causes; ``first`` gets the
    time to the first update showing the choice made (its lines and the new options)."""
    from sim.app.app import Options, SovsimApp
    from tests.robustness.helpers import screen_text

    app = SovsimApp(Options(pace="off", data_dir=data, play=MARATHON, mode="coach",
                            lang="en", blink=False))
    latencies: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        run = screen.pt.run
        displays: list[tuple[float, int]] = []  # (when, choices made by then)
        original = screen._compositor_refresh

        def spy() -> None:
            original()
            displays.append((time.perf_counter(), len(run.history)))

        screen._compositor_refresh = spy  # type: ignore[method-assign]
        for i in range(choices):
            made = len(run.history)
            start = time.perf_counter()
            await pilot.press(str(1 + i % 3))
            while True:  # until the choice is made and nothing is left to draw
                await pilot.pause()
                pending = (screen._layout_required or screen._repaint_required
                           or screen._dirty_widgets or screen._compositor._dirty_regions)
                if len(run.history) > made and not pending and displays[-1][0] > start:
                    break
                await asyncio.sleep(0.001)
            latencies.append(displays[-1][0] - start)
            first.append(next(t for t, n in displays if t > start and n > made) - start)
            if i % 25 == 24:
                shown = screen_text(app)
                assert f"Choice {len(run.history) + 1}" in shown, shown
        assert screen.pt.saving and len(run.history) == choices
    return latencies


async def floor(choices: int, size: tuple[int, int]) -> list[float]:
    """The same measurement on a bare Textual app doing the least a choice does: mount four
    texts below forty others in a scroll, drop four at the top, scroll to the end."""
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.widgets import Footer, Header, OptionList, Static

    class Floor(App[None]):
        BINDINGS = [("1", "add", "Add"), ("2", "add", "Add"), ("3", "add", "Add")]

        def compose(self):  # noqa: ANN202
            yield Header()
            with VerticalScroll(id="t"):
                for i in range(40):
                    yield Static(f"line {i} " * 8)
            yield OptionList("one", "two", "three")
            yield Footer()

        def action_add(self) -> None:
            t = self.query_one("#t")
            t.mount_all([Static(f"new line {i} " * 8) for i in range(4)])
            t.remove_children(list(t.children)[:4])
            self.call_after_refresh(t.scroll_end, animate=False)

    return await _timed(Floor(), choices, size, made=None)


async def _timed(app, choices: int, size: tuple[int, int], made) -> list[float]:  # noqa: ANN001
    latencies: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        displays: list[float] = []
        original = screen._compositor_refresh

        def spy() -> None:
            original()
            displays.append(time.perf_counter())

        screen._compositor_refresh = spy  # type: ignore[method-assign]
        for i in range(choices):
            start = time.perf_counter()
            await pilot.press(str(1 + i % 3))
            while True:
                await pilot.pause()
                pending = (screen._layout_required or screen._repaint_required
                           or screen._dirty_widgets or screen._compositor._dirty_regions)
                if not pending and displays and displays[-1] > start:
                    break
                await asyncio.sleep(0.001)
            latencies.append(displays[-1] - start)
    return latencies


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--choices", type=int, default=200)
    ap.add_argument("--size", default="80x24")
    args = ap.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SOVSIM_CACHE_DIR"] = f"{tmp}/cache"
        first: list[float] = []
        lat = asyncio.run(measure(args.choices, (cols, rows), Path(tmp) / "data", first))
    base = [x * 1000 for x in asyncio.run(floor(min(args.choices, 100), (cols, rows)))]
    ms = [x * 1000 for x in lat]
    print(f"choice latency, key press to updated screen, {args.choices} choices, "
          f"{args.size}, coach mode, autosave, milliseconds")
    print(f"{'choices':>12} {'median':>7} {'p95':>7} {'max':>7}")
    n = len(ms)
    for name, part in (("all", ms), ("first 50", ms[:50]), ("last 50", ms[-50:])):
        if part:
            print(f"{name:>12} {statistics.median(part):7.1f} {percentile(part, 95):7.1f} "
                  f"{max(part):7.1f}")
    fm = [x * 1000 for x in first]
    print(f"{'first frame':>12} {statistics.median(fm):7.1f} {percentile(fm, 95):7.1f} "
          f"{max(fm):7.1f}   (to the first update showing the new lines and options)")
    print(f"{'for scale':>12} {statistics.median(base):7.1f} {percentile(base, 95):7.1f} "
          f"{max(base):7.1f}   (a bare Textual app mounting 4 texts and scrolling; "
          f"{len(base)} presses)")
    med = statistics.median(ms)
    print(f"target: median under 50 ms: {'met' if med < 50 else 'MISSED'} ({med:.1f} ms, "
          f"n={n})")


if __name__ == "__main__":
    main()
