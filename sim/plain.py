"""Plain mode: the game as numbered lines on stdin/stdout, for screen readers and transcripts.

Interactive: type a choice's number; ``?`` help, ``d`` case file, ``g`` glossary,
``u`` undo (coach mode), ``q`` stop (progress is saved). End of input stops too.
With ``--choices 2,1,3`` a path is played without questions and the debrief printed.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any, TextIO

from . import transcript
from .clitools import UsageError
from .engine import Run, RunError
from .glossary import bundled_glossary
from .i18n import t
from .playthrough import Playthrough
from .problemtext import error_text
from .scenario import Scenario
from .store import DamagedStore, LeaseLost, LeaseRecord, Store, StoreError, fresh_store
from .textsafe import clean, one_line, shown_path


class PlainGame:
    def __init__(self, scenario: Scenario, *, lang: str, mode: str, rubric: Any,
                 out: TextIO, inp: TextIO | None = None, store: Store | None = None,
                 dimension_name: Callable[[str], str] | None = None,
                 start: str | None = None, values: dict[str, Any] | None = None) -> None:
        self.scenario = scenario
        self.start = start  # authors' test plays: start here, with these values
        self.values = values or {}
        self.lang = lang
        self.mode = mode
        self.rubric = rubric
        self.out = out
        self.inp = inp
        self.store = store
        self.pending = False  # the trainee plays on while saves fail: retried at each choice
        self.dim_name = dimension_name or (lambda d: t(f"dim.{d}", lang))
        self.lost = False  # the run was taken over in another window

    def t(self, key: str, /, **values: object) -> str:
        return t(key, self.lang, **values)

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    # -- printing ----------------------------------------------------------------------
    def header(self, pt: Playthrough) -> None:
        s = self.scenario
        self.say(one_line(s.title.get(self.lang)))
        self.say(self.t("plain.role", role=one_line(s.role.get(self.lang)),
                        mode=self.t(f"mode.{pt.mode}")))
        if s.setting:
            self.say(one_line(s.setting.get(self.lang)))

    def entry(self, e: transcript.Entry) -> None:
        if e.kind == "narration":
            self.say(e.text)
        elif e.kind == "speech":
            self.say(f"{e.name}: {e.text}")
        elif e.kind == "you":
            self.say(f"{self.t('play.you')}: {e.text}")
        elif e.kind == "coach":
            scores = ", ".join(f"{v:+d} {self.dim_name(d)}" for d, v in e.scores.items())
            self.say(f"{self.t('play.coach')}: {scores or self.t('play.no_scores')}")
            if e.text:
                self.say("  " + e.text)
            if e.thought:
                self.say("  " + self.t("play.thought") + " " + e.thought)
        elif e.kind == "ending":
            self.say(f"{self.t('play.ending')}: {e.title}")
            self.say(e.text)
        self.say()

    def entries(self, items: list[transcript.Entry]) -> None:
        for e in items:
            self.entry(e)

    def choices(self, run: Run) -> None:
        self.say(self.t("plain.what_now"))
        for v in run.choices(self.lang):
            line = f"  {v.number}. {one_line(v.text)}"
            if not v.enabled:
                why = one_line(v.reason or "")
                line += f" ({self.t('play.unavailable')}{': ' + why if why else ''})"
            self.say(line)

    def dossier(self) -> None:
        s = self.scenario
        self.say(self.t("dossier.title"))
        for c in s.characters.values():
            desc = one_line(c.description.get(self.lang))
            self.say(f"- {one_line(c.name.get(self.lang))}" + (f": {desc}" if desc else ""))
        self.say(clean(s.dossier.get(self.lang)).strip())
        self.say()

    def glossary(self) -> None:
        self.say(self.t("glossary.title"))
        self.say(self.t("glossary.note"))
        for term in bundled_glossary().terms:
            self.say(f"- {term.term.get(self.lang)}: {term.meaning.get(self.lang)} "
                     f"[{', '.join(term.sources)}]")
        self.say()

    def gauges(self, run: Run) -> None:
        """The other person's gauges as one sentence (what a sighted coach-mode trainee sees
        after every choice)."""
        parts = []
        for var in run.scenario.variables.values():
            if not (var.gauge and var.type == "number"):
                continue
            name = one_line(var.label.get(self.lang)) if var.label else var.id
            value = _num(run.values.get(var.id, var.initial))
            if var.max is not None:
                parts.append(self.t("plain.gauge", label=name, value=value, max=_num(var.max)))
            else:
                parts.append(f"{name} {value}")
        if parts:
            self.say(self.t("plain.gauges", gauges=", ".join(parts)))
            self.say()

    def debrief(self, run: Run, markdown: bool = False) -> None:
        """The debrief: in sentences and short lists (read aloud well), or as Markdown."""
        from scoring.debrief import build_debrief
        from scoring.render import render_markdown
        from scoring.render_plain import render_plain

        d = build_debrief(self.scenario, run, self.rubric, self.lang, self.mode)
        self.say((render_markdown if markdown else render_plain)(d, self.lang).rstrip())

    # -- interactive -------------------------------------------------------------------
    def ask(self, prompt: str) -> str | None:
        """One line of input; None at end of input."""
        self.out.write(prompt)
        self.out.flush()
        assert self.inp is not None
        line = self.inp.readline()
        if not line:
            self.say()
            return None
        return line.strip()

    def play(self, pt: Playthrough, resumed: bool = False) -> int:
        """Play interactively until the end, ``q`` or end of input."""
        self.header(pt)
        self.say(self.t("plain.intro_undo" if pt.mode == "coach" else "plain.intro"))
        if not pt.saving:
            self.say(self.t("plain.not_saving"))
        self.say()
        if resumed:
            self.say(self.t("plain.resumed", n=len(pt.run.history)))
            self.say()
        self.entries(transcript.build(pt.run, self.lang, pt.mode == "coach"))
        if pt.watching and not self.watch(pt):
            return 0
        if pt.mode == "coach" and pt.run.history:
            self.gauges(pt.run)
        show = True
        while not pt.run.finished:
            if show:
                self.choices(pt.run)
            show = True
            answer = self.ask("> ")
            if answer is None or answer.lower() in ("q", "quit", "stop", "stoppen"):
                self.stop(pt)
                return 0
            if pt.saving and not self.lost:
                with suppress(StoreError):  # a passing problem: the save says it if it lasts
                    self.lost = not pt.keep()
            if self.lost:
                self.say(self.t("lease.taken"))
                self.lost = False
                if not self.watch(pt):
                    return 0
                continue
            if answer in ("?", "h", "help", "hulp"):
                self.say(self.t("plain.help_undo" if pt.mode == "coach" else "plain.help"))
                self.say()
                show = False
                continue
            if answer.lower() == "l":  # the choices again
                continue
            if answer.lower() == "d":
                self.dossier()
                continue
            if answer.lower() == "g":
                self.glossary()
                continue
            if answer.lower() == "u":
                if not self.undo(pt):
                    return 0
                continue
            if not answer.isdigit():  # a typo: a short hint, not every option again
                count = len(pt.run.choices(self.lang))
                self.say(self.t("plain.typo", n=count))
                show = False
                continue
            shown = self.pick(pt, int(answer))
            if shown is None:  # a save failed and they would not play on unsaved
                return 0
            show = shown
        if pt.saving and pt.unsaved:  # the last saves failed: one more try at the end
            try:
                pt.save()
                self.saved(pt)
            except StoreError as err:
                self.say(self.t("store.lost_on_stop", reason=error_text(err, self.lang)))
        self.say(self.t("plain.debrief_follows"))
        self.say()
        self.debrief(pt.run)
        return 0

    def pick(self, pt: Playthrough, number: int) -> bool | None:
        """Make choice ``number``: True when made, False when it was not one (a short
        message said why, so the options need not be shown again), None when the trainee
        stops (a save failed and they would not play on unsaved)."""
        views = pt.run.choices(self.lang)
        view = next((v for v in views if v.number == number), None)
        if view is None:
            self.say(self.t("plain.no_such", n=number, count=len(views)))
            return False
        if not view.enabled:
            self.say(self.t("play.choice_unavailable", reason=one_line(view.reason or "")))
            return False
        n = len(pt.run.history) + 1
        try:
            step = pt.choose(view.id)
        except RunError as err:
            self.say(error_text(err, self.lang))
            return False
        except LeaseLost:  # taken over meanwhile: this choice is not kept
            self.lost = True
            return True
        except StoreError as err:
            step = pt.run.history[-1]
            if not self.store_failed(pt, err):
                return None
        else:
            self.saved(pt)
        self.say()
        self.entries(transcript.step_entries(self.scenario, step, n, self.lang, pt.mode == "coach"))
        if pt.mode == "coach":
            self.gauges(pt.run)
        return True

    def undo(self, pt: Playthrough) -> bool:
        if pt.mode != "coach":
            self.say(self.t("plain.no_undo_assessment"))
            return True
        if not pt.can_undo:
            self.say(self.t("play.nothing_to_undo"))
            return True
        try:
            pt.undo()
        except LeaseLost:  # taken over meanwhile: the undo is not kept
            self.lost = True
            return True
        except StoreError as err:
            if not self.store_failed(pt, err):
                return False
        else:
            self.saved(pt)
        self.say(self.t("play.undone"))
        self.say()
        node = pt.run.node_id
        self.entries(transcript.node_entries(self.scenario, node, self.lang,
                                             len(pt.run.history)))
        self.gauges(pt.run)
        return True

    # -- one writer per run ------------------------------------------------------------
    def elsewhere(self, pt: Playthrough, other: LeaseRecord) -> bool:
        """The run is open in another window: continue here, watch, or stop (False)."""
        import time

        where = self.t(f"lease.where.{other.label}" if other.label in ("app", "plain", "browser")
                       else "lease.where.other")
        ago = self.t("lease.ago", n=max(0, round(time.time() - other.heartbeat)))
        self.say(self.t("lease.elsewhere", where=where, ago=ago))
        answer = self.ask(self.t("plain.lease.ask"))
        if answer is None or answer.lower() not in ("o", "m"):
            self.say(self.t("plain.stopped_saved"))
            return False
        if answer.lower() == "o":
            self.take_over(pt, say=False)
        return True

    def take_over(self, pt: Playthrough, *, say: bool = True) -> None:
        pt.claim(take_over=True)
        n = len(pt.run.history)
        changed = pt.reload()
        self.say(self.t("lease.now_here"))
        self.say()
        if say and changed:
            self.news(pt, n)

    def news(self, pt: Playthrough, before: int) -> None:
        """What the other window did since ``before`` steps: the new steps, or (after an
        undo there) where the run stands now."""
        history = pt.run.history
        if len(history) > before:
            for n, step in enumerate(history[before:], before + 1):
                self.entries(transcript.step_entries(self.scenario, step, n, self.lang,
                                                     pt.mode == "coach"))
        else:
            self.entries(transcript.node_entries(self.scenario, pt.run.node_id, self.lang,
                                                 len(history)))

    def watch(self, pt: Playthrough) -> bool:
        """Read only: Enter shows what the other window chose meanwhile; ``o`` continues
        here (True), ``q`` or the end of input stops (False)."""
        pt.watching = True
        self.say(self.t("plain.lease.watching"))
        while True:
            answer = self.ask("> ")
            if answer is None or answer.lower() in ("q", "quit", "stop", "stoppen"):
                self.say(self.t("plain.stopped"))
                return False
            before = len(pt.run.history)
            try:
                if answer.lower() == "o":
                    self.take_over(pt)
                    return True
                changed = pt.reload()
            except (StoreError, RunError) as err:
                self.say(error_text(err, self.lang))
                continue
            if changed:
                self.news(pt, before)
                if pt.run.finished:
                    self.say(self.t("plain.debrief_follows"))
                    self.say()
                    self.debrief(pt.run)
                    return False
            else:
                self.say(self.t("plain.lease.no_change"))

    def saved(self, pt: Playthrough) -> None:
        """A save worked: after failed ones, say that what was pending is stored now."""
        if self.pending and pt.saving and not pt.unsaved:
            self.pending = False
            self.say(self.t("store.caught_up"))

    def store_failed(self, pt: Playthrough, err: StoreError) -> bool:
        """A save failed (the choice took effect). True: play on, saves are retried at the
        next choice (nothing is dropped); False: the trainee stops here."""
        reason = error_text(err, self.lang)
        if isinstance(err, DamagedStore):
            return self.damaged(pt, err)
        if self.pending:  # they agreed to play on already: say it, and go on
            self.say(self.t("store.still_not_saved", reason=reason))
            return True
        self.say(self.t("store.cannot_save", reason=reason))
        answer = self.ask(self.t("plain.go_on_unsaved"))
        if answer is not None and answer.lower() in ("j", "ja", "y", "yes"):
            if err.msg is not None and err.msg.key == "storage.run_deleted":
                pt.detach()  # it cannot be saved again: play on without saving
                self.say(self.t("store.playing_unsaved"))
                return True
            self.pending = True
            self.say(self.t("store.will_retry"))
            return True
        try:  # N: not without saving. One more try (space may be back), else stop.
            pt.save()
        except StoreError:
            self.say(self.t("store.stopped_not_saved"))
            return False
        self.say(self.t("store.saved_again"))
        return True

    def damaged(self, pt: Playthrough, err: DamagedStore) -> bool:
        """The store turned out damaged: play on unsaved, or in a fresh store beside it
        (the damaged file kept for recovery), or stop. True: play on."""
        self.say(self.t("store.cannot_save", reason=error_text(err, self.lang)))
        choice = self.offer_fresh()
        if choice == "fresh":
            store = self.start_fresh(err)
            if store is not None:
                old = pt.saver
                pt.detach()
                if isinstance(old, Store):
                    old.close()
                try:
                    pt.attach(store)
                    return True
                except StoreError as again:
                    self.say(self.t("store.cannot_save", reason=error_text(again, self.lang)))
        if choice == "stop":
            self.say(self.t("plain.stopped"))
            return False
        pt.detach()
        self.say(self.t("store.playing_unsaved"))
        return True

    def offer_fresh(self) -> str:
        """Ask: "unsaved", "fresh" or "stop" (also at the end of input)."""
        while True:
            answer = self.ask(self.t("plain.damaged_choices"))
            if answer is None or answer.lower() in ("q", "quit", "stop", "stoppen"):
                return "stop"
            if answer in ("1", "2"):
                return "unsaved" if answer == "1" else "fresh"

    def start_fresh(self, err: DamagedStore) -> Store | None:
        """A fresh store where the damaged one was (kept beside it); None when that fails."""
        try:
            store, kept = fresh_store(err)
        except StoreError as failed:
            self.say(error_text(failed, self.lang))
            return None
        self.say(self.t("store.fresh_started", path=shown_path(err.path),
                        kept=shown_path(kept.name)))
        return store

    def stop(self, pt: Playthrough) -> None:
        """``q``: what is pending is tried once more, and the trainee told what is kept."""
        if pt.saving and pt.unsaved:
            try:
                pt.save()
            except StoreError as err:
                self.say(self.t("store.lost_on_stop", reason=error_text(err, self.lang)))
                return
        self.say(self.t("plain.stopped_saved" if pt.saving else "plain.stopped"))

    # -- non-interactive ---------------------------------------------------------------
    def path(self, numbers: list[int | str], fmt: str | None = None,
             save_run: str | None = None) -> int:
        """Play the choices ``numbers`` (as shown: 1 = first on offer; or choice ids), then
        the debrief: after the transcript as Markdown, or with ``fmt`` (md, json, html) only
        the debrief in that format, as ``sovsim report`` gives it. ``save_run``: also write
        the played run to this file (a saved run that ``sovsim report`` reads).

        Wrong choices raise :class:`UsageError` before anything is printed.
        """
        run = Run(self.scenario, start=self.start, values=self.values)
        picked: list[str] = []
        for i, number in enumerate(numbers, 1):
            if run.finished:
                raise UsageError(self.t("plain.choices_too_many", n=i - 1,
                                        extra=",".join(map(str, numbers[i - 1:]))))
            views = run.choices(self.lang)
            if isinstance(number, str):
                view = next((v for v in views if v.id == number), None)
            else:
                view = next((v for v in views if v.number == number), None)
            if view is None or not view.enabled:
                if isinstance(number, str):
                    valid = ", ".join(v.id for v in views if v.enabled)
                    raise UsageError(self.t("plain.choices_wrong_id", i=i, id=number,
                                            node=run.node_id, valid=valid or "-"))
                valid = ",".join(str(v.number) for v in views if v.enabled)
                raise UsageError(self.t("plain.choices_wrong", i=i, n=number, node=run.node_id,
                                        valid=valid or "-"))
            run.choose(view.id)
            picked.append(view.id)
        if not run.finished:
            valid = ",".join(str(v.number) for v in run.choices(self.lang) if v.enabled)
            raise UsageError(self.t("plain.choices_short", n=len(numbers), node=run.node_id,
                                    valid=valid or "-"))
        if fmt is not None or save_run is not None:
            return self._report(run, fmt, save_run)
        replay = Run(self.scenario, start=self.start, values=self.values)
        pt = Playthrough(self.scenario, replay, mode=self.mode, lang=self.lang)
        self.header(pt)
        self.say()
        self.entries(transcript.build(Run(self.scenario, start=self.start, values=self.values), self.lang, False))
        for n, cid in enumerate(picked, 1):
            step = replay.choose(cid)
            self.entries(transcript.step_entries(self.scenario, step, n, self.lang,
                                                 self.mode == "coach"))
        self.debrief(replay, markdown=True)  # as documented: a path's debrief is Markdown
        return 0


    def _report(self, run: Run, fmt: str | None, save_run: str | None) -> int:
        """The debrief of a played run in ``fmt`` (default md); the run written to ``save_run``."""
        import json

        from scoring.debrief import build_debrief
        from scoring.render import RENDERERS

        if save_run is not None:
            from .commands.report import Problem, write_output

            data = {**run.snapshot(), "mode": self.mode}
            try:
                write_output(json.dumps(data, indent=1, ensure_ascii=False) + "\n", save_run)
            except Problem as err:
                raise UsageError(str(err)) from None
        d = build_debrief(self.scenario, run, self.rubric, self.lang, self.mode)
        self.out.write(RENDERERS[fmt or "md"](d, self.lang))
        self.out.flush()
        return 0


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def parse_choices(text: str, lang: str) -> list[int | str]:
    """``2,1,3`` or choice ids (``rustig-vragen,kalm-grens``), mixed as one likes."""
    out: list[int | str] = []
    for x in text.replace(" ", "").split(","):
        if x == "":
            continue
        if x.isdigit():
            if int(x) < 1:
                raise UsageError(t("plain.choices_format", lang, given=text))
            out.append(int(x))
        elif x[0].isalnum() and all(ch.isalnum() or ch in "-_" for ch in x):
            out.append(x)
        else:
            raise UsageError(t("plain.choices_format", lang, given=text))
    if not out:
        raise UsageError(t("plain.choices_format", lang, given=text))
    return out
