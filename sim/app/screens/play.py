"""Play: the transcript, the numbered choices, gauges, progress, the case file and glossary
a key away, and a clear way to pause. Coach mode adds feedback and undo."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Key, Resize
from textual.timer import Timer
from textual.widgets import Button, Header, OptionList, Static

from ... import transcript
from ...engine import RunError
from ...playthrough import Playthrough
from ...problemtext import error_text
from ...store import DamagedStore, LeaseLost, LeaseRecord, StoreError, fresh_store
from ...textsafe import one_line, shown_path
from ..app import PACE_TIMING
from ..widgets.choices import ChoiceList
from ..widgets.footer import KeysFooter
from ..widgets.gauges import Gauges, fitted_gauge_text, has_gauges
from ..widgets.transcript import SPEAKER_CLASSES, Transcript
from .base import BaseScreen
from .dialogs import ConfirmDialog, DamagedStoreDialog, OpenElsewhereDialog, PauseDialog
from .reference import DossierScreen, GlossaryScreen, dimension_name

WIDE = 110
LEASE_BEAT = 10.0  # seconds between the heartbeats of an open run's lease (it lasts 30)
WATCH_POLL = 2.0  # how often a watching window reads the run again
MIN_WIDTH, MIN_HEIGHT = 40, 24  # below this the conversation has no room: say so


class PlayScreen(BaseScreen):
    BINDINGS = [
        *[Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)],
        Binding("d", "dossier", "key.dossier"),
        Binding("g", "glossary", "key.glossary"),
        Binding("u", "undo", "key.undo"),
        Binding("escape", "pause", "key.pause"),
        Binding("o", "take_over", "key.take_over"),
        # priority: the choices (an OptionList) have their own PgUp/PgDn, which would
        # move the highlight; here they always scroll the conversation
        Binding("pageup", "scroll_transcript(-1)", show=False, priority=True),
        Binding("pagedown", "scroll_transcript(1)", show=False, priority=True),
    ]

    def __init__(self, pt: Playthrough, *, fresh: bool) -> None:
        super().__init__()
        self.pt = pt
        self.fresh = fresh
        self._asked_store = False
        self._bindings_state: tuple[bool, bool] | None = None
        self._status_shown: tuple[str, ...] | None = None
        self._pending = False  # saves failed and the trainee plays on: retried each choice
        self._watch_timer: Timer | None = None
        self._coach: transcript.Entry | None = None  # the feedback on the last choice
        self._pin_shown = False
        self.too_small = False

    # -- layout ------------------------------------------------------------------------
    def refresh_titles(self) -> None:
        self.title = one_line(self.pt.scenario.title.get(self.lang))
        self.sub_title = one_line(self.pt.scenario.role.get(self.lang))

    def compose(self) -> ComposeResult:
        coach = self.pt.mode == "coach"
        yield Header(icon="≡")
        yield Static(id="play-status")
        yield Static(id="play-too-small")
        with Horizontal(id="play-main"):
            with Vertical(id="play-left"):
                yield Transcript(render=self._render_entry, timing=PACE_TIMING[self.app.pace],
                                 id="transcript")
                yield Static(id="coach-pin")
                yield Static(id="play-hint")
                yield ChoiceList(id="choices")
                yield Button(Text(self.t("play.to_debrief")), id="to-debrief", variant="primary")
            with Vertical(id="sidebar"):
                yield Static(Text(self.t("play.role"), style="bold"), classes="side-head")
                yield Static(Text(one_line(self.pt.scenario.role.get(self.lang))),
                             classes="side-text")
                if self.pt.scenario.setting:
                    yield Static(Text(one_line(self.pt.scenario.setting.get(self.lang))),
                                 classes="side-text")
                yield Static(Text(self.t(f"mode.{self.pt.mode}"), style="bold"),
                             classes="side-head")
                yield Static(Text(self.t(f"mode.{self.pt.mode}.short")), classes="side-text")
                if coach and has_gauges(self.pt.run):
                    yield Static(Text(self.t("play.gauges"), style="bold"), classes="side-head")
                    yield Gauges(id="side-gauges")
                yield Static(Text(self.t("play.progress_head"), style="bold"), classes="side-head")
                yield Static(id="side-progress")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self._layout(self.app.size.width)
        self._show_all(paced=self.fresh)
        if self.fresh and not self.pt.saving and not self._asked_store:
            self._asked_store = True
            self.call_after_refresh(self._attach_store)
        if self.pt.saving:
            self._open_lease()
        self.set_interval(LEASE_BEAT, self._beat)

    def on_unmount(self) -> None:
        with suppress(StoreError):
            self.pt.release()  # another window may open the run at once

    def on_resize(self, event: Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.set_class(width >= WIDE, "-wide")
        self._check_size()
        self._update_status()
        self._show_coach_pin()

    def _check_size(self) -> None:
        """Too few rows (or columns) for the conversation: say what size is needed instead."""
        w, h = self.app.size
        small = w < MIN_WIDTH or h < MIN_HEIGHT
        if small:
            self.query_one("#play-too-small", Static).update(Text(self.t(
                "play.too_small", w=w, h=h, min_w=MIN_WIDTH, min_h=MIN_HEIGHT)))
        if small != self.too_small:
            self.too_small = small
            self.set_class(small, "-too-small")

    def relocalise(self) -> None:
        self.pt.lang = self.lang
        super().relocalise()

    def after_relocalise(self) -> None:
        self._layout(self.app.size.width)
        self._show_all(paced=False)

    # -- rendering ---------------------------------------------------------------------
    def _render_entry(self, e: transcript.Entry) -> tuple[Text, list[str], str | None]:
        if e.kind == "narration":
            return Text(e.text, style="italic"), ["narration"], None
        if e.kind == "speech":
            idx = list(self.pt.scenario.characters).index(e.speaker) if e.speaker in \
                self.pt.scenario.characters else 0
            text = Text()
            text.append(f"{e.name}: ", style="bold")
            text.append(e.text)
            return text, ["speech", f"speaker-{idx % SPEAKER_CLASSES}"], None
        if e.kind == "you":
            text = Text()
            text.append(self.t("play.you") + ": ", style="bold")
            text.append(e.text)
            return text, ["you"], None
        if e.kind == "coach":
            if e is self._coach and self._pinned():  # in full just above the choices
                text = Text()
                text.append(self.t("play.coach") + ": ", style="bold")
                text.append_text(self._coach_scores(e))
                return text, ["coach-line"], None
            return self._coach_text(e), ["coach"], self.t("play.coach")
        text = Text()
        text.append(e.title or "", style="bold")
        text.append("\n" + e.text)
        return text, ["ending", f"outcome-{e.outcome}"], self.t("play.ending")

    def _coach_scores(self, e: transcript.Entry) -> Text:
        text = Text()
        if e.scores:
            for i, (dim, v) in enumerate(e.scores.items()):
                if i:
                    text.append("  ·  ")
                text.append(f"{v:+d} ", style="bold")
                text.append(dimension_name(self.app, dim))
        else:
            text.append(self.t("play.no_scores"), style="italic")
        return text

    def _coach_text(self, e: transcript.Entry, *, inline: bool = False) -> Text:
        text = self._coach_scores(e)
        if e.text:
            text.append((" — " if inline else "\n") + e.text)
        if e.thought:
            text.append("\n" + self.t("play.thought") + " ", style="bold")
            text.append(e.thought, style="italic")
        return text

    def _show_coach_pin(self) -> None:
        """The feedback on the last choice, kept in view above the choices until the next
        choice (in a narrow window the conversation scrolls it away; the side panel of a
        wide one has room for the conversation to keep it)."""
        pin = self.query_one("#coach-pin", Static)
        pinned = self._pinned()
        if pinned != self._pin_shown:
            self._pin_shown = pinned
            if self._coach is not None:
                self.query_one(Transcript).redraw(self._coach)
        if not pinned or self._coach is None:
            pin.display = False
            return
        text = Text()
        text.append(self.t("play.coach") + ": ", style="bold")
        text.append_text(self._coach_text(self._coach, inline=True))
        pin.update(text)
        pin.display = True

    def _pinned(self) -> bool:
        return self._coach is not None and not self.has_class("-wide")

    def _set_coach(self, entries: list[transcript.Entry]) -> None:
        """The feedback in ``entries`` (if any) is the one now pinned; the one pinned before
        is shown in full in the conversation again."""
        old = self._coach
        self._coach = next((e for e in reversed(entries) if e.kind == "coach"), None)
        if old is not None and old is not self._coach:
            self.query_one(Transcript).redraw(old)
        self._pin_shown = self._pinned()
        self._show_coach_pin()

    def _show_all(self, paced: bool) -> None:
        """Show the transcript of the run so far (the opening paced when the run is new)."""
        entries = transcript.build(self.pt.run, self.lang, self.pt.mode == "coach")
        self._set_coach(entries if self.pt.run.history else [])
        tr = self.query_one(Transcript)
        self._waiting()
        if paced:
            tr.reset([])
            tr.add(entries)
        else:
            tr.reset(entries)

    def _waiting(self) -> None:
        """While lines are appearing: hide the choices, say how to skip."""
        self.query_one(ChoiceList).display = False
        self.query_one("#to-debrief").display = False
        self.query_one("#play-hint", Static).update(Text(self.t("play.skip_hint"), style="dim"))
        self.query_one(Transcript).focus()

    @on(Transcript.Revealed)
    def _revealed(self) -> None:
        if self.query_one(Transcript).revealing:
            return
        run = self.pt.run
        hint = self.query_one("#play-hint", Static)
        choices = self.query_one(ChoiceList)
        button = self.query_one("#to-debrief", Button)
        if self.pt.watching:
            choices.display = False
            button.display = False
            hint.update(Text(self.t("lease.watch_hint"), style="dim"))
        elif run.finished:
            choices.display = False
            button.display = True
            hint.update(Text(self.t("play.finished_hint"), style="dim"))
            button.focus()
        else:
            views = run.choices(self.lang)
            choices.set_choices(views, self.t("play.unavailable"))
            choices.display = True
            button.display = False
            n = len(views)
            text = self.t("play.choose_hint", n=n) if n > 1 else self.t("play.choose_hint_one")
            if str(hint.render()) != text:
                hint.update(Text(text, style="dim"))
            choices.focus()
        self.query_one(Transcript).settle()
        self._update_status()
        bindings = (self.pt.can_undo, run.finished, self.pt.watching)
        if bindings != self._bindings_state:  # the footer rebuilds itself on every refresh
            self._bindings_state = bindings
            self.refresh_bindings()

    def _update_status(self) -> None:
        if not self.is_mounted:
            return
        run = self.pt.run
        made = len(run.history)
        rng = self.app.decisions_range(self.pt.scenario)
        if run.finished:
            progress = self.t("play.progress_done", n=made)
        elif rng and rng[1] >= made + 1:
            lo, hi = rng
            span = f"{lo}" if lo == hi else f"{lo}–{hi}"
            progress = self.t("play.progress", n=made + 1, total=span)
        else:
            progress = self.t("play.progress_open", n=made + 1)
        wide = self.has_class("-wide")
        status = Text()
        status.append(self.t(f"mode.{self.pt.mode}"), style="bold")
        status.append("  ·  " + progress)
        if not self.pt.saving or self._pending:
            status.append("  ·  " + self.t("play.not_saving"), style="bold")
        elif self.pt.watching:
            status.append("  ·  " + self.t("lease.watching"), style="bold")
        show_gauges = self.pt.mode == "coach" and has_gauges(run)
        if show_gauges and not wide:
            status.append("\n")
            status.append_text(fitted_gauge_text(run, self.lang, self.app.size.width - 2))
        key = (status.plain, progress, str(run.values) if show_gauges else "", wide, self.lang,
               self.app.size.width)
        if key == self._status_shown:  # an update costs a layout: only when something changed
            return
        self._status_shown = key
        self.query_one("#play-status", Static).update(status)
        self.query_one("#side-progress", Static).update(Text(progress))
        if show_gauges:
            self.query_one("#side-gauges", Gauges).show_run(run, self.lang, stacked=True)

    # -- saving ------------------------------------------------------------------------
    def _attach_store(self) -> None:
        store = self.app.store
        if store is None:
            problem = self.app.store_problem
            self._store_failed(self.app.store_error or "", first=True,
                               damaged=problem if isinstance(problem, DamagedStore) else None)
            return
        self.pt.lease_label = self._lease_label()
        try:
            self.pt.attach(store)
        except StoreError as err:
            self._store_failed(error_text(err, self.lang), first=True,
                               damaged=err if isinstance(err, DamagedStore) else None)
        self._update_status()

    def _save_failed(self, err: StoreError) -> None:
        """A save after a choice or an undo failed (the step took effect)."""
        self._store_failed(error_text(err, self.lang), first=False,
                           damaged=err if isinstance(err, DamagedStore) else None,
                           retry=not _gone_for_good(err))

    def _store_failed(self, reason: str, *, first: bool,
                      damaged: DamagedStore | None = None, retry: bool = True) -> None:
        """Say why saving failed and ask what now. ``retry``: saving may work again later
        (a full disk), so playing on keeps the run attached and every choice retries; not
        so for a run that was deleted meanwhile (playing on is then without saving)."""
        if damaged is not None:
            self._offer_fresh_store(reason, damaged, first=first)
            return
        if not first and self._pending:
            # the trainee chose to play on: no new question, a retry at every choice
            self.notify(self.t("store.still_not_saved", reason=reason), severity="warning")
            self._update_status()
            return

        def answer(go_on: bool | None) -> None:
            if go_on and (first or not retry):
                self.pt.detach()
                self.notify(self.t("store.playing_unsaved"), severity="warning")
            elif go_on:  # play on; what is not saved yet is saved at a next choice
                self._pending = True
                self.notify(self.t("store.will_retry"), severity="warning")
            elif first:
                self.app.pop_screen()
                return
            else:
                self._retry_save()
            self._update_status()

        if first:
            msg = self.t("store.cannot_start", reason=reason)
            dialog = ConfirmDialog(msg, yes=self.t("store.play_unsaved"), no=self.t("dialog.back"),
                                   title=self.t("store.title"))
        else:
            msg = self.t("store.cannot_save", reason=reason)
            dialog = ConfirmDialog(msg, yes=self.t("store.play_on_retry" if retry
                                                   else "store.play_unsaved"),
                                   no=self.t("store.retry"), title=self.t("store.title"))
        self.app.push_screen(dialog, answer)

    def _offer_fresh_store(self, reason: str, damaged: DamagedStore, *, first: bool) -> None:
        """A damaged store: play without saving, or start a fresh store beside it (the
        damaged file kept for recovery), or go back."""

        def answer(what: str | None) -> None:
            if what == "fresh" and self._start_fresh_store(damaged):
                self._update_status()
                return
            if what == "back" and first:
                self.app.pop_screen()
                return
            if what == "back":
                self.app.go_home()
                return
            self.pt.detach()
            self.notify(self.t("store.playing_unsaved"), severity="warning")
            self._update_status()

        self.app.push_screen(DamagedStoreDialog(reason), answer)

    def _start_fresh_store(self, damaged: DamagedStore) -> bool:
        old = self.app.store
        if old is not None:
            old.close()
        try:
            store, kept = fresh_store(damaged)
        except StoreError as err:
            self.notify(error_text(err, self.lang), severity="error")
            return False
        self.app.use_store(store)
        self.pt.detach()
        try:
            self.pt.attach(store)
        except StoreError as err:
            self._store_failed(error_text(err, self.lang), first=True)
            return True
        self.notify(self.t("store.fresh_started", path=shown_path(damaged.path),
                           kept=shown_path(kept.name)), timeout=10)
        return True

    def _saved(self) -> None:
        """A save worked: after failed ones, say that the pending steps are stored now."""
        if self._pending and self.pt.saving and not self.pt.unsaved:
            self._pending = False
            self.notify(self.t("store.caught_up"))

    def _retry_save(self) -> None:
        try:
            self.pt.save()
            self.notify(self.t("store.saved_again"))
        except LeaseLost:
            self._taken()
        except StoreError as err:
            self._save_failed(err)

    # -- one writer per run: the lease, watching, taking over ----------------------------
    def _lease_label(self) -> str:
        return "browser" if self.app.is_web else "app"

    def _open_lease(self) -> None:
        """Open the run for writing here; when another window has it open, say so and
        offer to continue here or to watch (watching meanwhile: nothing is saved)."""
        self.pt.lease_label = self.pt.lease_label or self._lease_label()
        try:
            other = self.pt.claim()
        except StoreError as err:
            self.notify(error_text(err, self.lang), severity="error")
            return
        if other is None:
            return
        self._watch()
        self.app.push_screen(OpenElsewhereDialog(self._elsewhere(other)), self._elsewhere_answer)

    def _elsewhere(self, other: LeaseRecord) -> str:
        import time

        where = self.t(f"lease.where.{other.label}" if other.label in ("app", "plain", "browser")
                       else "lease.where.other")
        ago = self.t("lease.ago", n=max(0, round(time.time() - other.heartbeat)))
        return self.t("lease.elsewhere", where=where, ago=ago)

    def _elsewhere_answer(self, what: str | None) -> None:
        if what == "take_over":
            self.action_take_over()
        elif what == "back":
            self.app.pop_screen()

    def _beat(self) -> None:
        """The lease's heartbeat; a window that lost it is told, and watches from then on."""
        if not self.pt.saving or self.pt.watching:
            return
        try:
            kept = self.pt.keep()
        except StoreError:
            return  # a passing problem: the next save says it if it lasts
        if not kept:
            self._taken()

    def _taken(self) -> None:
        self._watch()
        self.notify(self.t("lease.taken"), severity="warning", timeout=10)

    def _watch(self) -> None:
        """Read only: the run as the other window plays it, read again every few seconds."""
        self.pt.watching = True
        self._follow(force=True)
        if self._watch_timer is None:
            self._watch_timer = self.set_interval(WATCH_POLL, self._follow)

    def _follow(self, force: bool = False) -> None:
        try:
            changed = self.pt.reload()
        except RunError:
            changed = False
        except StoreError:
            return
        if changed or force:
            self._show_all(paced=False)
        self._update_status()

    def action_take_over(self) -> None:
        """Continue here: the other window's saves are refused from now on."""
        if not self.pt.watching:
            return
        try:
            self.pt.claim(take_over=True)
            self.pt.reload()
        except (StoreError, RunError) as err:
            self.notify(error_text(err, self.lang), severity="error")
            return
        if self._watch_timer is not None:
            self._watch_timer.stop()
            self._watch_timer = None
        self._show_all(paced=False)
        self.notify(self.t("lease.now_here"))

    # -- acting ------------------------------------------------------------------------
    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self._choose(event.option.id)

    def action_pick(self, number: int) -> None:
        if self.too_small:  # nothing to read: no blind choices
            self.notify(self.t("play.too_small_keys"), severity="warning")
            return
        tr = self.query_one(Transcript)
        if tr.revealing:
            tr.skip()
            return
        if self.pt.run.finished or self.pt.watching:
            return
        views = self.pt.run.choices(self.lang)
        view = next((v for v in views if v.number == number), None)
        if view is None:
            self.notify(self.t("play.no_such_choice", n=number, count=len(views)))
        elif not view.enabled:
            self.notify(self.t("play.choice_unavailable", reason=one_line(view.reason or "")))
        else:
            self._choose(view.id)

    def _choose(self, choice_id: str) -> None:
        run = self.pt.run
        if run.finished or self.pt.watching or self.query_one(Transcript).revealing \
                or self.too_small:
            return
        n = len(run.history) + 1
        try:
            step = self.pt.choose(choice_id)
        except RunError as err:
            self.notify(error_text(err, self.lang), severity="error")
            return
        except LeaseLost:  # taken over meanwhile: this choice is not kept, the run is shown
            self._taken()
            return
        except StoreError as err:
            step = run.history[-1]
            self._save_failed(err)
        else:
            self._saved()
        tr = self.query_one(Transcript)
        paced = tr.timing[0] > 0
        if paced:  # lines appear one by one: the choices wait till they are read
            self._waiting()
        entries = transcript.step_entries(run.scenario, step, n, self.lang,
                                          self.pt.mode == "coach")
        self._set_coach(entries)
        if tr.add(entries):  # all at once: the choices in the same frame as the lines
            self._revealed()
        else:
            self._update_status()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "take_over":
            return self.pt.watching
        if action == "undo":
            if self.pt.mode != "coach" or self.pt.watching:
                return False
            return True if self.pt.can_undo else None
        return True

    def on_key(self, event: Key) -> None:
        """U where there is nothing to take back (dimmed in the footer): say why."""
        if event.key == "u" and self.pt.mode == "coach" and not self.pt.can_undo:
            event.stop()
            self.action_undo()

    def action_undo(self) -> None:
        if self.pt.mode != "coach" or self.pt.watching:
            return
        if not self.pt.can_undo:
            key = "play.no_undo_at_end" if self.pt.run.finished else "play.nothing_to_undo"
            self.notify(self.t(key))
            return
        try:
            self.pt.undo()
        except RunError as err:
            self.notify(error_text(err, self.lang), severity="error")
            return
        except LeaseLost:  # taken over meanwhile: the undo is not kept
            self._taken()
            return
        except StoreError as err:
            self._save_failed(err)
        else:
            self._saved()
        self._show_all(paced=False)
        self.notify(self.t("play.undone"))

    def action_scroll_transcript(self, direction: int) -> None:
        tr = self.query_one(Transcript)
        if direction < 0:
            tr.scroll_page_up(animate=False)
        else:
            tr.scroll_page_down(animate=False)

    def action_dossier(self) -> None:
        self.app.push_screen(DossierScreen(self.pt.scenario))

    def action_glossary(self) -> None:
        self.app.push_screen(GlossaryScreen())

    def action_pause(self) -> None:
        def answer(what: str | None) -> None:
            if what == "home":
                self.app.go_home()
            elif what == "quit":
                self.app.exit()

        self.app.push_screen(PauseDialog(self.pt.saving), answer)

    @on(Button.Pressed, "#to-debrief")
    def action_debrief(self) -> None:
        if not self.pt.run.finished:
            return
        self.app.switch_screen(self.app.debrief_screen(self.pt.scenario, self.pt.run.snapshot(),
                                                       self.pt.mode, self.pt.run_id))

    # -- help and palette --------------------------------------------------------------
    def help_keys(self) -> Iterable[tuple[str, str]]:
        yield ("1–9", self.t("help.play.numbers"))
        yield ("↑ ↓ Enter", self.t("help.play.arrows"))
        yield (self.t("key.space"), self.t("help.play.skip"))
        yield ("PgUp / PgDn", self.t("help.play.scroll"))

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(self.t("key.dossier"), self.t("cmd.dossier.help"), self.action_dossier)
        yield SystemCommand(self.t("key.glossary"), self.t("cmd.glossary.help"),
                            self.action_glossary)
        if self.pt.mode == "coach":
            yield SystemCommand(self.t("key.undo"), self.t("cmd.undo.help"), self.action_undo)
        yield SystemCommand(self.t("key.pause"), self.t("cmd.pause.help"), self.action_pause)


def _gone_for_good(err: StoreError) -> bool:
    """The run is no longer kept (the trainer deleted it): saving cannot work again."""
    return err.msg is not None and err.msg.key == "storage.run_deleted"
