"""Generate large synthetic scenarios for benchmarks (N nodes, 3 conditional choices each)."""

from __future__ import annotations

import random
from pathlib import Path


def generate(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out = [
        f"id: bench-{n}", "version: 1", "languages: [nl, en]",
        "title: {nl: Benchmark, en: Benchmark}", "summary: {nl: Gegenereerd., en: Generated.}",
        "role: {nl: Medewerker, en: Clerk}", "characters:", "  bewoner: {name: Sam}",
        "variables:",
        "  vertrouwen: {type: number, initial: 5, min: 0, max: 10, gauge: true, label: {nl: Vertrouwen, en: Trust}}",
        "  spanning: {type: number, initial: 3, min: 0, max: 10, gauge: true, label: {nl: Spanning, en: Tension}}",
        "start: n0", "nodes:",
    ]
    for i in range(n):
        out.append(f"  n{i}:")
        if i >= n - 3:
            out += ["    ending:", "      outcome: partner",
                    f"      title: {{nl: Einde {i}, en: End {i}}}",
                    "      text: {nl: Het gesprek is afgerond., en: The conversation has ended.}"]
            continue
        out += ["    lines:", "      - speaker: bewoner",
                f"        text: {{nl: \"Dit is wat de bewoner zegt bij stap {i}.\", en: \"This is what the resident says at step {i}.\"}}",
                "    choices:"]
        for j in range(3):
            t = min(n - 1, i + 1 + rng.randrange(3))
            alt = min(n - 1, i + 2 + rng.randrange(5))
            out += [f"      - id: c{j}",
                    f"        text: {{nl: \"Keuze {j} bij stap {i}\", en: \"Choice {j} at step {i}\"}}",
                    f"        if: \"vertrouwen >= {j} or spanning < {8 - j}\"",
                    f"        effects: [\"vertrouwen += {1 - j}\", \"spanning -= {1 - j}\"]",
                    f"        scores: {{verbinding: {1 - j}, zakelijk: {j - 1}}}",
                    f"        feedback: {{nl: \"Uitleg bij keuze {j}.\", en: \"Why choice {j}.\"}}",
                    f"        target: n{t}",
                    "        routes:",
                    "          - if: \"spanning >= 9\"",
                    f"            target: n{alt}"]
    return "\n".join(out) + "\n"


def write(n: int, folder: Path) -> Path:
    path = folder / f"bench-{n}.yaml"
    if not path.exists():
        path.write_text(generate(n), encoding="utf-8")
    return path
