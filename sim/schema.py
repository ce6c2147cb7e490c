"""A JSON Schema of the scenario format, for editors with a YAML language server."""

from __future__ import annotations

from typing import Any

from .scenario import CHANNELS, OUTCOMES

ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$"
VAR_PATTERN = "^[A-Za-z][A-Za-z0-9_]{0,59}$"


def _text(desc: str) -> dict[str, Any]:
    return {
        "description": desc + " Plain text (all languages) or one text per language.",
        "oneOf": [
            {"type": "string"},
            {"type": "object", "properties": {"nl": {"type": "string"}, "en": {"type": "string"}},
             "additionalProperties": False, "minProperties": 1},
        ],
    }


def _obj(props: dict[str, Any], required: list[str] | None = None, desc: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        out["required"] = required
    if desc:
        out["description"] = desc
    return out


def scenario_schema(dimensions: list[str] | None = None) -> dict[str, Any]:
    expression = {"type": "string", "description": 'An expression, e.g. "vertrouwen >= 3 and not gefilmd"'}
    route = _obj({"if": expression, "target": {"type": "string", "pattern": ID_PATTERN}},
                 ["if", "target"], "Go to target when the condition holds (first match wins).")
    score_keys: dict[str, Any] = {"type": "integer", "minimum": -100, "maximum": 100}
    scores: dict[str, Any] = {"type": "object", "description": "Rubric dimension id -> signed score."}
    if dimensions:
        scores["properties"] = {d: score_keys for d in dimensions}
        scores["additionalProperties"] = False
    else:
        scores["additionalProperties"] = score_keys
    choice = _obj({
        "id": {"type": "string", "pattern": ID_PATTERN, "description": "Stable id, unique in its node."},
        "text": _text("What the trainee says or does."),
        "if": expression,
        "unavailable": {"enum": ["hide", "disable"], "description": "When the condition fails: hide the choice, or show it disabled with a reason."},
        "reason": _text("Why a disabled choice is not available."),
        "effects": {"type": "array", "items": {"type": "string"}, "description": 'e.g. ["vertrouwen += 1", "gefilmd = true"]'},
        "scores": scores,
        "feedback": _text("Why this choice is good or poor, in the rubric's terms."),
        "target": {"type": "string", "pattern": ID_PATTERN},
        "routes": {"type": "array", "items": route},
    }, ["id", "text", "target"])
    line = {"oneOf": [{"type": "string"}, _obj({"speaker": {"type": "string"}, "text": _text("The line.")}, ["text"])]}
    node = _obj({
        "lines": {"type": "array", "items": line},
        "thought": _text("What the other person thinks but does not say (coach mode)."),
        "trainer_notes": _text("Notes for the trainer."),
        "discussion": _text("A question for group discussion."),
        "choices": {"type": "array", "items": choice, "minItems": 1},
        "next": {"type": "string", "pattern": ID_PATTERN, "description": "Continue automatically."},
        "routes": {"type": "array", "items": route},
        "ending": _obj({"outcome": {"enum": list(OUTCOMES)}, "title": _text("Ending title."),
                        "text": _text("Ending text.")}, ["outcome", "title", "text"]),
    })
    node["oneOf"] = [{"required": ["choices"]}, {"required": ["next"]}, {"required": ["ending"]}]
    variable = _obj({
        "type": {"enum": ["number", "bool", "text"]},
        "initial": {"type": ["number", "boolean", "string"]},
        "min": {"type": "number"}, "max": {"type": "number"},
        "gauge": {"type": "boolean"}, "label": _text("Gauge label."),
    }, ["type", "initial"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://sovsim.invalid/schema/scenario-1.json",
        "title": "sovsim scenario",
        **_obj({
            "format": {"type": "integer"},
            "id": {"type": "string", "pattern": ID_PATTERN},
            "version": {"type": "integer", "minimum": 0},
            "languages": {"type": "array", "items": {"enum": ["nl", "en"]}, "uniqueItems": True},
            "title": _text("Title."), "summary": _text("Summary for the library."),
            "role": _text("The trainee's role."), "dossier": _text("The case file."),
            "setting": _text("Where it happens."),
            "themes": {"type": "array", "items": {"type": "string"}},
            "difficulty": {"enum": [1, 2, 3]},
            "minutes": {"type": "integer", "minimum": 1, "maximum": 600},
            "channel": {"enum": list(CHANNELS)},
            "tips": {"type": "array", "description": "Tips for the debrief, per rubric dimension.",
                     "items": _obj({"dimension": {"type": "string"},
                                    "text": _text("The tip.")}, ["dimension", "text"])},
            "characters": {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                           "additionalProperties": _obj({"name": _text("Name."), "description": _text("Who they are.")}, ["name"])},
            "variables": {"type": "object", "propertyNames": {"pattern": VAR_PATTERN},
                          "additionalProperties": variable},
            "start": {"type": "string", "pattern": ID_PATTERN},
            "nodes": {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                      "additionalProperties": node, "minProperties": 1},
        }, ["id", "version", "title", "summary", "role", "start", "nodes"]),
    }
