"""xAPI statements (IEEE 9274.1.1, xAPI 1.0.3) of what happened in runs.

A run's learning records (:class:`~sim.store.LogEntry`: started, resumed, answered,
undid, completed) become statements here; a completed run gives two: *completed*
(the ending and its outcome) and *scored* (the scaled score of every assessed rubric
dimension, the axes and the quadrant). The statement id is the record's own id (and a
name-based UUID of it for *scored*), so a statement is the same however often it is
built or sent, and a retry is idempotent. The vocabulary is written down in
``docs/xapi.md``.

The actor is a pseudonymous account by default: a keyed hash of the participant (or of
the installation, for solo play), never a name, unless the organisation's settings say
``actor = name``. Nothing here reads the store or the network: :mod:`sim.lrs` does.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .store import LogEntry, ParticipantRecord, RunRecord, SessionRecord

XAPI_VERSION = "1.0.3"
LANGS = ("nl", "en")

# sovsim has no web domain of its own: its vocabulary lives under the reserved name
# "sovsim.invalid" (RFC 2606), which can never be anyone's real domain.
VOCAB = "https://sovsim.invalid/xapi"
DEFAULT_HOMEPAGE = "https://sovsim.invalid"
DEFAULT_ACTIVITY_BASE = f"{VOCAB}/activities"

ADL = "http://adlnet.gov/expapi/verbs"
VERBS: dict[str, tuple[str, dict[str, str]]] = {
    "started": (f"{ADL}/attempted", {"nl": "begon aan", "en": "attempted"}),
    "resumed": (f"{ADL}/resumed", {"nl": "ging verder met", "en": "resumed"}),
    "answered": (f"{ADL}/answered", {"nl": "beantwoordde", "en": "answered"}),
    "undid": (f"{VOCAB}/verbs/undid", {"nl": "nam terug", "en": "undid"}),
    "completed": (f"{ADL}/completed", {"nl": "rondde af", "en": "completed"}),
    "scored": (f"{ADL}/scored", {"nl": "behaalde de score", "en": "scored"}),
}

TYPE_SCENARIO = "http://adlnet.gov/expapi/activities/simulation"
TYPE_DECISION = "http://adlnet.gov/expapi/activities/cmi.interaction"
TYPE_SESSION = f"{VOCAB}/activity-types/group-session"

EXT = f"{VOCAB}/extensions"
EXT_STEP = f"{EXT}/step"
EXT_MODE = f"{EXT}/mode"
EXT_SESSION_KIND = f"{EXT}/session-kind"
EXT_EFFECTS = f"{EXT}/rubric-effects"
EXT_CHOICE = f"{EXT}/choice"
EXT_ENDING = f"{EXT}/ending"
EXT_OUTCOME = f"{EXT}/outcome"
EXT_DIMENSION = f"{EXT}/dimension"  # + "/<dimension id>"
EXT_AXES = f"{EXT}/axes"
EXT_QUADRANT = f"{EXT}/quadrant"
EXT_RUBRIC = f"{EXT}/rubric"

_NS = uuid.UUID("0b8f1c36-2a4e-4b7d-9f61-5e3a7c9d2b14")
ACTOR_MODES = ("pseudonym", "name")


@dataclass(frozen=True, slots=True)
class XapiSettings:
    """The organisation's choices (kept in the store's settings, never a credential)."""

    homepage: str = DEFAULT_HOMEPAGE
    activity_base: str = DEFAULT_ACTIVITY_BASE
    actor: str = "pseudonym"  # or "name": the participant's display name as well


def registration(run_id: str) -> str:
    """The run's registration: the same UUID for every statement of the run."""
    return str(uuid.uuid5(_NS, f"run/{run_id}"))


def scored_id(completed_id: str) -> str:
    return str(uuid.uuid5(_NS, f"scored/{completed_id}"))


def pseudonym(secret: str, key: str) -> str:
    """A stable, unguessable account name for ``key`` (a participant, a session)."""
    return hmac.new(secret.encode(), key.encode(), hashlib.sha256).hexdigest()[:20]


def _lang_map(text: Any) -> dict[str, str]:
    """A language map in nl and en of a scenario :class:`~sim.scenario.Text` (or a str)."""
    if isinstance(text, str):
        return {lang: text for lang in LANGS}
    return {lang: " ".join(str(text.get(lang)).split()) for lang in LANGS}


def _short(text: dict[str, str], limit: int = 160) -> dict[str, str]:
    return {k: v if len(v) <= limit else v[: limit - 1].rstrip() + "…" for k, v in text.items()}


class StatementBuilder:
    """Builds the statements of learning records.

    ``scenario_of(scenario_id, path)`` gives the loaded scenario (or None when it cannot
    be had: ids stand in for its texts then); ``debrief_of(run)`` gives a run's debrief
    data (:meth:`~scoring.debrief.Debrief.to_data`) or None.
    """

    def __init__(
        self,
        settings: XapiSettings,
        secret: str,
        *,
        runs: Mapping[str, RunRecord],
        sessions: Mapping[str, SessionRecord],
        participants: Mapping[str, ParticipantRecord],
        scenario_of: Callable[[str, str], Any],
        debrief_of: Callable[[RunRecord], dict[str, Any] | None],
    ) -> None:
        self.settings = settings
        self.secret = secret
        self.runs = runs
        self.sessions = sessions
        self.participants = participants
        self._scenario_of = scenario_of
        self._debrief_of = debrief_of

    # -- pieces ------------------------------------------------------------------------
    def _base(self, run: RunRecord) -> str:
        return (
            f"{self.settings.activity_base.rstrip('/')}/scenario/{run.scenario_id}"
            f"/v{run.scenario_version}"
        )

    def actor(self, run: RunRecord) -> dict[str, Any]:
        home = self.settings.homepage
        session = self.sessions.get(run.session_id or "")
        if session is not None and session.kind == "plenary":
            return {
                "objectType": "Group",
                "name": session.title or session.id,
                "account": {
                    "homePage": home,
                    "name": "g-" + pseudonym(self.secret, f"session/{session.id}"),
                },
            }
        key = f"participant/{run.person}" if run.person else "solo"
        out: dict[str, Any] = {
            "objectType": "Agent",
            "account": {"homePage": home, "name": "p-" + pseudonym(self.secret, key)},
        }
        person = self.participants.get(run.person or "")
        if self.settings.actor == "name" and person is not None:
            out["name"] = person.name
        return out

    def scenario_activity(self, run: RunRecord) -> dict[str, Any]:
        sc = self._scenario_of(run.scenario_id, run.scenario_path)
        definition: dict[str, Any] = {"type": TYPE_SCENARIO}
        if sc is not None:
            definition["name"] = _lang_map(sc.title)
            definition["description"] = _short(_lang_map(sc.summary), 500)
        else:
            definition["name"] = _lang_map(run.scenario_id)
        return {"objectType": "Activity", "id": self._base(run), "definition": definition}

    def decision_activity(self, run: RunRecord, node_id: str) -> dict[str, Any]:
        sc = self._scenario_of(run.scenario_id, run.scenario_path)
        definition: dict[str, Any] = {"type": TYPE_DECISION, "interactionType": "choice"}
        node = sc.nodes.get(node_id) if sc is not None else None
        if node is not None:
            first = next((ln.text for ln in node.lines), None)
            definition["name"] = (
                _short(_lang_map(first)) if first is not None else _lang_map(node_id)
            )
            definition["choices"] = [
                {"id": ch.id, "description": _short(_lang_map(ch.text))} for ch in node.choices
            ]
        else:
            definition["name"] = _lang_map(node_id)
        return {
            "objectType": "Activity",
            "id": f"{self._base(run)}/node/{node_id}",
            "definition": definition,
        }

    def context(
        self, run: RunRecord, seq: int | None = None, *, parent: bool = True
    ) -> dict[str, Any]:
        ctx: dict[str, Any] = {
            "registration": registration(run.id),
            "platform": "sovsim",
            "language": run.lang if run.lang in LANGS else "nl",
        }
        activities: dict[str, Any] = {}
        if parent:
            activities["parent"] = [
                {
                    "objectType": "Activity",
                    "id": self._base(run),
                    "definition": {"type": TYPE_SCENARIO},
                }
            ]
        ext: dict[str, Any] = {EXT_MODE: run.mode}
        session = self.sessions.get(run.session_id or "")
        if session is not None:
            activities["grouping"] = [
                {
                    "objectType": "Activity",
                    "id": f"{self.settings.activity_base.rstrip('/')}/session/{session.id}",
                    "definition": {
                        "type": TYPE_SESSION,
                        "name": _lang_map(session.title or session.id),
                    },
                }
            ]
            ext[EXT_SESSION_KIND] = session.kind
        if seq is not None:
            ext[EXT_STEP] = seq
        if activities:
            ctx["contextActivities"] = activities
        ctx["extensions"] = ext
        return ctx

    @staticmethod
    def _verb(kind: str) -> dict[str, Any]:
        iri, display = VERBS[kind]
        return {"id": iri, "display": dict(display)}

    # -- statements ----------------------------------------------------------------------
    def statements(self, entry: LogEntry) -> list[dict[str, Any]]:
        """The statements of one learning record ([] when its run is not known)."""
        run = self.runs.get(entry.run_id)
        if run is None:
            return []
        head = {
            "id": entry.id,
            "actor": self.actor(run),
            "verb": self._verb(entry.kind),
            "timestamp": entry.time,
        }
        if entry.kind in ("started", "resumed"):
            return [
                {
                    **head,
                    "object": self.scenario_activity(run),
                    "context": self.context(run, parent=False),
                }
            ]
        if entry.kind == "answered":
            return [self._answered(head, run, entry)]
        if entry.kind == "undid":
            st = {**head, "context": self.context(run, entry.seq)}
            answered = entry.data.get("answered")
            if isinstance(answered, str):
                st["object"] = {"objectType": "StatementRef", "id": answered}
                del st["context"]["platform"]  # xAPI: only with an Activity as the object
            else:  # an undo of a decision stored before learning records were kept
                st["object"] = self.decision_activity(run, str(entry.data.get("node") or "start"))
            return [st]
        if entry.kind == "completed":
            return self._completed(head, run, entry)
        return []

    def _answered(self, head: dict[str, Any], run: RunRecord, entry: LogEntry) -> dict[str, Any]:
        node, choice = str(entry.data.get("node", "")), str(entry.data.get("choice", ""))
        scores = entry.data.get("scores")
        effects = (
            {str(k): v for k, v in scores.items() if type(v) is int}
            if isinstance(scores, dict)
            else {}
        )
        result: dict[str, Any] = {
            "response": choice,
            "extensions": {
                EXT_EFFECTS: effects,
                EXT_CHOICE: f"{self._base(run)}/node/{node}/choice/{choice}",
            },
        }
        return {
            **head,
            "object": self.decision_activity(run, node),
            "result": result,
            "context": self.context(run, entry.seq),
        }

    def _completed(
        self, head: dict[str, Any], run: RunRecord, entry: LogEntry
    ) -> list[dict[str, Any]]:
        ending, outcome = entry.data.get("ending"), entry.data.get("outcome")
        ext: dict[str, Any] = {}
        if isinstance(ending, str):
            ext[EXT_ENDING] = f"{self._base(run)}/node/{ending}"
        if isinstance(outcome, str):
            ext[EXT_OUTCOME] = outcome
        result: dict[str, Any] = {"completion": True}
        if ext:
            result["extensions"] = ext
        out = [
            {
                **head,
                "object": self.scenario_activity(run),
                "result": result,
                "context": self.context(run, entry.seq, parent=False),
            }
        ]
        scored = self._scored(head, run, entry)
        if scored is not None:
            out.append(scored)
        return out

    def _scored(
        self, head: dict[str, Any], run: RunRecord, entry: LogEntry
    ) -> dict[str, Any] | None:
        data = self._debrief_of(run)
        if data is None:
            return None
        ext: dict[str, Any] = {EXT_RUBRIC: f"{data.get('rubric_id')}/v{data.get('rubric_version')}"}
        for d in data.get("dimensions", []):
            if not d.get("assessed") or d.get("score") is None:
                continue  # not assessed: left out, never sent as zero
            ext[f"{EXT_DIMENSION}/{d['id']}"] = {
                "scaled": round(d["score"] / 100, 4),
                "score": d["score"],
                "band": d.get("band"),
                **({"decisions": d["decisions"]} if isinstance(d.get("decisions"), int) else {}),
            }
        axes = {
            a["id"]: {"score": a["score"], "high": a["high"]}
            for a in data.get("axes", [])
            if a.get("score") is not None
        }
        if axes:
            ext[EXT_AXES] = axes
        quadrant = data.get("quadrant")
        if isinstance(quadrant, dict) and quadrant.get("id"):
            ext[EXT_QUADRANT] = quadrant["id"]
        return {
            **head,
            "id": scored_id(entry.id),
            "verb": self._verb("scored"),
            "object": self.scenario_activity(run),
            "result": {"extensions": ext},
            "context": self.context(run, entry.seq, parent=False),
        }

    def all(self, entries: Iterable[LogEntry]) -> list[dict[str, Any]]:
        return [st for e in entries for st in self.statements(e)]
