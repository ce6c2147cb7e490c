"""The typed scenario model: what a loaded scenario file is, independent of YAML and UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .expr import Effect, Node
from .text import Text

OUTCOMES = ("partner", "contact_broken", "escalation", "gave_in", "open")
CHANNELS = ("face_to_face", "writing", "online", "phone", "meeting")
VAR_TYPES = ("number", "bool", "text")
DIFFICULTIES = (1, 2, 3)


@dataclass(frozen=True, slots=True)
class Pos:
    """Where something stands in its file (1-based)."""

    line: int = 0
    column: int = 0


@dataclass(slots=True)
class Character:
    id: str
    name: Text
    description: Text
    pos: Pos = field(default_factory=Pos)


@dataclass(slots=True)
class Variable:
    id: str
    type: str
    initial: Any
    min: float | None = None
    max: float | None = None
    gauge: bool = False
    label: Text | None = None
    pos: Pos = field(default_factory=Pos)

    def clamp(self, value: Any) -> Any:
        if self.type != "number":
            return value
        if self.min is not None and value < self.min:
            value = type(value)(self.min) if isinstance(value, int) and float(self.min).is_integer() else self.min
        if self.max is not None and value > self.max:
            value = type(value)(self.max) if isinstance(value, int) and float(self.max).is_integer() else self.max
        return value


@dataclass(slots=True)
class Line:
    text: Text
    speaker: str | None = None  # None = narration
    pos: Pos = field(default_factory=Pos)


@dataclass(slots=True)
class Route:
    condition: Node
    condition_src: str
    target: str
    pos: Pos = field(default_factory=Pos)


@dataclass(slots=True)
class Override:
    """An author's score for some dimensions instead of the behaviours' defaults, and why."""

    scores: dict[str, int]
    reason: Text
    pos: Pos = field(default_factory=Pos)


@dataclass(slots=True)
class Choice:
    id: str
    text: Text
    target: str
    condition: Node | None = None
    condition_src: str | None = None
    unavailable: str = "hide"  # hide | disable
    reason: Text | None = None
    effects: list[Effect] = field(default_factory=list)
    scores: dict[str, int] = field(default_factory=dict)
    feedback: Text | None = None
    routes: list[Route] = field(default_factory=list)
    pos: Pos = field(default_factory=Pos)
    # The behaviours from the rubric's catalogue this choice shows; ``scores`` follow
    # from them (resolved at load time) unless the author overrides a dimension.
    behaviours: list[str] = field(default_factory=list)
    override: Override | None = None
    written_scores: bool = False  # ``scores:`` written in the file (not resolved)
    thought: Text | None = None  # what ``thought_by`` thinks after this choice
    thought_by: str | None = None

    def targets(self) -> list[str]:
        """Every node this choice can lead to, routes first, then the default."""
        return [r.target for r in self.routes] + [self.target]


@dataclass(slots=True)
class Ending:
    outcome: str
    title: Text
    text: Text
    pos: Pos = field(default_factory=Pos)


@dataclass(slots=True)
class ScenarioNode:
    id: str
    lines: list[Line] = field(default_factory=list)
    thought: Text | None = None
    thought_by: str | None = None  # the character whose thought it is
    trainer_notes: Text | None = None
    discussion: Text | None = None
    choices: list[Choice] = field(default_factory=list)
    next: str | None = None
    next_routes: list[Route] = field(default_factory=list)
    ending: Ending | None = None
    pos: Pos = field(default_factory=Pos)

    @property
    def kind(self) -> str:
        if self.ending is not None:
            return "ending"
        if self.next is not None:
            return "auto"
        return "choices"

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    def successors(self) -> list[str]:
        out: list[str] = []
        if self.next is not None:
            out += [r.target for r in self.next_routes] + [self.next]
        for c in self.choices:
            out += c.targets()
        return out


@dataclass(slots=True)
class ScenarioTip:
    """Advice for next time that the author gives with the scenario, for one rubric dimension."""

    dimension: str
    text: Text
    pos: Pos = field(default_factory=Pos)


@dataclass(slots=True, eq=False, weakref_slot=True)
class Scenario:
    id: str
    version: int
    languages: list[str]
    title: Text
    summary: Text
    role: Text
    dossier: Text
    start: str
    nodes: dict[str, ScenarioNode]
    characters: dict[str, Character] = field(default_factory=dict)
    variables: dict[str, Variable] = field(default_factory=dict)
    themes: list[str] = field(default_factory=list)
    difficulty: int = 1
    minutes: int = 10
    setting: Text | None = None
    channel: str = "face_to_face"
    path: str = ""
    content_hash: str = ""
    tips: list[ScenarioTip] = field(default_factory=list)

    def initial_values(self) -> dict[str, Any]:
        return {v.id: v.initial for v in self.variables.values()}

    def endings(self) -> dict[str, ScenarioNode]:
        return {k: n for k, n in self.nodes.items() if n.ending is not None}

    def thought_after(self, node_id: str, choice_id: str | None) -> tuple[Text, str | None] | None:
        """The thought shown after ``choice_id`` at ``node_id`` and whose it is (a
        character id; None when the scenario has no characters): the choice's own
        thought, else the node's."""
        node = self.nodes.get(node_id)
        if node is None:
            return None
        choice = node.choice(choice_id) if choice_id else None
        if choice is not None and choice.thought is not None:
            text, by = choice.thought, choice.thought_by
        elif node.thought is not None:
            text, by = node.thought, node.thought_by
        else:
            return None
        if by is None and len(self.characters) == 1:
            by = next(iter(self.characters))
        return text, by

    def dimensions_scored(self) -> list[str]:
        seen: dict[str, None] = {}
        for node in self.nodes.values():
            for c in node.choices:
                for d in c.scores:
                    seen[d] = None
        return list(seen)
