"""Learning Record Stores: their settings, the statements of stored runs, and sending.

An LRS is kept in the store's settings (``lrs:<name>``: its statements URL, the name of
the environment variable that holds its credentials, and whether to send after every
autosave); the credentials themselves are never in the store nor in an export. What is
to be sent is the store's learning-record log (:meth:`~sim.store.Store.log_entries`),
and what an LRS has taken is kept per statement, so an LRS that is down or slow loses
nothing: the next try sends what it has not taken, and since statement ids are stable a
retry of something it did take is not doubled. One process sends to an LRS at a time.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .problemtext import MessageError, Msg
from .store import LogEntry, RunRecord, Store
from .xapi import ACTOR_MODES, XAPI_VERSION, StatementBuilder, XapiSettings

LRS_KEY = "lrs:"
XAPI_KEY = "xapi:"
NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}\Z")
DEFAULT_AUTH_ENV = "SOVSIM_LRS_AUTH"
BATCH = 50
TIMEOUT = 10.0
BACKOFF = (2, 5, 15, 30, 60, 120, 300)  # seconds before the next automatic try


class LrsError(MessageError):
    """An LRS could not take statements; ``transient``: worth trying again later."""

    def __init__(self, msg: Msg, *, transient: bool, detail: str = "") -> None:
        super().__init__(msg)
        self.transient = transient
        self.detail = detail


@dataclass(frozen=True, slots=True)
class LrsConfig:
    name: str
    url: str  # the xAPI endpoint: statements are POSTed to <url>/statements
    auth_env: str = DEFAULT_AUTH_ENV
    auto: bool = False

    @property
    def statements_url(self) -> str:
        return self.url.rstrip("/") + "/statements"


# -- settings ---------------------------------------------------------------------------


def check_name(name: str) -> None:
    if not NAME_RE.match(name):
        raise LrsError(Msg("lrs.bad_name", name=name), transient=False)


def check_url(url: str) -> None:
    if not re.match(r"https?://[^\s/?#]+[^\s]*\Z", url):
        raise LrsError(Msg("lrs.bad_url", url=url), transient=False)


def configs(store: Store) -> list[LrsConfig]:
    out = []
    for key, value in sorted(store.settings_with_prefix(LRS_KEY).items()):
        try:
            data = json.loads(value)
            out.append(
                LrsConfig(
                    key[len(LRS_KEY) :],
                    str(data["url"]),
                    str(data.get("auth_env") or DEFAULT_AUTH_ENV),
                    bool(data.get("auto", False)),
                )
            )
        except (ValueError, KeyError, TypeError):
            continue  # a damaged setting is as if there were none
    return out


def get_config(store: Store, name: str) -> LrsConfig:
    for c in configs(store):
        if c.name == name:
            return c
    raise LrsError(
        Msg("lrs.unknown", name=name, known=", ".join(c.name for c in configs(store)) or "-"),
        transient=False,
    )


def add(
    store: Store, name: str, url: str, *, auth_env: str = DEFAULT_AUTH_ENV, auto: bool = False
) -> LrsConfig:
    check_name(name)
    check_url(url)
    if not re.match(r"[A-Za-z_][A-Za-z0-9_]{0,99}\Z", auth_env):
        raise LrsError(Msg("lrs.bad_env", env=auth_env), transient=False)
    cfg = LrsConfig(name, url, auth_env, auto)
    store.set_setting(LRS_KEY + name, json.dumps({"url": url, "auth_env": auth_env, "auto": auto}))
    return cfg


def remove(store: Store, name: str) -> None:
    get_config(store, name)
    store.delete_setting(LRS_KEY + name)
    store.lrs_forget(name)


def settings(store: Store) -> XapiSettings:
    vals = store.settings_with_prefix(XAPI_KEY)
    base = XapiSettings()
    actor = vals.get(XAPI_KEY + "actor", base.actor)
    return XapiSettings(
        vals.get(XAPI_KEY + "homepage", base.homepage),
        vals.get(XAPI_KEY + "activity_base", base.activity_base),
        actor if actor in ACTOR_MODES else base.actor,
    )


def set_settings(
    store: Store,
    *,
    homepage: str | None = None,
    activity_base: str | None = None,
    actor: str | None = None,
) -> XapiSettings:
    for key, value in (("homepage", homepage), ("activity_base", activity_base)):
        if value is not None:
            check_url(value)
            store.set_setting(XAPI_KEY + key, value)
    if actor is not None:
        if actor not in ACTOR_MODES:
            raise LrsError(
                Msg("lrs.bad_actor", actor=actor, allowed=", ".join(ACTOR_MODES)), transient=False
            )
        store.set_setting(XAPI_KEY + "actor", actor)
    return settings(store)


def secret(store: Store) -> str:
    """The key of the pseudonyms: made once per store, never exported."""
    value = store.get_setting(XAPI_KEY + "secret")
    if not value:
        value = secrets.token_hex(32)
        store.set_setting(XAPI_KEY + "secret", value)
    return value


# -- statements of stored runs ------------------------------------------------------------


def builder(
    store: Store, entries: list[LogEntry], *, rubric: Any, lang: str = "nl"
) -> StatementBuilder:
    """A :class:`StatementBuilder` for these records, reading their runs, sessions and
    participants from ``store`` and their scenarios from their files (or the bundled ones)."""
    run_ids = sorted({e.run_id for e in entries})
    runs: dict[str, RunRecord] = {}
    for rid in run_ids:
        rec = store.get_run(rid)
        if rec is not None:
            runs[rid] = rec
    sessions = {s.id: s for s in store.sessions()}
    participants = {
        p.id: p
        for sid in {r.session_id for r in runs.values() if r.session_id}
        for p in store.participants(sid)
    }
    scenarios: dict[str, Any] = {}
    dims = rubric.dimension_ids()

    def scenario_of(scenario_id: str, path: str) -> Any:
        if scenario_id not in scenarios:
            scenarios[scenario_id] = _find_scenario(scenario_id, path, dims)
        return scenarios[scenario_id]

    def debrief_of(run: RunRecord) -> dict[str, Any] | None:
        from scoring.debrief import DebriefError, build_debrief

        sc = scenario_of(run.scenario_id, run.scenario_path)
        if sc is None or not run.snapshot:
            return None
        try:
            return build_debrief(sc, run.snapshot, rubric, lang, run.mode).to_data()
        except DebriefError:
            return None

    return StatementBuilder(
        settings(store),
        secret(store),
        runs=runs,
        sessions=sessions,
        participants=participants,
        scenario_of=scenario_of,
        debrief_of=debrief_of,
    )


def _find_scenario(scenario_id: str, path: str, dims: list[str]) -> Any:
    import scenarios as bundled

    from .errors import ContentError
    from .loader import load_scenario

    here = Path(bundled.__file__).parent
    candidates = [Path(path)] if path and Path(path).is_file() else []
    candidates.append(here / f"{scenario_id}.yaml")
    for f in candidates:
        if not f.is_file():
            continue
        try:
            sc = load_scenario(f, dims)
        except ContentError:
            continue
        if sc.id == scenario_id:
            return sc
    return None


def statements_of(
    store: Store,
    *,
    rubric: Any,
    run_id: str | None = None,
    session_id: str | None = None,
    scenario_id: str | None = None,
    since: str | None = None,
) -> list[dict[str, Any]]:
    entries = store.log_entries(
        run_id=run_id, session_id=session_id, scenario_id=scenario_id, since=since
    )
    return builder(store, entries, rubric=rubric).all(entries)


# -- sending ------------------------------------------------------------------------------


def credentials(cfg: LrsConfig) -> str | None:
    """The Authorization header for ``cfg``, from its environment variable ("user:password")."""
    value = os.environ.get(cfg.auth_env, "")
    if not value:
        return None
    if ":" not in value:
        raise LrsError(Msg("lrs.bad_credentials_env", env=cfg.auth_env), transient=False)
    return "Basic " + base64.b64encode(value.encode()).decode()


def post(cfg: LrsConfig, statements: list[dict[str, Any]], *, timeout: float = TIMEOUT) -> None:
    """POST statements to the LRS; :class:`LrsError` with the LRS's own words if refused."""
    body = json.dumps(statements, ensure_ascii=False).encode()
    req = urllib.request.Request(
        cfg.statements_url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "X-Experience-API-Version": XAPI_VERSION,
        },
    )
    auth = credentials(cfg)
    if auth:
        req.add_header("Authorization", auth)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http(s) only)
            resp.read()
    except urllib.error.HTTPError as err:
        detail = _their_words(err)
        if err.code in (401, 403):
            raise LrsError(
                Msg(
                    "lrs.refused_auth",
                    name=cfg.name,
                    code=err.code,
                    detail=detail,
                    env=cfg.auth_env,
                ),
                transient=False,
                detail=detail,
            ) from None
        if err.code == 409:
            raise LrsError(
                Msg("lrs.conflict", name=cfg.name, detail=detail),
                transient=False,
                detail="409 " + detail,
            ) from None
        if err.code == 404:
            raise LrsError(
                Msg("lrs.not_found", name=cfg.name, url=cfg.statements_url),
                transient=False,
                detail="404 " + detail,
            ) from None
        transient = err.code >= 500 or err.code in (408, 425, 429)
        raise LrsError(
            Msg("lrs.http_error", name=cfg.name, code=err.code, detail=detail),
            transient=transient,
            detail=f"{err.code} {detail}",
        ) from None
    except (urllib.error.URLError, OSError, TimeoutError) as err:
        reason = getattr(err, "reason", err)
        raise LrsError(
            Msg("lrs.unreachable", name=cfg.name, url=cfg.statements_url, detail=str(reason)),
            transient=True,
            detail=str(reason),
        ) from None


def _their_words(err: urllib.error.HTTPError) -> str:
    try:
        text = err.read(4000).decode("utf-8", "replace")
    except OSError:
        return err.reason or ""
    try:
        data = json.loads(text)
        if isinstance(data, dict) and "detail" in data:
            text = (
                json.dumps(data["detail"], ensure_ascii=False)
                if not isinstance(data["detail"], str)
                else data["detail"]
            )
    except ValueError:
        pass
    return " ".join(text.split())[:500]


@dataclass(slots=True)
class SendReport:
    sent: int = 0
    failed: int = 0
    queued: int = 0
    error: LrsError | None = None


def send(
    store: Store,
    cfg: LrsConfig,
    *,
    rubric: Any,
    since: str | None = None,
    wait: float = 0.0,
    holder: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> SendReport:
    """Send the statements ``cfg`` has not taken yet, in batches; on a failure that may
    pass (the LRS down or slow), try again with growing pauses for up to ``wait`` seconds.

    A batch the LRS refuses as a whole is sent one by one, so one bad statement is marked
    failed (with the LRS's words) and the others go through."""
    holder = holder or uuid.uuid4().hex
    report = SendReport()
    if not store.lrs_claim(cfg.name, holder, 120):
        report.queued = store.lrs_state(cfg.name).queued
        return report
    deadline = time.monotonic() + wait
    attempt = 0
    try:
        while True:
            try:
                _send_pending(store, cfg, rubric, since, report, holder)
                store.lrs_tried(cfg.name)
                report.error = None
                break
            except LrsError as err:
                report.error = err
                nxt = (
                    datetime.now(UTC) + timedelta(seconds=BACKOFF[min(attempt, len(BACKOFF) - 1)])
                ).isoformat(timespec="seconds")
                store.lrs_tried(cfg.name, error=err.detail or str(err), next_try=nxt)
                if not err.transient or time.monotonic() >= deadline:
                    break
                sleep(
                    min(
                        BACKOFF[min(attempt, len(BACKOFF) - 1)],
                        max(0.0, deadline - time.monotonic()),
                    )
                )
                attempt += 1
    finally:
        store.lrs_release(cfg.name, holder)
    report.queued = store.lrs_state(cfg.name).queued
    return report


def _send_pending(
    store: Store, cfg: LrsConfig, rubric: Any, since: str | None, report: SendReport, holder: str
) -> None:
    while True:
        entries = store.log_entries(unsent_to=cfg.name, since=since, limit=BATCH)
        if not entries:
            return
        store.lrs_claim(cfg.name, holder, 120)
        build = builder(store, entries, rubric=rubric)
        groups = [(e, build.statements(e)) for e in entries]
        batch = [st for _, sts in groups for st in sts]
        try:
            if batch:
                post(cfg, batch)
            store.lrs_taken(cfg.name, entries)
            report.sent += len(batch)
        except LrsError as err:
            if err.transient or _key(err) in (
                "lrs.refused_auth",
                "lrs.not_found",
                "lrs.bad_credentials_env",
            ):
                raise
            # refused as a whole: one record at a time, so only the bad one stays behind
            for e, sts in groups:
                try:
                    if sts:
                        post(cfg, sts)
                    store.lrs_taken(cfg.name, [e])
                    report.sent += len(sts)
                except LrsError as one:
                    if one.transient or _key(one) in ("lrs.refused_auth", "lrs.not_found"):
                        raise
                    if _key(one) == "lrs.conflict":  # it has it, with other content
                        store.lrs_taken(cfg.name, [e], status="sent", error=one.detail)
                        continue
                    store.lrs_taken(cfg.name, [e], status="failed", error=one.detail)
                    report.failed += 1


def _key(err: LrsError) -> str:
    return err.msg.key if err.msg is not None else ""
