"""The practical-wisdom rubric: dimensions, good and poor practice with sources,
bands, the two axes and their quadrants. Loaded from YAML and validated like a
scenario: every problem at once, with file, line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sim.errors import ContentError
from sim.scenario import CHANNELS
from sim.text import KNOWN_LANGS, Text
from sim.yamlsafe import Problems, did_you_mean, kind_name, load_tree, mapping, pos, scalar

DEFAULT_PATH = Path(__file__).with_name("rubric.yaml")

PROVENANCES = ("quickscan", "letter", "guidance", "synthesis")
AXES = ("contact", "limits")
LEVELS = ("high", "low")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$")

TOP_KEYS = {"id", "version", "title", "description", "sources", "bands", "axes", "quadrants",
            "dimensions"}
TOP_REQUIRED = ("id", "version", "title", "sources", "bands", "dimensions")
SOURCE_KEYS = {"key", "title", "url", "note"}
CITE_KEYS = {"source", "provenance", "quote", "translation"}
BAND_KEYS = {"id", "from", "name", "description"}
AXIS_KEYS = {"name", "description", "dimensions", "threshold", "sources"}
QUADRANT_KEYS = {"id", "contact", "limits", "name", "description", "sources"}
DIM_KEYS = {"id", "name", "short", "description", "sources", "good", "poor"}
GOOD_KEYS = {"text", "tip", "sources", "channels", "themes"}
POOR_KEYS = {"text", "sources"}


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

    def dimension_ids(self) -> list[str]:
        return [d.id for d in self.dimensions]

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

    def quadrant_for(self, contact_high: bool, limits_high: bool) -> Quadrant | None:
        return next((q for q in self.quadrants
                     if q.contact_high == contact_high and q.limits_high == limits_high), None)


def _named(node: yaml.Node, kind: str) -> str:
    """'dimension 'x'' when the mapping has a usable id, else 'a dimension' (for messages)."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == "id" and \
                    isinstance(v, yaml.ScalarNode) and ID_RE.match(str(v.value)):
                return f"{kind} {v.value!r}"
    return f"a {kind}"


# --- loading ------------------------------------------------------------------------

class _Reader:
    def __init__(self, problems: Problems) -> None:
        self.pb = problems
        self.source_refs: list[tuple[str, yaml.Node]] = []
        self.dim_refs: list[tuple[str, yaml.Node, str]] = []
        self.declared: list[str] = []  # every dimension id written, valid or not

    def text(self, node: yaml.Node, what: str, plain_ok: bool = False) -> Text | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            if plain_ok and node.value.strip():
                return Text.of(node.value)
            if plain_ok:
                self.pb.add(node, f"{what} is empty")
                return None
            self.pb.add(node, f"{what} needs a Dutch and an English text: write it as "
                              "{nl: \"...\", en: \"...\"}")
            return None
        if not isinstance(node, yaml.MappingNode):
            self.pb.add(node, f"{what} should be a mapping with 'nl:' and 'en:' texts, "
                              f"not {kind_name(node)}")
            return None
        items = mapping(node, self.pb, what, KNOWN_LANGS)
        if items is None:
            return None
        values: dict[str, str] = {}
        for lang, (_, v) in items.items():
            if not (isinstance(v, yaml.ScalarNode) and v.tag.endswith(":str")) or not v.value.strip():
                self.pb.add(v, f"the {lang!r} text of {what} should be non-empty text, "
                               f"not {kind_name(v)}")
                continue
            values[lang] = v.value
        for lang in KNOWN_LANGS:
            if lang not in items:
                self.pb.add(node, f"{what} has no {lang!r} text; add '{lang}: ...'")
        return Text.of(values) if len(values) == len(KNOWN_LANGS) else None

    def partial_text(self, node: yaml.Node, what: str) -> Text | None:
        """A text in one or more of the known languages (for translations)."""
        items = mapping(node, self.pb, what, KNOWN_LANGS)
        if items is None:
            return None
        values: dict[str, str] = {}
        for lang, (_, v) in items.items():
            if isinstance(v, yaml.ScalarNode) and v.tag.endswith(":str") and v.value.strip():
                values[lang] = v.value
            else:
                self.pb.add(v, f"the {lang!r} text of {what} should be non-empty text")
        if not values:
            if not items:
                self.pb.add(node, f"{what} is empty; give at least 'en: ...' or 'nl: ...'")
            return None
        return Text.of(values)

    def plain(self, node: yaml.Node, what: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            return node.value
        self.pb.add(node, f"{what} should be text, not {kind_name(node)}")
        return None

    def ident(self, node: yaml.Node, what: str, pattern: re.Pattern[str] = ID_RE) -> str | None:
        if isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null"):
            value = str(node.value)
            if pattern.match(value):
                return value
            rule = ("lowercase letters, digits, '-' and '_' (max 40)" if pattern is ID_RE
                    else "letters, digits, '-' and '_' (max 20)")
            self.pb.add(node, f"{what} {value!r} is not a valid id: use {rule}")
            return None
        self.pb.add(node, f"{what} should be an id, not {kind_name(node)}")
        return None

    def whole(self, node: yaml.Node, what: str, lo: int, hi: int) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int"):
            try:
                value = scalar(node)
            except ValueError:
                value = None
            if isinstance(value, int) and lo <= value <= hi:
                return value
        self.pb.add(node, f"{what} should be a whole number from {lo} to {hi}")
        return None

    def seq(self, node: yaml.Node, what: str, example: str) -> list[yaml.Node]:
        if isinstance(node, yaml.SequenceNode):
            if not node.value:
                self.pb.add(node, f"{what} is empty; add at least one item")
            return list(node.value)
        self.pb.add(node, f"{what} should be a list of {example}, not {kind_name(node)}")
        return []

    def words(self, node: yaml.Node, what: str) -> list[str]:
        out: list[str] = []
        for item in self.seq(node, what, "words such as [a, b]"):
            if isinstance(item, yaml.ScalarNode) and item.tag.endswith(":str"):
                out.append(item.value)
            else:
                self.pb.add(item, f"each item of {what} should be a word")
        return out

    # -- parts ---------------------------------------------------------------------------
    def sources(self, node: yaml.Node) -> dict[str, Source]:
        out: dict[str, Source] = {}
        first: dict[str, int] = {}
        for item in self.seq(node, "sources", "'- {key: S1, title: ...}' items"):
            f = mapping(item, self.pb, "a source", SOURCE_KEYS, ("key", "title"))
            if f is None or not {"key", "title"} <= f.keys():
                continue
            key = self.ident(f["key"][1], "the source key", KEY_RE)
            title = self.plain(f["title"][1], "the title of a source")
            url = self.plain(f["url"][1], "the url of a source") if "url" in f else ""
            note = self.plain(f["note"][1], "the note of a source") if "note" in f else ""
            if key is None or title is None:
                continue
            if key in out:
                self.pb.add(f["key"][1], f"source key {key!r} appears twice (first on line "
                                         f"{first[key]}); each source is listed once")
                continue
            first[key] = pos(f["key"][1])[0]
            out[key] = Source(key, title, url or "", note or "")
        return out

    def citations(self, node: yaml.Node, what: str) -> list[Citation]:
        out: list[Citation] = []
        for item in self.seq(node, f"the sources of {what}",
                             "'- {source: S2, provenance: synthesis}' items"):
            f = mapping(item, self.pb, f"a source of {what}", CITE_KEYS, ("source", "provenance"))
            if f is None or not {"source", "provenance"} <= f.keys():
                continue
            key = self.ident(f["source"][1], "the source key", KEY_RE)
            if key is not None:
                self.source_refs.append((key, f["source"][1]))
            pnode = f["provenance"][1]
            prov = str(pnode.value) if isinstance(pnode, yaml.ScalarNode) else ""
            if prov not in PROVENANCES:
                hint = did_you_mean(prov, PROVENANCES)
                self.pb.add(pnode, f"provenance {prov!r} is not known{hint}"
                                   + ("" if hint else f"; use one of {', '.join(PROVENANCES)}"))
                continue
            quote = self.plain(f["quote"][1], "a quote") if "quote" in f else None
            if quote is not None and not quote.strip():
                self.pb.add(f["quote"][1], "the quote is empty")
                quote = None
            if prov == "quickscan" and "quote" not in f:
                self.pb.add(pnode, "provenance 'quickscan' marks the quick scan's own words, so it "
                                   "needs the 'quote:' it cites; without one, use 'synthesis'")
            if prov == "synthesis" and "quote" in f:
                self.pb.add(f["quote"][0], "a 'synthesis' is our own inference and cannot carry a "
                                           "quote; remove the quote or mark where it stands "
                                           "(quickscan, letter or guidance)")
                quote = None
            translation = None
            if "translation" in f:
                if "quote" not in f:
                    self.pb.add(f["translation"][0], "'translation' belongs with a 'quote'")
                else:
                    translation = self.partial_text(f["translation"][1], "the translation")
            if key is not None:
                out.append(Citation(key, prov, quote, translation))
        return out

    def bands(self, node: yaml.Node) -> list[Band]:
        raw: list[tuple[str, int, Text, Text | None, yaml.Node]] = []
        ids: dict[str, int] = {}
        for item in self.seq(node, "bands", "'- {id: ..., from: 0, name: ...}' items"):
            f = mapping(item, self.pb, "a band", BAND_KEYS, ("id", "from", "name"))
            if f is None or not {"id", "from", "name"} <= f.keys():
                continue
            bid = self.ident(f["id"][1], "the band id")
            lower = self.whole(f["from"][1], "'from' of a band", 0, 100)
            name = self.text(f["name"][1], "the name of a band")
            desc = self.text(f["description"][1], "the description of a band") \
                if "description" in f else None
            if bid is not None and bid in ids:
                self.pb.add(f["id"][1], f"band id {bid!r} appears twice (first on line {ids[bid]})")
                continue
            if bid is None or lower is None or name is None:
                continue
            ids[bid] = pos(f["id"][1])[0]
            if raw and lower <= raw[-1][1]:
                self.pb.add(f["from"][1], f"band {bid!r} starts at {lower}, but the band before "
                                          f"it starts at {raw[-1][1]}; list bands from low to "
                                          "high, each starting higher than the last")
                continue
            if not raw and lower != 0:
                self.pb.add(f["from"][1], f"the first band should start at 0 (it starts at "
                                          f"{lower}), so that every score has a band")
            raw.append((bid, lower, name, desc, item))
        out = []
        for i, (bid, lower, name, desc, _) in enumerate(raw):
            upper = raw[i + 1][1] - 1 if i + 1 < len(raw) else 100
            out.append(Band(bid, lower, upper, name, desc))
        return out

    def axes(self, node: yaml.Node) -> dict[str, Axis]:
        items = mapping(node, self.pb, "axes", AXES, AXES)
        out: dict[str, Axis] = {}
        for aid, (_, value) in (items or {}).items():
            what = f"axis {aid!r}"
            f = mapping(value, self.pb, what, AXIS_KEYS, ("name", "description", "dimensions",
                                                          "threshold"))
            if f is None:
                continue
            name = self.text(f["name"][1], f"the name of {what}") if "name" in f else None
            desc = (self.text(f["description"][1], f"the description of {what}")
                    if "description" in f else None)
            threshold = (self.whole(f["threshold"][1], f"the threshold of {what}", 1, 100)
                         if "threshold" in f else None)
            dims: list[str] = []
            if "dimensions" in f:
                seen: set[str] = set()
                for item in self.seq(f["dimensions"][1], f"the dimensions of {what}",
                                     "dimension ids such as [verbinding, begrip]"):
                    d = self.ident(item, "a dimension id")
                    if d is None:
                        continue
                    if d in seen:
                        self.pb.add(item, f"{d!r} is listed twice in {what}")
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
        for item in self.seq(node, "quadrants", "'- {id: ..., contact: high, limits: high, "
                                                "name: ...}' items"):
            f = mapping(item, self.pb, "a quadrant", QUADRANT_KEYS,
                        ("id", "contact", "limits", "name", "description"))
            if f is None or not {"id", "contact", "limits", "name", "description"} <= f.keys():
                continue
            qid = self.ident(f["id"][1], "the quadrant id")
            levels: list[bool] = []
            for axis in AXES:
                lnode = f[axis][1]
                v = str(lnode.value) if isinstance(lnode, yaml.ScalarNode) else ""
                if v not in LEVELS:
                    self.pb.add(lnode, f"{axis} of a quadrant should be 'high' or 'low'"
                                       + did_you_mean(v, LEVELS))
                else:
                    levels.append(v == "high")
            name = self.text(f["name"][1], "the name of a quadrant")
            desc = self.text(f["description"][1], "the description of a quadrant")
            cites = self.citations(f["sources"][1], "a quadrant") if "sources" in f else []
            if qid is not None and qid in ids:
                self.pb.add(f["id"][1], f"quadrant id {qid!r} appears twice")
                continue
            if qid is None or len(levels) != 2 or name is None or desc is None:
                continue
            ids.add(qid)
            combo = (levels[0], levels[1])
            if combo in seen:
                self.pb.add(item, f"quadrant {qid!r} has the same contact and limits levels as "
                                  f"{seen[combo]!r}; each combination appears once")
                continue
            seen[combo] = qid
            out.append(Quadrant(qid, combo[0], combo[1], name, desc, cites))
        complete = isinstance(node, yaml.SequenceNode) and len(out) == len(node.value)
        if has_axes and complete and out:
            for c in (True, False):
                for lim in (True, False):
                    if (c, lim) not in seen:
                        self.pb.add(node, "quadrants has no quadrant for contact "
                                          f"{'high' if c else 'low'}, limits "
                                          f"{'high' if lim else 'low'}; give all four")
        return out

    def practice(self, node: yaml.Node, what: str, good: bool) -> Practice | None:
        keys = GOOD_KEYS if good else POOR_KEYS
        req = ("text", "tip", "sources") if good else ("text", "sources")
        f = mapping(node, self.pb, what, keys, req)
        if f is None:
            return None
        text = self.text(f["text"][1], f"the text of {what}") if "text" in f else None
        tip = self.text(f["tip"][1], f"the tip of {what}") if "tip" in f else None
        cites = self.citations(f["sources"][1], what) if "sources" in f else []
        channels: list[str] = []
        if "channels" in f:
            for ch_node in self.seq(f["channels"][1], "channels", "channels such as [writing]"):
                ch = str(ch_node.value) if isinstance(ch_node, yaml.ScalarNode) else ""
                if ch not in CHANNELS:
                    hint = did_you_mean(ch, CHANNELS)
                    self.pb.add(ch_node, f"unknown channel {ch!r}{hint}"
                                + ("" if hint else f"; use one of {', '.join(CHANNELS)}"))
                else:
                    channels.append(ch)
        themes = self.words(f["themes"][1], "themes") if "themes" in f else []
        if text is None or (good and tip is None) or not cites:
            return None
        return Practice(text, cites, tip, channels, themes)

    def dimensions(self, node: yaml.Node) -> list[Dimension]:
        out: list[Dimension] = []
        first: dict[str, int] = {}
        for item in self.seq(node, "dimensions", "'- id: ...' items"):
            f = mapping(item, self.pb, _named(item, "dimension"), DIM_KEYS,
                        ("id", "name", "description", "sources", "good", "poor"))
            if f is None or "id" not in f:
                continue
            did = self.ident(f["id"][1], "the dimension id")
            if did is None:
                continue
            if did in first:
                self.pb.add(f["id"][1], f"dimension id {did!r} appears twice (first on line "
                                        f"{first[did]}); ids must be unique")
                continue
            first[did] = pos(f["id"][1])[0]
            self.declared.append(did)
            what = f"dimension {did!r}"
            name = self.text(f["name"][1], f"the name of {what}") if "name" in f else None
            short = self.text(f["short"][1], f"the short name of {what}") if "short" in f else None
            desc = (self.text(f["description"][1], f"the description of {what}")
                    if "description" in f else None)
            cites = self.citations(f["sources"][1], what) if "sources" in f else []
            good = [p for i, n in enumerate(self.seq(f["good"][1], f"the good practice of {what}",
                                                     "'- text: ...' items") if "good" in f else [])
                    if (p := self.practice(n, f"good practice {i + 1} of {what}", True))]
            poor = [p for i, n in enumerate(self.seq(f["poor"][1], f"the poor practice of {what}",
                                                     "'- text: ...' items") if "poor" in f else [])
                    if (p := self.practice(n, f"poor practice {i + 1} of {what}", False))]
            if name and desc:
                out.append(Dimension(did, name, short or name, desc, cites, good, poor,
                                     pos(item)[0]))
        return out

    def resolve(self, sources: dict[str, Source]) -> None:
        for key, node in self.source_refs:
            if key not in sources:
                hint = did_you_mean(key, sources)
                self.pb.add(node, f"unknown source {key!r}{hint}"
                                  + ("" if hint else "; list it under 'sources:' at the top"))
        ids = self.declared
        for d, node, what in self.dim_refs:
            if d not in ids:
                hint = did_you_mean(d, ids)
                self.pb.add(node, f"{what} refers to dimension {d!r}, which the rubric does not "
                                  f"have{hint}" + ("" if hint else f"; it has: {', '.join(ids)}"))


def load_rubric(path: str | Path | None = None) -> Rubric:
    """Load and validate a rubric file; raise :class:`ContentError` listing every problem."""
    path = Path(path) if path else DEFAULT_PATH
    pb = Problems(str(path))
    root = load_tree(path, pb)
    if root is None:
        raise ContentError(pb.sorted())
    if not isinstance(root, yaml.MappingNode):
        pb.add(root, "a rubric file must be a mapping that starts with 'id:', 'version:' "
                     f"and so on; this file holds {kind_name(root)}")
        raise ContentError(pb.sorted())
    r = _Reader(pb)
    top = mapping(root, pb, "the rubric", TOP_KEYS, TOP_REQUIRED) or {}

    def get(key: str) -> yaml.Node | None:
        return top[key][1] if key in top else None

    rid = r.ident(n, "the rubric id") if (n := get("id")) is not None else None
    version = r.whole(n, "version", 1, 10**6) if (n := get("version")) is not None else None
    title = r.text(n, "the title") if (n := get("title")) is not None else None
    description = r.text(n, "the description") if (n := get("description")) is not None else None
    sources = r.sources(n) if (n := get("sources")) is not None else {}
    bands = r.bands(n) if (n := get("bands")) is not None else []
    dims = r.dimensions(n) if (n := get("dimensions")) is not None else []
    axes: dict[str, Axis] = {}
    quadrants: list[Quadrant] = []
    if (n := get("axes")) is not None:
        axes = r.axes(n)
        if get("quadrants") is None:
            pb.add(top["axes"][0], "the rubric has axes but no 'quadrants:'; name all four "
                                   "combinations of contact and limits (high/low)")
    if (n := get("quadrants")) is not None:
        if get("axes") is None:
            pb.add(top["quadrants"][0], "quadrants need 'axes:' (contact and limits)")
        quadrants = r.quadrants(n, get("axes") is not None)
    r.resolve(sources)
    if pb.has_errors or rid is None or version is None or title is None:
        if not pb.items:
            pb.add(root, "the rubric could not be read")
        raise ContentError(pb.sorted())
    return Rubric(rid, version, title, description, sources, bands, axes, quadrants, dims,
                  str(path))
