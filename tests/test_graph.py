"""``sovsim graph``: Mermaid and DOT output parsed back, every node and edge checked,
and hostile scenario text unable to break out of its label."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pydot
import pytest

from sim.graph import clean, to_dot, to_mermaid
from sim.loader import load_scenario
from sim.scenario import Scenario

from .conftest import EXAMPLE, bundled_scenarios

# pydot's parser is built on pyparsing names that pyparsing now calls deprecated
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from .clirun import sovsim  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "authoring"


# --- what the diagram must show, from the scenario model --------------------------

def expected_edges(sc: Scenario) -> list[tuple[str, str, str, str]]:
    """(source, target, kind, what) for every way out of every node; ``what`` is the
    choice id, or the route condition, or '' for an automatic continuation."""
    out = []
    for nid, node in sc.nodes.items():
        for c in node.choices:
            out.append((nid, c.target, "choice", c.id))
            out += [(nid, r.target, "route", c.id) for r in c.routes]
        if node.next is not None:
            out.append((nid, node.next, "next", ""))
            out += [(nid, r.target, "route", "") for r in node.next_routes]
    return out


# --- a strict reader of the Mermaid we write ----------------------------------------

NODE = re.compile(r'^  (n\d+)(\[|\(\[)"([^"]*)"(\]|\]\))$')
EDGE = re.compile(r'^  (n\d+) (-->|-\.->)(?:\|"([^"]*)"\|)? (n\d+)$')
STYLE = re.compile(r"^  linkStyle (\d+) stroke:(#[0-9a-f]{6}),stroke-width:(\d)px$")
CLASSDEF = re.compile(r"^  classDef (\w+) [\w:#,-]+$")
CLASS = re.compile(r"^  class (n\d+(?:,n\d+)*) (\w+)$")


def mermaid_text(s: str) -> str:
    """Decode Mermaid entity codes (#34; and #quot; forms), in one pass as Mermaid does."""
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        return chr(int(code)) if code.isdigit() else html.unescape(f"&{code};")
    return re.sub(r"#(\d+|[a-z]+);", one, s)


def parse_mermaid(text: str) -> dict:
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    nodes, edges, styles, classes, classdefs = {}, [], {}, {}, set()
    for line in lines[1:]:
        if m := NODE.match(line):
            assert m.group(1) not in nodes
            ending = m.group(2) == "(["
            assert m.group(4) == ("])" if ending else "]")
            label = [mermaid_text(x) for x in m.group(3).split("<br/>")]
            nodes[m.group(1)] = {"label": label, "ending": ending}
        elif m := EDGE.match(line):
            assert not styles, "edges come before styles"
            label = mermaid_text(m.group(3)) if m.group(3) is not None else None
            edges.append((m.group(1), m.group(4), m.group(2), label))
        elif m := STYLE.match(line):
            styles[int(m.group(1))] = (m.group(2), int(m.group(3)))
        elif m := CLASSDEF.match(line):
            classdefs.add(m.group(1))
        elif m := CLASS.match(line):
            for n in m.group(1).split(","):
                classes.setdefault(n, set()).add(m.group(2))
        else:
            pytest.fail(f"unexpected Mermaid line: {line!r}")
    for n, cls in classes.items():
        assert n in nodes and cls <= classdefs
    assert all(i < len(edges) for i in styles)
    return {"nodes": nodes, "edges": edges, "styles": styles, "classes": classes}


def check_mermaid(sc: Scenario, text: str, lang: str = "nl", dim: str | None = None) -> None:
    g = parse_mermaid(text)
    by_id = {v["label"][0]: k for k, v in g["nodes"].items()}
    assert set(by_id) == set(sc.nodes)  # every node, once
    for nid, node in sc.nodes.items():
        m = by_id[nid]
        entry = g["nodes"][m]
        if node.ending is not None:
            assert entry["ending"]
            assert entry["label"][1] == clean(f"{node.ending.outcome}: {node.ending.title.get(lang)}")
            assert node.ending.outcome in g["classes"][m]
        else:
            assert not entry["ending"]
        assert ("start" in g["classes"].get(m, set())) == (nid == sc.start)
    names = {v: k for k, v in by_id.items()}
    found = []
    for i, (src, dst, arrow, label) in enumerate(g["edges"]):
        s, t = names[src], names[dst]
        if arrow == "-.->":
            cond = label.rsplit("if ", 1)[1]
            kind, what = "route", label.split(" ")[0].rstrip(":") if not label.startswith("if ") else ""
            routes = [r for c in sc.nodes[s].choices for r in c.routes] + sc.nodes[s].next_routes
            assert cond in [clean(r.condition_src) for r in routes if r.target == t]
        elif label is None:
            kind, what = "next", ""
        else:
            kind, what = "choice", label.split(" ")[0]
            c = sc.nodes[s].choice(what)
            assert c is not None and c.target == t
            if c.condition_src:
                assert label.endswith(f"[if {clean(c.condition_src)}]")
        if dim is not None and what:
            score = sc.nodes[s].choice(what).scores.get(dim, 0)
            colour, width = g["styles"][i]
            assert colour == ("#2e7d32" if score > 0 else "#c62828" if score < 0 else "#9e9e9e")
            assert width == 1 + min(abs(score), 3)
            assert f" ({score:+d})" in label if score else " (0)" in label
        found.append((s, t, kind, what))
    assert sorted(found) == sorted(expected_edges(sc))  # every edge, once


# --- DOT, read back by pydot ----------------------------------------------------------

def dot_string(s: str | None) -> str | None:
    """A DOT quoted string's text: the quotes off, escapes undone."""
    if s is None:
        return None
    assert s.startswith('"') and s.endswith('"')
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), s[1:-1])


def check_dot(sc: Scenario, text: str, lang: str = "nl", dim: str | None = None) -> None:
    graphs = pydot.graph_from_dot_data(text)
    assert graphs is not None and len(graphs) == 1
    g = graphs[0]
    assert dot_string(g.get_name()) == sc.id
    nodes = {dot_string(n.get_name()): n for n in g.get_nodes() if n.get_name() not in ("node", "edge", "graph")}
    assert set(nodes) == set(sc.nodes)
    for nid, node in sc.nodes.items():
        label = dot_string(nodes[nid].get("label")).split("\n")
        assert label[0] == nid
        if node.ending is not None:
            assert label[1] == clean(f"{node.ending.outcome}: {node.ending.title.get(lang)}")
            assert nodes[nid].get("peripheries") == "2"
    found = []
    for e in g.get_edges():
        s, t = dot_string(e.get_source()), dot_string(e.get_destination())
        label = dot_string(e.get("label"))
        if e.get("style") == "dashed":
            kind, what = "route", (label.split(" ")[0].rstrip(":") if not label.startswith("if ") else "")
        elif label is None:
            kind, what = "next", ""
        else:
            kind, what = "choice", label.split(" ")[0]
            assert sc.nodes[s].choice(what).target == t
        if dim is not None and what:
            score = sc.nodes[s].choice(what).scores.get(dim, 0)
            assert dot_string(e.get("color")) == ("#2e7d32" if score > 0 else "#c62828" if score < 0 else "#9e9e9e")
        found.append((s, t, kind, what))
    assert sorted(found) == sorted(expected_edges(sc))


ALL = [EXAMPLE, *bundled_scenarios(), *sorted(FIXTURES.glob("*.yaml"))]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_every_node_and_edge_in_mermaid_and_dot(path: Path, rubric) -> None:  # noqa: ANN001
    sc = load_scenario(path, rubric.dimension_ids())
    check_mermaid(sc, to_mermaid(sc))
    check_dot(sc, to_dot(sc))
    for dim in sc.dimensions_scored()[:2]:
        check_mermaid(sc, to_mermaid(sc, "en", dim), "en", dim)
        check_dot(sc, to_dot(sc, "en", dim), "en", dim)


HOSTILE = r'''
id: vijandig
version: 1
languages: [nl, en]
title: {nl: "Titel \" met <b>markup</b> & #quot; | pijp \\l", en: "Title \"x\" --> n0"}
summary: {nl: "Samenvatting.", en: "Summary."}
role: {nl: Rol, en: Role}
variables:
  naam: {type: text, initial: "a"}
start: begin
nodes:
  begin:
    choices:
      - id: a
        text: {nl: "A", en: "A"}
        if: "naam != 'x\" --> n9[\"pwn'"
        target: end
      - id: b
        text: {nl: "B", en: "B"}
        target: einde
        routes:
          - if: "naam == '`**vet**` |x| <script>alert(1)</script> #35; ;'"
            target: end
  end:
    ending: {outcome: partner, title: {nl: "Einde \"]) --> n0\n\u001b[31mrood \\l \\\" #quot; <i>i</i> `code`", en: "End"}, text: {nl: "T", en: "T"}}
  einde:
    ending: {outcome: escalation, title: {nl: "subgraph end; click n0 call alert()", en: "E"}, text: {nl: "T", en: "T"}}
'''


def test_hostile_text_stays_inside_its_labels(tmp_path: Path, rubric) -> None:  # noqa: ANN001
    path = tmp_path / "vijandig.yaml"
    path.write_text(HOSTILE)
    sc = load_scenario(path, rubric.dimension_ids())
    title = sc.nodes["end"].ending.title.get("nl")
    assert "\x1b" in title and '"]) --> n0' in title
    mm = to_mermaid(sc)
    check_mermaid(sc, mm)  # 3 nodes and 3 edges, nothing injected
    assert len(parse_mermaid(mm)["edges"]) == 3
    for bad in ("<b>", "<script>", "<i>", "`", "\x1b", "#quot;", "|x|"):
        assert bad not in mm
    assert "Einde #34;]) --#62; n0 rood" in mm
    labels = {v["label"][0]: v["label"] for v in parse_mermaid(mm)["nodes"].values()}
    assert labels["end"][1] == 'partner: Einde "]) --> n0 rood \\l \\" #quot; <i>i</i> `code`'
    dot = to_dot(sc)
    check_dot(sc, dot)
    g = pydot.graph_from_dot_data(dot)[0]
    assert len(g.get_edges()) == 3
    assert 'label="Titel \\" met <b>markup</b> & #quot; | pijp \\\\l"' in dot
    end = next(n for n in g.get_nodes() if n.get_name() == '"end"')
    assert dot_string(end.get("label")).split("\n")[1] == labels["end"][1]
    assert "\x1b" not in dot


def test_cli_writes_files_and_checks_its_input(tmp_path: Path) -> None:
    out = tmp_path / "stempas.mmd"
    r = sovsim("graph", str(EXAMPLE), "-o", str(out), "--scores", "verbinding")
    assert r.returncode == 0 and r.stdout == ""
    assert "Wrote" in r.stderr and out.read_text().startswith("flowchart TD\n")
    md = tmp_path / "stempas.md"
    assert sovsim("graph", str(EXAMPLE), "-o", str(md)).returncode == 0
    text = md.read_text()
    assert text.startswith("```mermaid\nflowchart TD\n") and text.endswith("```\n")
    r = sovsim("graph", str(EXAMPLE), "--format", "dot")
    assert r.returncode == 0 and r.stdout.startswith('digraph "stempas" {')
    bad = sovsim("graph", str(EXAMPLE), "--scores", "verbindng")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "sovsim: unknown rubric dimension 'verbindng'; did you mean 'verbinding'?"
    assert sovsim("graph", str(EXAMPLE), "--format", "svg").returncode == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text(EXAMPLE.read_text().replace("target: reactie", "target: reaktie", 1))
    r = sovsim("graph", str(broken))
    assert r.returncode == 1 and r.stdout == ""
    assert "verwijst naar knooppunt 'reaktie', dat niet bestaat; bedoel je 'reactie'?" in r.stderr
    r = sovsim("--lang", "en", "graph", str(broken))
    assert "refers to node 'reaktie', which does not exist; did you mean 'reactie'?" in r.stderr
    note = sovsim("graph", "tests/authoring/clean.yaml", "--scores", "veiligheid")
    assert note.returncode == 0 and "never scores 'veiligheid'" in note.stderr
