"""A scenario as a diagram: Mermaid flowchart text or Graphviz DOT.

Nodes are boxes (the start one drawn thicker), endings are rounded and coloured
by outcome, choices are edges labelled with the choice id; a conditional route is
a dashed edge labelled with its condition, and an automatic continuation an
unlabelled edge. With a rubric dimension given, each choice edge shows its score
on that dimension and is coloured green (positive) or red (negative).

Scenario text is untrusted: labels are cleaned of control characters and escaped
for each format (Mermaid entity codes ``#NNN;``; DOT backslash escapes), so no
label can end its string, add edges, or carry markup.

transitions' own diagram extension (``GraphMachine(graph_engine="mermaid")``) was
tried and not used: it writes labels and state names unescaped, draws only the
state diagram form, and has no per-edge styling; DOT needs the graphviz package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .scenario import OUTCOMES, Scenario

# fill, border and text colours per ending outcome (readable on white and in print)
OUTCOME_STYLE = {
    "partner": ("#d8f0dc", "#2e7d32"),
    "contact_broken": ("#e6e6e6", "#616161"),
    "escalation": ("#fbdada", "#c62828"),
    "gave_in": ("#fde9cf", "#e65100"),
    "open": ("#dde8f8", "#1565c0"),
}
POSITIVE, NEGATIVE, NEUTRAL = "#2e7d32", "#c62828", "#9e9e9e"
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class GraphEdge:
    source: str
    target: str
    label: str
    kind: str  # choice | route | next
    score: int | None = None  # the choice's score on the chosen dimension


@dataclass(frozen=True, slots=True)
class GraphNode:
    id: str
    label: list[str]  # lines
    outcome: str | None  # ending outcome, or None
    start: bool


def clean(text: str) -> str:
    """One line of plain text: control characters and escape sequences removed."""
    return " ".join(_CONTROL.sub(" ", text).split())


def elements(scenario: Scenario, lang: str = "nl",
             dimension: str | None = None) -> tuple[list[GraphNode], list[GraphEdge]]:
    """The nodes and edges of a scenario's diagram, in file order."""
    nodes: list[GraphNode] = []
    edges: list[GraphEdge] = []
    for nid, node in scenario.nodes.items():
        label = [nid]
        outcome = None
        if node.ending is not None:
            outcome = node.ending.outcome
            label.append(clean(f"{outcome}: {node.ending.title.get(lang)}"))
        elif nid == scenario.start:
            label.append("(start)")
        nodes.append(GraphNode(nid, label, outcome, nid == scenario.start))
        for c in node.choices:
            score = c.scores.get(dimension, 0) if dimension else None
            base = c.id
            if score is not None:
                base += f" ({score:+d})" if score else " (0)"
            if c.condition_src:
                base += f" [if {clean(c.condition_src)}]"
            edges.append(GraphEdge(nid, c.target, base, "choice", score))
            for r in c.routes:
                edges.append(GraphEdge(nid, r.target, f"{base}: if {clean(r.condition_src)}",
                                       "route", score))
        if node.next is not None:
            edges.append(GraphEdge(nid, node.next, "", "next"))
            for r in node.next_routes:
                edges.append(GraphEdge(nid, r.target, f"if {clean(r.condition_src)}", "route"))
    return nodes, edges


def _edge_colour(e: GraphEdge) -> tuple[str, int] | None:
    if e.score is None or e.kind == "next":
        return None
    if e.score > 0:
        return POSITIVE, 1 + min(e.score, 3)
    if e.score < 0:
        return NEGATIVE, 1 + min(-e.score, 3)
    return NEUTRAL, 1


# --- Mermaid ---------------------------------------------------------------------

_MERMAID_UNSAFE = set('"#<>&`|\\')


def mermaid_escape(text: str) -> str:
    """Text for inside a Mermaid "quoted" label: a character that could end the string,
    start an entity, or be read as HTML or Markdown becomes an entity code (#34; for ")."""
    return "".join(f"#{ord(ch)};" if ch in _MERMAID_UNSAFE else ch for ch in clean(text))


def to_mermaid(scenario: Scenario, lang: str = "nl", dimension: str | None = None) -> str:
    """A Mermaid flowchart of the scenario."""
    nodes, edges = elements(scenario, lang, dimension)
    ids = {n.id: f"n{i}" for i, n in enumerate(nodes)}
    out = ["flowchart TD"]
    for n in nodes:
        text = "<br/>".join(mermaid_escape(x) for x in n.label)
        left, right = ("([", "])") if n.outcome else ("[", "]")
        out.append(f'  {ids[n.id]}{left}"{text}"{right}')
    styles: list[str] = []
    for i, e in enumerate(edges):
        arrow = {"choice": "-->", "route": "-.->", "next": "-->"}[e.kind]
        if e.label:
            out.append(f'  {ids[e.source]} {arrow}|"{mermaid_escape(e.label)}"| {ids[e.target]}')
        else:
            out.append(f"  {ids[e.source]} {arrow} {ids[e.target]}")
        colour = _edge_colour(e)
        if colour:
            styles.append(f"  linkStyle {i} stroke:{colour[0]},stroke-width:{colour[1]}px")
    out += styles
    out.append("  classDef start stroke-width:3px")
    for outcome in OUTCOMES:
        fill, stroke = OUTCOME_STYLE[outcome]
        out.append(f"  classDef {outcome} fill:{fill},stroke:{stroke},color:#000000")
    starts = [ids[n.id] for n in nodes if n.start]
    if starts:
        out.append(f"  class {','.join(starts)} start")
    for outcome in OUTCOMES:
        members = [ids[n.id] for n in nodes if n.outcome == outcome]
        if members:
            out.append(f"  class {','.join(members)} {outcome}")
    return "\n".join(out) + "\n"


# --- DOT -------------------------------------------------------------------------

def dot_escape(text: str) -> str:
    """Text for inside a DOT "quoted" string: backslashes and quotes escaped."""
    return clean(text).replace("\\", "\\\\").replace('"', '\\"')


def to_dot(scenario: Scenario, lang: str = "nl", dimension: str | None = None) -> str:
    """A Graphviz DOT digraph of the scenario."""
    nodes, edges = elements(scenario, lang, dimension)
    title = clean(scenario.title.get(lang))
    if dimension:
        title += f" - scores: {dimension}"
    out = [f'digraph "{dot_escape(scenario.id)}" {{',
           f'  graph [rankdir=TB, labelloc=t, label="{dot_escape(title)}", fontname="Helvetica"];',
           '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
           '  edge [fontname="Helvetica", fontsize=10];']
    for n in nodes:
        attrs = ['label="' + "\\n".join(dot_escape(x) for x in n.label) + '"']
        if n.outcome:
            fill, stroke = OUTCOME_STYLE[n.outcome]
            attrs += ["shape=box", 'style="rounded,filled,bold"', f'fillcolor="{fill}"',
                      f'color="{stroke}"', 'peripheries=2']
        if n.start:
            attrs.append("penwidth=3")
        out.append(f'  "{dot_escape(n.id)}" [{", ".join(attrs)}];')
    for e in edges:
        attrs = [f'label="{dot_escape(e.label)}"'] if e.label else []
        if e.kind == "route":
            attrs.append("style=dashed")
        colour = _edge_colour(e)
        if colour:
            attrs += [f'color="{colour[0]}"', f'fontcolor="{colour[0]}"', f"penwidth={colour[1]}"]
        tail = f" [{', '.join(attrs)}]" if attrs else ""
        out.append(f'  "{dot_escape(e.source)}" -> "{dot_escape(e.target)}"{tail};')
    out.append("}")
    return "\n".join(out) + "\n"
