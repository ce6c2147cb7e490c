"""The glossary of sovereign terms: a data file, loaded with the safe YAML loader.

Meanings are worded as claims ("the claim that ..."), never as facts; every
term carries the research source keys (S#) it was taken from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import ContentError
from .problemtext import Msg
from .text import KNOWN_LANGS, Text
from .yamlsafe import Problems, load_tree, mapping

DEFAULT_PATH = Path(__file__).parent / "content" / "glossary.yaml"
FORMAT = "sovsim-glossary-1"


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    term: Text
    meaning: Text
    sources: tuple[str, ...]

    def matches(self, query: str, lang: str) -> bool:
        q = query.casefold().strip()
        return not q or q in self.term.get(lang).casefold() or q in self.meaning.get(lang).casefold()


@dataclass(frozen=True, slots=True)
class Glossary:
    terms: tuple[Term, ...]
    sources: dict[str, Source]

    def search(self, query: str, lang: str) -> list[Term]:
        return [t for t in self.terms if t.matches(query, lang)]


def _str(node: yaml.Node, pb: Problems, what: Msg) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and node.value.strip():
        return str(node.value)
    pb.add(node, Msg("gloss.not_text", what=what))
    return None


def _text(node: yaml.Node, pb: Problems, what: Msg) -> Text | None:
    items = mapping(node, pb, what, KNOWN_LANGS, KNOWN_LANGS)
    if items is None:
        return None
    out = {lang: _str(v, pb, Msg("gwhat.in_lang", what=what, lang=lang))
           for lang, (_, v) in items.items()}
    if any(v is None for v in out.values()) or set(out) != set(KNOWN_LANGS):
        return None
    return Text.of({k: v for k, v in out.items() if v is not None})


def load_glossary(path: str | Path | None = None) -> Glossary:
    """Load and check a glossary file; :class:`ContentError` lists every problem."""
    path = Path(path) if path else DEFAULT_PATH
    pb = Problems(str(path))
    root = load_tree(path, pb)
    terms: list[Term] = []
    sources: dict[str, Source] = {}
    top = mapping(root, pb, Msg("gwhat.glossary"), {"format", "sources", "terms"},
                  ("format", "sources", "terms")) if root is not None else None
    if top:
        fmt = top.get("format")
        if fmt and getattr(fmt[1], "value", None) != FORMAT:
            pb.add(fmt[1], Msg("gloss.format", format=FORMAT))
        if "sources" in top:
            for key, (_, v) in (mapping(top["sources"][1], pb, Msg("rwhat.sources")) or {}).items():
                fields = mapping(v, pb, Msg("gwhat.source", key=key), {"title", "url"},
                                 ("title", "url"))
                if fields and "title" in fields and "url" in fields:
                    title = _str(fields["title"][1], pb, Msg("gwhat.title_of", key=key))
                    url = _str(fields["url"][1], pb, Msg("gwhat.url_of", key=key))
                    if title and url:
                        sources[key] = Source(key, title, url)
        seq = top["terms"][1] if "terms" in top else None
        if seq is not None and not isinstance(seq, yaml.SequenceNode):
            pb.add(seq, Msg("gloss.terms"))
            seq = None
        seen: set[str] = set()
        for item in seq.value if seq is not None else []:
            f = mapping(item, pb, Msg("gwhat.a_term"), {"id", "term", "meaning", "sources"},
                        ("id", "term", "meaning", "sources"))
            if not f or len(f) < 4:
                continue
            tid = _str(f["id"][1], pb, Msg("gwhat.term_id"))
            term = _text(f["term"][1], pb, Msg("gwhat.term"))
            meaning = _text(f["meaning"][1], pb, Msg("gwhat.meaning"))
            keys: list[str] = []
            src = f["sources"][1]
            if not isinstance(src, yaml.SequenceNode) or not src.value:
                pb.add(src, Msg("gloss.sources"))
            else:
                for s in src.value:
                    key = getattr(s, "value", None)
                    if not isinstance(key, str) or key not in sources:
                        pb.add(s, Msg("gloss.source_unknown", key=key))
                    else:
                        keys.append(key)
            if tid in seen:
                pb.add(f["id"][1], Msg("gloss.term_twice", id=tid))
            if tid and term and meaning and keys:
                seen.add(tid)
                terms.append(Term(tid, term, meaning, tuple(keys)))
    if root is None or pb.has_errors:
        raise ContentError(pb.sorted())
    return Glossary(tuple(terms), sources)


@lru_cache(maxsize=4)
def bundled_glossary() -> Glossary:
    """The glossary that ships with sovsim (read once)."""
    return load_glossary(DEFAULT_PATH)
