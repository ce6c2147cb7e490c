"""My results: past runs with date, scenario, mode, outcome and score; open any debrief again."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from ...engine import RunError
from ...errors import ContentError
from ...playthrough import Playthrough
from ...problemtext import error_text
from ...store import RunRecord, StoreError
from .base import BaseScreen


def local_time(iso: str, with_time: bool = True) -> str:
    """An ISO time from the store as local ``YYYY-MM-DD HH:MM`` (or just the date)."""
    fmt = "%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d"
    try:
        return datetime.fromisoformat(iso).astimezone().strftime(fmt)
    except ValueError:
        return iso[:16 if with_time else 10]


def fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


class ResultsScreen(BaseScreen):
    BINDINGS = [Binding("escape", "app.pop_screen", "key.back"),
                Binding("enter", "open", "key.open")]

    records: list[RunRecord] = []

    def refresh_titles(self) -> None:
        self.title = "sovsim"
        self.sub_title = self.t("results.title")

    def _records(self) -> list[RunRecord]:
        store = self.app.store
        if store is None:
            return []
        try:
            return store.runs(solo=True, limit=500)  # group sessions are not "my results"
        except StoreError as err:
            self.app.store_failed(err)
            return []

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        self.records = self._records()
        if not self.records:
            text = (self.t("store.unavailable", reason=self.app.store_error or "")
                    if self.app.store is None else self.t("results.empty"))
            yield Static(Text(text), id="results-empty")
        else:
            table: DataTable[Text] = DataTable(id="results-table", cursor_type="row",
                                               zebra_stripes=True)
            yield table
            yield Static(Text(self.t("results.hint"), style="dim"), id="results-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._fill()

    def after_relocalise(self) -> None:
        self._fill()

    def on_screen_resume(self) -> None:
        self.refresh_titles()
        self.call_later(self._refresh)

    async def _refresh(self) -> None:
        await self.recompose()
        self._fill()

    def _fill(self) -> None:
        tables = self.query("#results-table")
        if not tables:
            return
        table = tables.first(DataTable)
        table.clear(columns=True)
        rows = []
        wide = self.app.size.width >= 100
        for rec in self.records:
            if rec.finished:
                outcome = self.t(f"outcome.{rec.outcome}") if rec.outcome else ""
                score = self.app.run_score(rec) or ""
            else:
                outcome, score = self.t("results.unfinished"), ""
            title = self.app.title_of(rec.scenario_id, rec.scenario_path)
            rows.append((local_time(rec.started, wide), title,
                         self.t(f"mode.{rec.mode}" if wide else f"mode.{rec.mode}.tag"),
                         outcome, score, rec.id))
        heads = [self.t(k) for k in ("results.date", "results.scenario", "results.mode",
                                     "results.outcome", "results.score")]
        widths = [max([len(heads[i])] + [len(r[i]) for r in rows]) for i in range(5)]
        # the scenario column gets what is left (each column has one space either side)
        widths[1] = max(12, min(widths[1], self.app.size.width - 2 - 10
                                - sum(w for i, w in enumerate(widths) if i != 1)))
        for key, head, width in zip(("date", "scenario", "mode", "outcome", "score"), heads,
                                    widths, strict=True):
            table.add_column(head, key=key, width=width)
        for row in rows:
            table.add_row(*(Text(fit(v, widths[i])) for i, v in enumerate(row[:5])), key=row[5])
        table.focus()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.row_key.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":  # nothing to open in an empty list: no key for it in the footer
            return bool(self.records)
        return True

    def action_open(self) -> None:
        tables = self.query("#results-table")
        if not tables:
            return
        table = tables.first(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self._open(key)

    def _open(self, run_id: str | None) -> None:
        rec = next((r for r in self.records if r.id == run_id), None)
        if rec is None:
            return
        if rec.outcome == "abandoned":
            self.notify(self.t("results.cannot_open", reason=self.t("outcome.abandoned")))
            return
        try:
            scenario = self.app.find_scenario(rec.scenario_id, rec.scenario_path)
        except (FileNotFoundError, ContentError):
            self.notify(self.t("resume.missing", id=rec.scenario_id), severity="warning")
            return
        if not rec.finished:
            try:
                pt = Playthrough.resume(self.app.store, rec, scenario)  # type: ignore[arg-type]
            except RunError as err:
                self.notify(self.t("results.cannot_open", reason=error_text(err, self.lang)), severity="warning")
                return
            pt.lang = self.lang
            self.app.resume(pt)
            return
        self.app.push_screen(self.app.debrief_screen(scenario, rec.snapshot, rec.mode, rec.id))
