"""A JSON Schema of the scenario format, for editors with a YAML language server.

It accepts what ``sovsim validate`` accepts in shape (tests/test_schema.py holds the two
to each other): the id patterns and limits are the loader's own. What only the loader can
check (references between nodes, expressions, translations, reachability) is left to it.
"""

from __future__ import annotations

from typing import Any

from .loader import ID_RE, MAX_CHOICES, VAR_RE
from .scenario import CHANNELS, DIFFICULTIES, OUTCOMES, VAR_TYPES
from .text import KNOWN_LANGS


def _ecma(pattern: str) -> str:
    """A loader pattern for JSON Schema, whose regexes are ECMA-262: Python's ``\\Z`` (the
    very end) is written ``$`` there (without the multiline flag, the same)."""
    return pattern[:-2] + "$" if pattern.endswith("\\Z") else pattern


ID_PATTERN = _ecma(ID_RE.pattern)
VAR_PATTERN = _ecma(VAR_RE.pattern)
# YAML reads `15`, `Yes` or `2024-01-01` as a number, true/false or a date; in a text field
# the loader takes them as the words written, so an editor must accept them there too.
_SCALAR_TEXT = ["string", "number", "boolean"]


def _text(desc: str) -> dict[str, Any]:
    return {
        "description": desc + " Plain text (all languages) or one text per language.",
        "oneOf": [
            {"type": _SCALAR_TEXT},
            {"type": "object", "properties": {lang: {"type": _SCALAR_TEXT}
                                              for lang in KNOWN_LANGS},
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
    expression = {"type": ["string", "boolean"],
                  "description": 'An expression, e.g. "vertrouwen >= 3 and not gefilmd"'}
    route = _obj({"if": expression, "target": {"type": "string", "pattern": ID_PATTERN}},
                 ["if", "target"], "Go to target when the condition holds (first match wins).")
    score_keys: dict[str, Any] = {"type": "integer", "minimum": -100, "maximum": 100}
    scores: dict[str, Any] = {"type": "object", "description": "Rubric dimension id -> signed score."}
    if dimensions:
        scores["properties"] = {d: score_keys for d in dimensions}
        scores["additionalProperties"] = False
    else:
        scores["additionalProperties"] = score_keys
    behaviour_ids = getattr(dimensions, "behaviours", None) or {}
    behaviour: dict[str, Any] = {"type": "string", "pattern": ID_PATTERN}
    if behaviour_ids:
        behaviour = {"enum": sorted(behaviour_ids)}
    override: dict[str, Any] = {
        "type": "object", "required": ["reason"], "minProperties": 2,
        "description": "Scores for some dimensions instead of the behaviours' defaults, "
                       "with the reason why.",
        "properties": {"reason": _text("Why this choice scores differently here.")},
    }
    if dimensions:
        override["properties"].update({d: score_keys for d in dimensions})
        override["additionalProperties"] = False
    else:
        override["additionalProperties"] = score_keys
    def thought(desc: str) -> dict[str, Any]:
        return {"description": desc, "oneOf": [
            _text("The thought (only where the scenario has one character)."),
            _obj({"by": {"type": "string", "pattern": ID_PATTERN,
                         "description": "Whose thought: a character id."},
                  "text": _text("The thought.")}, ["text"]),
        ]}

    choice = _obj({
        "id": {"type": "string", "pattern": ID_PATTERN, "description": "Stable id, unique in its node."},
        "text": _text("What the trainee says or does."),
        "if": expression,
        "unavailable": {"enum": ["hide", "disable"], "description": "When the condition fails: hide the choice, or show it disabled with a reason."},
        "reason": _text("Why a disabled choice is not available."),
        "effects": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
                    "description": 'One effect, or a list: e.g. ["vertrouwen += 1", "gefilmd = true"]'},
        "scores": scores,
        "behaviours": {"type": "array", "items": behaviour, "minItems": 1, "uniqueItems": True,
                       "description": "The behaviours from the rubric's catalogue this choice "
                                      "shows; its scores follow from them."},
        "override": override,
        "feedback": _text("Why this choice is good or poor, in the rubric's terms."),
        "thought": thought("What a character thinks after this choice (coach mode)."),
        "target": {"type": "string", "pattern": ID_PATTERN},
        "routes": {"type": "array", "items": route},
    }, ["id", "text", "target"])
    # "unavailable" says what happens when the condition fails; "disable" shows a reason
    choice["dependentRequired"] = {"unavailable": ["if"]}
    choice["if"] = {"properties": {"unavailable": {"const": "disable"}},
                    "required": ["unavailable"]}
    choice["then"] = {"required": ["reason"]}
    line = {"oneOf": [{"type": _SCALAR_TEXT}, _obj({"speaker": {"type": "string"}, "text": _text("The line.")}, ["text"])]}
    node = _obj({
        "lines": {"type": "array", "items": line},
        "thought": thought("What a character thinks but does not say (coach mode)."),
        "trainer_notes": _text("Notes for the trainer."),
        "discussion": _text("A question for group discussion."),
        "choices": {"type": "array", "items": choice, "minItems": 1, "maxItems": MAX_CHOICES},
        "next": {"type": "string", "pattern": ID_PATTERN, "description": "Continue automatically."},
        "routes": {"type": "array", "items": route},
        "ending": _obj({"outcome": {"enum": list(OUTCOMES)}, "title": _text("Ending title."),
                        "text": _text("Ending text.")}, ["outcome", "title", "text"]),
    })
    node["oneOf"] = [{"required": ["choices"]}, {"required": ["next"]}, {"required": ["ending"]}]
    node["dependentRequired"] = {"routes": ["next"]}
    variable = _obj({
        "type": {"enum": list(VAR_TYPES)},
        "initial": {"type": ["number", "boolean", "string"]},
        "min": {"type": "number"}, "max": {"type": "number"},
        "gauge": {"type": "boolean"}, "label": _text("Gauge label."),
    }, ["type", "initial"])
    # the initial value has the variable's type; bounds and a gauge only for numbers
    variable["allOf"] = [
        {"if": {"properties": {"type": {"const": "number"}}},
         "then": {"properties": {"initial": {"type": "number"}}},
         "else": {"not": {"anyOf": [{"required": ["min"]}, {"required": ["max"]},
                                    {"properties": {"gauge": {"const": True}},
                                     "required": ["gauge"]}]}}},
        {"if": {"properties": {"type": {"const": "bool"}}},
         "then": {"properties": {"initial": {"type": "boolean"}}}},
        {"if": {"properties": {"type": {"const": "text"}}},
         "then": {"properties": {"initial": {"type": "string"}}}},
        {"if": {"properties": {"gauge": {"const": True}}, "required": ["gauge"]},
         "then": {"required": ["label"]}},
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://sovsim.invalid/schema/scenario-1.json",
        "title": "sovsim scenario",
        **_obj({
            "format": {"description": "Reserved."},
            "id": {"type": "string", "pattern": ID_PATTERN},
            "version": {"type": "integer"},
            "languages": {"type": "array", "items": {"enum": list(KNOWN_LANGS)},
                          "uniqueItems": True, "minItems": 1},
            "title": _text("Title."), "summary": _text("Summary for the library."),
            "role": _text("The trainee's role."), "dossier": _text("The case file."),
            "setting": _text("Where it happens."),
            "themes": {"type": "array", "items": {"type": "string"}},
            "difficulty": {"enum": list(DIFFICULTIES)},
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
