"""Dutch and English labels for debriefs, and how a piece of advice names its sources.

Provenance is shown honestly: only the quick scan's verbatim recommendation is
called the quick scan; synthesis is introduced as "synthese, gebaseerd op ..." /
"synthesis based on ..." and never quoted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .debrief import CitationView, DimensionResult

LABELS: dict[str, dict[str, str]] = {
    "debrief": {"nl": "Nabespreking", "en": "Debrief"},
    "role": {"nl": "Rol", "en": "Role"},
    "mode": {"nl": "Modus", "en": "Mode"},
    "played": {"nl": "Gespeeld", "en": "Played"},
    "decisions": {"nl": "Beslissingen", "en": "Decisions"},
    "scenario": {"nl": "Scenario", "en": "Scenario"},
    "version": {"nl": "versie", "en": "version"},
    "rubric": {"nl": "Rubric", "en": "Rubric"},
    "notices": {"nl": "Let op", "en": "Please note"},
    "ending": {"nl": "Afloop", "en": "Ending"},
    "outcome": {"nl": "uitkomst", "en": "outcome"},
    "not_finished": {"nl": "Nog niet afgerond.", "en": "Not finished yet."},
    "scores": {"nl": "Scores per dimensie", "en": "Scores per dimension"},
    "dimension": {"nl": "Dimensie", "en": "Dimension"},
    "score": {"nl": "Score", "en": "Score"},
    "band": {"nl": "Band", "en": "Band"},
    "total": {"nl": "Ruw totaal (bereik)", "en": "Raw total (range)"},
    "to": {"nl": "tot", "en": "to"},
    "not_assessed": {"nl": "niet beoordeeld", "en": "not assessed"},
    "bands": {"nl": "Banden", "en": "Bands"},
    "scale": {"nl": "Bij elke beslissing telt waar jouw keuze zat tussen de zwakste en de sterkste "
                    "optie die je op dat moment had: 100 is overal de sterkste gekozen, 0 overal "
                    "de zwakste. Het bereik is het laagste en hoogste totaal dat de beslissingen "
                    "in jouw route toelieten.",
              "en": "At each decision, what counts is where your choice sat between the weakest "
                    "and the strongest option you had at that moment: 100 is the strongest chosen "
                    "every time, 0 the weakest. The range is the lowest and highest total the "
                    "decisions on your route allowed."},
    "quadrant": {"nl": "Kwadrant", "en": "Quadrant"},
    "no_quadrant": {"nl": "Geen kwadrant: dit scenario beoordeelt niet beide assen.",
                    "en": "No quadrant: this scenario does not assess both axes."},
    "high": {"nl": "hoog", "en": "high"},
    "low": {"nl": "laag", "en": "low"},
    "threshold": {"nl": "drempel", "en": "threshold"},
    "you": {"nl": "jij", "en": "you"},
    "key_moments": {"nl": "Sleutelmomenten", "en": "Key moments"},
    "no_moments": {"nl": "Geen keuzes met een duidelijk positief of negatief effect.",
                   "en": "No choices with a clearly positive or negative effect."},
    "decision": {"nl": "Beslissing", "en": "Decision"},
    "good": {"nl": "sterk", "en": "strong"},
    "poor": {"nl": "kan beter", "en": "could be better"},
    "your_choice": {"nl": "Jouw keuze", "en": "Your choice"},
    "why": {"nl": "Waarom", "en": "Why"},
    "better": {"nl": "Beter was geweest", "en": "A better option was"},
    "no_better": {"nl": "Er was op dat moment geen betere keuze beschikbaar.",
                  "en": "No better option was available at that moment."},
    "no_scores": {"nl": "geen scores", "en": "no scores"},
    "try_next": {"nl": "Probeer volgende keer", "en": "Try next time"},
    "practice": {"nl": "Goede praktijk", "en": "Good practice"},
    "source": {"nl": "Bron", "en": "Source"},
    "path": {"nl": "Gevolgde route", "en": "Path taken"},
    "choice": {"nl": "keuze", "en": "choice"},
    "end": {"nl": "einde", "en": "end"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "source_note": {
        "nl": "Alleen tekst tussen aanhalingstekens in een bronvermelding is letterlijk geciteerd; "
              "vertalingen daarvan zijn van ons. 'Synthese' betekent: onze eigen afleiding uit de "
              "genoemde bronnen, geen citaat uit de quick scan. Webadressen staan er ter "
              "verwijzing.",
        "en": "Only text in quotation marks in a source note is quoted verbatim; translations of "
              "it are ours. 'Synthesis' means our own inference from the sources named, not a "
              "quote from the quick scan. Web addresses are given for reference.",
    },
    "prov_quickscan": {"nl": "Quick scan, letterlijk (via {keys})",
                       "en": "Quick scan, verbatim (via {keys})"},
    "prov_letter": {"nl": "Kamerbrief ({keys})", "en": "Minister's letter ({keys})"},
    "prov_guidance": {"nl": "richtlijn of verwante bron: {keys}",
                      "en": "guidance or related source: {keys}"},
    "prov_synthesis": {"nl": "synthese, gebaseerd op {keys}", "en": "synthesis based on {keys}"},
    "translation": {"nl": "vertaling", "en": "our translation"},
    # -- issue 12: decisions per score, capped axes, the turning point, tips from the run --
    "based_on": {"nl": "Beslissingen", "en": "Decisions"},
    "decisions_n": {"nl": "{n} beslissingen", "en": "{n} decisions"},
    "decisions_1": {"nl": "1 beslissing", "en": "1 decision"},
    "rests_on": {"nl": "op basis van {what}", "en": "based on {what}"},
    "capped": {"nl": "{axis} afgetopt van {uncapped} naar {score}.",
               "en": "{axis} capped from {uncapped} to {score}."},
    "turning_point": {"nl": "Kantelpunt", "en": "Turning point"},
    "turning_intro": {"nl": "Na beslissing {n} was een betere afloop niet meer bereikbaar.",
                      "en": "After decision {n}, a better ending was out of reach."},
    "better_there": {"nl": "Wat daar wel kon", "en": "What you could have done there"},
    "could_reach": {"nl": "Daarmee was nog bereikbaar", "en": "That could still lead to"},
    "best_ending": {"nl": "Je bereikte de beste afloop die dit scenario vanaf het begin toeliet.",
                    "en": "You reached the best ending this scenario allowed from the start."},
    "at_decision": {"nl": "Bij beslissing {n}", "en": "At decision {n}"},
    "next_time": {"nl": "kies dan", "en": "choose"},
    "scenario_tip": {"nl": "tip bij dit scenario", "en": "tip for this scenario"},
    "keep_doing": {"nl": "Blijf dit doen", "en": "Keep doing this"},
    "keep_intro": {"nl": "Je scoorde op elk beoordeeld onderdeel in de hoogste band. Dit waren je "
                         "sterkste keuzes:",
                   "en": "You scored in the highest band on every assessed dimension. These were "
                         "your strongest choices:"},
    "keep_intro_good": {"nl": "Je scoorde op elk beoordeeld onderdeel goed of beter. Dit waren je "
                              "sterkste keuzes:",
                        "en": "You scored good or better on every assessed dimension. These were "
                              "your strongest choices:"},
}

MODES = {
    "coach": {"nl": "coachmodus", "en": "coach mode"},
    "assessment": {"nl": "toetsmodus", "en": "assessment mode"},
    "group": {"nl": "groepssessie", "en": "group session"},
}

OUTCOMES = {
    "partner": {"nl": "betrouwbare partner", "en": "reliable partner"},
    "contact_broken": {"nl": "contact verbroken", "en": "contact broken"},
    "escalation": {"nl": "escalatie", "en": "escalation"},
    "gave_in": {"nl": "toegegeven", "en": "gave in"},
    "open": {"nl": "open einde", "en": "open ending"},
}

STATUS = {
    "not_scored": {"nl": "dit scenario scoort deze dimensie niet",
                   "en": "this scenario does not score this dimension"},
    "not_at_stake": {"nl": "kwam in jouw route niet aan bod: bij geen van je beslissingen "
                           "verschilden de opties hierop",
                     "en": "did not come up on your route: at none of your decisions did the "
                           "options differ on this"},
}


def label(key: str, lang: str, **kw: object) -> str:
    text = LABELS[key].get(lang) or LABELS[key]["nl"]
    return text.format(**kw) if kw else text


def mode_label(mode: str | None, lang: str) -> str | None:
    if mode is None:
        return None
    return MODES.get(mode, {}).get(lang, mode)


def outcome_label(outcome: str, lang: str) -> str:
    return OUTCOMES.get(outcome, {}).get(lang, outcome)


def status_text(dim: DimensionResult, lang: str) -> str:
    return STATUS.get(dim.status, {}).get(lang, dim.status).format(raw=signed(dim.raw))


def decisions_text(n: int, lang: str) -> str:
    """'1 beslissing' / '3 beslissingen'."""
    return label("decisions_1", lang) if n == 1 else label("decisions_n", lang, n=n)


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def format_time(value: str | None) -> str | None:
    """'2024-10-01 14:03 UTC' from an ISO time; the text itself if it is not one."""
    if not value:
        return None
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        return value
    if t.utcoffset() is not None and t.utcoffset().total_seconds() == 0:  # type: ignore[union-attr]
        return t.strftime("%Y-%m-%d %H:%M UTC")
    return t.strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True, slots=True)
class AttributionPart:
    """One group of a source note: its lead text and any verbatim quotes with translations."""

    provenance: str
    lead: str
    quotes: tuple[tuple[str, str | None], ...]  # (quote, translation or None)


def attribution(citations: Iterable[CitationView], lang: str) -> list[AttributionPart]:
    """Citations grouped by provenance (quick scan, letter, guidance, synthesis)."""
    parts: list[AttributionPart] = []
    cites = list(citations)
    for prov in ("quickscan", "letter", "guidance", "synthesis"):
        group = [c for c in cites if c.provenance == prov]
        if not group:
            continue
        keys = list(dict.fromkeys(c.source for c in group))
        quotes = tuple(dict.fromkeys((c.quote, c.translation) for c in group if c.quote))
        parts.append(AttributionPart(prov, label(f"prov_{prov}", lang, keys=", ".join(keys)),
                                     quotes))
    return parts


def attribution_text(citations: Iterable[CitationView], lang: str) -> str:
    """The source note as one plain line."""
    out = []
    for part in attribution(citations, lang):
        text = part.lead
        if part.quotes:
            qs = []
            for q, tr in part.quotes:
                qs.append(f"“{q}”" + (f" ({label('translation', lang)}: “{tr}”)" if tr else ""))
            text += ": " + "; ".join(qs)
        out.append(text)
    s = "; ".join(out)
    return s[:1].upper() + s[1:]


def score_list(scores: dict[str, int], dims: Iterable[DimensionResult], lang: str) -> str:
    """'Verbinding +2, Begrip +2' with the rubric's short names, in the scores' order."""
    names = {d.id: d.short for d in dims}
    if not scores:
        return label("no_scores", lang)
    return ", ".join(f"{names.get(k, k)} {signed(v)}" for k, v in scores.items())


# -- the gauges over the run (issue 12, branch catalogue) ----------------------------------
LABELS.update({
    "gauges": {"nl": "Meters tijdens het gesprek", "en": "Gauges during the conversation"},
    "gauges_note": {"nl": "De stand bij de start (0) en na elke beslissing (1, 2, ...); "
                          "tussen haakjes het bereik van de meter.",
                    "en": "The value at the start (0) and after each decision (1, 2, ...); "
                          "the gauge's range in brackets."},
    "gauges_chart": {"nl": "Grafiek van de meters per beslissing",
                     "en": "Chart of the gauges per decision"},
    "gauges_axis": {"nl": "beslissing", "en": "decision"},
})

# -- the plain-text debrief for screen readers (issue 14, plain mode) -------------------------
LABELS.update({
    "plain_meta": {"nl": "Rol: {role}.", "en": "Role: {role}."},
    "plain_decisions": {"nl": "{n} beslissingen.", "en": "{n} decisions."},
    "plain_decisions_one": {"nl": "1 beslissing.", "en": "1 decision."},
    "plain_scores": {"nl": "Scores per dimensie, van 0 tot 100:",
                     "en": "Scores per dimension, from 0 to 100:"},
    "plain_score": {"nl": "{dim}: {score}, {band}.", "en": "{dim}: {score}, {band}."},
    "plain_bands": {"nl": "De banden: {bands}.", "en": "The bands: {bands}."},
    "plain_band": {"nl": "{name} van {lower} tot {upper}", "en": "{name} from {lower} to {upper}"},
    "plain_axis": {"nl": "{axis}: {score}, {level} (drempel {threshold}).",
                   "en": "{axis}: {score}, {level} (threshold {threshold})."},
    "plain_quadrant": {"nl": "Jouw positie: {name}.", "en": "Where you stand: {name}."},
    "plain_moment": {"nl": "Beslissing {n}: {kind}.", "en": "Decision {n}: {kind}."},
    "plain_step": {"nl": "{n}. {said}", "en": "{n}. {said}"},
    "plain_you_chose": {"nl": "Jij koos: {text}", "en": "You chose: {text}"},
    "plain_ended": {"nl": "Afloop: {title}.", "en": "Ending: {title}."},
})
