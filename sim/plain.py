"""Plain mode: the game as numbered lines on stdin/stdout, for screen readers and transcripts.

Interactive: type a choice's number; ``?`` help, ``d`` case file, ``g`` glossary,
``u`` undo (coach mode), ``q`` stop (progress is saved). End of input stops too.
With ``--choices 2,1,3`` a path is played without questions and the debrief printed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from . import transcript
from .clitools import UsageError
from .engine import Run, RunError
from .glossary import bundled_glossary
from .i18n import t
from .playthrough import Playthrough
from .problemtext import error_text
from .scenario import Scenario
from .store import Store, StoreError
from .textsafe import clean, one_line


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
        self.dim_name = dimension_name or (lambda d: t(f"dim.{d}", lang))

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

    def debrief(self, run: Run) -> None:
        from scoring.debrief import build_debrief
        from scoring.render import render_markdown

        d = build_debrief(self.scenario, run, self.rubric, self.lang, self.mode)
        self.say(render_markdown(d, self.lang).rstrip())

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
        while not pt.run.finished:
            self.choices(pt.run)
            answer = self.ask("> ")
            if answer is None or answer.lower() in ("q", "quit", "stop", "stoppen"):
                self.say(self.t("plain.stopped_saved" if pt.saving else "plain.stopped"))
                return 0
            if answer in ("?", "h", "help", "hulp"):
                self.say(self.t("plain.help_undo" if pt.mode == "coach" else "plain.help"))
                self.say()
                continue
            if answer.lower() == "d":
                self.dossier()
                continue
            if answer.lower() == "g":
                self.glossary()
                continue
            if answer.lower() == "u":
                self.undo(pt)
                continue
            if not answer.isdigit():
                self.say(self.t("plain.type_number"))
                continue
            self.pick(pt, int(answer))
        self.say(self.t("plain.debrief_follows"))
        self.say()
        self.debrief(pt.run)
        return 0

    def pick(self, pt: Playthrough, number: int) -> None:
        views = pt.run.choices(self.lang)
        view = next((v for v in views if v.number == number), None)
        if view is None:
            self.say(self.t("play.no_such_choice", n=number, count=len(views)))
            return
        if not view.enabled:
            self.say(self.t("play.choice_unavailable", reason=one_line(view.reason or "")))
            return
        n = len(pt.run.history) + 1
        try:
            step = pt.choose(view.id)
        except RunError as err:
            self.say(error_text(err, self.lang))
            return
        except StoreError as err:
            step = pt.run.history[-1]
            self.store_failed(pt, error_text(err, self.lang))
        self.say()
        self.entries(transcript.step_entries(self.scenario, step, n, self.lang, pt.mode == "coach"))

    def undo(self, pt: Playthrough) -> None:
        if pt.mode != "coach":
            self.say(self.t("plain.no_undo_assessment"))
            return
        if not pt.can_undo:
            self.say(self.t("play.nothing_to_undo"))
            return
        try:
            pt.undo()
        except StoreError as err:
            self.store_failed(pt, error_text(err, self.lang))
        self.say(self.t("play.undone"))
        self.say()
        node = pt.run.node_id
        self.entries(transcript.node_entries(self.scenario, node, self.lang,
                                             len(pt.run.history)))

    def store_failed(self, pt: Playthrough, reason: str) -> None:
        self.say(self.t("store.cannot_save", reason=reason))
        answer = self.ask(self.t("plain.go_on_unsaved"))
        if answer is not None and answer.lower() in ("j", "ja", "y", "yes"):
            pt.detach()
            self.say(self.t("store.playing_unsaved"))
            return
        try:
            pt.save()
        except StoreError:
            pt.detach()
            self.say(self.t("store.playing_unsaved"))

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
        self.debrief(replay)
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
