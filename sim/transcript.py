"""What a run has shown so far, as plain entries for any view (app, plain mode, tests).

Built from the run's state alone, so a resumed or undone run shows exactly the
same transcript as one played straight through. Text is cleaned of terminal
control characters here; views must still show it as plain text, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .engine import Run, Step
from .scenario import Scenario
from .textsafe import clean


@dataclass(frozen=True, slots=True)
class Entry:
    """One transcript entry.

    ``kind``: ``narration``, ``speech`` (``speaker`` id, ``name``), ``you`` (the
    trainee's choice), ``coach`` (feedback, ``scores``, ``thought`` with ``name`` of
    the character whose thought it is), or ``ending`` (``title``, ``outcome``).
    """

    kind: str
    text: str
    speaker: str | None = None
    name: str | None = None
    title: str | None = None
    outcome: str | None = None
    thought: str | None = None
    scores: dict[str, int] = field(default_factory=dict)
    node: str = ""
    step: int = 0  # 0 = the opening, n = after the n-th decision


def node_entries(scenario: Scenario, node_id: str, lang: str, step: int = 0) -> list[Entry]:
    node = scenario.nodes[node_id]
    out: list[Entry] = []
    for ln in node.lines:
        if ln.speaker:
            name = clean(scenario.characters[ln.speaker].name.get(lang))
            out.append(Entry("speech", clean(ln.text.get(lang)), speaker=ln.speaker, name=name,
                             node=node_id, step=step))
        else:
            out.append(Entry("narration", clean(ln.text.get(lang)), node=node_id, step=step))
    if node.ending is not None:
        out.append(Entry("ending", clean(node.ending.text.get(lang)),
                         title=clean(node.ending.title.get(lang)), outcome=node.ending.outcome,
                         node=node_id, step=step))
    return out


def thought_of(scenario: Scenario, node_id: str, choice_id: str | None,
               lang: str) -> tuple[str, str | None] | None:
    """The thought shown after ``choice_id`` at ``node_id``, and the name of whoever
    thinks it (as the scenario says; None when it has no characters)."""
    found = scenario.thought_after(node_id, choice_id)
    if found is None:
        return None
    text, by = found
    who = scenario.characters.get(by) if by else None
    return clean(text.get(lang)).strip(), clean(who.name.get(lang)) if who else None


def thought_text(scenario: Scenario, node_id: str, lang: str,
                 choice_id: str | None = None) -> str | None:
    """The thought after a choice, saying whose it is: ``Name: “...”``."""
    found = thought_of(scenario, node_id, choice_id, lang)
    if found is None:
        return None
    text, who = found
    return f"{who}: “{text}”" if who else f"“{text}”"


def step_entries(scenario: Scenario, step: Step, n: int, lang: str, coach: bool) -> list[Entry]:
    """The trainee's choice, the coach's note (coach mode) and what followed."""
    node = scenario.nodes[step.node]
    choice = node.choice(step.choice)
    out = [Entry("you", clean(choice.text.get(lang)) if choice else step.choice,
                 node=step.node, step=n)]
    if coach:
        feedback = clean(choice.feedback.get(lang)) if choice and choice.feedback else ""
        found = thought_of(scenario, step.node, step.choice, lang)
        thought = thought_text(scenario, step.node, lang, step.choice)
        out.append(Entry("coach", feedback, scores=dict(step.scores), thought=thought,
                         name=found[1] if found else None, node=step.node, step=n))
    for nid in step.entered:
        out += node_entries(scenario, nid, lang, n)
    return out


def build(run: Run, lang: str, coach: bool) -> list[Entry]:
    """The whole transcript of ``run`` so far."""
    out: list[Entry] = []
    for nid in run.opening:
        out += node_entries(run.scenario, nid, lang, 0)
    for n, step in enumerate(run.history, 1):
        out += step_entries(run.scenario, step, n, lang, coach)
    return out
