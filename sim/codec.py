"""Scenario model to plain JSON-able data and back (for the compiled cache).

Nodes are encoded one per line and decoded lazily on first access
(:class:`LazyNodes`), so a warm load costs little more than reading the file.
Expressions are stored as their source text and re-parsed through a memo: the
parsed form depends on the text alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from . import expr
from .scenario import (
    Character,
    Choice,
    Ending,
    Line,
    Override,
    Pos,
    Route,
    Scenario,
    ScenarioNode,
    ScenarioTip,
    Variable,
)
from .text import Text


@lru_cache(maxsize=65536)
def _parse(src: str) -> expr.Node:
    return expr.parse(src)


@lru_cache(maxsize=65536)
def _parse_effect(src: str) -> expr.Effect:
    return expr.parse_effect(src)


def _t(t: Text | None) -> Any:
    return None if t is None else t.to_data()


def _ut(d: Any) -> Text | None:
    if d is None:
        return None
    if isinstance(d, str):
        return Text(plain=d)
    return Text(values=tuple(sorted(d.items())))


def _route(r: Route) -> list[Any]:
    return [r.condition_src, r.target, r.pos.line, r.pos.column]


def _uroute(d: list[Any]) -> Route:
    return Route(_parse(d[0]), d[0], d[1], Pos(d[2], d[3]))


def _override(o: Override | None) -> Any:
    return None if o is None else [o.scores, _t(o.reason), o.pos.line, o.pos.column]


def _uoverride(d: Any) -> Override | None:
    if d is None:
        return None
    return Override(d[0], _ut(d[1]) or Text(plain=""), Pos(d[2], d[3]))


def dump_node(n: ScenarioNode) -> dict[str, Any]:
    return {
        "pos": [n.pos.line, n.pos.column],
        "lines": [[_t(ln.text), ln.speaker, ln.pos.line, ln.pos.column] for ln in n.lines],
        "thought": _t(n.thought), "thought_by": n.thought_by,
        "trainer_notes": _t(n.trainer_notes),
        "discussion": _t(n.discussion), "next": n.next,
        "next_routes": [_route(r) for r in n.next_routes],
        "ending": None if n.ending is None else [n.ending.outcome, _t(n.ending.title),
                                                 _t(n.ending.text), n.ending.pos.line,
                                                 n.ending.pos.column],
        "choices": [[c.id, _t(c.text), c.target, c.condition_src, c.unavailable, _t(c.reason),
                     [e.source for e in c.effects], c.scores, _t(c.feedback),
                     [_route(r) for r in c.routes], c.pos.line, c.pos.column,
                     [c.behaviours, _override(c.override), c.written_scores, _t(c.thought),
                      c.thought_by]]
                    for c in n.choices],
    }


def load_node(node_id: str, d: dict[str, Any]) -> ScenarioNode:
    n = ScenarioNode(node_id, pos=Pos(*d["pos"]))
    n.lines = [Line(_ut(t) or Text(plain=""), sp, Pos(li, co)) for t, sp, li, co in d["lines"]]
    n.thought, n.trainer_notes = _ut(d["thought"]), _ut(d["trainer_notes"])
    n.thought_by = d.get("thought_by")
    n.discussion = _ut(d["discussion"])
    n.next = d["next"]
    n.next_routes = [_uroute(r) for r in d["next_routes"]]
    if d["ending"] is not None:
        o, ti, te, li, co = d["ending"]
        n.ending = Ending(o, _ut(ti) or Text(plain=""), _ut(te) or Text(plain=""), Pos(li, co))
    for (cid, text, target, cond, unavailable, reason, effects, scores, feedback, routes,
         li, co, extra) in d["choices"]:
        behaviours, override, written, thought, thought_by = extra
        n.choices.append(Choice(
            id=cid, text=_ut(text) or Text(plain=""), target=target,
            condition=None if cond is None else _parse(cond), condition_src=cond,
            unavailable=unavailable, reason=_ut(reason),
            effects=[_parse_effect(e) for e in effects], scores=scores,
            feedback=_ut(feedback), routes=[_uroute(r) for r in routes], pos=Pos(li, co),
            behaviours=behaviours, override=_uoverride(override), written_scores=written,
            thought=_ut(thought), thought_by=thought_by,
        ))
    return n


class LazyNodes(Mapping[str, ScenarioNode]):
    """Node id -> node, each decoded from its JSON text on first access."""

    def __init__(self, raw: dict[str, str]) -> None:
        self._raw = raw
        self._done: dict[str, ScenarioNode] = {}

    def __getitem__(self, key: str) -> ScenarioNode:
        node = self._done.get(key)
        if node is None:
            node = load_node(key, json.loads(self._raw[key]))
            self._done[key] = node
        return node

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def dump_meta(s: Scenario) -> dict[str, Any]:
    return {
        "id": s.id, "version": s.version, "languages": s.languages, "title": _t(s.title),
        "summary": _t(s.summary), "role": _t(s.role), "dossier": _t(s.dossier),
        "start": s.start, "themes": s.themes, "difficulty": s.difficulty, "minutes": s.minutes,
        "setting": _t(s.setting), "channel": s.channel, "content_hash": s.content_hash,
        "characters": [[c.id, _t(c.name), _t(c.description), c.pos.line, c.pos.column]
                       for c in s.characters.values()],
        "variables": [[v.id, v.type, v.initial, v.min, v.max, v.gauge, _t(v.label),
                       v.pos.line, v.pos.column] for v in s.variables.values()],
        "tips": [[t.dimension, _t(t.text), t.pos.line, t.pos.column] for t in s.tips],
    }


def load_meta(d: dict[str, Any], nodes: Mapping[str, ScenarioNode]) -> Scenario:
    return Scenario(
        id=d["id"], version=d["version"], languages=d["languages"],
        title=_ut(d["title"]) or Text(plain=""), summary=_ut(d["summary"]) or Text(plain=""),
        role=_ut(d["role"]) or Text(plain=""), dossier=_ut(d["dossier"]) or Text(plain=""),
        start=d["start"], nodes=nodes,  # type: ignore[arg-type]
        characters={c[0]: Character(c[0], _ut(c[1]) or Text(plain=""), _ut(c[2]) or Text(plain=""),
                                    Pos(c[3], c[4])) for c in d["characters"]},
        variables={v[0]: Variable(v[0], v[1], v[2], v[3], v[4], v[5], _ut(v[6]), Pos(v[7], v[8]))
                   for v in d["variables"]},
        themes=d["themes"], difficulty=d["difficulty"], minutes=d["minutes"],
        setting=_ut(d["setting"]), channel=d["channel"], content_hash=d["content_hash"],
        tips=[ScenarioTip(t[0], _ut(t[1]) or Text(plain=""), Pos(t[2], t[3]))
              for t in d.get("tips", [])],
    )
