"""The practical-wisdom rubric: dimensions, good and poor practice with sources,
bands, the two axes and their quadrants. Loaded from YAML and validated like a
scenario: every problem at once, with file, line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sim.behaviours import Terms
from sim.errors import ContentError
from sim.problemtext import Msg, suggest
from sim.scenario import CHANNELS
from sim.text import KNOWN_LANGS, Text
from sim.yamlsafe import Problems, did_you_mean, kind_name, load_tree, mapping, pos, scalar

DEFAULT_PATH = Path(__file__).with_name("rubric.yaml")

PROVENANCES = ("quickscan", "letter", "guidance", "synthesis")
AXES = ("contact", "limits")
LEVELS = ("high", "low")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}\Z")
KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,19}\Z")
MAX_DIMENSIONS = 40  # a debrief of more cannot be read (the bundled rubric has 7)

TOP_KEYS = {"id", "version", "title", "description", "sources", "bands", "axes", "quadrants",
            "dimensions", "behaviours", "outcomes"}
TOP_REQUIRED = ("id", "version", "title", "sources", "bands", "dimensions")
SOURCE_KEYS = {"key", "title", "url", "note"}
CITE_KEYS = {"source", "provenance", "quote", "translation"}
BAND_KEYS = {"id", "from", "name", "description"}
AXIS_KEYS = {"name", "description", "dimensions", "threshold", "sources"}
QUADRANT_KEYS = {"id", "contact", "limits", "name", "description", "sources"}
DIM_KEYS = {"id", "name", "short", "description", "sources", "good", "poor"}
GOOD_KEYS = {"text", "tip", "sources", "channels", "themes"}
POOR_KEYS = {"text", "sources"}
BEHAVIOUR_KEYS = {"id", "label", "effects", "sources"}
EFFECT_LIMIT = 3  # a behaviour's default effect on one dimension: -3..+3
OUTCOME_KEYS = {"id", "rank", "caps", "note"}


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    title: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Citation:
    """One use of a source, with how the statement relates to it (see PROVENANCES)."""

    source: str
    provenance: str
    quote: str | None = None
    translation: Text | None = None


@dataclass(slots=True)
class Practice:
    """A good or poor practice; good ones carry a concrete tip for next time."""

    text: Text
    citations: list[Citation]
    tip: Text | None = None
    channels: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Dimension:
    id: str
    name: Text
    short: Text
    description: Text
    citations: list[Citation]
    good: list[Practice]
    poor: list[Practice]
    line: int = 0


@dataclass(slots=True)
class Behaviour:
    """A recognisable behaviour of the catalogue and its default effect on the
    dimensions; a scenario's choice names the behaviours it shows."""

    id: str
    label: Text
    effects: dict[str, int]
    citations: list[Citation]
    line: int = 0


@dataclass(frozen=True, slots=True)
class Band:
    id: str
    lower: int  # inclusive
    upper: int  # inclusive
    name: Text
    description: Text | None = None

    def contains(self, score: int) -> bool:
        return self.lower <= score <= self.upper


@dataclass(slots=True)
class Axis:
    id: str
    name: Text
    description: Text
    dimensions: list[str]
    threshold: int
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Quadrant:
    id: str
    contact_high: bool
    limits_high: bool
    name: Text
    description: Text
    citations: list[Citation] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class OutcomeRule:
    """How an ending's outcome weighs: its rank (higher is better, for the turning point)
    and the axes it caps (they cannot be high with this outcome), with the note that says why."""

    id: str
    rank: int
    caps: tuple[str, ...] = ()
    note: Text | None = None


@dataclass(slots=True)
class Rubric:
    id: str
    version: int
    title: Text
    description: Text | None
    sources: dict[str, Source]
    bands: list[Band]
    axes: dict[str, Axis]
    quadrants: list[Quadrant]
    dimensions: list[Dimension]
    path: str = ""
    behaviours: list[Behaviour] | None = None  # None: no catalogue of its own
    outcomes: dict[str, OutcomeRule] = field(default_factory=dict)

    def dimension_ids(self) -> Terms:
        """The dimension ids (a list), carrying the behaviour catalogue for the loader."""
        catalogue = (None if self.behaviours is None
                     else {b.id: b.effects for b in self.behaviours})
        return Terms([d.id for d in self.dimensions], catalogue)

    def behaviour(self, behaviour_id: str) -> Behaviour | None:
        return next((b for b in self.behaviours or [] if b.id == behaviour_id), None)

    def dimension(self, dim_id: str) -> Dimension:
        for d in self.dimensions:
            if d.id == dim_id:
                return d
        raise KeyError(f"the rubric has no dimension {dim_id!r}"
                       f"{did_you_mean(dim_id, self.dimension_ids())}")

    def source(self, key: str) -> Source:
        return self.sources[key]

    def band_for(self, score: int) -> Band:
        """The band a 0-100 score falls in."""
        score = max(0, min(100, int(score)))
        for band in self.bands:
            if band.contains(score):
                return band
        return self.bands[-1]

    def outcome(self, outcome: str) -> OutcomeRule | None:
        return self.outcomes.get(outcome)

    def rank(self, outcome: str) -> int:
        """The outcome's rank (0 for an outcome the rubric does not rank)."""
        rule = self.outcomes.get(outcome)
        return rule.rank if rule else 0

    def quadrant_for(self, contact_high: bool, limits_high: bool) -> Quadrant | None:
        return next((q for q in self.quadrants
                     if q.contact_high == contact_high and q.limits_high == limits_high), None)


def _named(node: yaml.Node) -> Msg:
    """'dimension 'x'' when the mapping has a usable id, else 'a dimension' (for messages)."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == "id" and \
                    isinstance(v, yaml.ScalarNode) and ID_RE.match(str(v.value)):
                return Msg("rwhat.dimension", id=v.value)
    return Msg("rwhat.a_dimension")


# --- loading ------------------------------------------------------------------------

class _Reader:
    def __init__(self, problems: Problems) -> None:
        self.pb = problems
        self.source_refs: list[tuple[str, yaml.Node]] = []
        self.dim_refs: list[tuple[str, yaml.Node, Msg]] = []
        self.declared: list[str] = []  # every dimension id written, valid or not
        self.too_many_dimensions = False  # then references to dimensions are not checked

    def text(self, node: yaml.Node, what: Msg, plain_ok: bool = False) -> Text | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            if plain_ok and node.value.strip():
                return Text.of(node.value)
            if plain_ok:
                self.pb.add(node, Msg("rub.empty", what=what))
                return None
            self.pb.add(node, Msg("rub.needs_both", what=what))
            return None
        if not isinstance(node, yaml.MappingNode):
            self.pb.add(node, Msg("rub.text_not_mapping", what=what, kind=kind_name(node)))
            return None
        items = mapping(node, self.pb, what, KNOWN_LANGS)
        if items is None:
            return None
        values: dict[str, str] = {}
        for lang, (_, v) in items.items():
            if not (isinstance(v, yaml.ScalarNode) and v.tag.endswith(":str")) or not v.value.strip():
                self.pb.add(v, Msg("rub.lang_not_text", lang=lang, what=what,
                                   kind=kind_name(v)))
                continue
            values[lang] = v.value
        for lang in KNOWN_LANGS:
            if lang not in items:
                self.pb.add(node, Msg("rub.lang_missing", what=what, lang=lang))
        return Text.of(values) if len(values) == len(KNOWN_LANGS) else None

    def partial_text(self, node: yaml.Node, what: Msg) -> Text | None:
        """A text in one or more of the known languages (for translations)."""
        items = mapping(node, self.pb, what, KNOWN_LANGS)
        if items is None:
            return None
        values: dict[str, str] = {}
        for lang, (_, v) in items.items():
            if isinstance(v, yaml.ScalarNode) and v.tag.endswith(":str") and v.value.strip():
                values[lang] = v.value
            else:
                self.pb.add(v, Msg("rub.lang_empty", lang=lang, what=what))
        if not values:
            if not items:
                self.pb.add(node, Msg("rub.translation_empty", what=what))
            return None
        return Text.of(values)

    def plain(self, node: yaml.Node, what: Msg) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            return node.value
        self.pb.add(node, Msg("rub.not_text", what=what, kind=kind_name(node)))
        return None

    def ident(self, node: yaml.Node, what: Msg, pattern: re.Pattern[str] = ID_RE) -> str | None:
        if isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null"):
            value = str(node.value)
            if pattern.match(value):
                return value
            rule = Msg("rule.rubric_id" if pattern is ID_RE else "rule.source_key")
            self.pb.add(node, Msg("rub.bad_id", what=what, value=value, rule=rule))
            return None
        self.pb.add(node, Msg("rub.not_id", what=what, kind=kind_name(node)))
        return None

    def whole(self, node: yaml.Node, what: Msg, lo: int, hi: int) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int"):
            try:
                value = scalar(node)
            except ValueError:
                value = None
            if isinstance(value, int) and lo <= value <= hi:
                return value
        self.pb.add(node, Msg("rub.whole", what=what, lo=lo, hi=hi))
        return None

    def seq(self, node: yaml.Node, what: Msg, example: Msg) -> list[yaml.Node]:
        if isinstance(node, yaml.SequenceNode):
            if not node.value:
                self.pb.add(node, Msg("rub.list_empty", what=what))
            return list(node.value)
        self.pb.add(node, Msg("rub.not_list", what=what, example=example, kind=kind_name(node)))
        return []

    def words(self, node: yaml.Node, what: Msg) -> list[str]:
        out: list[str] = []
        for item in self.seq(node, what, Msg("ex.words")):
            if isinstance(item, yaml.ScalarNode) and item.tag.endswith(":str"):
                out.append(item.value)
            else:
                self.pb.add(item, Msg("rub.item_word", what=what))
        return out

    # -- parts ---------------------------------------------------------------------------
    def sources(self, node: yaml.Node) -> dict[str, Source]:
        out: dict[str, Source] = {}
        first: dict[str, int] = {}
        for item in self.seq(node, Msg("rwhat.sources"), Msg("ex.sources")):
            f = mapping(item, self.pb, Msg("rwhat.a_source"), SOURCE_KEYS, ("key", "title"))
            if f is None or not {"key", "title"} <= f.keys():
                continue
            key = self.ident(f["key"][1], Msg("rwhat.source_key"), KEY_RE)
            title = self.plain(f["title"][1], Msg("rwhat.source_field", field="title"))
            url = (self.plain(f["url"][1], Msg("rwhat.source_field", field="url"))
                   if "url" in f else "")
            note = (self.plain(f["note"][1], Msg("rwhat.source_field", field="note"))
                    if "note" in f else "")
            if key is None or title is None:
                continue
            if key in out:
                self.pb.add(f["key"][1], Msg("rub.source_twice", key=key, first=first[key]))
                continue
            first[key] = pos(f["key"][1])[0]
            out[key] = Source(key, title, url or "", note or "")
        return out

    def citations(self, node: yaml.Node, what: Msg) -> list[Citation]:
        out: list[Citation] = []
        for item in self.seq(node, Msg("rwhat.sources_of", of=what), Msg("ex.citations")):
            f = mapping(item, self.pb, Msg("rwhat.a_source_of", of=what), CITE_KEYS,
                        ("source", "provenance"))
            if f is None or not {"source", "provenance"} <= f.keys():
                continue
            key = self.ident(f["source"][1], Msg("rwhat.source_key"), KEY_RE)
            if key is not None:
                self.source_refs.append((key, f["source"][1]))
            pnode = f["provenance"][1]
            prov = str(pnode.value) if isinstance(pnode, yaml.ScalarNode) else ""
            if prov not in PROVENANCES:
                self.pb.add(pnode, Msg("rub.provenance", prov=prov,
                                       hint=suggest(prov, PROVENANCES)
                                       or Msg("hint.use_one_of", options=", ".join(PROVENANCES))))
                continue
            quote = self.plain(f["quote"][1], Msg("rwhat.a_quote")) if "quote" in f else None
            if quote is not None and not quote.strip():
                self.pb.add(f["quote"][1], Msg("rub.quote_empty"))
                quote = None
            if prov == "quickscan" and "quote" not in f:
                self.pb.add(pnode, Msg("rub.quickscan_quote"))
            if prov == "synthesis" and "quote" in f:
                self.pb.add(f["quote"][0], Msg("rub.synthesis_quote"))
                quote = None
            translation = None
            if "translation" in f:
                if "quote" not in f:
                    self.pb.add(f["translation"][0], Msg("rub.translation_without_quote"))
                else:
                    translation = self.partial_text(f["translation"][1],
                                                    Msg("rwhat.translation"))
            if key is not None:
                out.append(Citation(key, prov, quote, translation))
        return out

    def bands(self, node: yaml.Node) -> list[Band]:
        raw: list[tuple[str, int, Text, Text | None, yaml.Node]] = []
        ids: dict[str, int] = {}
        for item in self.seq(node, Msg("rwhat.bands"), Msg("ex.bands")):
            f = mapping(item, self.pb, Msg("rwhat.a_band"), BAND_KEYS, ("id", "from", "name"))
            if f is None or not {"id", "from", "name"} <= f.keys():
                continue
            bid = self.ident(f["id"][1], Msg("rwhat.band_id"))
            lower = self.whole(f["from"][1], Msg("rwhat.band_from"), 0, 100)
            name = self.text(f["name"][1], Msg("rwhat.band_name"))
            desc = self.text(f["description"][1], Msg("rwhat.band_description")) \
                if "description" in f else None
            if bid is not None and bid in ids:
                self.pb.add(f["id"][1], Msg("rub.band_twice", id=bid, first=ids[bid]))
                continue
            if bid is None or lower is None or name is None:
                continue
            ids[bid] = pos(f["id"][1])[0]
            if raw and lower <= raw[-1][1]:
                self.pb.add(f["from"][1], Msg("rub.band_order", id=bid, lower=lower,
                                              before=raw[-1][1]))
                continue
            if not raw and lower != 0:
                self.pb.add(f["from"][1], Msg("rub.band_first", lower=lower))
            raw.append((bid, lower, name, desc, item))
        out = []
        for i, (bid, lower, name, desc, _) in enumerate(raw):
            upper = raw[i + 1][1] - 1 if i + 1 < len(raw) else 100
            out.append(Band(bid, lower, upper, name, desc))
        return out

    def axes(self, node: yaml.Node) -> dict[str, Axis]:
        items = mapping(node, self.pb, Msg("rwhat.axes"), AXES, AXES)
        out: dict[str, Axis] = {}
        for aid, (_, value) in (items or {}).items():
            what = Msg("rwhat.axis", id=aid)
            f = mapping(value, self.pb, what, AXIS_KEYS, ("name", "description", "dimensions",
                                                          "threshold"))
            if f is None:
                continue
            name = self.text(f["name"][1], Msg("rwhat.name_of", of=what)) if "name" in f else None
            desc = (self.text(f["description"][1], Msg("rwhat.description_of", of=what))
                    if "description" in f else None)
            threshold = (self.whole(f["threshold"][1], Msg("rwhat.threshold_of", of=what), 1, 100)
                         if "threshold" in f else None)
            dims: list[str] = []
            if "dimensions" in f:
                seen: set[str] = set()
                for item in self.seq(f["dimensions"][1], Msg("rwhat.dimensions_of", of=what),
                                     Msg("ex.dimension_ids")):
                    d = self.ident(item, Msg("rwhat.dimension_id"))
                    if d is None:
                        continue
                    if d in seen:
                        self.pb.add(item, Msg("rub.listed_twice", id=d, what=what))
                        continue
                    seen.add(d)
                    dims.append(d)
                    self.dim_refs.append((d, item, what))
            cites = self.citations(f["sources"][1], what) if "sources" in f else []
            if name and desc and threshold is not None:
                out[aid] = Axis(aid, name, desc, dims, threshold, cites)
        return out

    def quadrants(self, node: yaml.Node, has_axes: bool) -> list[Quadrant]:
        out: list[Quadrant] = []
        seen: dict[tuple[bool, bool], str] = {}
        ids: set[str] = set()
        for item in self.seq(node, Msg("rwhat.quadrants"), Msg("ex.quadrants")):
            f = mapping(item, self.pb, Msg("rwhat.a_quadrant"), QUADRANT_KEYS,
                        ("id", "contact", "limits", "name", "description"))
            if f is None or not {"id", "contact", "limits", "name", "description"} <= f.keys():
                continue
            qid = self.ident(f["id"][1], Msg("rwhat.quadrant_id"))
            levels: list[bool] = []
            for axis in AXES:
                lnode = f[axis][1]
                v = str(lnode.value) if isinstance(lnode, yaml.ScalarNode) else ""
                if v not in LEVELS:
                    self.pb.add(lnode, Msg("rub.level", axis=axis, hint=suggest(v, LEVELS)))
                else:
                    levels.append(v == "high")
            name = self.text(f["name"][1], Msg("rwhat.name_of", of=Msg("rwhat.a_quadrant")))
            desc = self.text(f["description"][1],
                             Msg("rwhat.description_of", of=Msg("rwhat.a_quadrant")))
            cites = (self.citations(f["sources"][1], Msg("rwhat.a_quadrant"))
                     if "sources" in f else [])
            if qid is not None and qid in ids:
                self.pb.add(f["id"][1], Msg("rub.quadrant_twice", id=qid))
                continue
            if qid is None or len(levels) != 2 or name is None or desc is None:
                continue
            ids.add(qid)
            combo = (levels[0], levels[1])
            if combo in seen:
                self.pb.add(item, Msg("rub.quadrant_same", id=qid, other=seen[combo]))
                continue
            seen[combo] = qid
            out.append(Quadrant(qid, combo[0], combo[1], name, desc, cites))
        complete = isinstance(node, yaml.SequenceNode) and len(out) == len(node.value)
        if has_axes and complete and out:
            for c in (True, False):
                for lim in (True, False):
                    if (c, lim) not in seen:
                        self.pb.add(node, Msg("rub.quadrant_missing",
                                              contact="high" if c else "low",
                                              limits="high" if lim else "low"))
        return out

    def practice(self, node: yaml.Node, what: Msg, good: bool) -> Practice | None:
        keys = GOOD_KEYS if good else POOR_KEYS
        req = ("text", "tip", "sources") if good else ("text", "sources")
        f = mapping(node, self.pb, what, keys, req)
        if f is None:
            return None
        text = self.text(f["text"][1], Msg("rwhat.text_of", of=what)) if "text" in f else None
        tip = self.text(f["tip"][1], Msg("rwhat.tip_of", of=what)) if "tip" in f else None
        cites = self.citations(f["sources"][1], what) if "sources" in f else []
        channels: list[str] = []
        if "channels" in f:
            for ch_node in self.seq(f["channels"][1], Msg("rwhat.channels"), Msg("ex.channels")):
                ch = str(ch_node.value) if isinstance(ch_node, yaml.ScalarNode) else ""
                if ch not in CHANNELS:
                    self.pb.add(ch_node, Msg("rub.channel", channel=ch,
                                             hint=suggest(ch, CHANNELS)
                                             or Msg("hint.use_one_of",
                                                    options=", ".join(CHANNELS))))
                else:
                    channels.append(ch)
        themes = self.words(f["themes"][1], Msg("rwhat.themes")) if "themes" in f else []
        if text is None or (good and tip is None) or not cites:
            return None
        return Practice(text, cites, tip, channels, themes)

    def dimensions(self, node: yaml.Node) -> list[Dimension]:
        out: list[Dimension] = []
        first: dict[str, int] = {}
        if isinstance(node, yaml.SequenceNode) and len(node.value) > MAX_DIMENSIONS:
            self.pb.add(node, Msg("rub.too_many_dimensions", n=len(node.value),
                                  limit=MAX_DIMENSIONS))
            self.too_many_dimensions = True
            return out
        for item in self.seq(node, Msg("rwhat.dimensions"), Msg("ex.id_items")):
            f = mapping(item, self.pb, _named(item), DIM_KEYS,
                        ("id", "name", "description", "sources", "good", "poor"))
            if f is None or "id" not in f:
                continue
            did = self.ident(f["id"][1], Msg("rwhat.the_dimension_id"))
            if did is None:
                continue
            if did in first:
                self.pb.add(f["id"][1], Msg("rub.dimension_twice", id=did, first=first[did]))
                continue
            first[did] = pos(f["id"][1])[0]
            self.declared.append(did)
            what = Msg("rwhat.dimension", id=did)
            name = self.text(f["name"][1], Msg("rwhat.name_of", of=what)) if "name" in f else None
            short = (self.text(f["short"][1], Msg("rwhat.short_of", of=what))
                     if "short" in f else None)
            desc = (self.text(f["description"][1], Msg("rwhat.description_of", of=what))
                    if "description" in f else None)
            cites = self.citations(f["sources"][1], what) if "sources" in f else []
            good = [p for i, n in enumerate(self.seq(f["good"][1],
                                                     Msg("rwhat.good_of", of=what),
                                                     Msg("ex.text_items")) if "good" in f else [])
                    if (p := self.practice(n, Msg("rwhat.good_n_of", n=i + 1, of=what), True))]
            poor = [p for i, n in enumerate(self.seq(f["poor"][1],
                                                     Msg("rwhat.poor_of", of=what),
                                                     Msg("ex.text_items")) if "poor" in f else [])
                    if (p := self.practice(n, Msg("rwhat.poor_n_of", n=i + 1, of=what), False))]
            if name and desc:
                out.append(Dimension(did, name, short or name, desc, cites, good, poor,
                                     pos(item)[0]))
        return out

    def behaviours(self, node: yaml.Node) -> list[Behaviour]:
        out: list[Behaviour] = []
        first: dict[str, int] = {}
        for item in self.seq(node, Msg("rwhat.behaviours"), Msg("ex.behaviours")):
            f = mapping(item, self.pb, Msg("rwhat.a_behaviour"), BEHAVIOUR_KEYS,
                        ("id", "label", "effects", "sources"))
            if f is None or "id" not in f:
                continue
            bid = self.ident(f["id"][1], Msg("rwhat.behaviour_id"))
            if bid is None:
                continue
            if bid in first:
                self.pb.add(f["id"][1], Msg("rub.behaviour_twice", id=bid, first=first[bid]))
                continue
            first[bid] = pos(f["id"][1])[0]
            what = Msg("rwhat.behaviour", id=bid)
            label = (self.text(f["label"][1], Msg("rwhat.label_of", of=what))
                     if "label" in f else None)
            effects: dict[str, int] = {}
            if "effects" in f:
                items = mapping(f["effects"][1], self.pb, Msg("rwhat.effects_of", of=what))
                for dim, (knode, vnode) in (items or {}).items():
                    value = self.whole(vnode, Msg("rwhat.effect_on", id=dim, of=what),
                                       -EFFECT_LIMIT, EFFECT_LIMIT)
                    self.dim_refs.append((dim, knode, what))
                    if value is not None:
                        effects[dim] = value
                if items is not None and not items:
                    self.pb.add(f["effects"][1], Msg("rub.behaviour_no_effect", id=bid))
            cites = self.citations(f["sources"][1], what) if "sources" in f else []
            if label is not None and effects and cites:
                out.append(Behaviour(bid, label, effects, cites, pos(item)[0]))
        return out

    def outcomes(self, node: yaml.Node, has_axes: bool) -> dict[str, OutcomeRule]:
        from sim.scenario import OUTCOMES

        out: dict[str, OutcomeRule] = {}
        for item in self.seq(node, Msg("rwhat.outcomes"), Msg("ex.outcomes")):
            f = mapping(item, self.pb, Msg("rwhat.an_outcome"), OUTCOME_KEYS, ("id", "rank"))
            if f is None or not {"id", "rank"} <= f.keys():
                continue
            inode = f["id"][1]
            oid = str(inode.value) if isinstance(inode, yaml.ScalarNode) else ""
            if oid not in OUTCOMES:
                self.pb.add(inode, Msg("rub.outcome_unknown", id=oid,
                                       hint=suggest(oid, OUTCOMES)
                                       or Msg("hint.use_one_of", options=", ".join(OUTCOMES))))
                continue
            if oid in out:
                self.pb.add(inode, Msg("rub.outcome_twice", id=oid))
                continue
            what = Msg("rwhat.outcome", id=oid)
            rank = self.whole(f["rank"][1], Msg("rwhat.rank_of", of=what), 0, 100)
            caps: list[str] = []
            if "caps" in f:
                for cnode in self.seq(f["caps"][1], Msg("rwhat.caps_of", of=what),
                                      Msg("ex.caps")):
                    axis = str(cnode.value) if isinstance(cnode, yaml.ScalarNode) else ""
                    if axis not in AXES or not has_axes:
                        self.pb.add(cnode, Msg("rub.cap_axis", axis=axis, what=what,
                                               hint=suggest(axis, AXES)
                                               or Msg("hint.use_one_of", options=", ".join(AXES))))
                    elif axis not in caps:
                        caps.append(axis)
            note = self.text(f["note"][1], Msg("rwhat.note_of", of=what)) if "note" in f else None
            if caps and "note" not in f:
                self.pb.add(item, Msg("rub.cap_note", what=what))
            if rank is not None:
                out[oid] = OutcomeRule(oid, rank, tuple(caps), note)
        return out

    def resolve(self, sources: dict[str, Source]) -> None:
        for key, node in self.source_refs:
            if key not in sources:
                self.pb.add(node, Msg("rub.source_unknown", key=key,
                                      hint=suggest(key, sources) or Msg("hint.list_source")))
        ids = self.declared
        for d, node, what in [] if self.too_many_dimensions else self.dim_refs:
            if d not in ids:
                self.pb.add(node, Msg("rub.dimension_unknown", what=what, id=d,
                                      hint=suggest(d, ids)
                                      or Msg("hint.it_has", ids=", ".join(ids))))


def load_rubric(path: str | Path | None = None) -> Rubric:
    """Load and validate a rubric file; raise :class:`ContentError` listing every problem."""
    path = Path(path) if path else DEFAULT_PATH
    pb = Problems(str(path))
    root = load_tree(path, pb)
    if root is None:
        raise ContentError(pb.sorted())
    if not isinstance(root, yaml.MappingNode):
        pb.add(root, Msg("rub.root", kind=kind_name(root)))
        raise ContentError(pb.sorted())
    r = _Reader(pb)
    top = mapping(root, pb, Msg("rwhat.rubric"), TOP_KEYS, TOP_REQUIRED) or {}

    def get(key: str) -> yaml.Node | None:
        return top[key][1] if key in top else None

    rid = r.ident(n, Msg("rwhat.rubric_id")) if (n := get("id")) is not None else None
    version = (r.whole(n, Msg("what.version"), 1, 10**6)
               if (n := get("version")) is not None else None)
    title = r.text(n, Msg("rwhat.title")) if (n := get("title")) is not None else None
    description = (r.text(n, Msg("rwhat.description"))
                   if (n := get("description")) is not None else None)
    sources = r.sources(n) if (n := get("sources")) is not None else {}
    bands = r.bands(n) if (n := get("bands")) is not None else []
    dims = r.dimensions(n) if (n := get("dimensions")) is not None else []
    behaviours = r.behaviours(n) if (n := get("behaviours")) is not None else None
    axes: dict[str, Axis] = {}
    quadrants: list[Quadrant] = []
    if (n := get("axes")) is not None:
        axes = r.axes(n)
        if get("quadrants") is None:
            pb.add(top["axes"][0], Msg("rub.axes_without_quadrants"))
    if (n := get("quadrants")) is not None:
        if get("axes") is None:
            pb.add(top["quadrants"][0], Msg("rub.quadrants_without_axes"))
        quadrants = r.quadrants(n, get("axes") is not None)
    outcomes: dict[str, OutcomeRule] = {}
    if (n := get("outcomes")) is not None:
        outcomes = r.outcomes(n, bool(axes))
    r.resolve(sources)
    if pb.has_errors or rid is None or version is None or title is None:
        if not pb.items:
            pb.add(root, Msg("rub.unreadable"))
        raise ContentError(pb.sorted())
    return Rubric(rid, version, title, description, sources, bands, axes, quadrants, dims,
                  str(path), behaviours=behaviours, outcomes=outcomes)
