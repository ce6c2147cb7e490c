"""Scenario files to the typed model: every problem reported with file, line and column."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from . import behaviours as bh
from . import expr
from .errors import ContentError, ScenarioError
from .gcpause import paused_gc
from .problemtext import Msg, suggest
from .scenario import (
    CHANNELS,
    DIFFICULTIES,
    OUTCOMES,
    VAR_TYPES,
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
from .text import KNOWN_LANGS, Text
from .yamlsafe import (
    Problems,
    kind_name,
    load_tree,
    mapping,
    pos,
    scalar,
)

LOADER_VERSION = 2  # 2: behaviours, overrides and owned thoughts
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}\Z")
VAR_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,59}\Z")
MAX_CHOICES = 50
MAX_NODES = 50_000

TOP_KEYS = {"id", "version", "languages", "title", "summary", "role", "dossier", "themes",
            "difficulty", "minutes", "setting", "channel", "characters", "variables", "start",
            "nodes", "format"}
TOP_KEYS |= {"tips"}  # scenario-level tips for the debrief (issue 12)
TOP_REQUIRED = ("id", "version", "title", "summary", "role", "start", "nodes")
NODE_KEYS = {"lines", "thought", "trainer_notes", "discussion", "choices", "next", "routes",
             "ending"}
CHOICE_KEYS = {"id", "text", "if", "unavailable", "reason", "effects", "scores", "feedback",
               "target", "routes", "behaviours", "override", "thought"}
THOUGHT_KEYS = {"by", "text"}
VAR_KEYS = {"type", "initial", "min", "max", "gauge", "label"}
LINE_KEYS = {"speaker", "text"}
ENDING_KEYS = {"outcome", "title", "text"}
ROUTE_KEYS = {"if", "target"}
CHAR_KEYS = {"name", "description"}


def _p(node: yaml.Node) -> Pos:
    line, col = pos(node)
    return Pos(line, col)


class _Builder:
    def __init__(self, problems: Problems, dimensions: Collection[str] | None) -> None:
        self.pb = problems
        self.dimensions = dimensions
        # the behaviour catalogue: the one given with the dimensions, else the bundled one
        self.catalogue = bh.catalogue_of(dimensions)
        if self.catalogue is None:
            self.catalogue = bh.catalogue_of(bh.default_terms())
        self.chars: dict[str, Character] = {}
        self.langs: list[str] = ["nl", "en"]
        # expressions to check once variables and nodes are known: (kind, parsed, node, src)
        self.pending: list[tuple[str, Any, yaml.Node, str]] = []
        self.refs: list[tuple[str, yaml.Node, Msg]] = []  # (target id, yaml node, what)

    # -- scalars -----------------------------------------------------------
    def text(self, node: yaml.Node, what: Msg) -> Text | None:
        if isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null"):
            return Text.of(node.value)  # as written, so Yes/No/15 stay text
        if isinstance(node, yaml.MappingNode):
            items = mapping(node, self.pb, what, allowed=KNOWN_LANGS)
            if items is None:
                return None
            values: dict[str, str] = {}
            for lang, (_, v) in items.items():
                if not isinstance(v, yaml.ScalarNode) or v.tag.endswith(":null"):
                    self.pb.add(v, Msg("load.lang_not_text", lang=lang, what=what,
                                       kind=kind_name(v)))
                    continue
                values[lang] = v.value  # as written: Yes, No, 15 stay text
            for lang in self.langs:
                if lang not in values and lang not in items:
                    self.pb.add(node, Msg("load.lang_missing", what=what, lang=lang))
            return Text.of(values)
        self.pb.add(node, Msg("load.not_text", what=what, kind=kind_name(node)))
        return None

    def ident(self, node: yaml.Node, what: Msg, pattern: re.Pattern[str] = ID_RE) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
            self.pb.add(node, Msg("load.not_id", what=what))
            return None
        value = str(node.value)
        if not pattern.match(value):
            rule = Msg("rule.var" if pattern is VAR_RE else "rule.id")
            self.pb.add(node, Msg("load.bad_id", what=what, value=value, rule=rule))
            return None
        return value

    def number(self, node: yaml.Node, what: Msg, whole: bool = False) -> float | int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith((":int", ":float")):
            try:
                value = scalar(node)
            except ValueError:
                self.pb.add(node, Msg("load.number_unusable", what=what))
                return None
            if whole and not isinstance(value, int):
                self.pb.add(node, Msg("load.not_whole", what=what))
                return None
            if abs(value) > 10**12:
                self.pb.add(node, Msg("load.number_too_large", what=what))
                return None
            return value
        self.pb.add(node, Msg("load.not_whole_number" if whole else "load.not_number",
                              what=what, kind=kind_name(node)))
        return None

    def expression(self, node: yaml.Node, what: Msg) -> tuple[Any, str] | None:
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith((":str", ":bool"))):
            self.pb.add(node, Msg("load.not_expression", what=what, kind=kind_name(node)))
            return None
        src = str(node.value) if node.tag.endswith(":str") else node.value.lower()
        try:
            parsed = expr.parse(src)
        except expr.ExprError as err:
            self._expr_error(node, src, err, what)
            return None
        self.pending.append(("cond", parsed, node, src))
        return parsed, src

    def _expr_error(self, node: yaml.Node, src: str, err: expr.ExprError, what: Msg) -> None:
        line, col = pos(node)
        if node.style in ('"', "'"):
            col += 1
        self.pb.add((line, col + err.column - 1), Msg("load.expr", what=what, error=err.msg,
                                                      src=src))

    # -- structure -----------------------------------------------------------
    def build(self, root: yaml.Node, path: str) -> Scenario | None:
        if not isinstance(root, yaml.MappingNode):
            self.pb.add(root, Msg("load.root", kind=kind_name(root)))
            return None
        top = mapping(root, self.pb, Msg("what.scenario"), TOP_KEYS, TOP_REQUIRED)
        if top is None:
            return None

        def get(key: str) -> yaml.Node | None:
            return top[key][1] if key in top else None

        if (n := get("languages")) is not None:
            if isinstance(n, yaml.SequenceNode) and n.value:
                langs = []
                for item in n.value:
                    v = str(item.value) if isinstance(item, yaml.ScalarNode) else ""
                    if v not in KNOWN_LANGS:
                        self.pb.add(item, Msg("load.lang_unknown", lang=v))
                    elif v in langs:
                        self.pb.add(item, Msg("load.lang_twice", lang=v))
                    else:
                        langs.append(v)
                self.langs = langs or ["nl"]
            else:
                self.pb.add(n, Msg("load.languages"))
        sid = self.ident(get("id"), Msg("what.scenario_id")) if get("id") is not None else None
        version = (self.number(get("version"), Msg("what.version"), whole=True)
                   if get("version") else None)
        texts: dict[str, Text | None] = {}
        for key in ("title", "summary", "role", "dossier", "setting"):
            node = get(key)
            texts[key] = self.text(node, Msg(f"what.top.{key}")) if node is not None else None
        themes: list[str] = []
        if (n := get("themes")) is not None:
            if isinstance(n, yaml.SequenceNode):
                for item in n.value:
                    if isinstance(item, yaml.ScalarNode) and item.tag.endswith(":str"):
                        themes.append(item.value)
                    else:
                        self.pb.add(item, Msg("load.theme"))
            else:
                self.pb.add(n, Msg("load.themes"))
        difficulty = 1
        if (n := get("difficulty")) is not None:
            d = self.number(n, Msg("what.difficulty"), whole=True)
            if d is not None and d not in DIFFICULTIES:
                self.pb.add(n, Msg("load.difficulty"))
            elif d is not None:
                difficulty = int(d)
        minutes = 10
        if (n := get("minutes")) is not None:
            m = self.number(n, Msg("what.minutes"), whole=True)
            if m is not None and not 1 <= m <= 600:
                self.pb.add(n, Msg("load.minutes"))
            elif m is not None:
                minutes = int(m)
        channel = "face_to_face"
        if (n := get("channel")) is not None:
            v = str(n.value) if isinstance(n, yaml.ScalarNode) else ""
            if v not in CHANNELS:
                self.pb.add(n, Msg("load.channel", channels=", ".join(CHANNELS),
                                   hint=suggest(v, CHANNELS)))
            else:
                channel = v
        tips = self.tips(get("tips"))
        characters = self.characters(get("characters"))
        self.chars = characters
        variables = self.variables(get("variables"))
        nodes = self.nodes(get("nodes"), characters)
        start = None
        if (n := get("start")) is not None:
            start = self.ident(n, Msg("what.start"))
            if start is not None:
                self.refs.append((start, n, Msg("what.start")))
        self.resolve(nodes, variables)
        if start is not None and not self.pb.has_errors:
            self.endless(nodes, start, get("start"))
        if self.pb.has_errors or sid is None or start is None or version is None:
            return None
        return Scenario(
            id=sid, version=int(version), languages=self.langs,
            title=texts["title"] or Text.of(sid), summary=texts["summary"] or Text.of(""),
            role=texts["role"] or Text.of(""), dossier=texts["dossier"] or Text.of(""),
            setting=texts["setting"], start=start, nodes=nodes, characters=characters,
            variables=variables, themes=themes, difficulty=difficulty, minutes=minutes,
            channel=channel, path=path, tips=tips,
        )

    def tips(self, node: yaml.Node | None) -> list[ScenarioTip]:
        """``tips:``: a list of ``{dimension: ID, text: {nl: ..., en: ...}}``."""
        out: list[ScenarioTip] = []
        if node is None:
            return out
        if not isinstance(node, yaml.SequenceNode):
            self.pb.add(node, Msg("load.tips_not_list", kind=kind_name(node)))
            return out
        for i, item in enumerate(node.value, 1):
            f = mapping(item, self.pb, Msg("what.a_tip", n=i), {"dimension", "text"}, ("text",))
            if f is None:
                continue
            dim = None
            if "dimension" not in f:
                self.pb.add(item, Msg("load.tip_no_dimension", n=i))
            else:
                dnode = f["dimension"][1]
                dim = str(dnode.value) if isinstance(dnode, yaml.ScalarNode) else ""
                if self.dimensions is not None and dim not in self.dimensions \
                        and dim in bh.default_terms():
                    dim = None  # a bundled dimension another rubric leaves out: no tip for it
                elif self.dimensions is not None and dim not in self.dimensions:
                    self.pb.add(dnode, Msg("load.tip_dimension", n=i, dim=dim,
                                           hint=suggest(dim, self.dimensions)
                                           or Msg("hint.rubric_has",
                                                  ids=", ".join(self.dimensions))))
                    dim = None
            text = self.text(f["text"][1], Msg("what.tip_text", n=i)) if "text" in f else None
            if dim and text is not None:
                out.append(ScenarioTip(dim, text, _p(item)))
        return out

    def characters(self, node: yaml.Node | None) -> dict[str, Character]:
        out: dict[str, Character] = {}
        if node is None:
            return out
        items = mapping(node, self.pb, Msg("what.characters"))
        for key, (knode, value) in (items or {}).items():
            cid = self.ident(knode, Msg("what.character_id"))
            fields = mapping(value, self.pb, Msg("what.character", id=key), CHAR_KEYS, ("name",))
            if cid is None or fields is None:
                continue
            name = (self.text(fields["name"][1], Msg("what.name_of", id=key))
                    if "name" in fields else None)
            desc = (self.text(fields["description"][1], Msg("what.description_of", id=key))
                    if "description" in fields else Text.of(""))
            out[cid] = Character(cid, name or Text.of(cid), desc or Text.of(""), _p(knode))
        return out

    def variables(self, node: yaml.Node | None) -> dict[str, Variable]:
        out: dict[str, Variable] = {}
        if node is None:
            return out
        items = mapping(node, self.pb, Msg("what.variables"))
        for key, (knode, value) in (items or {}).items():
            vid = self.ident(knode, Msg("what.variable_name"), VAR_RE)
            if vid in ("true", "false", "and", "or", "not", "visits"):
                self.pb.add(knode, Msg("load.var_reserved", name=vid))
                continue
            fields = mapping(value, self.pb, Msg("what.variable", id=key), VAR_KEYS,
                             ("type", "initial"))
            if vid is None or fields is None or "type" not in fields:
                continue
            tnode = fields["type"][1]
            vtype = str(tnode.value) if isinstance(tnode, yaml.ScalarNode) else ""
            if vtype not in VAR_TYPES:
                self.pb.add(tnode, Msg("load.var_type", hint=suggest(vtype, VAR_TYPES)))
                continue
            var = Variable(vid, vtype, None, pos=_p(knode))
            if "initial" in fields:
                inode = fields["initial"][1]
                var.initial = self._initial(inode, vtype, key)
            for bound in ("min", "max"):
                if bound in fields:
                    if vtype != "number":
                        self.pb.add(fields[bound][0], Msg("load.bound_not_number", bound=bound))
                    else:
                        setattr(var, bound, self.number(fields[bound][1],
                                                        Msg("what.bound_of", bound=bound, id=key)))
            if var.min is not None and var.max is not None and var.min > var.max:
                self.pb.add(fields["min"][1], Msg("load.min_over_max", id=key))
            elif isinstance(var.initial, int | float) and not isinstance(var.initial, bool) and (
                (var.min is not None and var.initial < var.min)
                or (var.max is not None and var.initial > var.max)
            ):
                self.pb.add(fields["initial"][1], Msg("load.initial_outside", id=key))
            if "gauge" in fields:
                g = fields["gauge"][1]
                if not (isinstance(g, yaml.ScalarNode) and g.tag.endswith(":bool")):
                    self.pb.add(g, Msg("load.gauge"))
                else:
                    var.gauge = bool(scalar(g))
                    if var.gauge and vtype != "number":
                        self.pb.add(g, Msg("load.gauge_number"))
            if "label" in fields:
                var.label = self.text(fields["label"][1], Msg("what.label_of", id=key))
            elif var.gauge:
                self.pb.add(knode, Msg("load.gauge_label", id=key))
            out[vid] = var
        return out

    def _initial(self, node: yaml.Node, vtype: str, key: str) -> Any:
        if vtype == "number":
            return self.number(node, Msg("what.initial_of", id=key))
        if vtype == "bool":
            if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
                return scalar(node)
            self.pb.add(node, Msg("load.initial_bool", id=key))
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            return node.value
        self.pb.add(node, Msg("load.initial_text", id=key))
        return ""

    def nodes(self, node: yaml.Node | None, chars: dict[str, Character]) -> dict[str, ScenarioNode]:
        out: dict[str, ScenarioNode] = {}
        if node is None:
            return out
        items = mapping(node, self.pb, Msg("what.nodes"))
        if items is None:
            return out
        if not items:
            self.pb.add(node, Msg("load.no_nodes"))
        if len(items) > MAX_NODES:
            self.pb.add(node, Msg("load.too_many_nodes", n=len(items), limit=MAX_NODES))
            return out
        for _key, (knode, value) in items.items():
            nid = self.ident(knode, Msg("what.node_id"))
            if nid is None:
                continue
            built = self.node(nid, knode, value, chars)
            if built is not None:
                out[nid] = built
        return out

    def node(self, nid: str, knode: yaml.Node, value: yaml.Node,
             chars: dict[str, Character]) -> ScenarioNode | None:
        what = Msg("what.node", id=nid)
        fields = mapping(value, self.pb, what, NODE_KEYS)
        if fields is None:
            return None
        sn = ScenarioNode(nid, pos=_p(knode))
        if "lines" in fields:
            sn.lines = self.lines(fields["lines"][1], what, chars)
        for key in ("trainer_notes", "discussion"):
            if key in fields:
                setattr(sn, key, self.text(fields[key][1], Msg(f"what.{key}_of", of=what)))
        if "thought" in fields:
            sn.thought, sn.thought_by = self.thought(fields["thought"][1],
                                                     Msg("what.thought_of", of=what))
        exits = [k for k in ("choices", "next", "ending") if k in fields]
        if not exits:
            self.pb.add(knode, Msg("load.no_way_out", what=what))
        elif len(exits) > 1:
            self.pb.add(fields[exits[1]][0], Msg("load.two_exits", what=what, a=exits[0],
                                                 b=exits[1]))
        if "routes" in fields and "next" not in fields:
            self.pb.add(fields["routes"][0], Msg("load.routes_without_next", what=what))
        if "choices" in fields:
            sn.choices = self.choices(fields["choices"][1], what)
        if "next" in fields:
            sn.next = self.ident(fields["next"][1], Msg("what.next_of", of=what))
            if sn.next is not None:
                self.refs.append((sn.next, fields["next"][1], Msg("what.next_of", of=what)))
            if "routes" in fields:
                sn.next_routes = self.routes(fields["routes"][1], what)
        if "ending" in fields:
            sn.ending = self.ending(fields["ending"][1], what)
        return sn

    def lines(self, node: yaml.Node, what: Msg, chars: dict[str, Character]) -> list[Line]:
        if not isinstance(node, yaml.SequenceNode):
            self.pb.add(node, Msg("load.lines_list", what=what))
            return []
        out = []
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and not item.tag.endswith(":null"):
                out.append(Line(Text.of(item.value), None, _p(item)))
                continue
            fields = mapping(item, self.pb, Msg("what.line_of", of=what), LINE_KEYS, ("text",))
            if fields is None or "text" not in fields:
                continue
            text = self.text(fields["text"][1], Msg("what.line_of", of=what))
            speaker = None
            if "speaker" in fields:
                snode = fields["speaker"][1]
                speaker = self.ident(snode, Msg("what.speaker"))
                if speaker is not None and speaker not in chars:
                    self.pb.add(snode, Msg("load.speaker_unknown", id=speaker,
                                           hint=suggest(speaker, chars)
                                           or Msg("hint.declare_character")))
            if text is not None:
                out.append(Line(text, speaker, _p(item)))
        return out

    def choices(self, node: yaml.Node, what: Msg) -> list[Choice]:
        if not isinstance(node, yaml.SequenceNode):
            self.pb.add(node, Msg("load.choices_list", what=what))
            return []
        if not node.value:
            self.pb.add(node, Msg("load.choices_empty", what=what))
        if len(node.value) > MAX_CHOICES:
            self.pb.add(node, Msg("load.too_many_choices", what=what, n=len(node.value),
                                  limit=MAX_CHOICES))
            return []
        out: list[Choice] = []
        seen: dict[str, int] = {}
        for item in node.value:
            c = self.choice(item, what)
            if c is None:
                continue
            if c.id in seen:
                self.pb.add(item, Msg("load.choice_twice", id=c.id, what=what,
                                      first=seen[c.id]))
                continue
            seen[c.id] = c.pos.line
            out.append(c)
        return out

    def choice(self, item: yaml.Node, what: Msg) -> Choice | None:
        fields = mapping(item, self.pb, Msg("what.a_choice_of", of=what), CHOICE_KEYS,
                         ("id", "text", "target"))
        if fields is None:
            return None
        # a choice that misses a required key is still checked, so that its other
        # problems are reported too; it is left out of the scenario
        cid = self.ident(fields["id"][1], Msg("what.choice_id")) if "id" in fields else None
        cwhat = (Msg("what.choice_of", id=cid, of=what) if cid is not None
                 else Msg("what.a_choice_of", of=what))
        text = (self.text(fields["text"][1], Msg("what.text_of", of=cwhat))
                if "text" in fields else None)
        target = (self.ident(fields["target"][1], Msg("what.target_of", of=cwhat))
                  if "target" in fields else None)
        if target is not None:
            self.refs.append((target, fields["target"][1], Msg("what.target_of", of=cwhat)))
        c = Choice(cid or "", text or Text.of(""), target or "", pos=_p(item))
        if "if" in fields:
            parsed = self.expression(fields["if"][1], Msg("what.if_of", of=cwhat))
            if parsed:
                c.condition, c.condition_src = parsed
        if "unavailable" in fields:
            u = fields["unavailable"][1]
            v = str(u.value) if isinstance(u, yaml.ScalarNode) else ""
            if v not in ("hide", "disable"):
                self.pb.add(u, Msg("load.unavailable"))
            else:
                c.unavailable = v
                if v == "disable" and "reason" not in fields:
                    self.pb.add(u, Msg("load.disabled_needs_reason", what=cwhat))
            if "if" not in fields:
                self.pb.add(u, Msg("load.unavailable_without_if", what=cwhat))
        if "reason" in fields:
            c.reason = self.text(fields["reason"][1], Msg("what.reason_of", of=cwhat))
        if "feedback" in fields:
            c.feedback = self.text(fields["feedback"][1], Msg("what.feedback_of", of=cwhat))
        if "effects" in fields:
            c.effects = self.effects(fields["effects"][1], cwhat)
        if "scores" in fields:
            c.scores = self.scores(fields["scores"][1], cwhat)
            c.written_scores = True
        if "behaviours" in fields:
            c.behaviours = self.behaviours(fields["behaviours"][1], cwhat)
        if "override" in fields:
            c.override = self.override(fields["override"][1], cwhat)
            if "behaviours" not in fields:
                self.pb.add(fields["override"][0], Msg("load.override_without_behaviours",
                                                       what=cwhat))
        if "behaviours" in fields and "scores" not in fields:
            c.scores = bh.resolve(self.catalogue or {}, c.behaviours,
                                  c.override.scores if c.override else {})
            if self.dimensions is not None:  # a rubric of its own without all dimensions
                c.scores = {d: v for d, v in c.scores.items() if d in self.dimensions}
        elif "scores" in fields and "override" in fields:
            self.pb.add(fields["override"][0], Msg("load.override_with_scores", what=cwhat))
        if "thought" in fields:
            c.thought, c.thought_by = self.thought(fields["thought"][1],
                                                   Msg("what.thought_of", of=cwhat))
        if "routes" in fields:
            c.routes = self.routes(fields["routes"][1], cwhat)
        return c if cid is not None and text is not None and target is not None else None

    def effects(self, node: yaml.Node, what: Msg) -> list[expr.Effect]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        out = []
        for item in items:
            if not (isinstance(item, yaml.ScalarNode) and item.tag.endswith(":str")):
                self.pb.add(item, Msg("load.effect_not_text", what=what, kind=kind_name(item)))
                continue
            try:
                eff = expr.parse_effect(item.value)
            except expr.ExprError as err:
                self._expr_error(item, item.value, err, Msg("what.effect_of", of=what))
                continue
            self.pending.append(("effect", eff, item, item.value))
            out.append(eff)
        return out

    def scores(self, node: yaml.Node, what: Msg) -> dict[str, int]:
        items = mapping(node, self.pb, Msg("what.scores_of", of=what))
        out: dict[str, int] = {}
        for dim, (knode, vnode) in (items or {}).items():
            if self.dimensions is not None and dim not in self.dimensions:
                self.pb.add(knode, Msg("load.dimension_unknown", id=dim,
                                       hint=suggest(dim, self.dimensions)
                                       or Msg("hint.rubric_has",
                                              ids=", ".join(self.dimensions))))
                continue
            value = self.number(vnode, Msg("what.score_for", id=dim), whole=True)
            if value is not None:
                if abs(value) > 100:
                    self.pb.add(vnode, Msg("load.score_range", id=dim))
                    continue
                out[dim] = int(value)
        return out

    def behaviours(self, node: yaml.Node, what: Msg) -> list[str]:
        """``behaviours: [id, ...]``: each a behaviour of the rubric's catalogue."""
        items = node.value if isinstance(node, yaml.SequenceNode) else None
        if items is None:
            self.pb.add(node, Msg("load.behaviours_list", what=what, kind=kind_name(node)))
            return []
        known = self.catalogue or {}
        out: list[str] = []
        for item in items:
            bid = self.ident(item, Msg("what.behaviour_id"))
            if bid is None:
                continue
            if bid not in known:
                self.pb.add(item, Msg("load.behaviour_unknown", id=bid,
                                      hint=suggest(bid, known) or Msg("hint.behaviours_list")))
                continue
            if bid in out:
                self.pb.add(item, Msg("load.behaviour_twice", id=bid, what=what))
                continue
            out.append(bid)
        if not out and not items:
            self.pb.add(node, Msg("load.behaviours_empty", what=what))
        return out

    def override(self, node: yaml.Node, what: Msg) -> Override | None:
        """``override: {dimension: score, ..., reason: ...}``: a reason is required."""
        items = mapping(node, self.pb, Msg("what.override_of", of=what))
        if items is None:
            return None
        scores: dict[str, int] = {}
        reason: Text | None = None
        for key, (knode, vnode) in items.items():
            if key == "reason":
                reason = self.text(vnode, Msg("what.override_reason_of", of=what))
                texts = [reason.plain] if reason is not None and reason.plain is not None \
                    else [v for _, v in (reason.values if reason is not None else ())]
                if reason is not None and not any(v.strip() for v in texts):
                    self.pb.add(vnode, Msg("load.override_reason_empty", what=what))
                    reason = None
                continue
            if self.dimensions is not None and key not in self.dimensions:
                self.pb.add(knode, Msg("load.dimension_unknown", id=key,
                                       hint=suggest(key, self.dimensions)
                                       or Msg("hint.rubric_has",
                                              ids=", ".join(self.dimensions))))
                continue
            value = self.number(vnode, Msg("what.score_for", id=key), whole=True)
            if value is None:
                continue
            if abs(value) > 100:
                self.pb.add(vnode, Msg("load.score_range", id=key))
                continue
            scores[key] = int(value)
        if "reason" not in items:
            self.pb.add(node, Msg("load.override_no_reason", what=what))
        if len(items) == ("reason" in items):  # only a reason, or nothing at all
            self.pb.add(node, Msg("load.override_nothing", what=what))
        if reason is None or not scores:
            return None
        return Override(scores, reason, _p(node))

    def thought(self, node: yaml.Node, what: Msg) -> tuple[Text | None, str | None]:
        """A thought: a text, or ``{by: character, text: ...}``. Whose it is must be said
        when the scenario has more than one character."""
        by: str | None = None
        has_by = False
        text_node = node
        if isinstance(node, yaml.MappingNode) and any(
                isinstance(k, yaml.ScalarNode) and k.value in THOUGHT_KEYS for k, _ in node.value):
            fields = mapping(node, self.pb, what, THOUGHT_KEYS, ("text",))
            if fields is None or "text" not in fields:
                return None, None
            text_node = fields["text"][1]
            has_by = "by" in fields
            if has_by:
                bnode = fields["by"][1]
                by = self.ident(bnode, Msg("what.thought_by"))
                if by is not None and by not in self.chars:
                    self.pb.add(bnode, Msg("load.thought_by_unknown", id=by,
                                           hint=suggest(by, self.chars)
                                           or Msg("hint.it_has_characters",
                                                  ids=", ".join(self.chars) or "-")))
                    by = None
        text = self.text(text_node, what)
        if not has_by and len(self.chars) > 1 and text is not None:
            self.pb.add(node, Msg("load.thought_no_owner", what=what,
                                  ids=", ".join(self.chars)))
        return text, by

    def routes(self, node: yaml.Node, what: Msg) -> list[Route]:
        if not isinstance(node, yaml.SequenceNode):
            self.pb.add(node, Msg("load.routes_list", what=what))
            return []
        out = []
        for item in node.value:
            fields = mapping(item, self.pb, Msg("what.a_route_of", of=what), ROUTE_KEYS,
                             ("if", "target"))
            if fields is None or not {"if", "target"} <= fields.keys():
                continue
            parsed = self.expression(fields["if"][1], Msg("what.route_of", of=what))
            target = self.ident(fields["target"][1], Msg("what.route_target_of", of=what))
            if target is not None:
                self.refs.append((target, fields["target"][1],
                                  Msg("what.route_target_of", of=what)))
            if parsed and target:
                out.append(Route(parsed[0], parsed[1], target, _p(item)))
        return out

    def ending(self, node: yaml.Node, what: Msg) -> Ending | None:
        fields = mapping(node, self.pb, Msg("what.ending_of", of=what), ENDING_KEYS,
                         ("outcome", "title", "text"))
        if fields is None or not {"outcome", "title", "text"} <= fields.keys():
            return None
        onode = fields["outcome"][1]
        outcome = str(onode.value) if isinstance(onode, yaml.ScalarNode) else ""
        if outcome not in OUTCOMES:
            self.pb.add(onode, Msg("load.outcome", outcomes=", ".join(OUTCOMES),
                                   hint=suggest(outcome, OUTCOMES)))
        title = self.text(fields["title"][1], Msg("what.ending_title_of", of=what))
        text = self.text(fields["text"][1], Msg("what.ending_text_of", of=what))
        if title is None or text is None:
            return None
        return Ending(outcome, title, text, _p(node))

    # -- cross-references -------------------------------------------------------
    def resolve(self, nodes: dict[str, ScenarioNode], variables: dict[str, Variable]) -> None:
        for target, ynode, what in self.refs:
            if target not in nodes:
                self.pb.add(ynode, Msg("load.node_unknown", what=what, id=target,
                                       hint=suggest(target, nodes) or Msg("hint.add_node")))
        types = {v.id: v.type for v in variables.values()}
        for kind, parsed, ynode, src in self.pending:
            try:
                if kind == "cond":
                    if expr.check(parsed, types, nodes) != "bool":
                        raise expr.ExprError(Msg("expr.condition_not_bool"))
                else:
                    expr.check_effect(parsed, types, nodes)
            except expr.ExprError as err:
                self._expr_error(ynode, src, err,
                                 Msg("what.condition" if kind == "cond" else "what.effect"))


    def endless(self, nodes: dict[str, ScenarioNode], start: str, where: yaml.Node) -> None:
        """Runs that could never end: 'next:' links in a circle with no route out, or no
        ending anywhere after the start (conditions aside: every link counts)."""
        def circular(n: ScenarioNode) -> bool:  # goes on by itself, one way only
            return n.next is not None and not n.next_routes

        done: set[str] = set()
        reported = False
        for nid, node in nodes.items():
            if nid in done or not circular(node):
                continue
            path: dict[str, int] = {}
            cur = nid
            while cur not in done and cur not in path and circular(nodes[cur]):
                path[cur] = len(path)
                cur = nodes[cur].next  # type: ignore[assignment]
            if cur in path:
                loop = list(path)[path[cur]:]
                first = nodes[loop[0]]
                reported = True
                self.pb.add((first.pos.line, first.pos.column),
                            Msg("load.next_circle", loop=" → ".join([*loop, loop[0]])))
            done.update(path)
        if reported:
            return
        seen = {start}
        todo = [start]
        while todo:
            node = nodes[todo.pop()]
            if node.ending is not None:
                return
            for t in node.successors():
                if t not in seen:
                    seen.add(t)
                    todo.append(t)
        self.pb.add(where, Msg("load.no_ending", start=start))


def content_hash(data: bytes, dimensions: Collection[str] | None) -> str:
    h = hashlib.sha256(data)
    terms = (dimensions if isinstance(dimensions, bh.Terms) and dimensions.behaviours is not None
             else bh.default_terms())
    h.update(f"\0loader={LOADER_VERSION}\0dims={','.join(sorted(dimensions or []))}"
             f"\0behaviours={terms.digest()}".encode())
    return h.hexdigest()


def parse_scenario(path: Path, data: bytes | None, dimensions: Collection[str] | None,
                   problems: Problems) -> Scenario | None:
    """Parse without the cache: problems go into ``problems``."""
    with paused_gc():  # a large file makes many objects and no cycles
        root = load_tree(path, problems, data)
        if root is None:
            return None
        return _Builder(problems, dimensions).build(root, str(path))


def parse_with_tree(path: str | Path, dimensions: Collection[str] | None = None,
                    ) -> tuple[Scenario | None, yaml.Node | None, list[ScenarioError]]:
    """Parse without the cache, keeping the composed YAML tree (for positions of
    anything in the file, as lint needs). The scenario is None when there are errors."""
    path = Path(path)
    problems = Problems(str(path))
    from .yamlsafe import read_bytes

    data = read_bytes(path, problems)
    with paused_gc():  # as in parse_scenario: many objects, no cycles
        root = load_tree(path, problems, data) if data is not None else None
        scenario = (_Builder(problems, dimensions).build(root, str(path))
                    if root is not None else None)
    if scenario is None and not problems.items:
        problems.add(None, Msg("load.unreadable"))
    if problems.has_errors:
        scenario = None
    elif scenario is not None and data is not None:
        scenario.content_hash = content_hash(data, dimensions)
    return scenario, root, problems.sorted()


def load_scenario(path: str | Path, dimensions: Collection[str] | None = None,
                  use_cache: bool = True) -> Scenario:
    """Load and validate a scenario file; raise :class:`ContentError` listing every problem.

    ``dimensions`` are the rubric dimension ids scores may use (None: any).
    A compiled copy is cached by content hash, so an unchanged file loads fast.
    """
    from . import cache

    path = Path(path)
    problems = Problems(str(path))
    from .yamlsafe import read_bytes

    data = read_bytes(path, problems)
    if data is None:
        raise ContentError(problems.sorted())
    digest = content_hash(data, dimensions)
    if use_cache:
        cached = cache.get(digest)
        if cached is not None:
            cached.path = str(path)
            return cached
    scenario = parse_scenario(path, data, dimensions, problems)
    if scenario is None or problems.has_errors:
        if not problems.items:
            problems.add(None, Msg("load.unreadable"))
        raise ContentError(problems.sorted())
    scenario.content_hash = digest
    if use_cache:
        cache.put(digest, scenario)
    return scenario


def validate_file(path: str | Path, dimensions: Collection[str] | None = None) -> list[ScenarioError]:
    """Every problem in a scenario file (empty when clean); never raises for content."""
    try:
        load_scenario(path, dimensions, use_cache=False)
    except ContentError as err:
        return err.problems
    return []
