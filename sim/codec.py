"""Scenario model to plain JSON-able data and back (for the compiled cache)."""

from __future__ import annotations

from typing import Any

from . import expr
from .scenario import (
    Character,
    Choice,
    Ending,
    Line,
    Pos,
    Route,
    Scenario,
    ScenarioNode,
    Variable,
)
from .text import Text


def _t(t: Text | None) -> Any:
    return None if t is None else t.to_data()


def _ut(d: Any) -> Text | None:
    if d is None:
        return None
    if isinstance(d, str):
        return Text.of(d)
    if isinstance(d, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in d.items()):
        return Text.of(d)
    raise ValueError("malformed text")


def _pos(p: Pos) -> list[int]:
    return [p.line, p.column]


def _upos(d: Any) -> Pos:
    return Pos(int(d[0]), int(d[1]))


def _route(r: Route) -> list[Any]:
    return [expr.to_data(r.condition), r.condition_src, r.target, _pos(r.pos)]


def _uroute(d: list[Any]) -> Route:
    return Route(expr.from_data(d[0]), str(d[1]), str(d[2]), _upos(d[3]))


def dump(s: Scenario) -> dict[str, Any]:
    nodes = []
    for n in s.nodes.values():
        nodes.append({
            "id": n.id, "pos": _pos(n.pos),
            "lines": [[_t(ln.text), ln.speaker, _pos(ln.pos)] for ln in n.lines],
            "thought": _t(n.thought), "trainer_notes": _t(n.trainer_notes),
            "discussion": _t(n.discussion), "next": n.next,
            "next_routes": [_route(r) for r in n.next_routes],
            "ending": None if n.ending is None else [n.ending.outcome, _t(n.ending.title),
                                                     _t(n.ending.text), _pos(n.ending.pos)],
            "choices": [{
                "id": c.id, "text": _t(c.text), "target": c.target,
                "condition": None if c.condition is None else expr.to_data(c.condition),
                "condition_src": c.condition_src, "unavailable": c.unavailable,
                "reason": _t(c.reason), "effects": [e.to_data() for e in c.effects],
                "scores": c.scores, "feedback": _t(c.feedback),
                "routes": [_route(r) for r in c.routes], "pos": _pos(c.pos),
            } for c in n.choices],
        })
    return {
        "id": s.id, "version": s.version, "languages": s.languages, "title": _t(s.title),
        "summary": _t(s.summary), "role": _t(s.role), "dossier": _t(s.dossier),
        "start": s.start, "themes": s.themes, "difficulty": s.difficulty, "minutes": s.minutes,
        "setting": _t(s.setting), "channel": s.channel, "content_hash": s.content_hash,
        "characters": [[c.id, _t(c.name), _t(c.description), _pos(c.pos)]
                       for c in s.characters.values()],
        "variables": [[v.id, v.type, v.initial, v.min, v.max, v.gauge, _t(v.label), _pos(v.pos)]
                      for v in s.variables.values()],
        "nodes": nodes,
    }


def load(d: dict[str, Any]) -> Scenario:
    """Rebuild a scenario; any malformed input raises (KeyError, ValueError, TypeError...)."""
    nodes: dict[str, ScenarioNode] = {}
    for nd in d["nodes"]:
        n = ScenarioNode(str(nd["id"]), pos=_upos(nd["pos"]))
        n.lines = [Line(_ut(t) or Text.of(""), sp, _upos(p)) for t, sp, p in nd["lines"]]
        n.thought, n.trainer_notes = _ut(nd["thought"]), _ut(nd["trainer_notes"])
        n.discussion = _ut(nd["discussion"])
        n.next = nd["next"]
        n.next_routes = [_uroute(r) for r in nd["next_routes"]]
        if nd["ending"] is not None:
            o, ti, te, p = nd["ending"]
            n.ending = Ending(str(o), _ut(ti) or Text.of(""), _ut(te) or Text.of(""), _upos(p))
        for cd in nd["choices"]:
            n.choices.append(Choice(
                id=str(cd["id"]), text=_ut(cd["text"]) or Text.of(""), target=str(cd["target"]),
                condition=None if cd["condition"] is None else expr.from_data(cd["condition"]),
                condition_src=cd["condition_src"], unavailable=str(cd["unavailable"]),
                reason=_ut(cd["reason"]), effects=[expr.Effect.from_data(e) for e in cd["effects"]],
                scores={str(k): int(v) for k, v in cd["scores"].items()},
                feedback=_ut(cd["feedback"]), routes=[_uroute(r) for r in cd["routes"]],
                pos=_upos(cd["pos"]),
            ))
        nodes[n.id] = n
    for n in nodes.values():  # a cache entry must be internally consistent
        for target in n.successors():
            if target not in nodes:
                raise ValueError("dangling target in cache")
    if d["start"] not in nodes:
        raise ValueError("missing start in cache")
    return Scenario(
        id=str(d["id"]), version=int(d["version"]), languages=list(d["languages"]),
        title=_ut(d["title"]) or Text.of(""), summary=_ut(d["summary"]) or Text.of(""),
        role=_ut(d["role"]) or Text.of(""), dossier=_ut(d["dossier"]) or Text.of(""),
        start=str(d["start"]), nodes=nodes,
        characters={c[0]: Character(c[0], _ut(c[1]) or Text.of(""), _ut(c[2]) or Text.of(""),
                                    _upos(c[3])) for c in d["characters"]},
        variables={v[0]: Variable(v[0], v[1], v[2], v[3], v[4], bool(v[5]), _ut(v[6]), _upos(v[7]))
                   for v in d["variables"]},
        themes=[str(t) for t in d["themes"]], difficulty=int(d["difficulty"]),
        minutes=int(d["minutes"]), setting=_ut(d["setting"]), channel=str(d["channel"]),
        content_hash=str(d["content_hash"]),
    )
