"""The trainer's view of joining: take-overs to approve, tabs locked out after wrong codes,
and the log of joins and failed attempts (all through :class:`sim.sessions.Trainer`)."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ..sessions import AccessDenied, Trainer
from ..store import JoinLogRecord, StoreError, ThrottleRecord
from . import render
from .strings import t

CSS = Path(__file__).with_name("groupui.tcss")  # every rule names its screen
FAILED = ("wrong_code", "locked", "bad_token", "lookalike")


def clock(value: str | float) -> str:
    """A moment as the trainer's local time of day (HH:MM:SS)."""
    try:
        moment = (datetime.fromtimestamp(value) if isinstance(value, float | int)
                  else datetime.fromisoformat(value).astimezone())
    except (ValueError, OSError, OverflowError):
        return "?"
    return moment.strftime("%H:%M:%S")


def who(scope: str, lang: str) -> str:
    kind, _, ident = scope.partition(":")
    if kind == "addr":
        return t("group.joins.address", lang, address=render.one_line(ident))
    return t("group.joins.tab", lang, id=ident[:6])


def held_text(rec: ThrottleRecord, lang: str) -> str:
    now = time.time()
    state = (t("group.joins.locked_until", lang, time=clock(rec.locked_until))
             if rec.locked_until > now else
             t("group.joins.wait_until", lang, time=clock(rec.wait_until)))
    return t("group.joins.locked_row", lang, who=who(rec.scope, lang), n=rec.failures, state=state)


def log_line(rec: JoinLogRecord, lang: str) -> str:
    """One line of the join log, as the dashboard and ``sovsim session log`` show it."""
    key = f"group.joins.event.{rec.event}"
    event = t(key, lang)
    if event == key:
        event = rec.event
    parts = [clock(rec.time), event]
    if rec.name:
        parts.append(render.one_line(rec.name))
    if rec.address:
        parts.append(t("group.joins.address", lang, address=render.one_line(rec.address)))
    elif rec.tab and rec.event != "lockout_lifted":
        parts.append(t("group.joins.tab", lang, id=rec.tab[:6]))
    elif rec.tab:
        parts.append(who(rec.tab, lang))
    return " · ".join(parts)


def recent_failures(log: list[JoinLogRecord], seconds: float = 900.0) -> int:
    """Failed attempts in the log of the last ``seconds``."""
    since = time.time() - seconds
    out = 0
    for rec in log:
        try:
            when = datetime.fromisoformat(rec.time).timestamp()
        except ValueError:
            continue
        if rec.event in FAILED and when >= since:
            out += 1
    return out


class TakeoversScreen(ModalScreen[None]):
    """Pending requests to continue as an existing participant: approve or refuse each."""

    CSS_PATH = CSS
    BINDINGS = [Binding("escape", "dismiss", show=False)]

    def __init__(self, trainer: Trainer, lang: str) -> None:
        super().__init__()
        self.trainer = trainer
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(t("group.takeovers.title", self.lang), style="bold"))
            yield Static(Text(t("group.takeovers.explain", self.lang)), classes="dialog-text")
            yield OptionList(id="takeover-list")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("group.takeovers.approve", self.lang), id="approve",
                             variant="primary")
                yield Button(t("group.takeovers.refuse", self.lang), id="refuse",
                             variant="error")
                yield Button(t("group.key.back", self.lang), id="back")

    def on_mount(self) -> None:
        self.fill()
        self.query_one(OptionList).focus()

    def fill(self) -> None:
        ol = self.query_one(OptionList)
        try:
            pending = self.trainer.pending_takeovers()
        except (StoreError, AccessDenied):
            pending = []
        ol.clear_options()
        for req, name in pending:
            where = (" · " + t("group.joins.address", self.lang, address=req.address)
                     if req.address else "")
            ol.add_option(Option(Text(t("group.takeovers.row", self.lang,
                                        name=render.one_line(name), time=clock(req.requested),
                                        where=where)), id=req.id))
        if not pending:
            ol.add_option(Option(Text(t("group.takeovers.none", self.lang), style="italic"),
                                 disabled=True))
        else:
            ol.highlighted = 0

    def _decide(self, approve: bool) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is None:
            return
        option = ol.get_option_at_index(ol.highlighted)
        if option.id is None:
            return
        names = dict((r.id, n) for r, n in self.trainer.pending_takeovers())
        if self.trainer.decide_takeover(option.id, approve):
            self.notify(t("group.takeovers.approved", self.lang,
                          name=render.one_line(names.get(option.id, "")))
                        if approve else t("group.takeovers.refused", self.lang))
        self.fill()

    @on(OptionList.OptionSelected)
    @on(Button.Pressed, "#approve")
    def approve(self) -> None:
        self._decide(True)

    @on(Button.Pressed, "#refuse")
    def refuse(self) -> None:
        self._decide(False)

    @on(Button.Pressed, "#back")
    def back(self) -> None:
        self.dismiss(None)


class JoinsScreen(ModalScreen[None]):
    """Tabs and addresses held back after wrong codes (lift a lock), and the join log."""

    CSS_PATH = CSS
    BINDINGS = [Binding("escape", "dismiss", show=False)]

    def __init__(self, trainer: Trainer, lang: str) -> None:
        super().__init__()
        self.trainer = trainer
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(t("group.joins.title", self.lang), style="bold"))
            yield Static(Text(t("group.joins.locked_head", self.lang), style="bold"))
            yield OptionList(id="locked-list")
            yield Static(Text(t("group.joins.log_head", self.lang), style="bold"))
            with VerticalScroll(id="joins-log"):
                yield Static(id="joins-lines")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("group.joins.lift", self.lang), id="lift", variant="primary")
                yield Button(t("group.key.back", self.lang), id="back")

    def on_mount(self) -> None:
        self.fill()
        ol = self.query_one(OptionList)
        (ol if ol.highlighted is not None else self.query_one("#back", Button)).focus()

    def fill(self) -> None:
        try:
            held = self.trainer.held_back()
            log = self.trainer.join_log(limit=100)
        except (StoreError, AccessDenied):
            held, log = [], []
        ol = self.query_one(OptionList)
        ol.clear_options()
        for rec in held:
            ol.add_option(Option(Text(held_text(rec, self.lang)), id=rec.scope))
        if not held:
            ol.add_option(Option(Text(t("group.joins.none_locked", self.lang), style="italic"),
                                 disabled=True))
        else:
            ol.highlighted = 0
        lines = Text("\n".join(log_line(r, self.lang) for r in log)
                     or t("group.joins.empty", self.lang))
        self.query_one("#joins-lines", Static).update(lines)

    @on(OptionList.OptionSelected)
    @on(Button.Pressed, "#lift")
    def lift(self) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is None:
            return
        option = ol.get_option_at_index(ol.highlighted)
        if option.id is not None and self.trainer.lift_lockout(option.id):
            self.notify(t("group.joins.lifted", self.lang))
        self.fill()

    @on(Button.Pressed, "#back")
    def back(self) -> None:
        self.dismiss(None)
